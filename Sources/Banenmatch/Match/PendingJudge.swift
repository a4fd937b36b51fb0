/// A record waiting to be judged, and what its row tells. A row read at random misses the
/// caches; a query's scan queues the records it would judge and reads their rows one after
/// the other, with no branch on what it reads (`rowVerdict`), so that their misses overlap;
/// then judges each in turn from the verdict.
struct PendingJudge {
  /// How many wait at most: 384 bytes on the stack.
  static let batch = 16

  var slot: Int
  var verdict: RowVerdict
}

/// What a row tells of a pair from its inline bits (codes below 256 or 64): the constraints
/// it fails but distance, the squared chord, the other's position for the haversine, and
/// whether eligibility or wage value fails (never waived).
struct RowVerdict {
  var chord2: Double
  var geo: GeoRow
  var failed: UInt16
  var excluded: Bool
}
