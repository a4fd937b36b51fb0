import Foundation
import Testing

/// Request ids come back exactly as sent: strings, integers, fractions, null, negatives,
/// large integers; ids that cannot be ids get -32600 with id null.
extension EndToEnd {
  @Suite struct RequestIDs {
    /// (id as sent, the text the response must carry).
    static let cases: [(String, String)] = [
      (#""abc""#, #""abc""#),
      (#""""#, #""""#),
      (#""S-0001 \"quoted\" \\ /""#, #""S-0001 \"quoted\" \\ /""#),
      ("7", "7"),
      ("0", "0"),
      ("-42", "-42"),
      ("1.5", "1.5"),
      ("-0.25", "-0.25"),
      ("null", "null"),
      ("9007199254740993", "9007199254740993"),
      ("9223372036854775807", "9223372036854775807"),
      ("-9223372036854775808", "-9223372036854775808"),
    ]

    @Test(arguments: [WorkerProcess.Wire.lines, .headers])
    func idsAreEchoedExactly(wire: WorkerProcess.Wire) throws {
      let worker = try WorkerProcess(arguments: ["--data", Fixtures.samples], wire: wire)
      for (sent, echoed) in Self.cases {
        for method in ["engine.info", "no.such.method"] {
          try worker.send(#"{"jsonrpc":"2.0","id":\#(sent),"method":"\#(method)"}"#)
          let reply = String(decoding: try worker.nextMessage(), as: UTF8.self)
          #expect(reply.hasPrefix(#"{"jsonrpc":"2.0","id":\#(echoed),"#), "\(sent) → \(reply.prefix(80))")
        }
      }
      // Non-ASCII strings: the same string, however it is escaped.
      try worker.send(#"{"jsonrpc":"2.0","id":"vacature-ü-€-\u00e9-𝄞","method":"engine.info"}"#)
      #expect(try worker.nextObject()["id"] as? String == "vacature-ü-€-é-𝄞")
      // In a batch, each reply keeps its own id.
      try worker.send(#"[{"jsonrpc":"2.0","id":1.5,"method":"x"},{"jsonrpc":"2.0","id":"1.5","method":"x"}]"#)
      let batch = String(decoding: try worker.nextMessage(), as: UTF8.self)
      #expect(batch.contains(#""id":1.5,"#) && batch.contains(#""id":"1.5","#))
      #expect(try worker.finish() == .exited(0))
    }

    @Test(arguments: ["true", "false", "[1]", #"{"a":1}"#])
    func impossibleIDsAreInvalidRequests(id: String) throws {
      let worker = try WorkerProcess(arguments: [])
      try worker.send(#"{"jsonrpc":"2.0","id":\#(id),"method":"engine.info"}"#)
      let reply = try worker.nextObject()
      #expect(reply.errorCode == -32600)
      #expect(reply.hasNullID)
      #expect(try worker.finish() == .exited(0))
    }
  }
}
