/// Request filters turned into interned codes and slot lists once per query.
struct CompiledFilters {
  var regions: CodeBits?
  /// Bit i set: employer type i allowed.
  var employerTypes: UInt8 = 0xFF
  var sectors: CodeBits?
  var jobTypes: CodeBits?
  /// Sorted slots of the excluded records.
  var excludedSlots: [Int]
  var maxKm: Double

  init(_ filters: MatchFilters, vocabulary: Vocabulary, slots: [ByteKey: Int]) {
    func bits(_ codes: [String]?, _ table: CodeTable) -> CodeBits? {
      codes.map { CodeBits($0.map { table.lookup($0) }, capacity: table.count) }
    }
    regions = bits(filters.regions, vocabulary.regions)
    sectors = bits(filters.sectors, vocabulary.sectors)
    jobTypes = bits(filters.jobTypes, vocabulary.jobTypes)
    if let types = filters.employerTypes {
      employerTypes = types.reduce(0) { $0 | 1 << UInt8(EmployerType.allCases.firstIndex(of: $1)!) }
    }
    excludedSlots = Array(Set(filters.excludeIDs.compactMap { slots[ByteKey($0)] })).sorted()
    maxKm = filters.maxKm ?? .infinity
  }

  /// Whether a filter other than `excludeIds` and `maxKm` narrows the vacancies considered.
  var restrictsVacancies: Bool {
    regions != nil || employerTypes != 0xFF || sectors != nil || jobTypes != nil
  }

  @inline(__always)
  func isExcluded(_ slot: Int) -> Bool {
    !excludedSlots.isEmpty && binarySearch(excludedSlots, slot)
  }
}

@inline(__always)
func binarySearch<C: RandomAccessCollection>(_ sorted: C, _ value: C.Element) -> Bool
where C.Element: Comparable, C.Index == Int {
  var low = sorted.startIndex
  var high = sorted.endIndex
  while low < high {
    let mid = (low + high) / 2
    if sorted[mid] < value { low = mid + 1 } else { high = mid }
  }
  return low < sorted.endIndex && sorted[low] == value
}

extension CodeSetColumn {
  /// Whether `slot`'s set holds `code`.
  @inline(__always)
  func contains(_ code: UInt32, at slot: Int) -> Bool {
    guard signatures[slot] & (1 << UInt64(code & 63)) != 0 else { return false }
    let start = Int(starts[slot])
    return binarySearch(pool[start..<start + Int(counts[slot])], code)
  }

  /// Whether every code of `slot`'s set is in `bits`.
  @inline(__always)
  func isSubset(at slot: Int, of bits: CodeBits, signature: UInt64) -> Bool {
    guard signatures[slot] & ~signature == 0 else { return false }
    let start = Int(starts[slot])
    for i in start..<start + Int(counts[slot]) where !bits.contains(pool[i]) { return false }
    return true
  }

  /// Whether every code of the sorted `codes` is in `slot`'s set.
  @inline(__always)
  func contains(all codes: [UInt32], signature: UInt64, at slot: Int) -> Bool {
    guard signature & ~signatures[slot] == 0 else { return false }
    let start = Int(starts[slot])
    let members = pool[start..<start + Int(counts[slot])]
    for code in codes where !binarySearch(members, code) { return false }
    return true
  }

  /// How many codes of `slot`'s set are in `bits`.
  @inline(__always)
  func countMembers(at slot: Int, in bits: CodeBits) -> Int {
    let start = Int(starts[slot])
    var matched = 0
    for i in start..<start + Int(counts[slot]) where bits.contains(pool[i]) { matched += 1 }
    return matched
  }

  @inline(__always)
  func count(at slot: Int) -> Int { Int(counts[slot]) }
}

/// Distances in the pruning test are compared with this slack, so that rounding in the
/// haversine can never make the cheap latitude bound reject a pair the exact test accepts.
@inline(__always)
func latitudeBoundExceeds(_ dLatRadians: Double, _ limitKm: Double) -> Bool {
  abs(dLatRadians) * GeoMath.earthRadiusKm > limitKm * (1 + 1e-9) + 1e-9
}
