import ArgumentParser
import Banenmatch
import BanenmatchJSON
import BanenmatchWorker
import Logging

#if canImport(Glibc)
  import Glibc
#endif

extension Framing: ExpressibleByArgument {}

struct ServeCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "serve",
    abstract: "The JSON-RPC 2.0 worker on stdin/stdout (SPEC section 4); logs on stderr.")

  @Option(help: "Load DIR/seekers.jsonl and DIR/vacancies.jsonl before serving.")
  var data: String?

  @OptionGroup var loading: IndexLoading

  @Option(help: "lines or headers (default: told by the first byte of input).")
  var framing: Framing?

  @Option(name: .customLong("log-level"), help: "trace, debug, info, notice, warning, error or critical.")
  var logLevel: String = "info"

  @Option(name: .customLong("max-message-bytes"), help: "The largest message accepted.")
  var maxMessageBytes = 64 << 20

  @Option(name: .customLong("max-batch"), help: "The most entries in a batch or seekerIds of match.batch.")
  var maxBatch = 10_000

  @Option(name: .customLong("max-depth"), help: "The deepest nesting of a message.")
  var maxDepth = 64

  @Option(name: .customLong("max-limit"), help: "The largest `limit` of a match request.")
  var maxLimit = MatchOptions.maxLimit

  func validate() throws {
    if Logger.Level(rawValue: logLevel) == nil { throw ValidationError("unknown --log-level \(logLevel)") }
    if maxMessageBytes < 1 || maxBatch < 1 || maxDepth < 1 { throw ValidationError("limits must be at least 1") }
    if !(0...MatchOptions.maxLimit).contains(maxLimit) {
      throw ValidationError("--max-limit must be from 0 to \(MatchOptions.maxLimit)")
    }
  }

  func run() throws {
    // Protocol bytes only on the real stdout: keep it as a private descriptor and point fd 1
    // at stderr, so that no stray print can ever reach the host's pipe.
    let protocolFD = dup(1)
    guard protocolFD >= 0 else { fail("cannot duplicate stdout", code: 1) }
    _ = fcntl(protocolFD, F_SETFD, FD_CLOEXEC)
    dup2(2, 1)
    signal(SIGPIPE, SIG_IGN)
    // Until the worker serves, nothing is in flight: SIGTERM (while --data loads) ends at once,
    // 0, leaving no part of an index snapshot behind.
    signal(SIGTERM) { _ in
      if let file = IndexSnapshotFile.fileBeingWritten { unlink(file) }
      _exit(0)
    }

    let level = Logger.Level(rawValue: logLevel) ?? .info
    LoggingSystem.bootstrap { label in
      var handler = StreamLogHandler.standardError(label: label)
      handler.logLevel = level
      return handler
    }
    let logger = Logger(label: "banenmatch.serve")

    var index = MatchIndex()
    if let data {
      logger.info("loading", metadata: ["data": "\(data)"])
      let started = ContinuousClock.now
      let outcome: IndexSnapshotFile.Outcome
      do throws(DataDirectory.LoadError) {
        (index, outcome) = try loading.load(data)
      } catch {
        fail("cannot load \(data):\n\(error)", code: 2)
      }
      logger.info(
        "loaded",
        metadata: [
          "seekers": "\(index.seekerCount)", "vacancies": "\(index.vacancyCount)",
          "duration": "\(ContinuousClock.now - started)", "index": "\(outcome)",
        ])
    }
    // A large query may use every core (its answer is the same on one).
    index.queryThreads = .allCores
    var limits = WorkerLimits()
    limits.maxMessageBytes = maxMessageBytes
    limits.maxBatch = maxBatch
    limits.maxDepth = maxDepth
    limits.maxLimit = maxLimit
    StdioServer.run(
      input: 0, output: protocolFD, framing: framing, index: index, limits: limits, logger: logger, today: todayUTC)
  }
}
