import Banenmatch
import BanenmatchJSON
import Dispatch
import Logging
import Synchronization

/// The JSON-RPC 2.0 worker of SPEC section 4: takes whole messages in arrival order, answers
/// through `ProtocolOutput`.
///
/// Ordering: writes (upserts, removes) run at once on the calling thread, in arrival order;
/// every read captures the index as it is when the read arrives (a copy-on-write snapshot)
/// and runs concurrently. So each request sees exactly the writes that arrived before it.
///
/// - Important: `handle(_:)` must be called from one thread at a time (the reader).
public final class Worker: @unchecked Sendable {
  let output: ProtocolOutput
  let limits: WorkerLimits
  let logger: Logger
  let today: @Sendable () -> Day

  // Reader-thread state.
  private var index: MatchIndex
  /// The index as reads see it, made by the first read after a write (nil until then).
  private var snapshot: IndexSnapshot?
  private var shutdownRequested = false

  private let inflight = DispatchGroup()
  private let running = Mutex<[RequestID: CancellationFlag]>([:])
  private let requests = DispatchQueue(label: "banenmatch.requests", attributes: .concurrent)
  private let stopping = Mutex(false)

  /// What the reader does after a message.
  public enum Outcome: Equatable, Sendable {
    case proceed
    /// The `exit` notification: finish in-flight requests, then exit with this code.
    case exit(Int32)
  }

  public init(
    index: MatchIndex, output: ProtocolOutput, limits: WorkerLimits, logger: Logger,
    today: @escaping @Sendable () -> Day
  ) {
    self.index = index
    self.output = output
    self.limits = limits
    self.logger = logger
    self.today = today
  }

  // MARK: Lifecycle

  /// Counts a message as in flight, unless the worker is stopping (then false).
  public func begin() -> Bool {
    stopping.withLock { stopping in
      if stopping { return false }
      inflight.enter()
      return true
    }
  }

  /// Ends a message `begin()` counted. Its replies may have been deferred behind waiting
  /// requests; when none waits any more, they are written now.
  public func end() {
    output.flushUnlessRequestsWait()
    inflight.leave()
  }

  /// Stops taking messages and waits until every request in flight has answered.
  public func drain() {
    stopping.withLock { $0 = true }
    inflight.wait()
    output.flush()
  }

  // MARK: Messages

  /// Answers input the frame reader could not turn into a message.
  public func reject(_ error: FrameError) {
    logger.warning("frame rejected", metadata: ["reason": "\(error)"])
    let rpcError: RPCError =
      switch error {
      case .tooLarge(let limit): .limitExceeded("messageBytes", max: limit, detail: error.description)
      case .badHeader, .truncated: RPCError(.parseError, "Parse error: \(error)")
      }
    output.send(Self.response(id: .null, error: rpcError))
  }

  /// Handles one message: a request, a notification or a batch.
  public func handle(_ message: [UInt8]) -> Outcome {
    if Preflight.containsNUL(message) {
      output.send(Self.response(id: .null, error: RPCError(.parseError, "Parse error: a raw NUL byte is not JSON")))
      return .proceed
    }
    let document: JSONDocument
    do throws(JSONParseError) {
      document = try JSONDocument(parsing: message)
    } catch {
      let rpcError =
        error.code == JSONParseError.nulInKeyCode
        ? RPCError(.invalidRequest, "Invalid Request: object keys containing \\u0000 are not supported")
        : RPCError(.parseError, "Parse error") { w in
          w.object { w in
            w.key("line")
            w.integer(error.line)
            w.key("column")
            w.integer(error.column)
            w.key("position")
            w.integer(error.position)
            w.key(plain: "message")
            w.string(error.message)
          }
        }
      output.send(Self.response(id: .null, error: rpcError))
      return .proceed
    }
    if Preflight.mayNestDeeper(message, than: limits.maxDepth), case let depth = Preflight.depth(message),
      depth > limits.maxDepth
    {
      output.send(
        Self.response(
          id: .null,
          error: .limitExceeded("depth", max: limits.maxDepth, detail: "nesting of \(depth) levels")))
      return .proceed
    }
    let root = document.root
    guard root.kind == .array else {
      return process(root) { [output] reply in if let reply { output.send(reply, deferrable: true) } }
    }
    if root.count == 0 {
      output.send(Self.response(id: .null, error: RPCError(.invalidRequest, "Invalid Request: empty batch")))
      return .proceed
    }
    if root.count > limits.maxBatch {
      output.send(
        Self.response(
          id: .null,
          error: .limitExceeded("batch", max: limits.maxBatch, detail: "a batch of \(root.count) entries")))
      return .proceed
    }
    let batch = BatchReplies(count: root.count, output: output)
    var outcome = Outcome.proceed
    for (position, element) in root.elements.enumerated() {
      let result = process(element) { reply in batch.set(position, reply) }
      if case .exit = result { outcome = result }
    }
    return outcome
  }

