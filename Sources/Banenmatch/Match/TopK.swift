/// The best `k` entries seen so far, by score descending and then id in byte order, in a
/// binary heap whose root is the worst kept entry: O(log k) per offer, no full sort.
struct TopK {
  struct Entry {
    var slot: Int
    var score: Double
    var features: FeatureValues
    var distanceKm: Double
    /// For near misses, the one constraint failed; 0 for matches.
    var failed: UInt16
  }

  let capacity: Int
  private(set) var entries: [Entry] = []

  init(capacity: Int) {
    self.capacity = capacity
    entries.reserveCapacity(min(capacity, 1024))
  }

  /// Whether `a` ranks before `b`: higher score, or equal score and smaller id.
  @inline(__always)
  static func ranks(_ a: Entry, before b: Entry, ids: UnsafeBufferPointer<String>) -> Bool {
    if a.score != b.score { return a.score > b.score }
    return ids[a.slot].bytesPrecede(ids[b.slot])
  }

  var isFull: Bool { capacity > 0 && entries.count == capacity }
  /// The worst kept score (the heap's root); only when not empty.
  var worstScore: Double { entries[0].score }

  /// Whether an entry with this score could enter (a cheap test before building the entry).
  @inline(__always)
  func admits(score: Double) -> Bool {
    capacity > 0 && (entries.count < capacity || score >= entries[0].score)
  }

  mutating func offer(_ entry: Entry, ids: UnsafeBufferPointer<String>) {
    guard capacity > 0 else { return }
    if entries.count < capacity {
      entries.append(entry)
      siftUp(entries.count - 1, ids: ids)
    } else if TopK.ranks(entry, before: entries[0], ids: ids) {
      entries[0] = entry
      siftDown(0, ids: ids)
    }
  }

  /// The kept entries, best first.
  /// Sorts the kept entries best first, in place (the heap order is gone): no copy.
  mutating func sort(ids: UnsafeBufferPointer<String>) {
    entries.sort { TopK.ranks($0, before: $1, ids: ids) }
  }

  /// Whether no entry with a score of at most `bound` could enter.
  @inline(__always)
  func excludes(bound: Double) -> Bool { !admits(score: bound) }

  // Heap order: a parent ranks after (is worse than) its children.
  private mutating func siftUp(_ index: Int, ids: UnsafeBufferPointer<String>) {
    var child = index
    while child > 0 {
      let parent = (child - 1) / 2
      guard TopK.ranks(entries[parent], before: entries[child], ids: ids) else { return }
      entries.swapAt(parent, child)
      child = parent
    }
  }

  private mutating func siftDown(_ index: Int, ids: UnsafeBufferPointer<String>) {
    var parent = index
    while true {
      var worst = parent
      let left = 2 * parent + 1
      let right = left + 1
      if left < entries.count && TopK.ranks(entries[worst], before: entries[left], ids: ids) { worst = left }
      if right < entries.count && TopK.ranks(entries[worst], before: entries[right], ids: ids) { worst = right }
      if worst == parent { return }
      entries.swapAt(parent, worst)
      parent = worst
    }
  }
}

/// The six feature values fᵢ of one pair, each in [0, 1].
struct FeatureValues: Hashable {
  var skills: Double
  var distance: Double
  var hours: Double
  var preference: Double
  var experience: Double
  var start: Double

  subscript(feature: Feature) -> Double {
    switch feature {
    case .skills: skills
    case .distance: distance
    case .hours: hours
    case .preference: preference
    case .experience: experience
    case .start: start
    }
  }
}

extension Weights {
  /// 100 × Σ wᵢ·fᵢ / Σ wᵢ, summed in the order of SPEC section 3's table.
  @inline(__always)
  func score(_ f: FeatureValues, total: Double) -> Double {
    let sum =
      skills * f.skills + distance * f.distance + hours * f.hours + preference * f.preference
      + experience * f.experience + start * f.start
    return 100 * sum / total
  }
}
