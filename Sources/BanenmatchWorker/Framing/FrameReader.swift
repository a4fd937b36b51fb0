/// What the frame reader found in the input.
public enum FrameEvent: Equatable, Sendable {
  /// A whole message body.
  case message([UInt8])
  /// Input that could not be framed; the reader has skipped it and goes on.
  case error(FrameError)
}

/// Why input could not be framed.
public enum FrameError: Equatable, Sendable, CustomStringConvertible {
  /// A message longer than the limit; its bytes were skipped.
  case tooLarge(limit: Int)
  /// A header section without a usable `Content-Length`; skipped up to the next one.
  case badHeader(String)
  /// End of input inside a message.
  case truncated(missingBytes: Int)

  public var description: String {
    switch self {
    case .tooLarge(let limit): "message larger than the limit of \(limit) bytes"
    case .badHeader(let reason): "bad header: \(reason)"
    case .truncated(let missing): "input ended inside a message (\(missing) bytes missing)"
    }
  }
}

/// Splits a byte stream into messages: a small state machine fed chunks of any size, which
/// never holds more than the message limit (plus one header section of at most 8 KiB).
///
///     var reader = FrameReader(framing: .lines, maxMessageBytes: 1 << 26)
///     reader.consume(chunk) { event in … }
///     reader.finish { event in … }   // at end of input
public struct FrameReader: Sendable {
  public let framing: Framing
  public let maxMessageBytes: Int
  /// The longest header section accepted.
  public static let maxHeaderBytes = 8192

  private enum State: Sendable {
    /// Lines: collecting a line.
    case line
    /// Lines: skipping the rest of an overlong line.
    case skippingLine
    /// Headers: collecting header lines until an empty one.
    case header
    /// Headers: collecting `remaining` more body bytes.
    case body(remaining: Int)
    /// Headers: discarding `remaining` bytes of an oversized body.
    case skippingBody(remaining: Int)
    /// Headers: discarding input up to the next `Content-Length:` (wherever it starts: an LSP
    /// stream has no newline between a body and the next header).
    case resync
  }

  private var state: State
  private var buffer: [UInt8] = []
  /// Resync: how much of "content-length:" the input has just matched (-1: none until the
  /// end of the current line, which is the rest of an overlong header).
  private var resyncMatched = 0

  public init(framing: Framing, maxMessageBytes: Int) {
    self.framing = framing
    self.maxMessageBytes = maxMessageBytes
    state = framing == .lines ? .line : .header
  }

  /// Feeds the next chunk of input; calls `emit` for each message or error it completes.
  public mutating func consume(_ chunk: UnsafeRawBufferPointer, emit: (FrameEvent) -> Void) {
    var index = 0
    let count = chunk.count
    while index < count {
      switch state {
      case .line:
        // Copy up to the next newline in one go.
        var end = index
        while end < count && chunk[end] != UInt8(ascii: "\n") { end += 1 }
        let take = end - index
        if buffer.count + take > maxMessageBytes {
          buffer.removeAll(keepingCapacity: false)
          emit(.error(.tooLarge(limit: maxMessageBytes)))
          state = .skippingLine
          index = end
          continue
        }
        buffer.append(contentsOf: UnsafeRawBufferPointer(rebasing: chunk[index..<end]))
        index = end
        if end < count {
          index += 1  // the newline
          emitLine(emit)
        }
      case .skippingLine:
        while index < count && chunk[index] != UInt8(ascii: "\n") { index += 1 }
        if index < count {
          index += 1
          state = .line
        }
      case .header:
        let byte = chunk[index]
        index += 1
        buffer.append(byte)
        if byte == UInt8(ascii: "\n") {
          if endsHeaderSection() { parseHeaders(emit) }
        } else if buffer.count > FrameReader.maxHeaderBytes {
          buffer.removeAll()
          emit(.error(.badHeader("header section longer than \(FrameReader.maxHeaderBytes) bytes")))
          beginResync(atLineStart: false)
        }
      case .body(let remaining):
        let take = min(remaining, count - index)
        buffer.append(contentsOf: UnsafeRawBufferPointer(rebasing: chunk[index..<index + take]))
        index += take
        if take == remaining {
          emit(.message(buffer))
          buffer.removeAll(keepingCapacity: true)
          state = .header
        } else {
          state = .body(remaining: remaining - take)
        }
      case .skippingBody(let remaining):
        let take = min(remaining, count - index)
        index += take
        state = take == remaining ? .header : .skippingBody(remaining: remaining - take)
      case .resync:
        let byte = chunk[index]
        index += 1
        resyncStep(byte)
      }
    }
  }

