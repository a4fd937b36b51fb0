import Banenmatch

#if canImport(Glibc)
  import Glibc
#endif

/// Reads typed fields out of JSON values, collecting every error with its field path.
///
/// The path is a stack of components, rendered only when an error is recorded, so a record
/// that decodes cleanly builds no path strings at all. Each method takes the value of a
/// member (nil when the object has none; see `Members`) and its key, for the path.
///
/// A decoder made with `sharing: true` (a data file's loader, one per thread, reused from
/// record to record with `reset()`) gives every repeated code, name and date one shared
/// value; otherwise each string is made anew.
struct FieldDecoder {
  enum Component {
    case key(StaticString)
    case index(Int)
  }

  private(set) var errors: [FieldError] = []
  private var path: [Component] = []
  /// Rendered before the stack, e.g. `seekers[3]`.
  private(set) var prefix: String
  private var shared: SharedValues?

  init(prefix: String = "", sharing: Bool = false) {
    self.prefix = prefix
    shared = sharing ? SharedValues() : nil
  }

  /// Ready for the next record: no errors, `prefix` for the paths; the shared values stay.
  mutating func reset(prefix: String = "") {
    if !errors.isEmpty { errors = [] }
    path.removeAll(keepingCapacity: true)
    self.prefix = prefix
  }

  var renderedPath: String {
    var text = prefix
    for component in path {
      switch component {
      case .key(let key):
        if !text.isEmpty { text += "." }
        text += key.description
      case .index(let index): text += "[\(index)]"
      }
    }
    return text
  }

  mutating func fail(_ message: String) {
    errors.append(FieldError(path: renderedPath, message: message))
  }

  /// Runs `body` with `key` pushed on the path.
  mutating func at<T>(_ key: StaticString, _ body: (inout FieldDecoder) -> T) -> T {
    path.append(.key(key))
    defer { path.removeLast() }
    return body(&self)
  }

  mutating func at<T>(index: Int, _ body: (inout FieldDecoder) -> T) -> T {
    path.append(.index(index))
    defer { path.removeLast() }
    return body(&self)
  }

  // MARK: Values

  /// `value` unless absent or null; when required, absent or null is an error.
  mutating func present(_ value: JSONValue?, _ key: StaticString, required: Bool) -> JSONValue? {
    guard let value, !value.isNull else {
      if required { at(key) { $0.fail("is required") } }
      return nil
    }
    return value
  }

  mutating func object(_ value: JSONValue?, _ key: StaticString, required: Bool = false) -> JSONValue? {
    guard let value = present(value, key, required: required) else { return nil }
    guard value.isObject else { return at(key) { $0.wrongType(value, "an object") } }
    return value
  }

  /// A string made anew (an id: unique, nothing to share).
  mutating func string(_ value: JSONValue?, _ key: StaticString, required: Bool = false) -> String? {
    guard let value = present(value, key, required: required) else { return nil }
    guard let text = value.string else { return at(key) { $0.wrongType(value, "a string") } }
    return text
  }

  /// A string that other records are likely to repeat (a code, a name, a title): shared when
  /// this decoder shares.
  mutating func code(_ value: JSONValue?, _ key: StaticString, required: Bool = false) -> String? {
    guard let value = present(value, key, required: required) else { return nil }
    guard let bytes = value.utf8 else { return at(key) { $0.wrongType(value, "a string") } }
    return sharedString(bytes)
  }

  mutating func number(_ value: JSONValue?, _ key: StaticString, required: Bool = false) -> Double? {
    guard let value = present(value, key, required: required) else { return nil }
    guard let number = value.number else { return at(key) { $0.wrongType(value, "a number") } }
    return number
  }

  mutating func integer(_ value: JSONValue?, _ key: StaticString, required: Bool = false) -> Int? {
    guard let value = present(value, key, required: required) else { return nil }
    guard let integer = value.integer else { return at(key) { $0.wrongType(value, "a whole number") } }
    return integer
  }

  mutating func bool(_ value: JSONValue?, _ key: StaticString) -> Bool? {
    guard let value = present(value, key, required: false) else { return nil }
    guard let bool = value.bool else { return at(key) { $0.wrongType(value, "true or false") } }
    return bool
  }

