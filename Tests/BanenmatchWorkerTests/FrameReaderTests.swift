import Testing

@testable import BanenmatchWorker

/// The frame reader fed the same input in every chunk size from one byte to all of it: the
/// events never depend on how the bytes arrive, and the reader never holds more than the limit.
@Suite struct FrameReaderTests {
  /// Feeds `input` in chunks of `size` bytes, then ends the input; checks after every chunk
  /// that the reader holds at most `maxMessageBytes` (or one header section).
  static func events(_ input: [UInt8], framing: Framing, limit: Int, chunkSize size: Int) -> [FrameEvent] {
    var reader = FrameReader(framing: framing, maxMessageBytes: limit)
    var events: [FrameEvent] = []
    var start = 0
    while start < input.count {
      let end = min(input.count, start + size)
      input[start..<end].withUnsafeBytes { reader.consume($0) { events.append($0) } }
      let held = bufferedBytes(reader)
      #expect(held <= max(limit, FrameReader.maxHeaderBytes + 1), "holds \(held) bytes, chunk size \(size)")
      start = end
    }
    reader.finish { events.append($0) }
    return events
  }

  /// The bytes the reader holds (its private buffer, through reflection).
  static func bufferedBytes(_ reader: FrameReader, sourceLocation: SourceLocation = #_sourceLocation) -> Int {
    guard let buffer = Mirror(reflecting: reader).descendant("buffer") as? [UInt8] else {
      Issue.record("FrameReader has no `buffer: [UInt8]` to measure any more", sourceLocation: sourceLocation)
      return .max
    }
    return buffer.count
  }

  /// Every chunk size from 1 to the whole input gives `expected`.
  static func expectAllChunkSizes(
    _ input: [UInt8], framing: Framing, limit: Int = 1 << 20, _ expected: [FrameEvent],
    sourceLocation: SourceLocation = #_sourceLocation
  ) {
    for size in 1...max(1, input.count) {
      let got = events(input, framing: framing, limit: limit, chunkSize: size)
      if got != expected {
        Issue.record("chunk size \(size): \(describe(got)) != \(describe(expected))", sourceLocation: sourceLocation)
        return
      }
    }
  }

  static func describe(_ events: [FrameEvent]) -> String {
    events.map { event in
      switch event {
      case .message(let bytes): "message(\(String(decoding: bytes, as: UTF8.self).debugDescription))"
      case .error(let error): "error(\(error))"
      }
    }.joined(separator: ", ")
  }

  static func message(_ text: String) -> FrameEvent { .message(Array(text.utf8)) }

  static func header(_ body: String, _ fields: String = "Content-Length: %d\r\n", end: String = "\r\n") -> String {
    fields.split(separator: "%d", omittingEmptySubsequences: false).joined(separator: String(body.utf8.count)) + end
      + body
  }

  @Test func headerLinesMayMixLineEndings() {
    let input = "Content-Type: application/json\nContent-Length: 2\n\r\n{}" + "content-length: 7\r\n\n[1,2,3]"
    Self.expectAllChunkSizes(Array(input.utf8), framing: .headers, [Self.message("{}"), Self.message("[1,2,3]")])
  }

  // MARK: Lines

