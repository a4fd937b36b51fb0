import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// Start, end of input, SIGTERM, a closed stdout, shutdown and exit.
extension EndToEnd {
  @Suite struct Lifecycle {
    @Test func endOfInputAnswersEverythingThenExitsZero() throws {
      let worker = try WorkerProcess(arguments: ["--data", Fixtures.samples])
      var ids: Set<Int> = []
      for id in 0..<50 {
        let method = ["engine.info", "index.stats", "match.batch"][id % 3]
        try worker.send(#"{"jsonrpc":"2.0","id":\#(id),"method":"\#(method)","params":{"allSeekers":true}}"#)
        if method != "match.batch" { ids.insert(id) }
      }
      try worker.send(#"{"jsonrpc":"2.0","id":"last","method":"match.batch","params":{"allSeekers":true}}"#)
      #expect(try worker.finish() == .exited(0))
      var answered: Set<Int> = []
      var batches = 0
      while let reply = try? worker.nextObject(timeout: .seconds(2)) {
        if let id = reply["id"] as? Int, reply.result != nil { answered.insert(id) }
        if reply.result?["results"] != nil { batches += 1 }
        if reply.errorCode != nil && (reply["id"] as? Int).map({ $0 % 3 }) != 2 { Issue.record("\(reply)") }
      }
      // engine.info and index.stats ignore the `allSeekers` they do not know.
      #expect(answered.isSuperset(of: ids))
      #expect(batches == (0..<50).filter { $0 % 3 == 2 }.count + 1)
    }

    @Test func sigtermWithARequestInFlightStillAnswersIt() throws {
      let data = try Fixtures.dataSet(seekers: 20_000, vacancies: 3_000, seed: 7)
      let worker = try WorkerProcess(arguments: ["--data", data])
      try worker.waitForStderr(containing: "loaded")
      let ids = (0..<300).map { #""S-\#(String($0 * 61).leftPadded(to: 6))""# }.joined(separator: ",")
      try worker.send(
        #"{"jsonrpc":"2.0","id":"slow","method":"match.batch","params":{"seekerIds":[\#(ids)],"limit":3}}"#)
      try worker.send(#"{"jsonrpc":"2.0","id":"quick","method":"engine.info"}"#)
      #expect(try worker.nextObject()["id"] as? String == "quick")  // the batch is running now
      worker.deliver(signal: SIGTERM)
      let reply = try worker.nextObject(timeout: .seconds(60))
      #expect(reply["id"] as? String == "slow")
      #expect((reply.result?["results"] as? [Any])?.count == 300)
      #expect(try worker.waitForExit(timeout: .seconds(10)) == .exited(0))
    }

    @Test func sigtermWhileLoadingDataExitsZero() throws {
      let data = try Fixtures.dataSet(seekers: 20_000, vacancies: 3_000, seed: 7)
      // From the JSON Lines (a snapshot from an earlier start would load in a moment).
      let worker = try WorkerProcess(arguments: ["--data", data, "--no-snapshot"])
      // The load has begun (a 20,000-seeker load takes over a second in a debug build).
      try worker.waitForStderr(containing: "loading")
      worker.deliver(signal: SIGTERM)
      #expect(try worker.waitForExit() == .exited(0))
    }

    @Test func sigtermWhileIdleExitsZero() throws {
      let worker = try WorkerProcess(arguments: ["--data", Fixtures.samples])
      // Nothing tells when the worker waits for its first input: give it a second after loading.
      try worker.waitForStderr(containing: "loaded")
      usleep(1_000_000)
      worker.deliver(signal: SIGTERM)
      #expect(try worker.waitForExit() == .exited(0))
    }

    /// SIGTERM right after the first answer, several times: it is never lost (the worker
    /// would then run on until end of input) and never kills the worker.
    @Test func sigtermRightAfterTheFirstAnswerExitsZero() throws {
      for attempt in 0..<12 {
        let worker = try WorkerProcess(arguments: ["--data", Fixtures.samples])
        try worker.send(#"{"jsonrpc":"2.0","id":\#(attempt),"method":"engine.info"}"#)
        _ = try worker.nextObject()
        worker.deliver(signal: SIGTERM)
        #expect(try worker.waitForExit(timeout: .seconds(5)) == .exited(0), "attempt \(attempt)")
      }
    }

    @Test(arguments: [WorkerProcess.Wire.lines, .headers])
    func closedStdoutEndsTheWorkerQuietly(wire: WorkerProcess.Wire) throws {
      let worker = try WorkerProcess(arguments: ["--data", Fixtures.samples], wire: wire, readStdout: false)
      worker.closeOutput()
      for id in 0..<20 {
        // The worker may already be gone: a failed write is fine here.
        try? worker.send(
          #"{"jsonrpc":"2.0","id":\#(id),"method":"match.vacanciesForSeeker","params":{"seekerId":"S-0004"}}"#)
      }
      worker.closeInput()
      #expect(try worker.waitForExit() == .exited(0))
      #expect(!worker.stderrText.contains("Fatal"))
      #expect(!worker.stderrText.contains("Crash"))
    }

    @Test func closedStdoutDuringALargeResponse() throws {
      let worker = try WorkerProcess(arguments: ["--data", Fixtures.samples], readStdout: false)
      for id in 0..<10 {
        try? worker.send(
          #"{"jsonrpc":"2.0","id":\#(id),"method":"match.batch","params":{"allSeekers":true,"limit":30}}"#)
      }
      usleep(200_000)
      worker.closeOutput()  // the pipe may be full by now: the worker is blocked in write(2)
      worker.closeInput()
      #expect(try worker.waitForExit() == .exited(0))
    }

    @Test func badDataLineStopsTheStartWithExitTwo() throws {
      let directory = try Fixtures.temporaryDirectory("bad-data")
      defer { try? FileManager.default.removeItem(at: directory) }
      var generator = RecordGenerator(seed: 3)
      let seekers = [
        generator.seeker(id: "S-1"), generator.seeker(id: "S-2"),
        #"{"id":"S-3","location":{"lat":52.1,"lon":5.1},"maxTravelKm":"far","hours":{"min":4,"max":8}}"#,
      ]
      try (seekers.joined(separator: "\n") + "\n").write(
        to: directory.appendingPathComponent("seekers.jsonl"), atomically: false, encoding: .utf8)
      try (generator.vacancy(id: "V-1") + "\n").write(
        to: directory.appendingPathComponent("vacancies.jsonl"), atomically: false, encoding: .utf8)
      let worker = try WorkerProcess(arguments: ["--data", directory.path])
      #expect(try worker.waitForExit() == .exited(2))
      try worker.waitForOutputsClosed()
      let stderr = worker.stderrText
      #expect(stderr.contains("seekers.jsonl:3"), "\(stderr)")
      #expect(stderr.contains("maxTravelKm"), "\(stderr)")
      #expect(worker.stdoutBytes.isEmpty)
    }

    @Test func shutdownThenExit() throws {
      let worker = try WorkerProcess(arguments: ["--data", Fixtures.samples])
      try worker.send(#"{"jsonrpc":"2.0","id":1,"method":"shutdown"}"#)
      let reply = try worker.nextObject()
      #expect(reply["id"] as? Int == 1)
      #expect(reply.keys.contains("result") && reply["result"] is NSNull)
      try worker.send(#"{"jsonrpc":"2.0","id":2,"method":"engine.info"}"#)
      let refused = try worker.nextObject()
      #expect(refused["id"] as? Int == 2)
      #expect(refused.errorCode == -32600)
      try worker.send(#"{"jsonrpc":"2.0","method":"exit"}"#)
      #expect(try worker.waitForExit() == .exited(0))
    }

    @Test func exitWithoutShutdownIsExitOne() throws {
      let worker = try WorkerProcess(arguments: [])
      try worker.send(#"{"jsonrpc":"2.0","method":"exit"}"#)
      #expect(try worker.waitForExit() == .exited(1))
    }
  }
}
