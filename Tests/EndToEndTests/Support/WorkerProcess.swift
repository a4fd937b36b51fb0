import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// The built `banenmatch serve` as a child process on three real pipes, spawned with
/// `posix_spawn` so that the test controls every descriptor and signal disposition.
///
///     let worker = try WorkerProcess(arguments: ["--data", Fixtures.samples])
///     try worker.send(#"{"jsonrpc":"2.0","id":1,"method":"engine.info"}"#)
///     let reply = try worker.nextObject()          // waits at most 10 s
///     #expect(try worker.finish() == .exited(0))    // closes stdin, waits for the exit
///
/// Every wait has a deadline, so a hung worker fails the test instead of hanging it; the
/// process is killed when the object goes away. Two threads drain stdout and stderr all the
/// time, so the worker can never block on a full pipe.
final class WorkerProcess: @unchecked Sendable {
  enum Wire: Sendable { case lines, headers }

  enum Termination: Equatable, CustomStringConvertible {
    case exited(Int32)
    case signaled(Int32)
    var description: String {
      switch self {
      case .exited(let code): "exit code \(code)"
      case .signaled(let signal): "killed by signal \(signal)"
      }
    }
  }

  struct Timeout: Error, CustomStringConvertible {
    var what: String
    var description: String { "timed out waiting for \(what)" }
  }

  struct Broken: Error, CustomStringConvertible {
    var description: String
  }

  static let defaultTimeout: Duration = .seconds(10)

  let pid: pid_t
  let wire: Wire
  private var stdinFD: Int32
  private var stdoutFD: Int32
  private let drainsStdout: Bool

  /// What the drain threads collect; they hold only this, so the process object can go away
  /// (and kill the child) while they still run.
  private let streams: Streams
  private var termination: Termination?

