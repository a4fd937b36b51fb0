/// Interns the codes of one code space (skills, accommodations, job types, sectors, regions)
/// as dense integers, so the inner loop compares integers and bit words.
///
/// Codes come from the hosts' records, and `byteHash` is not keyed: codes chosen to share
/// slots could make every lookup walk all of them (one big record, and the worker would hang).
/// So the table watches the run of occupied slots each new code joins, and once one is longer
/// than `longestRun` it hashes every code with the standard library's `Hasher` instead, which
/// is seeded per process, for good, keeping every code's number.
struct CodeTable: Sendable {
  private(set) var codes: [String] = []
  /// Open addressing: code number + 1 per slot (0: empty), capacity a power of two.
  private var table: [UInt32] = Array(repeating: 0, count: 16)
  private var hashes: [UInt64] = []
  /// Whether codes are hashed with `Hasher` rather than `byteHash`.
  private(set) var isSeeded = false

  /// The longest run of occupied slots kept while hashing with `byteHash`. Real vocabularies
  /// stay below it: the table is at most half full.
  static let longestRun = 64

  /// Never the number of a code: codes unknown to the index map to this and match nothing.
  static let absent = UInt32.max

  var count: Int { codes.count }

  /// A hash of the code's UTF-8 bytes (codes are compared by bytes, SPEC section 2).
  @inline(__always)
  private func hash(_ code: String) -> UInt64 {
    var copy = code
    return copy.withUTF8 { bytes in
      if !isSeeded { return bytes.byteHash }
      var hasher = Hasher()
      hasher.combine(bytes: UnsafeRawBufferPointer(bytes))
      return UInt64(truncatingIfNeeded: hasher.finalize())
    }
  }

  /// The table position holding `code`, or the empty one where it would go.
  @inline(__always)
  private func position(of code: String, hash: UInt64) -> Int {
    let mask = table.count - 1
    var i = Int(truncatingIfNeeded: hash) & mask
    while true {
      let entry = table[i]
      if entry == 0 { return i }
      let number = Int(entry - 1)
      if hashes[number] == hash && ByteKey(codes[number]) == ByteKey(code) { return i }
      i = (i + 1) & mask
    }
  }

  mutating func intern(_ code: String) -> UInt32 {
    let hash = hash(code)
    let i = position(of: code, hash: hash)
    if table[i] != 0 { return table[i] - 1 }
    let number = UInt32(codes.count)
    codes.append(code)
    hashes.append(hash)
    table[i] = number + 1
    if codes.count * 2 > table.count {
      rebuild(capacity: table.count * 2)
    } else if !isSeeded && runLength(around: i) > Self.longestRun {
      reseed()
    }
    return number
  }

  /// The occupied slots in a row around slot `i` (occupied), counted up to `longestRun` + 1.
  private func runLength(around i: Int) -> Int {
    let mask = table.count - 1
    var length = 1
    var k = (i - 1) & mask
    while table[k] != 0 && length <= Self.longestRun {
      length += 1
      k = (k - 1) & mask
    }
    k = (i + 1) & mask
    while table[k] != 0 && length <= Self.longestRun {
      length += 1
      k = (k + 1) & mask
    }
    return length
  }

  /// Places every code anew in a table of `capacity` slots; switches to `Hasher` when that
  /// leaves a run longer than `longestRun`.
  private mutating func rebuild(capacity: Int) {
    table = Array(repeating: 0, count: capacity)
    let mask = capacity - 1
    for (number, hash) in hashes.enumerated() {
      var i = Int(truncatingIfNeeded: hash) & mask
      while table[i] != 0 { i = (i + 1) & mask }
      table[i] = UInt32(number + 1)
    }
    if !isSeeded && longestRunInTable > Self.longestRun { reseed() }
  }

  /// Hashes every code with `Hasher` from now on.
  private mutating func reseed() {
    isSeeded = true
    hashes = codes.map { hash($0) }
    rebuild(capacity: table.count)
  }

  /// The longest run of occupied slots (wrapping around the end), at most the table's size.
  var longestRunInTable: Int {
    var longest = 0
    var run = 0
    // Twice round, so that a run across the end is counted whole.
    for k in 0..<(2 * table.count) {
      if table[k & (table.count - 1)] != 0 {
        run += 1
        longest = max(longest, min(run, table.count))
      } else {
        run = 0
      }
    }
    return longest
  }

  /// The number of a code already interned, else `absent`.
  func lookup(_ code: String) -> UInt32 {
    let entry = table[position(of: code, hash: hash(code))]
    return entry == 0 ? CodeTable.absent : entry - 1
  }