  /// An array of codes (strings, shared when this decoder shares); each element's errors
  /// are named `key[i]`. With `sharingList`, for a short list from a small vocabulary that
  /// many records repeat whole (needs, job types, sectors …), a sharing decoder shares the
  /// array too.
  mutating func codes(_ value: JSONValue?, _ key: StaticString, sharingList: Bool = false) -> [String]? {
    guard let value = present(value, key, required: false) else { return nil }
    guard value.isArray else { return at(key) { $0.wrongType(value, "an array of strings") } }
    let count = value.count
    if sharingList && count > 0 && shared != nil, let list = sharedList(value) { return list }
    var result: [String] = []
    result.reserveCapacity(count)
    for index in 0..<count {
      guard let element = value[index] else { continue }
      if let bytes = element.utf8 {
        result.append(sharedString(bytes))
      } else {
        at(key) { decoder in
          decoder.at(index: index) { $0.fail("must be a string, got \(element.kindDescription)") }
        }
      }
    }
    return result
  }

  /// A string that must be one of `names`' (`E`'s raw values).
  mutating func enumeration<E: RawRepresentable & CaseIterable>(
    _ value: JSONValue?, _ key: StaticString, _ names: ByteNames<E>, required: Bool = false
  ) -> E? where E.RawValue == String {
    guard let value = present(value, key, required: required) else { return nil }
    guard let bytes = value.utf8 else { return at(key) { $0.wrongType(value, "a string") } }
    guard let found = names.value(bytes) else {
      let text = String(decoding: bytes, as: UTF8.self)
      at(key) { $0.fail("must be one of \(E.allCases.map(\.rawValue).joined(separator: ", ")); got \(quoted(text))") }
      return nil
    }
    return found
  }

  mutating func day(_ value: JSONValue?, _ key: StaticString) -> Day? {
    guard let value = present(value, key, required: false) else { return nil }
    guard let bytes = value.utf8 else { return at(key) { $0.wrongType(value, "a string") } }
    let day =
      shared != nil
      ? shared!.days.value(for: bytes) { Day(iso: String(decoding: $0, as: UTF8.self)) }
      : Day(iso: String(decoding: bytes, as: UTF8.self))
    guard let day else {
      at(key) { $0.fail("must be a date YYYY-MM-DD; got \(quoted(String(decoding: bytes, as: UTF8.self)))") }
      return nil
    }
    return day
  }

  mutating func workdays(_ value: JSONValue?, _ key: StaticString) -> Workdays? {
    guard let value = present(value, key, required: false) else { return nil }
    guard value.isArray else { return at(key) { $0.wrongType(value, "an array of strings") } }
    var days: Workdays = []
    let count = value.count
    for index in 0..<count {
      guard let bytes = value[index]?.utf8, let day = ByteNames.workdays.value(bytes) else {
        return badWorkdays(value, key)
      }
      days.insert(day)
    }
    return days
  }

  /// The errors of `workdays` with a bad element: first each element that is not a string,
  /// then each string that is not a day, each by its index in the array.
  private mutating func badWorkdays(_ value: JSONValue, _ key: StaticString) -> Workdays {
    var codes: [(index: Int, code: String)] = []
    at(key) { decoder in
      for index in 0..<value.count {
        guard let element = value[index] else { continue }
        if let text = element.string {
          codes.append((index, text))
        } else {
          decoder.at(index: index) { $0.fail("must be a string, got \(element.kindDescription)") }
        }
      }
    }
    var days: Workdays = []
    at(key) { decoder in
      for (index, code) in codes {
        if let day = Workdays(code: code) {
          days.insert(day)
        } else {
          decoder.at(index: index) { $0.fail("must be one of mon, tue, wed, thu, fri, sat, sun; got \(quoted(code))") }
        }
      }
    }
    return days
  }

  mutating func location(_ value: JSONValue?) -> GeoPoint? {
    guard let object = object(value, "location", required: true) else { return nil }
    return at("location") { decoder in
      let lat = decoder.number(object.member("lat"), "lat", required: true)
      let lon = decoder.number(object.member("lon"), "lon", required: true)
      guard let lat, let lon else { return nil }
      return GeoPoint(lat: lat, lon: lon)
    }
  }

