import Foundation
import Testing

/// The examples of the JSON-RPC 2.0 specification, section 7, each sent to the real worker.
/// `subtract`, `sum` and `get_data` are mapped onto our methods; `foobar`, `foo.get`,
/// `update`, `notify_hello` and `notify_sum` stay unknown methods.
extension EndToEnd {
  @Suite struct SpecExamples {
    let worker: WorkerProcess

    init() throws {
      worker = try WorkerProcess(arguments: ["--data", Fixtures.samples, "--framing", "lines"])
    }

    /// Sends `message` and returns the next message on stdout.
    func exchange(_ message: String) throws -> Any {
      try worker.send(message)
      return try worker.nextJSON()
    }

    static let named = #"{"seekerId": "S-0004", "limit": 5, "date": "2026-12-01", "explain": true}"#
    static let namedReordered = #"{"explain": true, "date": "2026-12-01", "limit": 5, "seekerId": "S-0004"}"#

    @Test("positional parameters (subtract [42, 23]): refused, -32602, id echoed")
    func positionalParameters() throws {
      for (id, params) in [(1, "[42, 23]"), (2, #"["S-0004", 5]"#)] {
        let reply = try #require(
          try exchange(#"{"jsonrpc": "2.0", "method": "match.vacanciesForSeeker", "params": \#(params), "id": \#(id)}"#)
            as? [String: Any])
        #expect(reply["id"] as? Int == id)
        #expect(reply.errorCode == -32602)
        let errors = try #require(
          ((reply["error"] as? [String: Any])?["data"] as? [String: Any])?["errors"] as? [[String: Any]])
        #expect(errors.first?["path"] as? String == "params")
        #expect(reply["result"] == nil)
      }
      #expect(try worker.finish() == .exited(0))
    }

    @Test("named parameters (subtract {subtrahend, minuend}): the order of names does not matter")
    func namedParameters() throws {
      let first = try #require(
        try exchange(#"{"jsonrpc": "2.0", "method": "match.vacanciesForSeeker", "params": \#(Self.named), "id": 3}"#)
          as? [String: Any])
      let second = try #require(
        try exchange(
          #"{"jsonrpc": "2.0", "method": "match.vacanciesForSeeker", "params": \#(Self.namedReordered), "id": 4}"#)
          as? [String: Any])
      #expect(first["id"] as? Int == 3)
      #expect(second["id"] as? Int == 4)
      #expect(first["jsonrpc"] as? String == "2.0")
      let matches = try #require(first.result?["matches"] as? [[String: Any]])
      #expect(!matches.isEmpty)
      #expect(NSDictionary(dictionary: try #require(first.result)).isEqual(to: try #require(second.result)))
      #expect(try worker.finish() == .exited(0))
    }

