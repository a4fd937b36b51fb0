/// A set of interned codes below 256 as four bit words, kept inline in a row: the skill sets
/// of seekers and vacancies. Codes from 256 up live in the row's overflow record
/// (`CodeOverflow`); real vocabularies (SPEC's samples have 200 skills) never need it.
@usableFromInline
struct Bits256: Hashable, Sendable {
  @usableFromInline var w0: UInt64 = 0
  @usableFromInline var w1: UInt64 = 0
  @usableFromInline var w2: UInt64 = 0
  @usableFromInline var w3: UInt64 = 0

  static let limit: UInt32 = 256

  init() {}

  /// The codes below 256 of `codes`; the others are left to the caller.
  init(_ codes: some Sequence<UInt32>) {
    for code in codes where code < Self.limit { insert(code) }
  }

  @inline(__always)
  mutating func insert(_ code: UInt32) {
    let bit: UInt64 = 1 << UInt64(code & 63)
    switch code >> 6 {
    case 0: w0 |= bit
    case 1: w1 |= bit
    case 2: w2 |= bit
    default: w3 |= bit
    }
  }

  @inline(__always)
  func contains(_ code: UInt32) -> Bool {
    guard code < Self.limit else { return false }
    let bit: UInt64 = 1 << UInt64(code & 63)
    switch code >> 6 {
    case 0: return w0 & bit != 0
    case 1: return w1 & bit != 0
    case 2: return w2 & bit != 0
    default: return w3 & bit != 0
    }
  }

  @inline(__always)
  func isSubset(of other: Bits256) -> Bool {
    (w0 & ~other.w0) | (w1 & ~other.w1) | (w2 & ~other.w2) | (w3 & ~other.w3) == 0
  }

  /// The number of common members. The sets it is asked about (preferred skills) are small,
  /// so the bits are counted one by one: without a POPCNT instruction (the x86-64 baseline),
  /// four `nonzeroBitCount`s cost about 50 instructions, this a few per member.
  @inline(__always)
  func intersectionCount(_ other: Bits256) -> Int {
    sparseCount(w0 & other.w0) + sparseCount(w1 & other.w1) + sparseCount(w2 & other.w2)
      + sparseCount(w3 & other.w3)
  }

  var count: Int { w0.nonzeroBitCount + w1.nonzeroBitCount + w2.nonzeroBitCount + w3.nonzeroBitCount }

  @inline(__always)
  func intersects(_ other: Bits256) -> Bool {
    (w0 & other.w0) | (w1 & other.w1) | (w2 & other.w2) | (w3 & other.w3) != 0
  }

  mutating func formUnion(_ other: Bits256) {
    w0 |= other.w0
    w1 |= other.w1
    w2 |= other.w2
    w3 |= other.w3
  }

  /// Bit `code % 64` of every member: a cheap, conservative stand-in for subset tests
  /// (`a ⊆ b` implies `a.folded ⊆ b.folded`).
  @inline(__always)
  var folded: UInt64 { w0 | w1 | w2 | w3 }
}

/// A set of interned codes below 64 as one bit word, kept inline in a row: accommodations,
/// job types and sectors. Codes from 64 up live in the row's overflow record.
@usableFromInline
struct Bits64: Hashable, Sendable {
  @usableFromInline var word: UInt64 = 0

  static let limit: UInt32 = 64

  init() {}

  init(_ codes: some Sequence<UInt32>) {
    for code in codes where code < Self.limit { word |= 1 << UInt64(code) }
  }

  @inline(__always)
  func contains(_ code: UInt32) -> Bool { code < Self.limit && word & (1 << UInt64(code)) != 0 }

  @inline(__always)
  func isSubset(of other: Bits64) -> Bool { word & ~other.word == 0 }

  var isEmpty: Bool { word == 0 }
}

/// The codes of a row's sets that do not fit its inline bits (skills from 256, the other code
/// spaces from 64), sorted, each once. Most rows have none and refer to no overflow record.
struct CodeOverflow: Hashable, Sendable {
  /// Seekers: skills; vacancies: required skills.
  var first: [UInt32] = []
  /// Seekers: needs; vacancies: preferred skills.
  var second: [UInt32] = []
  /// Seekers: experience; vacancies: offers.
  var third: [UInt32] = []
  /// Seekers: preferred job types.
  var fourth: [UInt32] = []
  /// Seekers: preferred sectors.
  var fifth: [UInt32] = []

  var isEmpty: Bool { first.isEmpty && second.isEmpty && third.isEmpty && fourth.isEmpty && fifth.isEmpty }

  /// The codes of `codes` at or above `limit`, sorted, each once (none allocated when there
  /// are none, as for real vocabularies).
  static func high(_ codes: some Collection<UInt32>, limit: UInt32) -> [UInt32] {
    guard codes.contains(where: { $0 >= limit }) else { return [] }
    return codes.filter { $0 >= limit }.sortedUnique()
  }
}

