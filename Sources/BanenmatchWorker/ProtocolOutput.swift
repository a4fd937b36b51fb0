import BanenmatchJSON
import Synchronization

#if canImport(Glibc)
  import Glibc
#endif

/// The only way protocol bytes reach the host: whole frames, in the order they are sent,
/// never interleaved. Frames sent while another thread is writing are appended to a pending
/// buffer that the writing thread writes next, so that answers finishing together leave in
/// one system call; a sender returns once its frame is written or queued behind a writer
/// that will write it before returning itself. While the host does not read, senders wait
/// once a few MiB are pending, so memory stays bounded.
///
/// Pipelined answers: while `backlog` requests wait to start, an answer sent as `deferrable`
/// stays pending (up to 64 KiB) for a later write, since the answer of a waiting request
/// will follow; the worker flushes whenever a request ends with none waiting. So a host that
/// pipelines gets its answers in large writes, and one that sends a request at a time gets
/// each at once.
///
/// When the host has closed the pipe (EPIPE), the worker ends quietly with exit code 0.
public final class ProtocolOutput: Sendable {
  private let fd: Int32
  let framing: Framing
  private let state = Mutex(State())
  /// Requests accepted but not yet started (the worker counts them).
  let backlog = Atomic<Int>(0)

  private struct State {
    var pending: [UInt8] = []
    var writing = false
    /// A buffer the writer has written and emptied, kept with its capacity for the next
    /// `pending`: a pipelining host's answers then never grow a fresh buffer from empty and
    /// free it again after each write. Always empty; at most `spareLimit` bytes of capacity,
    /// so that the output holds at most about twice that between writes (this and `pending`).
    var spare: [UInt8] = []

    /// Takes the writer's role and what is pending, leaving nothing pending.
    mutating func startWriting() -> [UInt8] {
      // Checked, not assumed: a spare with bytes in it would send them again, forever.
      precondition(spare.isEmpty, "the kept output buffer must be empty")
      writing = true
      var taken = spare
      spare = []
      swap(&taken, &pending)
      return taken
    }

    /// Keeps `written`, emptied, as the spare buffer, unless it grew large (a whole
    /// `match.batch` answer, say), leaving `written` empty; else leaves it as it is, for the
    /// caller to release outside the lock.
    mutating func recycle(_ written: inout [UInt8]) {
      guard written.capacity <= ProtocolOutput.spareLimit else { return }
      written.removeAll(keepingCapacity: true)
      swap(&spare, &written)
    }
  }

  /// Above this many pending bytes a sender waits for the writer to catch up.
  static let pendingLimit = 4 << 20
  /// Deferred answers are written once this many bytes are pending.
  static let deferLimit = 64 << 10
  /// The largest buffer kept for reuse after a write.
  static let spareLimit = 256 << 10

  public init(fd: Int32, framing: Framing) {
    self.fd = fd
    self.framing = framing
  }

  /// Writes one message (a JSON text without newline) in the stream's framing; when
  /// `deferrable` and requests are waiting, possibly later (see the type's description).
  public func send(_ body: [UInt8], deferrable: Bool = false) {
    let mayDefer = deferrable && backlog.load(ordering: .relaxed) > 0
    let header = framing.header(for: body)
    var batch: [UInt8]?
    while true {
      let queued: Bool = state.withLock { state in
        if state.writing && state.pending.count > Self.pendingLimit { return false }
        framing.append(body, header: header, to: &state.pending)
        if !state.writing && !(mayDefer && state.pending.count < Self.deferLimit) { batch = state.startWriting() }
        return true
      }
      if queued { break }
      usleep(200)
    }
    if let taken = batch.take() { writeAll(consume taken) }
  }

  /// Writes whatever is pending, unless another thread is writing (which then writes it).
  public func flush() {
    var batch: [UInt8]? = state.withLock { state in
      state.writing || state.pending.isEmpty ? nil : state.startWriting()
    }
    if let taken = batch.take() { writeAll(consume taken) }
  }

  /// Writes the deferred answers when no request waits to start any more: called whenever a
  /// message or a request ends, so that the last of a burst is never left pending.
  func flushUnlessRequestsWait() {
    if backlog.load(ordering: .relaxed) == 0 { flush() }
  }

  /// Writes `bytes`, then what was sent meanwhile, until nothing is pending; the caller
  /// holds the writer's role (`writing`), which this gives up.
  private func writeAll(_ bytes: consuming [UInt8]) {
    var more = true
    while more {
      write(bytes)
      // A buffer too large to keep is released after the lock, not under it.
      var released: [UInt8] = []
      state.withLock { state in
        state.recycle(&bytes)
        if state.pending.isEmpty {
          state.writing = false
          more = false
        } else {
          swap(&released, &bytes)
          bytes = state.startWriting()
        }
      }
    }
  }

  private func write(_ bytes: [UInt8]) {
    bytes.withUnsafeBytes { buffer in
      var offset = 0
      while offset < buffer.count {
        let written = Glibc.write(fd, buffer.baseAddress! + offset, buffer.count - offset)
        if written < 0 {
          if errno == EINTR { continue }
          // EPIPE and the like: nobody reads our answers any more.
          exit(0)
        }
        offset += written
      }
    }
  }
}

/// Sends `$/progress` notifications `{token, value: {done, total}}` for a long request: none
/// in its first second, then at most ten a second.
final class ProgressReporter: Sendable {
  private let token: RequestID
  private let output: ProtocolOutput
  private let started = ContinuousClock.now
  private let lastSent = Mutex<ContinuousClock.Instant?>(nil)

  init(token: RequestID, output: ProtocolOutput) {
    self.token = token
    self.output = output
  }

  func report(done: Int, total: Int) {
    let now = ContinuousClock.now
    guard now - started >= .seconds(1) else { return }
    let due = lastSent.withLock { last -> Bool in
      if let last, now - last < .milliseconds(100) { return false }
      last = now
      return true
    }
    guard due else { return }
    var writer = JSONWriter()
    writer.object { w in
      w.key("jsonrpc")
      w.string("2.0")
      w.key("method")
      w.string("$/progress")
      w.key("params")
      w.object { w in
        w.key("token")
        token.write(to: &w)
        w.key("value")
        w.object { w in
          w.key("done")
          w.integer(done)
          w.key("total")
          w.integer(total)
        }
      }
    }
    output.send(writer.bytes)
  }
}
