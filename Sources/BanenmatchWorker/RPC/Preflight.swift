/// Checks on a message's raw bytes before and after jansson parses it.
enum Preflight {
  /// Whether the bytes hold a raw NUL. JSON never allows one outside a string escape, and
  /// jansson stops reading at it (JSONTestSuite `n_multidigit_number_then_00`).
  static func containsNUL(_ bytes: [UInt8]) -> Bool {
    bytes.withUnsafeBufferPointer { $0.contains(0) }
  }

  /// Whether the nesting may exceed `limit`: false when the text has no more opening
  /// brackets (inside strings or not) than that, so most messages need no `depth(_:)`.
  static func mayNestDeeper(_ bytes: [UInt8], than limit: Int) -> Bool {
    guard bytes.count > limit else { return false }
    var openers = 0
    for byte in bytes where byte == UInt8(ascii: "{") || byte == UInt8(ascii: "[") { openers += 1 }
    return openers > limit
  }

  /// The deepest nesting of arrays and objects, counting brackets outside strings. Called on
  /// text jansson has accepted, so the string scanning need not validate anything.
  static func depth(_ bytes: [UInt8]) -> Int {
    var depth = 0
    var deepest = 0
    var inString = false
    var escaped = false
    for byte in bytes {
      if inString {
        if escaped {
          escaped = false
        } else if byte == UInt8(ascii: "\\") {
          escaped = true
        } else if byte == UInt8(ascii: "\"") {
          inString = false
        }
        continue
      }
      switch byte {
      case UInt8(ascii: "\""): inString = true
      case UInt8(ascii: "["), UInt8(ascii: "{"):
        depth += 1
        deepest = max(deepest, depth)
      case UInt8(ascii: "]"), UInt8(ascii: "}"): depth -= 1
      default: break
      }
    }
    return deepest
  }
}
