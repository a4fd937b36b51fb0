import Foundation
import Testing

/// `$/cancelRequest` and `$/progress` on a data set large enough for `match.batch` to run
/// for many seconds (20,000 seekers × 3,000 vacancies: about 90 s in a debug build).
extension EndToEnd {
  @Suite struct Cancellation {
    static func largeData() throws -> String { try Fixtures.dataSet(seekers: 20_000, vacancies: 3_000, seed: 7) }

    @Test func cancelledBatchAnswersRequestCancelled() throws {
      let worker = try WorkerProcess(arguments: ["--data", try Self.largeData()])
      try worker.waitForStderr(containing: "loaded")
      let started = ContinuousClock.now
      try worker.send(#"{"jsonrpc":"2.0","id":"big","method":"match.batch","params":{"allSeekers":true,"limit":5}}"#)
      try worker.send(#"{"jsonrpc":"2.0","method":"$/cancelRequest","params":{"id":"big"}}"#)
      let reply = try worker.nextObject(timeout: .seconds(30))
      let elapsed = ContinuousClock.now - started
      #expect(reply["id"] as? String == "big")
      #expect(reply.errorCode == -32800, "\(reply.keys): the batch finished in \(elapsed) before the cancel")
      // Cancelled within a few units of work, not after the whole batch.
      #expect(elapsed < .seconds(20), "cancel took \(elapsed)")
      // The worker goes on; cancelling what has finished or never was is harmless.
      try worker.send(#"{"jsonrpc":"2.0","method":"$/cancelRequest","params":{"id":"big"}}"#)
      try worker.send(#"{"jsonrpc":"2.0","method":"$/cancelRequest","params":{"id":12345}}"#)
      try worker.send(#"{"jsonrpc":"2.0","method":"$/cancelRequest","params":{}}"#)
      try worker.send(#"{"jsonrpc":"2.0","id":"after","method":"match.batch","params":{"seekerIds":["S-000001"]}}"#)
      let after = try worker.nextObject()
      #expect(after["id"] as? String == "after")
      #expect((after.result?["results"] as? [Any])?.count == 1)
      #expect(try worker.finish() == .exited(0))
    }

    @Test func cancelOneOfTwoLeavesTheOther() throws {
      let worker = try WorkerProcess(arguments: ["--data", try Self.largeData()])
      let ids = (0..<40).map { #""S-\#(String($0 * 101).leftPadded(to: 6))""# }.joined(separator: ",")
      try worker.send(#"{"jsonrpc":"2.0","id":1,"method":"match.batch","params":{"allSeekers":true}}"#)
      try worker.send(#"{"jsonrpc":"2.0","id":2,"method":"match.batch","params":{"seekerIds":[\#(ids)]}}"#)
      try worker.send(#"{"jsonrpc":"2.0","method":"$/cancelRequest","params":{"id":1}}"#)
      var replies: [Int: [String: Any]] = [:]
      for _ in 0..<2 {
        let reply = try worker.nextObject(timeout: .seconds(30))
        replies[reply["id"] as? Int ?? -1] = reply
      }
      #expect(replies[1]?.errorCode == -32800)
      #expect((replies[2]?.result?["results"] as? [Any])?.count == 40)
      #expect(try worker.finish() == .exited(0))
    }

    @Test func progressArrivesAtMostTenASecond() throws {
      // Many small units of work: 20,000 seekers × 3,000 vacancies, a few seconds in a debug
      // build. The worker's request log gives the time it ran (the test's own clock also counts
      // reading and parsing the 20,000 results).
      let data = try Fixtures.dataSet(seekers: 20_000, vacancies: 3_000, seed: 11)
      let worker = try WorkerProcess(arguments: ["--data", data, "--log-level", "debug"])
      try worker.waitForStderr(containing: "loaded")
      let sent = ContinuousClock.now
      try worker.send(
        #"{"jsonrpc":"2.0","id":"p","method":"match.batch","params":{"allSeekers":true,"limit":2,"progressToken":"tok-1"}}"#
      )
      var progress: [(at: Duration, done: Int, total: Int)] = []
      var final: [String: Any]?
      var elapsed = Duration.zero
      while final == nil && ContinuousClock.now - sent < .seconds(60) {
        let raw = try worker.nextMessage(timeout: .seconds(60))
        let at = ContinuousClock.now - sent
        let message = try #require(try JSON.parse(raw) as? [String: Any])
        if message["method"] as? String == "$/progress" {
          #expect(message["id"] == nil, "a notification has no id")
          let params = try #require(message["params"] as? [String: Any])
          #expect(params["token"] as? String == "tok-1")
          let value = try #require(params["value"] as? [String: Any])
          progress.append((at, value["done"] as? Int ?? -1, value["total"] as? Int ?? -1))
        } else {
          final = message
          elapsed = at
        }
      }
      let reply = try #require(final)
      #expect((reply.result?["results"] as? [Any])?.count == 20_000)
      try worker.waitForStderr(containing: #"id="p""#)
      let logged = worker.stderrText.split(separator: "\n").first { $0.contains(#"id="p""#) } ?? ""
      let ran = Duration.microseconds(
        Int(logged.split(separator: " ").first { $0.hasPrefix("us=") }?.dropFirst(3) ?? "") ?? 0)
      #expect(ran > .zero, "no time in the request log: \(logged)")
      // Past a second, or the checks below would have nothing to check.
      try #require(ran > .milliseconds(1200), "the batch ran only \(ran): make it bigger")
      #expect(!progress.isEmpty, "a batch that ran \(ran) sent no progress")
      // None in the first second, then at most ten a second.
      #expect(progress.allSatisfy { $0.at >= .seconds(1) }, "\(progress.map(\.at))")
      #expect(progress.allSatisfy { $0.total == 20_000 && $0.done > 0 && $0.done <= 20_000 })
      let seconds = max(0, elapsed.seconds - 1)
      #expect(Double(progress.count) <= 10 * seconds + 2, "\(progress.count) in \(elapsed)")
      for window in 0..<Int(elapsed.seconds.rounded(.up)) {
        let inWindow = progress.filter { Int($0.at.seconds) == window }.count
        #expect(inWindow <= 11, "\(inWindow) progress notifications in second \(window)")
      }
      print("progress: \(progress.count) notifications over \(elapsed)")
      #expect(try worker.finish() == .exited(0))
    }
  }
}
