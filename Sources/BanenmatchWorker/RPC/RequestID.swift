import BanenmatchJSON

/// A request id as it came: a string, an integer, a fractional number or null, echoed
/// back with the same value (SPEC section 4). Fractions print in their shortest round-trip
/// form, so `1.5` comes back as `1.5`.
public enum RequestID: Hashable, Sendable, CustomStringConvertible {
  case string(String)
  case integer(Int)
  case number(Double)
  case null

  /// The id of a JSON value, or nil when the value cannot be an id (object, array, boolean).
  init?(_ json: JSONRef) {
    switch json.kind {
    case .string: self = .string(json.string ?? "")
    case .integer: self = .integer(json.integer ?? 0)
    case .real: self = .number(json.number ?? 0)
    case .null: self = .null
    default: return nil
    }
  }

  func write(to writer: inout JSONWriter) {
    switch self {
    case .string(let text): writer.string(text)
    case .integer(let value): writer.integer(value)
    case .number(let value):
      if value.isFinite { writer.raw(value.description) } else { writer.null() }
    case .null: writer.null()
    }
  }

  /// For logs: the id only, never record content.
  public var description: String {
    switch self {
    case .string(let text): "\"\(text.prefix(64))\""
    case .integer(let value): String(value)
    case .number(let value): value.description
    case .null: "null"
    }
  }
}