  /// Handles one request object; calls `reply` exactly once, with nil for a notification.
  private func process(_ request: JSONRef, reply: @escaping @Sendable ([UInt8]?) -> Void) -> Outcome {
    guard request.kind == .object else {
      reply(Self.response(id: .null, error: RPCError(.invalidRequest, "Invalid Request: not an object")))
      return .proceed
    }
    var id: RequestID?
    if let idValue = request.member("id") {
      guard let parsed = RequestID(idValue) else {
        reply(
          Self.response(
            id: .null, error: RPCError(.invalidRequest, "Invalid Request: id must be a string, number or null")))
        return .proceed
      }
      id = parsed
    }
    func invalid(_ why: String) -> Outcome {
      reply(Self.response(id: id ?? .null, error: RPCError(.invalidRequest, "Invalid Request: \(why)")))
      return .proceed
    }
    guard request.member("jsonrpc")?.string == "2.0" else { return invalid("jsonrpc must be \"2.0\"") }
    guard let method = request.member("method")?.string else { return invalid("method must be a string") }
    let params = request.member("params")
    if let params, ![.object, .array, .null].contains(params.kind) {
      return invalid("params must be an object or an array")
    }
    let answer: @Sendable (Result<JSONWriter, RPCError>) -> Void = { [id] result in
      guard let id else { return reply(nil) }
      switch result {
      case .success(let writer): reply(Self.response(id: id, result: writer.bytes))
      case .failure(let error): reply(Self.response(id: id, error: error))
      }
    }

    if method == MethodRegistry.exit {
      answer(.success(JSONWriter.null))
      return .exit(shutdownRequested ? 0 : 1)
    }
    if shutdownRequested {
      answer(.failure(RPCError(.invalidRequest, "Invalid Request: the worker is shutting down")))
      return .proceed
    }
    let started = ContinuousClock.now
    switch method {
    case MethodRegistry.shutdown:
      shutdownRequested = true
      answer(.success(JSONWriter.null))
    case MethodRegistry.cancelRequest:
      if let target = params?.member("id").flatMap(RequestID.init) {
        running.withLock { $0[target] }?.cancel()
      }
      answer(.success(JSONWriter.null))
    default:
      if let write = MethodRegistry.writes[method] {
        // Dropped first, so that the write changes the index in place unless a read in flight
        // still holds the snapshot.
        snapshot = nil
        let codesBefore = index.codeCount
        let result = Result { () throws(RPCError) in try write.run(params: params, index: &index) }
        let counts = [("version", index.version), ("seekers", index.seekerCount), ("vacancies", index.vacancyCount)]
        log(method, id, started, result, counts: counts)
        if index.codeCount < codesBefore {
          // The index was laid out anew without its unused codes: both layouts were whole for
          // a moment, and the allocator keeps what the old one freed unless told.
          releaseFreedMemory()
          logger.info(
            "unused codes forgotten",
            metadata: [
              "id": "\(id?.description ?? "-")", "codesBefore": "\(codesBefore)", "codes": "\(index.codeCount)",
            ])
        }
        answer(result)
      } else if let read = MethodRegistry.reads[method] {
        dispatch(read, method: method, id: id, params: params, answer: answer)
      } else {
        answer(.failure(RPCError(.methodNotFound, "Method not found")))
      }
    }
    return .proceed
  }

