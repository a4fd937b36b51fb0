import Banenmatch
import BanenmatchJSON
import Synchronization

/// One JSON-RPC method of SPEC section 4. Each lives in its own file, named by its wire name.
///
/// Reads run concurrently on a snapshot of the index taken when the request arrived; writes
/// run in arrival order on the reader, so every request sees exactly the writes before it.
protocol RPCMethod: SendableMetatype {
  static var name: String { get }
}

/// A method that reads the index (possibly for a long time, on another thread).
protocol ReadMethod: RPCMethod {
  static func run(params: JSONRef?, context: ReadContext) throws(RPCError) -> JSONWriter
}

/// A method that changes the index; all or nothing.
protocol WriteMethod: RPCMethod {
  static func run(params: JSONRef?, index: inout MatchIndex) throws(RPCError) -> JSONWriter
}

/// What a read sees: the index as of its arrival, "now", the limits, its cancellation flag,
/// and where to send `$/progress`.
struct ReadContext: Sendable {
  var snapshot: IndexSnapshot
  var today: Day
  var limits: WorkerLimits
  var cancellation: CancellationFlag
  var progress: ProgressReporter?
  /// Counts for the request's log line (candidates, feasible, matches …); never content.
  var counts: RequestCounts

  /// The index as of the request's arrival, borrowed from the snapshot (not copied).
  var index: MatchIndex { _read { yield snapshot.index } }
}

/// The index as it is between two writes, shared by every read that arrives meanwhile: a
/// read then takes one reference instead of copying the index's many arrays.
final class IndexSnapshot: Sendable {
  let index: MatchIndex
  init(_ index: MatchIndex) { self.index = index }
}

/// Counts a method reports for the debug log line of its request; kept only when that line
/// is written (`recording`).
final class RequestCounts: Sendable {
  private let values = Mutex<[(String, Int)]>([])
  let recording: Bool
  init(recording: Bool) { self.recording = recording }
  func note(_ name: String, _ value: Int) {
    if recording { values.withLock { $0.append((name, value)) } }
  }
  var all: [(String, Int)] { values.withLock { $0 } }
}

extension RequestCounts {
  func note(_ results: MatchResults) {
    guard recording else { return }
    note("candidates", results.candidates)
    note("feasible", results.feasible)
    note("matches", results.matches.count)
    note("nearMisses", results.nearMisses.count)
  }
}

/// The limits of SPEC section 4, each a `serve` flag.
public struct WorkerLimits: Sendable, Hashable {
  public var maxMessageBytes = 64 << 20
  /// Entries of a JSON-RPC batch and ids of a `match.batch`.
  public var maxBatch = 10_000
  public var maxDepth = 64
  public var maxLimit = MatchOptions.maxLimit
  public init() {}
}

/// The methods the worker serves, by wire name.
enum MethodRegistry {
  static let reads: [String: any ReadMethod.Type] = Dictionary(
    uniqueKeysWithValues: ([
      EngineInfo.self, VacanciesForSeeker.self, SeekersForVacancy.self, MatchBatch.self, IndexStatsMethod.self,
    ] as [any ReadMethod.Type]).map { ($0.name, $0) })

  static let writes: [String: any WriteMethod.Type] = Dictionary(
    uniqueKeysWithValues: ([
      SeekersUpsert.self, VacanciesUpsert.self, SeekersRemove.self, VacanciesRemove.self,
    ] as [any WriteMethod.Type]).map { ($0.name, $0) })

  static let shutdown = "shutdown"
  static let exit = "exit"
  static let cancelRequest = "$/cancelRequest"
}

extension JSONRef {
  /// `params` as an object, or -32602: this worker takes parameters by name only.
  static func requireObject(_ params: JSONRef?) throws(RPCError) -> JSONRef? {
    guard let params, !params.isNull else { return nil }
    guard params.kind == .object else {
      throw .invalidParams(path: "params", "must be an object (parameters by name), got \(params.kindDescription)")
    }
    return params
  }
}