    @Test("notifications (update, foobar): no response at all")
    func notifications() throws {
      try worker.send(#"{"jsonrpc": "2.0", "method": "update", "params": [1,2,3,4,5]}"#)
      try worker.send(#"{"jsonrpc": "2.0", "method": "foobar"}"#)
      try worker.send(#"{"jsonrpc": "2.0", "method": "engine.info"}"#)  // a known method, as a notification
      try worker.send(#"{"jsonrpc": "2.0", "method": "seekers.remove", "params": {"ids": ["S-0001"]}}"#)
      try expectNextIsEngineInfo(id: "after")
      // The notification did remove S-0001 although nobody was told.
      let reply = try #require(
        try exchange(#"{"jsonrpc":"2.0","id":"q","method":"match.vacanciesForSeeker","params":{"seekerId":"S-0001"}}"#)
          as? [String: Any])
      #expect(reply.errorCode == -32001)
      #expect(try worker.finish() == .exited(0))
    }

    @Test("a non-existent method (foobar): -32601 with the string id")
    func methodNotFound() throws {
      let reply = try #require(try exchange(#"{"jsonrpc": "2.0", "method": "foobar", "id": "1"}"#) as? [String: Any])
      #expect(reply["id"] as? String == "1")
      #expect(reply.errorCode == -32601)
      #expect((reply["error"] as? [String: Any])?["message"] as? String == "Method not found")
      #expect(try worker.finish() == .exited(0))
    }

    @Test("invalid JSON: -32700 with id null")
    func invalidJSON() throws {
      let reply = try #require(
        try exchange(#"{"jsonrpc": "2.0", "method": "foobar, "params": "bar", "baz]"#) as? [String: Any])
      #expect(reply.errorCode == -32700)
      #expect(reply.hasNullID)
      try expectNextIsEngineInfo(id: "after")
      #expect(try worker.finish() == .exited(0))
    }

    @Test("an invalid request object (method 1, params \"bar\"): -32600 with id null")
    func invalidRequestObject() throws {
      let reply = try #require(try exchange(#"{"jsonrpc": "2.0", "method": 1, "params": "bar"}"#) as? [String: Any])
      #expect(reply.errorCode == -32600)
      #expect(reply.hasNullID)
      #expect(try worker.finish() == .exited(0))
    }

    @Test("a batch that is invalid JSON: one -32700 object, not an array")
    func batchInvalidJSON() throws {
      let reply = try exchange(
        #"[ {"jsonrpc": "2.0", "method": "engine.info", "id": "1"}, {"jsonrpc": "2.0", "method" ]"#)
      let object = try #require(reply as? [String: Any])
      #expect(object.errorCode == -32700)
      #expect(object.hasNullID)
      try expectNextIsEngineInfo(id: "after")
      #expect(try worker.finish() == .exited(0))
    }

    @Test("an empty array: one -32600 object, not an array")
    func emptyArray() throws {
      let object = try #require(try exchange("[]") as? [String: Any])
      #expect(object.errorCode == -32600)
      #expect(object.hasNullID)
      #expect(try worker.finish() == .exited(0))
    }

    @Test("an invalid batch of one ([1]): an array with one -32600")
    func invalidBatchOfOne() throws {
      let array = try #require(try exchange("[1]") as? [[String: Any]])
      #expect(array.count == 1)
      #expect(array.allSatisfy { $0.errorCode == -32600 && $0.hasNullID })
      #expect(try worker.finish() == .exited(0))
    }

    @Test("an invalid batch ([1,2,3]): an array with three -32600")
    func invalidBatch() throws {
      let array = try #require(try exchange("[1,2,3]") as? [[String: Any]])
      #expect(array.count == 3)
      #expect(array.allSatisfy { $0.errorCode == -32600 && $0.hasNullID })
      #expect(try worker.finish() == .exited(0))
    }

    @Test("a mixed batch: results, a notification, {\"foo\": \"boo\"}, an unknown method")
    func mixedBatch() throws {
      let batch = """
        [
          {"jsonrpc": "2.0", "method": "engine.info", "id": "1"},
          {"jsonrpc": "2.0", "method": "notify_hello", "params": [7]},
          {"jsonrpc": "2.0", "method": "index.stats", "id": "2"},
          {"foo": "boo"},
          {"jsonrpc": "2.0", "method": "foo.get", "params": {"name": "myself"}, "id": "5"},
          {"jsonrpc": "2.0", "method": "match.vacanciesForSeeker", "params": \(Self.named), "id": "9"}
        ]
        """
      let array = try #require(try exchange(batch.replacingOccurrences(of: "\n", with: " ")) as? [[String: Any]])
      #expect(array.count == 5)
      let byID = Dictionary(grouping: array) { ($0["id"] as? String) ?? "null" }
      #expect(byID.keys.sorted() == ["1", "2", "5", "9", "null"])
      #expect(byID["1"]?.first?.result?["name"] as? String == "banenmatch")
      #expect(byID["2"]?.first?.result?["seekers"] as? Int == 60)
      #expect(byID["null"]?.first?.errorCode == -32600)
      #expect(byID["5"]?.first?.errorCode == -32601)
      #expect((byID["9"]?.first?.result?["matches"] as? [Any])?.isEmpty == false)
      #expect(try worker.finish() == .exited(0))
    }

    @Test("a batch of notifications only: nothing at all, the next line answers the next request")
    func notificationBatch() throws {
      try worker.send(
        #"[ {"jsonrpc": "2.0", "method": "notify_sum", "params": [1,2,4]}, {"jsonrpc": "2.0", "method": "notify_hello", "params": [7]} ]"#
      )
      try worker.send(#"[{"jsonrpc": "2.0", "method": "engine.info"}, {"jsonrpc": "2.0", "method": "index.stats"}]"#)
      try expectNextIsEngineInfo(id: "after")
      #expect(try worker.finish() == .exited(0))
      #expect(!worker.hasPendingMessage)
    }

    /// Sends `engine.info` with `id` and expects its answer to be the very next message.
    func expectNextIsEngineInfo(id: String) throws {
      let reply = try #require(
        try exchange(#"{"jsonrpc":"2.0","id":"\#(id)","method":"engine.info"}"#) as? [String: Any])
      #expect(reply["id"] as? String == id)
      #expect(reply.result?["name"] as? String == "banenmatch")
    }
  }
}
