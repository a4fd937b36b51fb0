/// A small streaming JSON writer: compact output, one line (no raw newlines), valid UTF-8.
///
///     var writer = JSONWriter()
///     writer.object { w in
///       w.key("score"); w.number(87.51234, decimals: 4)
///     }
///     writer.bytes  // {"score":87.5123}
///
/// Strings are escaped as RFC 8259 requires: `"`, `\`, and control characters; everything
/// else is copied as UTF-8. Swift strings are always valid Unicode, so the output is valid
/// UTF-8. Numbers print in their shortest round-trip form.
public struct JSONWriter: Sendable {
  public private(set) var bytes: [UInt8] = []
  /// Whether the next value at this level needs a comma first.
  private var needsComma = false

  public init(capacity: Int = 256) { bytes.reserveCapacity(capacity) }

  public var string: String { String(decoding: bytes, as: UTF8.self) }

  public mutating func object(_ body: (inout JSONWriter) -> Void) {
    separate()
    bytes.append(UInt8(ascii: "{"))
    needsComma = false
    body(&self)
    bytes.append(UInt8(ascii: "}"))
    needsComma = true
  }

  public mutating func array(_ body: (inout JSONWriter) -> Void) {
    separate()
    bytes.append(UInt8(ascii: "["))
    needsComma = false
    body(&self)
    bytes.append(UInt8(ascii: "]"))
    needsComma = true
  }

  /// Writes an object key; the next call writes its value.
  public mutating func key(_ name: String) {
    separate()
    writeString(name)
    bytes.append(UInt8(ascii: ":"))
    needsComma = false
  }

  public mutating func string(_ value: String) {
    separate()
    writeString(value)
    needsComma = true
  }

  public mutating func strings(_ values: [String]) {
    array { w in for value in values { w.string(value) } }
  }

  public mutating func integer(_ value: Int) {
    separate()
    bytes.append(contentsOf: String(value).utf8)
    needsComma = true
  }

  public mutating func bool(_ value: Bool) {
    separate()
    bytes.append(contentsOf: (value ? "true" : "false").utf8)
    needsComma = true
  }

  public mutating func null() {
    separate()
    bytes.append(contentsOf: "null".utf8)
    needsComma = true
  }

  /// A number, rounded to `decimals` places when given (87.51229999 → 87.5123), in its
  /// shortest form; integers print without a fraction. Non-finite values print as null.
  public mutating func number(_ value: Double, decimals: Int? = nil) {
    separate()
    bytes.append(contentsOf: JSONWriter.format(value, decimals: decimals).utf8)
    needsComma = true
  }

  /// Copies JSON text that is already valid (for example an echoed request id).
  public mutating func raw(_ json: String) {
    separate()
    bytes.append(contentsOf: json.utf8)
    needsComma = true
  }

  /// The text `number(_:decimals:)` writes.
  public static func format(_ value: Double, decimals: Int? = nil) -> String {
    guard value.isFinite else { return "null" }
    var value = value
    if let decimals {
      var scale = 1.0
      for _ in 0..<decimals { scale *= 10 }
      value = (value * scale).rounded() / scale
    }
    if value == value.rounded(), abs(value) < 1e15 {
      return String(Int(value))  // also turns -0.0 into 0
    }
    return value.description  // shortest round-trip text; may use exponent form, valid JSON
  }

  private mutating func separate() {
    if needsComma { bytes.append(UInt8(ascii: ",")) }
  }

  private static let hexDigits = Array("0123456789abcdef".utf8)

  private mutating func writeString(_ value: String) {
    bytes.append(UInt8(ascii: "\""))
    for byte in value.utf8 {
      switch byte {
      case UInt8(ascii: "\""): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\"")])
      case UInt8(ascii: "\\"): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\\")])
      case 0x0A: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "n")])
      case 0x0D: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "r")])
      case 0x09: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "t")])
      case 0x00..<0x20:
        bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0")])
        bytes.append(JSONWriter.hexDigits[Int(byte >> 4)])
        bytes.append(JSONWriter.hexDigits[Int(byte & 0xF)])
      default: bytes.append(byte)
      }
    }
    bytes.append(UInt8(ascii: "\""))
  }
}
