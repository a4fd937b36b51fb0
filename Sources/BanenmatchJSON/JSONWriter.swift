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

  /// Makes room for `count` more bytes at once, so that a known-large text grows once.
  public mutating func reserve(_ count: Int) { bytes.reserveCapacity(bytes.count + count) }

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

  /// Writes an object key that needs no escape (a name in our code, checked in debug
  /// builds), copying its bytes as they are; the next call writes its value.
  public mutating func key(plain name: StaticString) {
    separate()
    name.withUTF8Buffer { utf8 in
      assert(!utf8.contains { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") })
      bytes.append(UInt8(ascii: "\""))
      bytes.append(contentsOf: utf8)
      bytes.append(UInt8(ascii: "\""))
      bytes.append(UInt8(ascii: ":"))
    }
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
    writeInteger(value)
    needsComma = true
  }

  /// The decimal digits of `value`, without a String.
  private mutating func writeInteger(_ value: Int) {
    if value < 0 {
      bytes.append(UInt8(ascii: "-"))
      // Int.min has no positive counterpart: its magnitude as UInt.
      writeDigits(UInt(bitPattern: 0 &- value))
    } else {
      writeDigits(UInt(value))
    }
  }

  /// The decimal digits of `value`, with a decimal point before its last `point` digits
  /// (leading zeros of the fraction written): 1234 with point 2 is 12.34, 5 with point 3 is
  /// 0.005. The digits are found from the lowest, then appended from the highest, one by one.
  private mutating func writeDigits(_ value: UInt, point: Int = 0) {
    var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)  // up to 20 digits, lowest first
    var count = 0
    var rest = value
    withUnsafeMutableBytes(of: &digits) { buffer in
      repeat {
        buffer[count] = UInt8(ascii: "0") + UInt8(truncatingIfNeeded: rest % 10)
        rest /= 10
        count += 1
      } while rest > 0
      // At least one digit before the point.
      while count <= point {
        buffer[count] = UInt8(ascii: "0")
        count += 1
      }
      var position = count
      while position > 0 {
        position -= 1
        if position == point - 1 { bytes.append(UInt8(ascii: ".")) }
        bytes.append(buffer[position])
      }
    }
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
    if let decimals, decimals <= 8, value.isFinite, abs(value) < JSONWriter.digitLimit[decimals],
      abs(value) >= 0.0001 || abs(value) * JSONWriter.scale[decimals] < 0.5
    {
      writeRounded(value, decimals: decimals)
    } else {
      bytes.append(contentsOf: JSONWriter.format(value, decimals: decimals).utf8)
    }
    needsComma = true
  }

  /// 10^(15 − decimals): below it, values of that many decimals have at most 15 significant
  /// digits, so distinct ones are distinct doubles.
  private static let digitLimit: [Double] = (0...8).map { decimals in
    (0..<(15 - decimals)).reduce(1.0) { value, _ in value * 10 }
  }
  private static let scale: [Double] = (0...8).map { decimals in (0..<decimals).reduce(1.0) { value, _ in value * 10 } }

  /// `format(value, decimals:)` without a String: below `digitLimit` the shortest round-trip
  /// text of the rounded value is its decimal digits with trailing zeros dropped, and an
  /// integer prints without a fraction (also -0 as 0). Values from 0.0001 down print in
  /// exponent form there, so the caller sends those (unless they round to 0) to `format`.
  private mutating func writeRounded(_ value: Double, decimals: Int) {
    let scaled = (value * JSONWriter.scale[decimals]).rounded()
    let units = Int(scaled)
    if units == 0 {
      bytes.append(UInt8(ascii: "0"))
      return
    }
    if units < 0 { bytes.append(UInt8(ascii: "-")) }
    var magnitude = UInt(units.magnitude)
    // Trailing zeros of the fraction are dropped; an integer prints without one.
    var places = decimals
    while places > 0 && magnitude % 10 == 0 {
      magnitude /= 10
      places -= 1
    }
    writeDigits(magnitude, point: places)
  }

  /// Copies JSON text that is already valid (for example an echoed request id).
  public mutating func raw(_ json: String) {
    separate()
    bytes.append(contentsOf: json.utf8)
    needsComma = true
  }

  /// Writes JSON text given as UTF-8 bytes (another writer's output) as one value.
  public mutating func raw(bytes json: some Collection<UInt8>) {
    separate()
    bytes.append(contentsOf: json)
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
    // Most strings (ids, codes, keys) need no escape: copy their bytes at once.
    let copied =
      value.utf8.withContiguousStorageIfAvailable { utf8 in
        for byte in utf8 where byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") {
          return false
        }
        bytes.append(UInt8(ascii: "\""))
        bytes.append(contentsOf: utf8)
        bytes.append(UInt8(ascii: "\""))
        return true
      } ?? false
    if copied { return }
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