  /// The `names` that are not interned or whose code `has` rejects, in their order, each once:
  /// what a record asks of another that the index holds (a code it has never seen, no record
  /// in it has).
  func lacking(_ names: [String], has: (UInt32) -> Bool) -> [String] {
    var missing: [String] = []
    forEachFirstOccurrence(names.count, key: { ByteKey(names[$0]) }) { index in
      let code = lookup(names[index])
      if code == CodeTable.absent || !has(code) { missing.append(names[index]) }
    }
    return missing
  }

  /// The names of the `codes` for which `include` holds, in their order, each once.
  func names(_ codes: ArraySlice<UInt32>, where include: (UInt32) -> Bool) -> [String] {
    var picked: [String] = []
    forEachFirstOccurrence(codes.count, key: { codes[codes.startIndex + $0] }) { index in
      let code = codes[codes.startIndex + index]
      if include(code) { picked.append(self.codes[Int(code)]) }
    }
    return picked
  }
}

/// The code lists of every record of one kind in their original order, repeats kept, one
/// record's lists after another in one pool: what gives a record back as it was written.
struct CodeListPool: Sendable {
  private(set) var pool = ContiguousArray<UInt32>()
  /// Codes in the pool that no record refers to any more.
  private var garbage = 0

  /// Appends `codes`; returns where they start.
  mutating func store(_ codes: some Collection<UInt32>) -> UInt32 {
    let start = UInt32(pool.count)
    pool.append(contentsOf: codes)
    return start
  }

  /// Marks `count` codes as no longer referred to.
  mutating func release(_ count: Int) { garbage += count }

  /// Whether more of the pool is garbage than not (and enough to be worth a copy).
  var isWasteful: Bool { garbage > 4096 && garbage * 2 > pool.count }

  func codes(from start: UInt32, count: Int) -> ContiguousArray<UInt32>.SubSequence {
    pool[Int(start)..<Int(start) + count]
  }

  /// Copies the lists still referred to — `count` codes from `start` for each record, in the
  /// order given — to a fresh pool, leaving out the garbage; returns their new starts.
  mutating func compact(_ lists: some Sequence<(start: UInt32, count: Int)>) -> [UInt32] {
    var fresh = CodeListPool()
    let starts = lists.map { fresh.store(codes(from: $0.start, count: $0.count)) }
    self = fresh
    return starts
  }
}

/// Reads one record's lists back from the pool, one after another, as the vocabulary's texts.
struct CodeListReader {
  private var codes: ContiguousArray<UInt32>.SubSequence

  init(_ pool: CodeListPool, from start: UInt32, count: Int) { codes = pool.codes(from: start, count: count) }

  mutating func next(_ count: UInt32, _ table: CodeTable) -> [String] {
    let part = codes.prefix(Int(count))
    codes = codes.dropFirst(Int(count))
    return part.map { table.codes[Int($0)] }
  }
}

extension Array where Element == UInt32 {
  /// Appends the codes of `texts` interned in `table`; returns where they lie.
  mutating func appendInterned(_ texts: [String], _ table: inout CodeTable) -> Range<Int> {
    let first = count
    for text in texts { append(table.intern(text)) }
    return first..<count
  }
}

extension Collection where Element == UInt32 {
  /// The codes sorted, each once.
  func sortedUnique() -> [UInt32] {
    var sorted = Array(self)
    sorted.sort()
    return sorted.uniqued()
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
    if word >= words.count { words.append(contentsOf: repeatElement(0, count: word + 1 - words.count)) }
    words[word] |= 1 << UInt64(code & 63)
  }

  @inlinable @inline(__always)
  func contains(_ code: UInt32) -> Bool {
    let word = Int(code >> 6)
    return word < words.count && words[word] & (1 << UInt64(code & 63)) != 0
  }
}

// MARK: - Snapshots

extension CodeTable {
  /// The codes in number order and the table's size; the slots are placed again on reading
  /// (with this process's `Hasher` when the table is seeded).
  func write(to writer: inout SnapshotWriter<some SnapshotSink>) {
    writer.strings(codes)
    writer.scalar(isSeeded)
    writer.scalar(table.count)
  }

  init(from reader: SnapshotReader<some SnapshotSource>) throws(SnapshotError) {
    codes = Array(try reader.strings())
    isSeeded = try reader.bool()
    let capacity = try reader.scalar(Int.self)
    guard capacity >= 16, capacity.nonzeroBitCount == 1, codes.count * 2 <= capacity,
      capacity <= max(1 << 20, codes.count * 64)
    else { throw SnapshotError("a code table of \(capacity) slots for \(codes.count) codes") }
    hashes = codes.map { hash($0) }
    rebuild(capacity: capacity)
  }
}

extension CodeListPool {
  func write(to writer: inout SnapshotWriter<some SnapshotSink>) {
    writer.array(pool)
    writer.scalar(garbage)
  }

  init(from reader: SnapshotReader<some SnapshotSource>) throws(SnapshotError) {
    pool = try reader.array(ContiguousArray<UInt32>.self)
    garbage = try reader.scalar(Int.self)
  }
}