  mutating func hours(_ value: JSONValue?) -> HourRange? {
    guard let object = object(value, "hours", required: true) else { return nil }
    return at("hours") { decoder in
      let min = decoder.number(object.member("min"), "min", required: true)
      let max = decoder.number(object.member("max"), "max", required: true)
      guard let min, let max else { return nil }
      return HourRange(min: min, max: max)
    }
  }

  /// The shared array of the strings of `array` (non-empty); nil when an element is not a
  /// string or the list is too long to share.
  private mutating func sharedList(_ array: JSONValue) -> [String]? {
    // The key: each element's bytes followed by 0xFF, which UTF-8 never holds.
    shared!.listKey.removeAll(keepingCapacity: true)
    let count = array.count
    for index in 0..<count {
      guard let bytes = array[index]?.utf8, shared!.listKey.count + bytes.count < SharedValues.maxListKey else {
        return nil
      }
      shared!.listKey.append(contentsOf: bytes)
      shared!.listKey.append(0xFF)
    }
    let key = shared!.listKey
    if let list = key.withUnsafeBufferPointer({ shared!.lists.existing(for: $0) }) { return list }
    var list: [String] = []
    list.reserveCapacity(count)
    for index in 0..<count { list.append(sharedString(array[index]!.utf8!)) }
    key.withUnsafeBufferPointer { shared!.lists.insert(list, for: $0) }
    return list
  }

  private mutating func sharedString(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
    guard shared != nil else { return String(decoding: bytes, as: UTF8.self) }
    return shared!.strings.value(for: bytes) { String(decoding: $0, as: UTF8.self) }
  }

  private mutating func wrongType<T>(_ value: JSONValue, _ expected: String) -> T? {
    fail("must be \(expected), got \(value.kindDescription)")
    return nil
  }
}

/// The values a loading thread shares between its records.
struct SharedValues {
  var strings = InternTable<String>()
  var days = InternTable<Day?>()
  var lists = InternTable<[String]>()
  /// The key of a list being looked up.
  var listKey: [UInt8] = []
  /// Lists of longer keys are not shared.
  static var maxListKey: Int { InternTable<[String]>.maxKeyLength }
}

/// The values of an enumeration by the UTF-8 bytes of their names (at most 16 bytes), for
/// matching a JSON string without making a `String` of it.
struct ByteNames<Value>: @unchecked Sendable {
  private let names: [(bytes: ShortBytes, value: Value)]

  init(_ names: [(String, Value)]) { self.names = names.map { (ShortBytes($0.0)!, $0.1) } }

  @inline(__always)
  func value(_ bytes: UnsafeBufferPointer<UInt8>) -> Value? {
    guard let key = ShortBytes(UnsafeRawBufferPointer(bytes)) else { return nil }
    return names.withUnsafeBufferPointer { names in
      for name in names where name.bytes == key { return name.value }
      return nil
    }
  }
}

extension ByteNames where Value: RawRepresentable & CaseIterable, Value.RawValue == String {
  /// The cases of `Value` by their raw values.
  init(_ type: Value.Type) { self.init(Value.allCases.map { ($0.rawValue, $0) }) }
}

extension ByteNames where Value == Workdays {
  /// `mon` … `sun`, as `Workdays(code:)` reads them.
  static let workdays = ByteNames(Workdays.codes.map { ($0, Workdays(code: $0)!) })
}

extension ByteNames where Value == Education {
  static let education = ByteNames(Education.self)
}

extension ByteNames where Value == EmployerType {
  static let employerType = ByteNames(EmployerType.self)
}

extension JSONRef {
  /// "a string", "an integer", … for error messages; never the value itself.
  public var kindDescription: String { value.kindDescription }
}

/// A short quotation of user text for an error message, cut at 40 characters.
func quoted(_ text: String) -> String {
  let cut = text.count > 40 ? String(text.prefix(40)) + "…" : text
  return "\"\(cut)\""
}