  /// Spawns `banenmatch serve` with `arguments`. `wire` is how the test frames what it
  /// sends and parses what it reads; it does not pass `--framing` by itself.
  /// `readStdout: false` leaves stdout undrained (for closing it on purpose).
  init(arguments: [String], wire: Wire = .lines, readStdout: Bool = true) throws {
    Glibc.signal(SIGPIPE, SIG_IGN)  // in this test process: a dead worker must not kill the runner
    self.wire = wire
    // No other spawn may inherit these pipes between pipe(2) and FD_CLOEXEC.
    Self.spawnLock.lock()
    defer { Self.spawnLock.unlock() }
    let stdinPipe = try Self.makePipe()
    let stdoutPipe = try Self.makePipe()
    let stderrPipe = try Self.makePipe()

    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_adddup2(&actions, stdinPipe.read, 0)
    posix_spawn_file_actions_adddup2(&actions, stdoutPipe.write, 1)
    posix_spawn_file_actions_adddup2(&actions, stderrPipe.write, 2)

    // The child gets default dispositions for SIGPIPE and SIGTERM and an empty mask, whatever
    // this test process does: the worker must protect itself.
    var attributes = posix_spawnattr_t()
    posix_spawnattr_init(&attributes)
    defer { posix_spawnattr_destroy(&attributes) }
    var defaults = sigset_t()
    sigemptyset(&defaults)
    sigaddset(&defaults, SIGPIPE)
    sigaddset(&defaults, SIGTERM)
    sigaddset(&defaults, SIGINT)
    posix_spawnattr_setsigdefault(&attributes, &defaults)
    var mask = sigset_t()
    sigemptyset(&mask)
    posix_spawnattr_setsigmask(&attributes, &mask)
    posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))

    let executable = try Fixtures.executable()
    let argv = ([executable, "serve"] + arguments).map { strdup($0) }
    defer { argv.forEach { free($0) } }
    var cArgs: [UnsafeMutablePointer<CChar>?] = argv + [nil]
    var child: pid_t = 0
    let status = posix_spawn(&child, executable, &actions, &attributes, &cArgs, environ)
    close(stdinPipe.read)
    close(stdoutPipe.write)
    close(stderrPipe.write)
    guard status == 0 else {
      close(stdinPipe.write)
      close(stdoutPipe.read)
      close(stderrPipe.read)
      throw Broken(description: "posix_spawn \(executable) failed: \(String(cString: strerror(status)))")
    }
    pid = child
    stdinFD = stdinPipe.write
    stdoutFD = stdoutPipe.read
    drainsStdout = readStdout
    // Writes to stdin never block forever: they poll with a deadline.
    _ = fcntl(stdinFD, F_SETFL, fcntl(stdinFD, F_GETFL) | O_NONBLOCK)

    streams = Streams(wire: wire)
    if readStdout {
      streams.startDraining(stdoutFD, isStdout: true)
    } else {
      streams.stdoutClosed = true
    }
    streams.startDraining(stderrPipe.read, isStdout: false)
  }

  deinit {
    if termination == nil && (try? waitForExit(timeout: .zero)) == nil {
      kill(pid, SIGKILL)
      _ = try? waitForExit(timeout: .seconds(5))
    }
    if stdinFD >= 0 { close(stdinFD) }
    if !drainsStdout && stdoutFD >= 0 { close(stdoutFD) }
    // The drain threads close what they read when they see end of file (the process is gone).
  }

  // MARK: Writing

  /// Writes `bytes` as they are, unframed.
  func sendRaw(_ bytes: [UInt8], timeout: Duration = defaultTimeout) throws {
    guard stdinFD >= 0 else { throw Broken(description: "stdin is closed") }
    let deadline = ContinuousClock.now + timeout
    var offset = 0
    while offset < bytes.count {
      let written = bytes.withUnsafeBytes { write(stdinFD, $0.baseAddress! + offset, bytes.count - offset) }
      if written > 0 {
        offset += written
        continue
      }
      if written < 0 && errno == EINTR { continue }
      guard written < 0 && errno == EAGAIN else {
        throw Broken(description: "write to the worker's stdin failed: \(String(cString: strerror(errno)))")
      }
      let left = deadline - ContinuousClock.now
      guard left > .zero else { throw Timeout(what: "the worker to read its input") }
      var descriptor = pollfd(fd: stdinFD, events: Int16(POLLOUT), revents: 0)
      _ = poll(&descriptor, 1, Int32(min(left.milliseconds, 1000)))
    }
  }

  /// Writes one message in the test's wire framing.
  func send(_ message: String, timeout: Duration = defaultTimeout) throws {
    try sendRaw(frame(Array(message.utf8)), timeout: timeout)
  }

  func send(bytes message: [UInt8], timeout: Duration = defaultTimeout) throws {
    try sendRaw(frame(message), timeout: timeout)
  }

  func frame(_ body: [UInt8]) -> [UInt8] {
    switch wire {
    case .lines: body + [0x0A]
    case .headers: Array("Content-Length: \(body.count)\r\n\r\n".utf8) + body
    }
  }

  /// End of input for the worker.
  func closeInput() {
    if stdinFD >= 0 { close(stdinFD) }
    stdinFD = -1
  }

  /// Closes this side of the worker's stdout; only for `readStdout: false`.
  func closeOutput() {
    precondition(stdoutFD >= 0)
    close(stdoutFD)
    stdoutFD = -1
  }

  func deliver(signal number: Int32) { kill(pid, number) }

  // MARK: Reading

  /// The next message the worker wrote on stdout (a response or a notification).
  func nextMessage(timeout: Duration = defaultTimeout) throws -> [UInt8] {
    try streams.nextMessage(timeout: timeout)
  }

  /// The next message, parsed.
  func nextJSON(timeout: Duration = defaultTimeout) throws -> Any {
    try JSON.parse(nextMessage(timeout: timeout))
  }

  /// The next message, which must be a JSON object.
  func nextObject(timeout: Duration = defaultTimeout) throws -> [String: Any] {
    let message = try nextMessage(timeout: timeout)
    guard let object = try JSON.parse(message) as? [String: Any] else {
      throw Broken(description: "expected an object, got \(String(decoding: message, as: UTF8.self))")
    }
    return object
  }

  /// Messages up to and including the response whose `id` is the string `id`.
  func messages(through id: String, timeout: Duration = defaultTimeout) throws -> [[UInt8]] {
    var collected: [[UInt8]] = []
    let deadline = ContinuousClock.now + timeout
    while true {
      let message = try nextMessage(timeout: max(.zero, deadline - ContinuousClock.now))
      collected.append(message)
      if let object = try? JSON.parse(message) as? [String: Any], object["id"] as? String == id {
        return collected
      }
    }
  }

  /// Whether a message is already waiting (without blocking).
  var hasPendingMessage: Bool { streams.locked { $0.framesTaken < $0.frames.count } }

  /// Everything the worker wrote to stdout so far.
  var stdoutBytes: [UInt8] { streams.locked { $0.rawStdout } }

  /// Everything the worker wrote to stderr so far.
  var stderrText: String { streams.locked { $0.stderrText } }

  /// Waits until stderr contains `text`.
  func waitForStderr(containing text: String, timeout: Duration = defaultTimeout) throws {
    try streams.wait(for: "\(text) on stderr", timeout: timeout) { streams in
      if streams.stderrText.contains(text) { return true }
      if streams.stderrClosed { throw Broken(description: "stderr closed without \(text): \(streams.stderrText)") }
      return false
    }
  }

  /// Waits until the worker has closed stdout and stderr, so both are complete.
  func waitForOutputsClosed(timeout: Duration = defaultTimeout) throws {
    try streams.wait(for: "stdout and stderr to close", timeout: timeout) { $0.stdoutClosed && $0.stderrClosed }
  }

  // MARK: Exit

  /// Waits for the process to end (polling `waitpid`).
  @discardableResult
  func waitForExit(timeout: Duration = defaultTimeout) throws -> Termination {
    if let termination { return termination }
    let deadline = ContinuousClock.now + timeout
    while true {
      var status: Int32 = 0
      let result = waitpid(pid, &status, WNOHANG)
      if result == pid {
        let ended: Termination =
          (status & 0x7F) == 0 ? .exited((status >> 8) & 0xFF) : .signaled(status & 0x7F)
        termination = ended
        return ended
      }
      if result < 0 && errno != EINTR { throw Broken(description: "waitpid: \(String(cString: strerror(errno)))") }
      if ContinuousClock.now >= deadline { throw Timeout(what: "the worker to exit") }
      usleep(5_000)
    }
  }

  var isRunning: Bool { (try? waitForExit(timeout: .zero)) == nil }

  /// Closes stdin and waits for the exit.
  func finish(timeout: Duration = defaultTimeout) throws -> Termination {
    closeInput()
    return try waitForExit(timeout: timeout)
  }

  // MARK: Private

  private static let spawnLock = NSLock()

  /// A pipe whose ends close on exec (the child gets its copies through dup2).
  private static func makePipe() throws -> (read: Int32, write: Int32) {
    var fds: [Int32] = [0, 0]
    guard pipe(&fds) == 0 else {
      throw Broken(description: "pipe: \(String(cString: strerror(errno)))")
    }
    for fd in fds { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
    return (fds[0], fds[1])
  }
}

