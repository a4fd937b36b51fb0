/// The threads one large query may split its scan over (`MatchIndex.queryThreads`).
///
/// A query for a vacancy that requires no skill (which reads every seeker within reach: the
/// slowest queries) whose windows hold at least `minimumEntries` entries is scanned in
/// `count` parts at once, each part every `count`-th run of cells, with a list and a count of its own;
/// the parts' lists are then merged. Each part's list holds its own best entries in the
/// total order of SPEC section 3 (score, then id), so the merged list, the counts and so
/// the answer are the same as one thread's, whatever the count. The core starts no thread
/// itself: the host gives it `run` (the worker: `DispatchQueue.concurrentPerform`).
public struct QueryThreads: Sendable {
  /// How many parts a large query is split into; 1: never split.
  public let count: Int
  /// The fewest entries in a query's windows for which splitting pays for its start.
  public let minimumEntries: Int
  /// Runs `body(i)` for every i below its first argument, perhaps on several threads.
  public let run: @Sendable (_ count: Int, _ body: @Sendable (Int) -> Void) -> Void

  /// - Parameters:
  ///   - count: The number of parts; at most this many threads work on one query.
  ///   - minimumEntries: Smaller queries run on the calling thread alone. The default,
  ///     4,000 entries, is about 60 µs of scanning on the benchmark machine; below it the
  ///     parts' weaker pruning (each part's list fills from half the pairs) and the start of a
  ///     second thread (about 5 µs) cost what the split saves.
  ///   - run: Runs `body(i)` for every i below its first argument and returns when all have.
  public init(
    count: Int, minimumEntries: Int = 4_000,
    run: @escaping @Sendable (_ count: Int, _ body: @Sendable (Int) -> Void) -> Void
  ) {
    self.count = max(1, count)
    self.minimumEntries = max(0, minimumEntries)
    self.run = run
  }

  /// Every query on the calling thread.
  public static let one = QueryThreads(count: 1) { count, body in
    for i in 0..<count { body(i) }
  }
}
