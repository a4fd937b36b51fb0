import Banenmatch
import Dispatch
import Logging
import Synchronization

#if canImport(Glibc)
  import Glibc
#endif

/// Runs a worker on two file descriptors until end of input, `exit`, SIGTERM or a closed
/// output, then exits the process.
///
/// End of input and SIGTERM: finish the requests in flight, flush, exit 0. A closed output
/// (EPIPE): exit 0 at once, quietly.
public enum StdioServer {
  /// Bytes asked of `read(2)` at a time.
  static let readSize = 1 << 16

  public static func run(
    input: Int32, output outputFD: Int32, framing forced: Framing?, index: MatchIndex, limits: WorkerLimits,
    logger: Logger, today: @escaping @Sendable () -> Day
  ) -> Never {
    // SIGTERM from before the first read on. libdispatch on Linux installs its own handler for
    // the signal only when the source is registered, asynchronously: wait for that, and do not
    // set SIG_IGN there, which would drop a SIGTERM arriving before the registration.
    let terminating = TerminationTarget()
    #if !os(Linux)
      signal(SIGTERM, SIG_IGN)
    #endif
    let termination = DispatchSource.makeSignalSource(signal: SIGTERM, queue: .global())
    termination.setEventHandler {
      logger.info("SIGTERM: finishing requests in flight")
      terminating.worker.withLock { $0 }?.drain()
      exit(0)
    }
    let registered = DispatchSemaphore(value: 0)
    termination.setRegistrationHandler { registered.signal() }
    termination.resume()
    registered.wait()

    var chunk = [UInt8](repeating: 0, count: readSize)
    var count = readChunk(input, &chunk)
    // The framing is told by the first byte, unless given.
    let framing = forced ?? (count > 0 ? Framing.detect(firstByte: chunk[0]) : .lines)
    logger.info(
      "serving",
      metadata: [
        "framing": "\(framing.rawValue)", "seekers": "\(index.seekerCount)", "vacancies": "\(index.vacancyCount)",
      ])
    let output = ProtocolOutput(fd: outputFD, framing: framing)
    let worker = Worker(index: index, output: output, limits: limits, logger: logger, today: today)
    terminating.worker.withLock { $0 = worker }

    var reader = FrameReader(framing: framing, maxMessageBytes: limits.maxMessageBytes)
    var exitCode: Int32?
    func deliver(_ event: FrameEvent) {
      guard exitCode == nil else { return }
      switch event {
      case .message(let message):
        guard worker.begin() else { return }
        let outcome = worker.handle(message)
        worker.end()
        if case .exit(let code) = outcome { exitCode = code }
      case .error(let error):
        worker.reject(error)
      }
    }
    while count > 0 && exitCode == nil {
      chunk.withUnsafeBytes { reader.consume(UnsafeRawBufferPointer(rebasing: $0[0..<count]), emit: deliver) }
      if exitCode == nil { count = readChunk(input, &chunk) }
    }
    if exitCode == nil { reader.finish(emit: deliver) }
    worker.drain()
    logger.info("stopping", metadata: ["reason": "\(exitCode == nil ? "end of input" : "exit notification")"])
    exit(exitCode ?? 0)
  }

  /// Reads the next chunk; 0 at end of input (or on a read error).
  private static func readChunk(_ fd: Int32, _ chunk: inout [UInt8]) -> Int {
    while true {
      let count = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
      if count < 0 && errno == EINTR { continue }
      return max(0, count)
    }
  }
}

/// The worker SIGTERM drains; none before the first read.
private final class TerminationTarget: Sendable {
  let worker = Mutex<Worker?>(nil)
}
