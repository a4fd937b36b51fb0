import Foundation
import Testing

/// Every file of JSONTestSuite's `test_parsing` (318 of them) sent as one header-framed message
/// to one worker process: `n_` files get a parse error, `y_` files never do, nothing crashes
/// or hangs it, and it serves normally afterwards.
extension EndToEnd {
  @Suite struct JSONTestSuite {
    /// Parse errors an `n_` file may get: -32700, or -32002 when it is only too deep.
    static let rejections: Set<Int> = [-32700, -32002]

    @Test func everyParsingFileInOneWorker() throws {
      let names = try FileManager.default.contentsOfDirectory(atPath: Fixtures.jsonTestSuite)
        .filter { $0.hasSuffix(".json") }.sorted()
      #expect(names.count == 318)
      #expect(names.filter { $0.hasPrefix("y_") }.count == 95)
      #expect(names.filter { $0.hasPrefix("n_") }.count == 188)

      let worker = try WorkerProcess(arguments: ["--framing", "headers"], wire: .headers)
      for (number, name) in names.enumerated() {
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: Fixtures.jsonTestSuite + "/" + name)))
        try worker.send(bytes: bytes)
        // A write answers on the reader thread, after everything the file caused.
        let sentinel = "sentinel-\(number)"
        try worker.send(#"{"jsonrpc":"2.0","id":"\#(sentinel)","method":"seekers.remove","params":{"ids":[]}}"#)
        let replies = try worker.messages(through: sentinel).dropLast().map { message in
          try JSON.parse(message)
        }
        check(name, replies)
      }
      try worker.send(#"{"jsonrpc":"2.0","id":"last","method":"engine.info"}"#)
      let info = try worker.nextObject()
      #expect(info.result?["name"] as? String == "banenmatch")
      #expect(worker.isRunning)
      #expect(try worker.finish() == .exited(0))
    }

    /// The answer to one file.
    func check(_ name: String, _ replies: [Any]) {
      let codes: [Int?] = replies.flatMap { reply -> [Int?] in
        if let array = reply as? [[String: Any]] { return array.map(\.errorCode) }
        return [(reply as? [String: Any])?.errorCode]
      }
      switch name.prefix(2) {
      case "n_":
        #expect(replies.count == 1, "\(name): \(replies)")
        let object = replies.first as? [String: Any]
        #expect(object.map { Self.rejections.contains($0.errorCode ?? 0) } == true, "\(name): \(replies)")
        #expect(object?.hasNullID == true, "\(name): \(replies)")
      case "y_":
        #expect(replies.count == 1, "\(name): \(replies)")
        #expect(!codes.contains(-32700), "\(name): \(replies)")
        #expect(!codes.isEmpty && codes.allSatisfy { $0 == -32600 }, "\(name): \(replies)")
        if name == "y_object_escaped_null_in_key.json" { #expect(codes == [-32600]) }
      default:
        #expect(replies.count <= 1, "\(name): \(replies)")
      }
    }
  }
}