/// The worker's stdout (cut into frames) and stderr, filled by two drain threads.
private final class Streams: @unchecked Sendable {
  let wire: WorkerProcess.Wire
  private let condition = NSCondition()
  // Guarded by `condition`.
  var rawStdout: [UInt8] = []
  var parsedUpTo = 0
  var frames: [[UInt8]] = []
  var framesTaken = 0
  var stdoutClosed = false
  var rawStderr: [UInt8] = []
  var stderrClosed = false

  init(wire: WorkerProcess.Wire) { self.wire = wire }

  var stderrText: String { String(decoding: rawStderr, as: UTF8.self) }

  func locked<T>(_ body: (Streams) throws -> T) rethrows -> T {
    condition.lock()
    defer { condition.unlock() }
    return try body(self)
  }

  /// Waits, with the lock held, until `done` says so.
  func wait(for what: String, timeout: Duration, until done: (Streams) throws -> Bool) throws {
    let deadline = Date(timeIntervalSinceNow: timeout.seconds)
    condition.lock()
    defer { condition.unlock() }
    while try !done(self) {
      if !condition.wait(until: deadline), try !done(self) {
        throw WorkerProcess.Timeout(what: "\(what); stderr so far:\n\(stderrText.suffix(2000))")
      }
    }
  }

  func nextMessage(timeout: Duration) throws -> [UInt8] {
    try wait(for: "a message on stdout", timeout: timeout) { streams in
      if streams.framesTaken < streams.frames.count { return true }
      if streams.stdoutClosed {
        throw WorkerProcess.Broken(description: "stdout closed; stderr:\n\(streams.stderrText.suffix(2000))")
      }
      return false
    }
    return locked { streams in
      defer { streams.framesTaken += 1 }
      return streams.frames[streams.framesTaken]
    }
  }

  func startDraining(_ fd: Int32, isStdout: Bool) {
    let thread = Thread { [self] in
      var chunk = [UInt8](repeating: 0, count: 1 << 16)
      while true {
        let count = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
        if count < 0 && errno == EINTR { continue }
        condition.lock()
        if count <= 0 {
          if isStdout { stdoutClosed = true } else { stderrClosed = true }
          condition.broadcast()
          condition.unlock()
          close(fd)
          return
        }
        if isStdout {
          rawStdout.append(contentsOf: chunk[0..<count])
          splitFrames()
        } else {
          rawStderr.append(contentsOf: chunk[0..<count])
        }
        condition.broadcast()
        condition.unlock()
      }
    }
    thread.stackSize = 1 << 20
    thread.start()
  }

  /// Cuts complete frames off the raw stdout; called with the lock held.
  private func splitFrames() {
    while true {
      switch wire {
      case .lines:
        guard let newline = rawStdout[parsedUpTo...].firstIndex(of: 0x0A) else { return }
        frames.append(Array(rawStdout[parsedUpTo..<newline]))
        parsedUpTo = newline + 1
      case .headers:
        let rest = rawStdout[parsedUpTo...]
        guard let end = rest.firstRange(of: [0x0D, 0x0A, 0x0D, 0x0A]) else { return }
        let header = String(decoding: rawStdout[parsedUpTo..<end.lowerBound], as: UTF8.self)
        let prefix = "Content-Length: "
        guard header.hasPrefix(prefix), let length = Int(header.dropFirst(prefix.count)) else {
          // Not a frame the worker should ever write: keep it whole, as one bad message.
          frames.append(Array(rest))
          parsedUpTo = rawStdout.count
          return
        }
        guard rawStdout.count - end.upperBound >= length else { return }
        frames.append(Array(rawStdout[end.upperBound..<end.upperBound + length]))
        parsedUpTo = end.upperBound + length
      }
    }
  }
}

extension Duration {
  var seconds: Double { Double(components.seconds) + Double(components.attoseconds) / 1e18 }
  var milliseconds: Int { Int(seconds * 1000) }
}
