/// Calls `body` with the position of each element of a list that no earlier element equals
/// (by `key`), in order: "a code listed twice counts once" (SPEC section 3), and each missing
/// code is named once.
///
/// A short list looks back at the elements before (nothing allocated: most lists hold a few
/// codes); a longer one keeps the keys seen in a set, so that a record with a huge list costs
/// time in proportion to it, never its square (SPEC section 4: no input, however huge, makes
/// the worker hang).
@inline(__always)
func forEachFirstOccurrence<Key: Hashable>(_ count: Int, key: (Int) -> Key, _ body: (Int) -> Void) {
  if count <= firstOccurrenceLookBack {
    for index in 0..<count {
      let current = key(index)
      if !(0..<index).contains(where: { key($0) == current }) { body(index) }
    }
    return
  }
  var seen = Set<Key>(minimumCapacity: count)
  for index in 0..<count where seen.insert(key(index)).inserted { body(index) }
}

/// The longest list whose repeats are found by looking back.
let firstOccurrenceLookBack = 16