  /// Signals end of input: emits a final line without newline, or reports a truncated message.
  public mutating func finish(emit: (FrameEvent) -> Void) {
    switch state {
    case .line:
      if !buffer.isEmpty { emitLine(emit) }
    case .body(let remaining):
      emit(.error(.truncated(missingBytes: remaining)))
    case .header:
      if buffer.contains(where: { !isWhiteSpace($0) }) {
        emit(.error(.badHeader("input ended inside a header section")))
      }
    case .skippingLine, .skippingBody, .resync:
      break
    }
    buffer.removeAll()
  }

  private mutating func emitLine(_ emit: (FrameEvent) -> Void) {
    defer { buffer.removeAll(keepingCapacity: buffer.capacity <= 1 << 20) }
    if buffer.last == UInt8(ascii: "\r") { buffer.removeLast() }
    if buffer.allSatisfy(isWhiteSpace) { return }  // blank lines between messages are allowed
    emit(.message(buffer))
  }

  private func endsHeaderSection() -> Bool {
    // An empty line, "\r\n" or "\n", after a line feed — whichever line ending each line uses —
    // or a leading empty line (tolerated, skipped below).
    let n = buffer.count
    if n >= 3 && buffer[n - 3] == 0x0A && buffer[n - 2] == 0x0D { return true }
    if n >= 2 && buffer[n - 2] == 0x0A { return true }
    return n <= 2 && buffer.allSatisfy(isWhiteSpace)
  }

  private mutating func parseHeaders(_ emit: (FrameEvent) -> Void) {
    let text = buffer
    buffer.removeAll(keepingCapacity: true)
    if text.allSatisfy(isWhiteSpace) { return }  // stray empty line between messages
    var length: Int?
    var problem: String?
    for line in text.split(separator: UInt8(ascii: "\n")) {
      var line = line
      if line.last == 0x0D { line = line.dropLast() }
      if line.isEmpty { continue }
      guard let colon = line.firstIndex(of: UInt8(ascii: ":")) else {
        problem = "a header line without ':'"
        break
      }
      let name = String(decoding: line[line.startIndex..<colon], as: UTF8.self)
      guard name.lowercased() == "content-length" else { continue }  // Content-Type and others: accepted, unused
      var value = line[line.index(after: colon)...].drop(while: { $0 == 0x20 || $0 == 0x09 })
      while let last = value.last, last == 0x20 || last == 0x09 { value = value.dropLast() }
      guard let parsed = FrameReader.parseLength(value) else {
        problem = "Content-Length is not a whole number"
        break
      }
      if length != nil && length != parsed {
        problem = "two different Content-Length headers"
        break
      }
      length = parsed
    }
    if problem == nil && length == nil { problem = "no Content-Length header" }
    if let problem {
      emit(.error(.badHeader(problem)))
      beginResync(atLineStart: true)
      return
    }
    let bodyLength = length!
    if bodyLength > maxMessageBytes {
      emit(.error(.tooLarge(limit: maxMessageBytes)))
      state = bodyLength == Int.max ? .resync : .skippingBody(remaining: bodyLength)
      if bodyLength == Int.max { resyncMatched = 0 }
    } else if bodyLength == 0 {
      emit(.message([]))
      state = .header
    } else {
      state = .body(remaining: bodyLength)
    }
  }

  /// A decimal length; values past `Int.max` saturate to `Int.max` (then "too large").
  static func parseLength(_ digits: some Collection<UInt8>) -> Int? {
    guard !digits.isEmpty, digits.count <= 1000 else { return digits.isEmpty ? nil : Int.max }
    var value = 0
    for digit in digits {
      guard digit >= UInt8(ascii: "0"), digit <= UInt8(ascii: "9") else { return nil }
      let (times10, overflow1) = value.multipliedReportingOverflow(by: 10)
      let (sum, overflow2) = times10.addingReportingOverflow(Int(digit - UInt8(ascii: "0")))
      if overflow1 || overflow2 { return Int.max }
      value = sum
    }
    return value
  }

  // MARK: Resynchronising after a bad header

  private static let marker = Array("content-length:".utf8)

  private mutating func beginResync(atLineStart: Bool) {
    state = .resync
    resyncMatched = atLineStart ? 0 : -1
  }

  /// Skips bytes until `Content-Length:` (any case), then reads headers from there. The
  /// marker's first letter occurs nowhere else in it, so a mismatch restarts the match at once.
  private mutating func resyncStep(_ byte: UInt8) {
    if byte == UInt8(ascii: "\n") {
      resyncMatched = 0
      return
    }
    guard resyncMatched >= 0 else { return }
    let lower = byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte
    if lower == FrameReader.marker[resyncMatched] {
      resyncMatched += 1
      if resyncMatched == FrameReader.marker.count {
        buffer = FrameReader.marker
        state = .header
      }
    } else {
      resyncMatched = lower == FrameReader.marker[0] ? 1 : 0
    }
  }
}

@inline(__always)
func isWhiteSpace(_ byte: UInt8) -> Bool {
  byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
}