/// Overflow records, numbered from 1 (0 in a row means none), with a free list.
struct OverflowTable: Sendable {
  private var records: [CodeOverflow] = [CodeOverflow()]
  private var free: [UInt32] = []

  /// Stores `overflow` and returns its number, or 0 when it is empty.
  mutating func add(_ overflow: CodeOverflow) -> UInt32 {
    guard !overflow.isEmpty else { return 0 }
    if let number = free.popLast() {
      records[Int(number)] = overflow
      return number
    }
    records.append(overflow)
    return UInt32(records.count - 1)
  }

  mutating func remove(_ number: UInt32) {
    guard number != 0 else { return }
    records[Int(number)] = CodeOverflow()
    free.append(number)
  }

  @inline(__always)
  subscript(number: UInt32) -> CodeOverflow { records[Int(number)] }
}

extension Array where Element == UInt32 {
  /// How many times longer one sorted array must be than the other before a merge walks it
  /// by binary search: a row's few codes against a request's hundred thousand would
  /// otherwise cost the long list for every row judged.
  static var lopsided: Int { 16 }

  /// Whether every code of this sorted array is in the sorted array `other`.
  func isSortedSubset(of other: [UInt32]) -> Bool {
    if other.count > Self.lopsided * Swift.max(count, 1) { return allSatisfy(other.sortedContains) }
    var j = 0
    for code in self {
      while j < other.count && other[j] < code { j += 1 }
      if j == other.count || other[j] != code { return false }
      j += 1
    }
    return true
  }

  /// How many codes the sorted arrays (each code once) have in common.
  func sortedIntersectionCount(_ other: [UInt32]) -> Int {
    let (short, long) = count <= other.count ? (self, other) : (other, self)
    if long.count > Self.lopsided * Swift.max(short.count, 1) {
      var common = 0
      for code in short where long.sortedContains(code) { common += 1 }
      return common
    }
    var (i, j, common) = (0, 0, 0)
    while i < count && j < other.count {
      if self[i] < other[j] {
        i += 1
      } else if self[i] > other[j] {
        j += 1
      } else {
        common += 1
        i += 1
        j += 1
      }
    }
    return common
  }
}

extension Array where Element: Comparable {
  /// Whether the sorted array holds `value` (a binary search).
  @inline(__always)
  func sortedContains(_ value: Element) -> Bool {
    var (low, high) = (0, count)
    while low < high {
      let mid = (low + high) / 2
      if self[mid] < value { low = mid + 1 } else { high = mid }
    }
    return low < count && self[low] == value
  }
}

/// Calls `body` with the number of each set bit of `word`, lowest first.
@inline(__always)
func forEachBit(_ word: UInt64, _ body: (Int) -> Void) {
  var rest = word
  while rest != 0 {
    body(rest.trailingZeroBitCount)
    rest &= rest &- 1
  }
}

/// The number of set bits, one by one: cheaper than `nonzeroBitCount` without a POPCNT
/// instruction when few are set.
@inline(__always)
func sparseCount(_ word: UInt64) -> Int {
  var rest = word
  var count = 0
  while rest != 0 {
    count += 1
    rest &= rest &- 1
  }
  return count
}

// MARK: - Snapshots

extension OverflowTable {
  func write(to writer: inout SnapshotWriter<some SnapshotSink>) {
    writer.scalar(records.count)
    for record in records {
      for codes in [record.first, record.second, record.third, record.fourth, record.fifth] { writer.array(codes) }
    }
    writer.array(free)
  }

  init(from reader: SnapshotReader<some SnapshotSource>) throws(SnapshotError) {
    let count = try reader.count(stride: 5 * MemoryLayout<Int>.size)
    guard count >= 1 else { throw SnapshotError("an overflow table without its record 0") }
    records = []
    records.reserveCapacity(count)
    for _ in 0..<count {
      records.append(
        CodeOverflow(
          first: try reader.array([UInt32].self), second: try reader.array([UInt32].self),
          third: try reader.array([UInt32].self), fourth: try reader.array([UInt32].self),
          fifth: try reader.array([UInt32].self)))
    }
    free = try reader.array([UInt32].self)
    guard free.allSatisfy({ $0 >= 1 && Int($0) < count }) else {
      throw SnapshotError("a free overflow record out of range")
    }
  }
}

extension Bits256: SnapshotPlain {
  static let fieldBytes = FieldBytes(Self.self, [field(\Self.w0), field(\Self.w1), field(\Self.w2), field(\Self.w3)])
}

extension Bits64: SnapshotPlain {
  static let fieldBytes = FieldBytes(Self.self, [field(\Self.word)])
}