  private func dispatch(
    _ read: any ReadMethod.Type, method: String, id: RequestID?, params: JSONRef?,
    answer: @escaping @Sendable (Result<JSONWriter, RPCError>) -> Void
  ) {
    let flag = CancellationFlag()
    if let id { running.withLock { $0[id] = flag } }
    var progress: ProgressReporter?
    if let token = params?.member("progressToken").flatMap(RequestID.init), token != .null {
      progress = ProgressReporter(token: token, output: output)
    }
    let current = snapshot ?? IndexSnapshot(index)
    snapshot = current
    let context = ReadContext(
      snapshot: current, today: today(), limits: limits, cancellation: flag, progress: progress,
      counts: RequestCounts(recording: logger.logLevel <= .debug))
    let started = ContinuousClock.now
    inflight.enter()
    output.backlog.add(1, ordering: .relaxed)
    requests.async { [self] in
      output.backlog.subtract(1, ordering: .relaxed)
      // A long request first sends the answers that waited for it to start.
      if ObjectIdentifier(read) == ObjectIdentifier(MatchBatch.self) { output.flush() }
      let result = Result { () throws(RPCError) in try read.run(params: params, context: context) }
      log(method, id, started, result, counts: context.counts.all)
      answer(result)
      if let id { running.withLock { if $0[id] === flag { $0[id] = nil } } }
      // The last request to end while none waits writes every deferred answer.
      output.flushUnlessRequestsWait()
      inflight.leave()
    }
  }

  private func log(
    _ method: String, _ id: RequestID?, _ started: ContinuousClock.Instant, _ result: Result<JSONWriter, RPCError>,
    counts: [(String, Int)]
  ) {
    guard logger.logLevel <= .debug else { return }
    let elapsed = ContinuousClock.now - started
    let micros = elapsed.components.seconds * 1_000_000 + elapsed.components.attoseconds / 1_000_000_000_000
    var metadata: Logger.Metadata = ["method": "\(method)", "id": "\(id?.description ?? "-")", "us": "\(micros)"]
    switch result {
    case .success(let writer): metadata["resultBytes"] = "\(writer.bytes.count)"
    case .failure(let error): metadata["error"] = "\(error.code.rawValue)"
    }
    for (name, value) in counts { metadata[name] = "\(value)" }
    logger.debug("request", metadata: metadata)
  }

  // MARK: Responses

  static func response(id: RequestID, result: [UInt8]) -> [UInt8] {
    var writer = JSONWriter(capacity: result.count + 64)
    writer.object { w in
      w.key(plain: "jsonrpc")
      w.string("2.0")
      w.key(plain: "id")
      id.write(to: &w)
      w.key(plain: "result")
      w.raw(bytes: result)
    }
    return writer.bytes
  }

  static func response(id: RequestID, error: RPCError) -> [UInt8] {
    var writer = JSONWriter()
    writer.object { w in
      w.key(plain: "jsonrpc")
      w.string("2.0")
      w.key(plain: "id")
      id.write(to: &w)
      w.key(plain: "error")
      w.object { w in
        w.key(plain: "code")
        w.integer(error.code.rawValue)
        w.key(plain: "message")
        w.string(error.message)
        if let data = error.data {
          w.key(plain: "data")
          data(&w)
        }
      }
    }
    return writer.bytes
  }
}

extension JSONWriter {
  /// A writer holding `null`.
  static var null: JSONWriter {
    var writer = JSONWriter()
    writer.null()
    return writer
  }
}

/// The replies of one batch, sent as one array, in request order, when the last arrives;
/// nothing at all when every entry was a notification.
final class BatchReplies: Sendable {
  private let state: Mutex<(remaining: Int, replies: [[UInt8]?])>
  private let output: ProtocolOutput

  init(count: Int, output: ProtocolOutput) {
    state = Mutex((count, Array(repeating: nil, count: count)))
    self.output = output
  }

  func set(_ position: Int, _ reply: [UInt8]?) {
    let complete: [[UInt8]]? = state.withLock { state in
      state.replies[position] = reply
      state.remaining -= 1
      return state.remaining == 0 ? state.replies.compactMap { $0 } : nil
    }
    guard let complete, !complete.isEmpty else { return }
    var bytes: [UInt8] = [UInt8(ascii: "[")]
    for (index, reply) in complete.enumerated() {
      if index > 0 { bytes.append(UInt8(ascii: ",")) }
      bytes.append(contentsOf: reply)
    }
    bytes.append(UInt8(ascii: "]"))
    output.send(bytes, deferrable: true)
  }
}
