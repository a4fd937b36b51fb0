/// For each code, the entries of the slots whose set holds it; and those whose set is empty.
/// Lets a query visit only the records that can pass a set constraint, wherever they are.
struct PostingLists<Entry: PostingEntry>: Sendable {
  private(set) var lists: [[Entry]] = []
  /// Entries of slots with no codes at all.
  private(set) var empty: [Entry] = []

  /// The entries holding `code` (none for a code never added).
  func entries(_ code: UInt32) -> [Entry] {
    Int(code) < lists.count ? lists[Int(code)] : []
  }

  mutating func add(_ entry: Entry, codes: some Collection<UInt32>) {
    if codes.isEmpty {
      empty.append(entry)
      return
    }
    for code in codes {
      if Int(code) >= lists.count { lists += Array(repeating: [], count: Int(code) + 1 - lists.count) }
      lists[Int(code)].append(entry)
    }
  }

  mutating func remove(_ slot: Int, codes: some Collection<UInt32>) {
    update(slot, codes: codes) { list, index in list.remove(at: index) }
  }

  /// The slot numbered `old` is now `new` (the columns moved it in a swap-remove).
  mutating func renumber(_ old: Int, to new: Int, codes: some Collection<UInt32>) {
    update(old, codes: codes) { list, index in list[index].slot = Int32(new) }
  }

  private mutating func update(_ slot: Int, codes: some Collection<UInt32>, _ change: (inout [Entry], Int) -> Void) {
    func apply(_ list: inout [Entry]) {
      guard let index = list.lastIndex(where: { $0.slot == Int32(slot) }) else { return }
      change(&list, index)
    }
    if codes.isEmpty {
      apply(&empty)
      return
    }
    for code in codes where Int(code) < lists.count { apply(&lists[Int(code)]) }
  }
}

/// What a posting list holds per slot.
protocol PostingEntry: Sendable {
  var slot: Int32 { get set }
}

/// A vacancy slot.
struct SlotEntry: PostingEntry {
  var slot: Int32
}
