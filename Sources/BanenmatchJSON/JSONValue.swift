internal import CJansson

#if canImport(Glibc)
  import Glibc
#endif

/// A borrowed view of one value of a jansson tree: a bare pointer, no reference counting.
///
/// What `JSONRef` reads through, and what the record decoders work on. Valid while the tree
/// lives, which is the holder's business: a `JSONRef` keeps its document alive, a line being
/// loaded lives in its thread's `JanssonArena` until the arena is reset.
struct JSONValue {
  let pointer: UnsafeMutablePointer<json_t>

  init(_ pointer: UnsafeMutablePointer<json_t>) { self.pointer = pointer }

  private var type: Int32 { banenmatch_json_typeof(pointer) }

  var kind: JSONRef.Kind {
    switch type {
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

  var isNull: Bool { type == Int32(JSON_NULL.rawValue) }
  var isObject: Bool { type == Int32(JSON_OBJECT.rawValue) }
  var isArray: Bool { type == Int32(JSON_ARRAY.rawValue) }

  /// The member with this key of an object, nil when absent or not an object.
  /// The corresponding C function is `json_object_getn`.
  func member(_ key: StaticString) -> JSONValue? {
    let found = key.withUTF8Buffer { buffer in
      buffer.withMemoryRebound(to: CChar.self) { json_object_getn(pointer, $0.baseAddress, $0.count) }
    }
    return found.map(JSONValue.init)
  }

  /// The member with this key of an object, nil when absent or not an object.
  func member(_ key: String) -> JSONValue? {
    var key = key
    let found = key.withUTF8 { buffer in
      buffer.withMemoryRebound(to: CChar.self) { json_object_getn(pointer, $0.baseAddress, $0.count) }
    }
    return found.map(JSONValue.init)
  }

  /// Calls `body` with each member of an object in document order (each key once: of a
  /// repeated key, the last value); nothing for other values.
  func forEachMember(_ body: (_ key: UnsafeRawBufferPointer, _ value: JSONValue) -> Void) {
    var iterator = json_object_iter(pointer)
    while let current = iterator {
      if let key = json_object_iter_key(current), let value = json_object_iter_value(current) {
        body(UnsafeRawBufferPointer(start: key, count: json_object_iter_key_len(current)), JSONValue(value))
      }
      iterator = json_object_iter_next(pointer, current)
    }
  }

  /// The number of elements of an array, 0 for other values.
  var count: Int { isArray ? json_array_size(pointer) : 0 }

  /// The element at `index` of an array.
  subscript(index: Int) -> JSONValue? { json_array_get(pointer, index).map(JSONValue.init) }

  /// The UTF-8 bytes of a string value (it may contain NUL; jansson has checked that they
  /// are valid UTF-8), nil for other values. Valid while the tree lives.
  var utf8: UnsafeBufferPointer<UInt8>? {
    guard type == Int32(JSON_STRING.rawValue), let chars = json_string_value(pointer) else { return nil }
    return UnsafeBufferPointer(
      start: UnsafeRawPointer(chars).assumingMemoryBound(to: UInt8.self), count: json_string_length(pointer))
  }

  /// The text of a string value, nil for other values.
  var string: String? { utf8.map { String(decoding: $0, as: UTF8.self) } }

  /// The value of an integer or real, nil for other values.
  var number: Double? {
    switch type {
    case Int32(JSON_INTEGER.rawValue): Double(json_integer_value(pointer))
    case Int32(JSON_REAL.rawValue): json_real_value(pointer)
    default: nil
    }
  }

  /// The value of an integer, or of a real with no fraction that fits; nil otherwise.
  var integer: Int? {
    switch type {
    case Int32(JSON_INTEGER.rawValue): return Int(json_integer_value(pointer))
    case Int32(JSON_REAL.rawValue):
      let value = json_real_value(pointer)
      guard value == value.rounded(), abs(value) < 9.0e15 else { return nil }
      return Int(value)
    default: return nil
    }
  }

  /// The value of `true` or `false`, nil for other values.
  var bool: Bool? {
    switch type {
    case Int32(JSON_TRUE.rawValue): true
    case Int32(JSON_FALSE.rawValue): false
    default: nil
    }
  }

  /// "a string", "an integer", … for error messages; never the value itself.
  var kindDescription: String {
    switch kind {
    case .object: "an object"
    case .array: "an array"
    case .string: "a string"
    case .integer, .real: "a number"
    case .true, .false: "a boolean"
    case .null: "null"
    }
  }
}

/// The keys of an object's members that a decoder reads, as the cases of an enumeration
/// (`rawValue` 0, 1, 2, …), so that `Members` can find them all in one pass over the object.
protocol MemberKey: RawRepresentable<Int>, CaseIterable {
  /// The keys, in case order.
  static var names: MemberNames { get }
}

/// The byte strings of a `MemberKey` type, for matching the keys of an object.
struct MemberNames: Sendable {
  /// At most this many keys (the size of `Members`' storage).
  static let capacity = 24
  private let names: [ShortBytes]

  /// Keys of at most 16 bytes.
  init(_ names: [StaticString]) {
    precondition(names.count <= MemberNames.capacity, "too many keys")
    self.names = names.map { ShortBytes($0)! }
  }

  /// The index of `key` among the names, trying `hint` first (members mostly come in the
  /// order the names are listed).
  @inline(__always)
  func index(of key: UnsafeRawBufferPointer, hint: Int) -> Int? {
    guard let key = ShortBytes(key) else { return nil }
    return names.withUnsafeBufferPointer { names in
      let count = names.count
      var index = hint < count ? hint : 0
      for _ in 0..<count {
        if names[index] == key { return index }
        index = index + 1 == count ? 0 : index + 1
      }
      return nil
    }
  }
}

/// The members of an object that a decoder reads, found in one pass over the object
/// (instead of one hash lookup per key).
struct Members<Key: MemberKey> {
  private var values: InlineArray<24, UnsafeMutablePointer<json_t>?> = .init(repeating: nil)

  init(_ object: JSONValue) {
    let names = Key.names
    var hint = 0
    object.forEachMember { key, value in
      if let index = names.index(of: key, hint: hint) {
        values[index] = value.pointer
        hint = index + 1
      }
    }
  }

  /// The value of `key`, nil when the object has no such member.
  subscript(key: Key) -> JSONValue? { values[key.rawValue].map(JSONValue.init) }
}
