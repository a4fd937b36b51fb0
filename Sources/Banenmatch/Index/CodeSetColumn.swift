/// For each slot, a sorted set of interned codes, stored flat: one pool of codes, a start
/// and a count per slot, and a 64-bit signature per slot (bit `code % 64` of each member) that
/// rejects most subset tests without touching the pool.
struct CodeSetColumn: Sendable {
  private(set) var signatures: ContiguousArray<UInt64> = []
  private(set) var starts: ContiguousArray<UInt32> = []
  private(set) var counts: ContiguousArray<UInt32> = []
  private(set) var pool: ContiguousArray<UInt32> = []
  /// Codes in the pool that no slot refers to any more.
  private var garbage = 0

  static func signature(of codes: some Sequence<UInt32>) -> UInt64 {
    codes.reduce(0) { $0 | (1 << UInt64($1 & 63)) }
  }

  mutating func append(_ codes: [UInt32]) {
    signatures.append(Self.signature(of: codes))
    starts.append(UInt32(pool.count))
    counts.append(UInt32(codes.count))
    pool.append(contentsOf: codes)
  }

  mutating func replace(at slot: Int, with codes: [UInt32]) {
    garbage += Int(counts[slot])
    signatures[slot] = Self.signature(of: codes)
    starts[slot] = UInt32(pool.count)
    counts[slot] = UInt32(codes.count)
    pool.append(contentsOf: codes)
    compactIfWasteful()
  }

  /// Removes `slot`, moving the last slot into its place.
  mutating func swapRemove(at slot: Int) {
    garbage += Int(counts[slot])
    let last = signatures.count - 1
    signatures[slot] = signatures[last]
    starts[slot] = starts[last]
    counts[slot] = counts[last]
    signatures.removeLast()
    starts.removeLast()
    counts.removeLast()
    compactIfWasteful()
  }

  func codes(at slot: Int) -> ArraySlice<UInt32> {
    let start = Int(starts[slot])
    return Array(pool[start..<start + Int(counts[slot])])[...]
  }

  private mutating func compactIfWasteful() {
    guard garbage > 1024, garbage * 2 > pool.count else { return }
    var newPool = ContiguousArray<UInt32>()
    newPool.reserveCapacity(pool.count - garbage)
    for slot in starts.indices {
      let start = Int(starts[slot])
      starts[slot] = UInt32(newPool.count)
      newPool.append(contentsOf: pool[start..<start + Int(counts[slot])])
    }
    pool = newPool
    garbage = 0
  }
}
