/// How messages are delimited on the pipes (SPEC section 4).
public enum Framing: String, Sendable, CaseIterable {
  /// One message per line, `\n`-terminated, no raw newline inside (MCP's stdio transport).
  case lines
  /// `Content-Length: N\r\n\r\n` and N bytes of body (LSP's base protocol).
  case headers

  /// The framing a stream uses, told by its first byte: `{`, `[` or white space mean lines,
  /// `C` or `c` headers. Anything else is read as lines (and answered with a parse error).
  public static func detect(firstByte: UInt8) -> Framing {
    switch firstByte {
    case UInt8(ascii: "C"), UInt8(ascii: "c"): .headers
    default: .lines
    }
  }

  /// `body` framed for output: a line, or a header and the body.
  public func frame(_ body: [UInt8]) -> [UInt8] {
    var frame: [UInt8] = []
    append(body, header: header(for: body), to: &frame)
    return frame
  }

  /// What goes before `body`: `Content-Length: N\r\n\r\n`, or nothing for lines. Made apart
  /// from `append` so that a sender can make it before taking a lock.
  public func header(for body: [UInt8]) -> [UInt8] {
    switch self {
    case .lines: []
    case .headers: Array("Content-Length: \(body.count)\r\n\r\n".utf8)
    }
  }

  /// Appends `body` framed, with its `header(for:)`, to `output`, with no copy of its own: how
  /// answers join the output's pending bytes. (No `reserveCapacity` here: repeated, it would
  /// give up the array's geometric growth.)
  public func append(_ body: [UInt8], header: [UInt8], to output: inout [UInt8]) {
    output.append(contentsOf: header)
    output.append(contentsOf: body)
    if self == .lines { output.append(UInt8(ascii: "\n")) }
  }
}
