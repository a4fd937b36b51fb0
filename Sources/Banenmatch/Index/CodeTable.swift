/// Interns the codes of one code space (skills, accommodations, job types, sectors, regions)
/// as dense integers, so the inner loop compares integers and bit words.
struct CodeTable: Sendable {
  private var numbers: [ByteKey: UInt32] = [:]
  private(set) var codes: [String] = []

  /// Never the number of a code: codes unknown to the index map to this and match nothing.
  static let absent = UInt32.max

  var count: Int { codes.count }

  mutating func intern(_ code: String) -> UInt32 {
    let key = ByteKey(code)
    if let number = numbers[key] { return number }
    let number = UInt32(codes.count)
    numbers[key] = number
    codes.append(code)
    return number
  }

  /// The number of a code already interned, else `absent`.
  func lookup(_ code: String) -> UInt32 { numbers[ByteKey(code)] ?? CodeTable.absent }

  /// Interns each code; returns them sorted, each once.
  mutating func internSet(_ codes: [String]) -> [UInt32] {
    var numbers = codes.map { intern($0) }
    numbers.sort()
    return numbers.uniqued()
  }

  /// Interns each code and puts the table's own copy of its text in its place, so that the
  /// records of the index share one string per code; returns the codes sorted, each once.
  mutating func internSet(sharing codes: inout [String]) -> [UInt32] {
    var numbers: [UInt32] = []
    numbers.reserveCapacity(codes.count)
    for index in codes.indices {
      let number = intern(codes[index])
      numbers.append(number)
      codes[index] = self.codes[Int(number)]
    }
    numbers.sort()
    return numbers.uniqued()
  }

  /// Interns a code and puts the table's own copy of its text in its place.
  mutating func intern(sharing code: inout String) -> UInt32 {
    let number = intern(code)
    code = codes[Int(number)]
    return number
  }
}

extension Array where Element == UInt32 {
  /// A sorted array with its repeats removed.
  func uniqued() -> [UInt32] {
    guard count > 1 else { return self }
    var result: [UInt32] = []
    result.reserveCapacity(count)
    for value in self where result.last != value { result.append(value) }
    return result
  }
}

/// A set of codes as dense bit words: the query side of every set test.
@usableFromInline
struct CodeBits: Sendable {
  @usableFromInline var words: [UInt64]

  init(capacity: Int) { words = Array(repeating: 0, count: (capacity + 63) / 64) }

  init(_ codes: [UInt32], capacity: Int) {
    self.init(capacity: capacity)
    for code in codes where code != CodeTable.absent { insert(code) }
  }

  mutating func insert(_ code: UInt32) {
    let word = Int(code >> 6)
    if word >= words.count { words += Array(repeating: 0, count: word + 1 - words.count) }
    words[word] |= 1 << UInt64(code & 63)
  }

  @inlinable @inline(__always)
  func contains(_ code: UInt32) -> Bool {
    let word = Int(code >> 6)
    return word < words.count && words[word] & (1 << UInt64(code & 63)) != 0
  }
}