  @Test func linesInEveryChunkSize() {
    let input = Array(
      (#"{"jsonrpc":"2.0","id":1,"method":"engine.info"}"# + "\n" + "\n" + "  \r\n"
        + #"[1, {"a": "b c"}]"# + "\r\n" + #"{"s":"naïve \u2028"}"# + "\n\n\n" + #"{"last":true}"#).utf8)
    Self.expectAllChunkSizes(
      input, framing: .lines,
      [
        Self.message(#"{"jsonrpc":"2.0","id":1,"method":"engine.info"}"#),
        Self.message(#"[1, {"a": "b c"}]"#),
        Self.message(#"{"s":"naïve \u2028"}"#),
        Self.message(#"{"last":true}"#),
      ])
  }

  @Test func oversizedLineIsSkippedAndTheNextIsRead() {
    let long = String(repeating: "x", count: 40)
    let input = Array("{\"a\":1}\n\(long)\n{\"b\":2}\n\(long)\(long)\n\(String(repeating: "y", count: 16))\n".utf8)
    Self.expectAllChunkSizes(
      input, framing: .lines, limit: 16,
      [
        Self.message(#"{"a":1}"#), .error(.tooLarge(limit: 16)), Self.message(#"{"b":2}"#),
        .error(.tooLarge(limit: 16)), Self.message(String(repeating: "y", count: 16)),
      ])
  }

  @Test func oversizedLastLineWithoutNewline() {
    Self.expectAllChunkSizes(
      Array("{}\n\(String(repeating: "z", count: 100))".utf8), framing: .lines, limit: 10,
      [Self.message("{}"), .error(.tooLarge(limit: 10))])
  }

  @Test func endlessLineNeverBuffersMoreThanTheLimit() {
    // 16 MiB without a newline, in 64 KiB chunks, limit 64 KiB: one error, nothing held.
    let limit = 1 << 16
    var reader = FrameReader(framing: .lines, maxMessageBytes: limit)
    var events: [FrameEvent] = []
    let chunk = [UInt8](repeating: UInt8(ascii: "["), count: 1 << 16)
    for _ in 0..<256 {
      chunk.withUnsafeBytes { reader.consume($0) { events.append($0) } }
      #expect(Self.bufferedBytes(reader) <= limit)
    }
    Array("\n{\"ok\":1}\n".utf8).withUnsafeBytes { reader.consume($0) { events.append($0) } }
    #expect(events == [.error(.tooLarge(limit: limit)), Self.message(#"{"ok":1}"#)])
  }

  // MARK: Headers

  @Test func headersInEveryChunkSizeAnyOrderAndCase() {
    let bodies = [
      #"{"jsonrpc":"2.0","id":1,"method":"engine.info"}"#,
      #"[{"jsonrpc":"2.0","id":"x\r\n\r\nContent-Length: 3","method":"a"}]"#,
      "{\"multi\":\n\"line\"}\n",
      #"{"ü":"€"}"#,
      #"{"e":1}"#,
      "{}",
    ]
    let input =
      Self.header(bodies[0])
      + Self.header(bodies[1], "content-length: %d\r\nContent-Type: application/vscode-jsonrpc; charset=utf-8\r\n")
      + "\r\n"  // a stray empty line between messages
      + Self.header(bodies[2], "Content-Type: application/vscode-jsonrpc; charset=utf8\r\nCONTENT-LENGTH:%d\r\n")
      + Self.header(bodies[3], "Content-Length: %d\n", end: "\n")  // LF only
      + Self.header(bodies[4], "X-Other: 1\r\nContent-Length:   %d  \r\nContent-Length: %d\r\n")
      + Self.header(bodies[5], "cOnTeNt-LeNgTh: %d\r\n")
    Self.expectAllChunkSizes(Array(input.utf8), framing: .headers, bodies.map(Self.message))
  }

  @Test func emptyBodyIsAnEmptyMessage() {
    Self.expectAllChunkSizes(
      Array("Content-Length: 0\r\n\r\nContent-Length: 2\r\n\r\n{}".utf8), framing: .headers,
      [.message([]), Self.message("{}")])
  }

  @Test func bodyOfExactlyTheLimitIsAccepted() {
    let body = String(repeating: "7", count: 32)
    Self.expectAllChunkSizes(
      Array((Self.header(body) + Self.header(body + "8") + Self.header("{}")).utf8), framing: .headers, limit: 32,
      [Self.message(body), .error(.tooLarge(limit: 32)), Self.message("{}")])
  }

  @Test(arguments: [
    ("Content-Length: abc\r\n", "bad header: Content-Length is not a whole number"),
    ("Content-Length: -5\r\n", "bad header: Content-Length is not a whole number"),
    ("Content-Length: 12abc\r\n", "bad header: Content-Length is not a whole number"),
    ("Content-Length: 1 2\r\n", "bad header: Content-Length is not a whole number"),
    ("Content-Length: \r\n", "bad header: Content-Length is not a whole number"),
    ("Content-Length: 0x10\r\n", "bad header: Content-Length is not a whole number"),
    ("Content-Type: application/json\r\n", "bad header: no Content-Length header"),
    ("Content-Length 12\r\n", "bad header: a header line without ':'"),
    ("Content-Length: 7\r\nContent-Length: 8\r\n", "bad header: two different Content-Length headers"),
  ])
  func malformedContentLengthIsAnsweredAndRecovered(fields: String, reason: String) {
    // The body of the bad message runs straight into the next header, as in any LSP stream.
    let input = fields + "\r\n" + #"{"lost":1}"# + Self.header("{\"a\":1}") + Self.header("{\"b\":2}")
    let got = Self.events(Array(input.utf8), framing: .headers, limit: 1 << 20, chunkSize: 1 << 20)
    guard case .error(let error)? = got.first else {
      Issue.record("no error: \(Self.describe(got))")
      return
    }
    #expect(error.description == reason)
    Self.expectAllChunkSizes(
      Array(input.utf8), framing: .headers, [got[0], Self.message(#"{"a":1}"#), Self.message(#"{"b":2}"#)])
  }

  @Test func hugeContentLengthIsTooLargeAndRecovered() {
    let input = "Content-Length: 99999999999999999999999\r\n\r\n" + #"{"lost":1}"# + Self.header("{\"a\":1}")
    Self.expectAllChunkSizes(
      Array(input.utf8), framing: .headers, [.error(.tooLarge(limit: 1 << 20)), Self.message(#"{"a":1}"#)])
  }

  @Test func longerThanIntMaxDigitsSaturate() {
    #expect(FrameReader.parseLength(Array("9223372036854775807".utf8)) == Int.max)
    #expect(FrameReader.parseLength(Array("9223372036854775808".utf8)) == Int.max)
    #expect(FrameReader.parseLength(Array(String(repeating: "9", count: 5000).utf8)) == Int.max)
    #expect(FrameReader.parseLength(Array("007".utf8)) == 7)
    #expect(FrameReader.parseLength(Array("".utf8)) == nil)
    #expect(FrameReader.parseLength(Array("+7".utf8)) == nil)
  }

  @Test func oversizedBodyIsSkippedWithoutBeingHeld() {
    // A declared 16 MiB body against a 1 KiB limit: skipped as it streams past.
    let limit = 1024
    var reader = FrameReader(framing: .headers, maxMessageBytes: limit)
    var events: [FrameEvent] = []
    let size = 16 << 20
    Array("Content-Length: \(size)\r\n\r\n".utf8).withUnsafeBytes { reader.consume($0) { events.append($0) } }
    let chunk = [UInt8](repeating: UInt8(ascii: " "), count: 1 << 16)
    for _ in 0..<(size / chunk.count) {
      chunk.withUnsafeBytes { reader.consume($0) { events.append($0) } }
      #expect(Self.bufferedBytes(reader) <= limit)
    }
    Array(Self.header("{}").utf8).withUnsafeBytes { reader.consume($0) { events.append($0) } }
    #expect(events == [.error(.tooLarge(limit: limit)), Self.message("{}")])
  }

  @Test func overlongHeaderSectionIsAnErrorAndRecovered() {
    let input =
      "X-Junk: " + String(repeating: "j", count: FrameReader.maxHeaderBytes + 10) + "\r\n\r\n" + Self.header("{}")
    let got = Self.events(Array(input.utf8), framing: .headers, limit: 1 << 20, chunkSize: 4096)
    #expect(got.count == 2)
    guard case .error(.badHeader)? = got.first else {
      Issue.record("expected a bad header first: \(Self.describe(got))")
      return
    }
    #expect(got.last == Self.message("{}"))
  }

  // MARK: End of input

  @Test func truncatedBodyAtEndOfInput() {
    Self.expectAllChunkSizes(
      Array(("Content-Length: 20\r\n\r\n" + #"{"a":"#).utf8), framing: .headers,
      [.error(.truncated(missingBytes: 15))])
  }

  @Test func truncatedHeaderAtEndOfInput() {
    Self.expectAllChunkSizes(
      Array((Self.header("{}") + "Content-Len").utf8), framing: .headers,
      [Self.message("{}"), .error(.badHeader("input ended inside a header section"))])
    Self.expectAllChunkSizes(
      Array((Self.header("{}") + "Content-Length: 2\r\n").utf8), framing: .headers,
      [Self.message("{}"), .error(.badHeader("input ended inside a header section"))])
  }

  @Test func whiteSpaceAtEndOfInputIsNothing() {
    Self.expectAllChunkSizes(Array((Self.header("{}") + "\r\n").utf8), framing: .headers, [Self.message("{}")])
    Self.expectAllChunkSizes(Array("{}\n  \r\n".utf8), framing: .lines, [Self.message("{}")])
    Self.expectAllChunkSizes([], framing: .lines, [])
    Self.expectAllChunkSizes([], framing: .headers, [])
  }

  // MARK: Framing

  @Test(arguments: [
    (UInt8(ascii: "{"), Framing.lines), (UInt8(ascii: "["), .lines), (UInt8(ascii: " "), .lines),
    (UInt8(ascii: "\n"), .lines), (UInt8(ascii: "C"), .headers), (UInt8(ascii: "c"), .headers), (0xFF, .lines),
  ])
  func detection(firstByte: UInt8, framing: Framing) {
    #expect(Framing.detect(firstByte: firstByte) == framing)
  }

  @Test func framedOutputReadsBack() {
    let body = Array(#"{"jsonrpc":"2.0","id":null,"result":"ü"}"#.utf8)
    for framing in Framing.allCases {
      let twice = framing.frame(body) + framing.frame(body)
      Self.expectAllChunkSizes(twice, framing: framing, [.message(body), .message(body)])
    }
    #expect(Framing.headers.frame(body) == Array("Content-Length: \(body.count)\r\n\r\n".utf8) + body)
    #expect(Framing.lines.frame(body) == body + [0x0A])
  }
}
