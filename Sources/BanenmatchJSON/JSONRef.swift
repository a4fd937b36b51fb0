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

  /// The same value, borrowed (valid while this reference's document lives).
  var value: JSONValue { JSONValue(pointer) }

  public var kind: Kind { value.kind }

  public var isNull: Bool { value.isNull }

  /// The member with this key of an object, nil when absent or not an object.
  /// The corresponding C function is `json_object_getn`.
  public func member(_ key: StaticString) -> JSONRef? {
    value.member(key).map { JSONRef(pointer: $0.pointer, owner: owner) }
  }

  /// The member with this key of an object, nil when absent or not an object.
  public func member(_ key: String) -> JSONRef? {
    value.member(key).map { JSONRef(pointer: $0.pointer, owner: owner) }
  }

  /// The members of an object in document order; empty for other values.
  public var members: [(key: String, value: JSONRef)] {
    var result: [(key: String, value: JSONRef)] = []
    value.forEachMember { key, member in
      result.append((String(decoding: key, as: UTF8.self), JSONRef(pointer: member.pointer, owner: owner)))
    }
    return result
  }

  /// The number of elements of an array, 0 for other values.
  public var count: Int { value.count }

  /// The element at `index` of an array.
  public subscript(index: Int) -> JSONRef? {
    value[index].map { JSONRef(pointer: $0.pointer, owner: owner) }
  }

  /// The elements of an array; empty for other values.
  public var elements: [JSONRef] { (0..<count).compactMap { self[$0] } }

  /// The text of a string value (it may contain NUL), nil for other values.
  public var string: String? { value.string }

  /// The value of an integer or real, nil for other values.
  public var number: Double? { value.number }

  /// The value of an integer, or of a real with no fraction that fits; nil otherwise.
  public var integer: Int? { value.integer }

  /// The value of `true` or `false`, nil for other values.
  public var bool: Bool? { value.bool }

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
