/// For each code, the slots whose set holds it; and the slots whose set is empty. Lets a query
/// visit only the records that can pass a set constraint, wherever they are.
struct PostingLists: Sendable {
  private(set) var lists: [[Int32]] = []
  /// Slots with no codes at all.
  private(set) var empty: [Int32] = []

  /// The slots holding `code` (none for a code never added).
  func slots(_ code: UInt32) -> [Int32] {
    Int(code) < lists.count ? lists[Int(code)] : []
  }

  mutating func add(_ slot: Int, codes: some Collection<UInt32>) {
    if codes.isEmpty {
      empty.append(Int32(slot))
      return
    }
    for code in codes {
      if Int(code) >= lists.count { lists += Array(repeating: [], count: Int(code) + 1 - lists.count) }
      lists[Int(code)].append(Int32(slot))
    }
  }

  mutating func remove(_ slot: Int, codes: some Collection<UInt32>) {
    replace(slot, with: nil, codes: codes)
  }

  /// The slot numbered `old` is now `new` (the columns moved it in a swap-remove).
  mutating func renumber(_ old: Int, to new: Int, codes: some Collection<UInt32>) {
    replace(old, with: Int32(new), codes: codes)
  }

  private mutating func replace(_ slot: Int, with replacement: Int32?, codes: some Collection<UInt32>) {
    func update(_ list: inout [Int32]) {
      guard let index = list.lastIndex(of: Int32(slot)) else { return }
      if let replacement { list[index] = replacement } else { list.remove(at: index) }
    }
    if codes.isEmpty {
      update(&empty)
      return
    }
    for code in codes where Int(code) < lists.count { update(&lists[Int(code)]) }
  }
}
