internal import CJansson

/// A non-owning view of one value inside a `JSONDocument`.
///
/// Valid only while its document lives; it keeps the document alive itself.
public struct JSONRef: @unchecked Sendable {
  let pointer: UnsafeMutablePointer<json_t>
  let owner: JSONDocument

  /// The JSON type of a value.
  public enum Kind: String, Sendable {
    case object, array, string, integer, real, `true`, `false`, null
  }

  public var kind: Kind {
    switch banenmatch_json_typeof(pointer) {
    case Int32(JSON_OBJECT.rawValue): .object
    case Int32(JSON_ARRAY.rawValue): .array
    case Int32(JSON_STRING.rawValue): .string
    case Int32(JSON_INTEGER.rawValue): .integer
    case Int32(JSON_REAL.rawValue): .real
    case Int32(JSON_TRUE.rawValue): .true
    case Int32(JSON_FALSE.rawValue): .false
    default: .null
    }
  }

  public var isNull: Bool { kind == .null }

  /// The member with this key of an object, nil when absent or not an object.
  /// The corresponding C function is `json_object_getn`.
  public func member(_ key: StaticString) -> JSONRef? {
    let found = key.withUTF8Buffer { buffer in
      buffer.withMemoryRebound(to: CChar.self) { json_object_getn(pointer, $0.baseAddress, $0.count) }
    }
    return found.map { JSONRef(pointer: $0, owner: owner) }
  }

  /// The member with this key of an object, nil when absent or not an object.
  public func member(_ key: String) -> JSONRef? {
    var key = key
    let found = key.withUTF8 { buffer in
      buffer.withMemoryRebound(to: CChar.self) { json_object_getn(pointer, $0.baseAddress, $0.count) }
    }
    return found.map { JSONRef(pointer: $0, owner: owner) }
  }

  /// The members of an object in document order; empty for other values.
  public var members: [(key: String, value: JSONRef)] {
    var result: [(key: String, value: JSONRef)] = []
    var iterator = json_object_iter(pointer)
    while let current = iterator {
      let length = json_object_iter_key_len(current)
      let key =
        json_object_iter_key(current).map {
          $0.withMemoryRebound(to: UInt8.self, capacity: length) {
            String(decoding: UnsafeBufferPointer(start: $0, count: length), as: UTF8.self)
          }
        } ?? ""
      if let value = json_object_iter_value(current) {
        result.append((key, JSONRef(pointer: value, owner: owner)))
      }
      iterator = json_object_iter_next(pointer, current)
    }
    return result
  }

  /// The number of elements of an array, 0 for other values.
  public var count: Int { kind == .array ? json_array_size(pointer) : 0 }

  /// The element at `index` of an array.
  public subscript(index: Int) -> JSONRef? {
    json_array_get(pointer, index).map { JSONRef(pointer: $0, owner: owner) }
  }

  /// The elements of an array; empty for other values.
  public var elements: [JSONRef] { (0..<count).compactMap { self[$0] } }

  /// The text of a string value (it may contain NUL), nil for other values.
  public var string: String? {
    guard kind == .string, let chars = json_string_value(pointer) else { return nil }
    let length = json_string_length(pointer)
    return chars.withMemoryRebound(to: UInt8.self, capacity: length) {
      String(decoding: UnsafeBufferPointer(start: $0, count: length), as: UTF8.self)
    }
  }

  /// The value of an integer or real, nil for other values.
  public var number: Double? {
    switch kind {
    case .integer: Double(json_integer_value(pointer))
    case .real: json_real_value(pointer)
    default: nil
    }
  }

  /// The value of an integer, or of a real with no fraction that fits; nil otherwise.
  public var integer: Int? {
    switch kind {
    case .integer: return Int(json_integer_value(pointer))
    case .real:
      let value = json_real_value(pointer)
      guard value == value.rounded(), abs(value) < 9.0e15 else { return nil }
      return Int(value)
    default: return nil
    }
  }

  /// The value of `true` or `false`, nil for other values.
  public var bool: Bool? {
    switch kind {
    case .true: true
    case .false: false
    default: nil
    }
  }

  /// The compact JSON text of this value (the corresponding C function is `json_dumpb`).
  public var jsonText: String {
    let flags = Int(JSON_COMPACT | JSON_ENCODE_ANY)
    let size = json_dumpb(pointer, nil, 0, flags)
    guard size > 0 else { return "" }
    var bytes = [UInt8](repeating: 0, count: size)
    _ = bytes.withUnsafeMutableBytes {
      json_dumpb(pointer, $0.baseAddress?.assumingMemoryBound(to: CChar.self), size, flags)
    }
    return String(decoding: bytes, as: UTF8.self)
  }
}
