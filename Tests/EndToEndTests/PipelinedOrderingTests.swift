import Foundation
import Testing

/// 1,000 requests written without waiting, interleaving upserts, removes and matches, answer
/// exactly as the same requests sent one at a time, each after the previous answer.
extension EndToEnd {
  @Suite struct PipelinedOrdering {
    static let seed: UInt64 = 20_261_201

    /// A seeded script of requests with integer ids 0..<count.
    static func script(count: Int, seed: UInt64) -> [String] {
      var rng = SplitMix64(seed: seed)
      var records = RecordGenerator(seed: seed &+ 1)
      func seekerID() -> String { "S-\(String(Int.random(in: 1...90, using: &rng)).leftPadded(to: 4))" }
      func vacancyID() -> String { "V-\(String(Int.random(in: 1...45, using: &rng)).leftPadded(to: 4))" }
      func options() -> String {
        var parts = [#""date":"2026-12-01""#, #""limit":\#(Int.random(in: 1...15, using: &rng))"#]
        if rng.next() % 3 == 0 { parts.append(#""explain":true"#) }
        if rng.next() % 3 == 0 { parts.append(#""nearMisses":\#(Int.random(in: 1...4, using: &rng))"#) }
        if rng.next() % 5 == 0 { parts.append(#""maxKm":\#(Int.random(in: 5...50, using: &rng))"#) }
        return parts.joined(separator: ",")
      }
      return (0..<count).map { id in
        let roll = Int.random(in: 0..<100, using: &rng)
        let (method, params): (String, String)
        switch roll {
        case 0..<18:
          let seekers = (0..<Int.random(in: 1...3, using: &rng)).map { _ in records.seeker(id: seekerID()) }
          (method, params) = ("seekers.upsert", #"{"seekers":[\#(seekers.joined(separator: ","))]}"#)
        case 18..<30:
          let vacancies = (0..<Int.random(in: 1...2, using: &rng)).map { _ in records.vacancy(id: vacancyID()) }
          (method, params) = ("vacancies.upsert", #"{"vacancies":[\#(vacancies.joined(separator: ","))]}"#)
        case 30..<33:
          // All or nothing: a good record next to a bad one changes nothing.
          let good = records.seeker(id: seekerID())
          (method, params) = ("seekers.upsert", #"{"seekers":[\#(good),{"id":"S-BAD","hours":{"min":9,"max":1}}]}"#)
        case 33..<41:
          (method, params) = ("seekers.remove", #"{"ids":["\#(seekerID())","\#(seekerID())"]}"#)
        case 41..<47:
          (method, params) = ("vacancies.remove", #"{"ids":["\#(vacancyID())"]}"#)
        case 47..<72:
          (method, params) = ("match.vacanciesForSeeker", #"{"seekerId":"\#(seekerID())",\#(options())}"#)
        case 72..<90:
          (method, params) = ("match.seekersForVacancy", #"{"vacancyId":"\#(vacancyID())",\#(options())}"#)
        case 90..<95:
          (method, params) = ("index.stats", "{}")
        case 95..<98:
          let ids = (0..<3).map { _ in #""\#(seekerID())""# }.joined(separator: ",")
          (method, params) = ("match.batch", #"{"seekerIds":[\#(ids)],"date":"2026-12-01","limit":5}"#)
        default:
          (method, params) = ("engine.info", "{}")
        }
        return #"{"jsonrpc":"2.0","id":\#(id),"method":"\#(method)","params":\#(params)}"#
      }
    }

    static func id(of message: [UInt8]) throws -> Int {
      let object = try #require(try JSON.parse(message) as? [String: Any])
      return try #require(object["id"] as? Int, "no integer id: \(object)")
    }

    @Test func thousandPipelinedRequestsAnswerAsIfOneByOne() throws {
      let requests = Self.script(count: 1_000, seed: Self.seed)

      // Pipelined: everything written at once, answers read by id as they come.
      let pipelined = try WorkerProcess(arguments: ["--data", Fixtures.samples])
      let writer = Thread {
        for request in requests { try? pipelined.send(request, timeout: .seconds(60)) }
      }
      writer.start()
      var concurrent: [Int: [UInt8]] = [:]
      var arrival: [Int] = []
      while concurrent.count < requests.count {
        let message = try pipelined.nextMessage(timeout: .seconds(30))
        let id = try Self.id(of: message)
        #expect(concurrent[id] == nil, "two answers for \(id)")
        concurrent[id] = message
        arrival.append(id)
      }
      #expect(try pipelined.finish() == .exited(0))

      // One by one: each request after the previous answer.
      let serial = try WorkerProcess(arguments: ["--data", Fixtures.samples])
      var mismatches = 0
      for (id, request) in requests.enumerated() {
        try serial.send(request)
        let message = try serial.nextMessage()
        #expect(try Self.id(of: message) == id)
        if message != concurrent[id] {
          mismatches += 1
          if mismatches <= 3 {
            Issue.record(
              """
              seed \(Self.seed), id \(id): \(request.prefix(200))
              pipelined: \(String(decoding: concurrent[id] ?? [], as: UTF8.self).prefix(400))
              one by one: \(String(decoding: message, as: UTF8.self).prefix(400))
              """)
          }
        }
      }
      #expect(mismatches == 0)
      #expect(try serial.finish() == .exited(0))

      // The script really mixes kinds of answers.
      let texts = concurrent.values.map { String(decoding: $0, as: UTF8.self) }
      #expect(texts.filter { $0.contains(#""upserted":"#) }.count > 100)
      #expect(texts.filter { $0.contains(#""removed":"#) }.count > 50)
      #expect(texts.filter { $0.contains(#""matches":[{"#) }.count > 100)
      #expect(texts.filter { $0.contains(#""code":-32001"#) }.count > 10)
      #expect(texts.filter { $0.contains(#""code":-32602"#) }.count > 10)
      let outOfOrder = zip(arrival, arrival.dropFirst()).filter { $0 > $1 }.count
      print("pipelined: \(outOfOrder) of \(arrival.count) answers arrived after a later request's answer")
    }

    /// Answers to a burst are held back while more requests wait, so that they leave in large
    /// writes: none may stay held once the burst is answered, with stdin still open, and a
    /// request sent alone afterwards is answered at once too.
    @Test func aBurstIsAnsweredInFullWhileTheHostWaits() throws {
      let worker = try WorkerProcess(arguments: ["--data", Fixtures.samples])
      var burst: [UInt8] = []
      for id in 0..<400 {
        let method = id % 2 == 0 ? "match.vacanciesForSeeker" : "match.seekersForVacancy"
        let key = id % 2 == 0 ? #""seekerId":"S-0001""# : #""vacancyId":"V-0001""#
        let batch =
          id == 200
          ? #"{"jsonrpc":"2.0","id":"b","method":"match.batch","params":{"allSeekers":true,"date":"2026-12-01"}}"#
            + "\n" : ""
        burst += Array(
          (#"{"jsonrpc":"2.0","id":\#(id),"method":"\#(method)","params":{\#(key),"date":"2026-12-01"}}"# + "\n" + batch)
            .utf8)
      }
      try worker.send(bytes: burst)
      var ids = Set<String>()
      for _ in 0..<401 {
        let object = try worker.nextObject(timeout: .seconds(30))
        #expect(object["result"] != nil, "\(object)")
        ids.insert("\(object["id"] ?? "-")")
      }
      #expect(ids.count == 401)
      try worker.send(#"{"jsonrpc":"2.0","id":"alone","method":"engine.info"}"#)
      let alone = try worker.nextObject(timeout: .seconds(10))
      #expect(alone["id"] as? String == "alone")
      #expect(try worker.finish() == .exited(0))
    }
  }
}
