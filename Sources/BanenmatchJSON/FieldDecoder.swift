import Banenmatch

/// Reads typed fields out of a JSON object, collecting every error with its field path.
///
/// The path is a stack of components, rendered only when an error is recorded, so a record
/// that decodes cleanly builds no path strings at all.
struct FieldDecoder {
  enum Component {
    case key(StaticString)
    case index(Int)
  }

  private(set) var errors: [FieldError] = []
  private var path: [Component] = []
  /// Rendered before the stack, e.g. `seekers[3]`.
  let prefix: String

  init(prefix: String = "") {
    self.prefix = prefix
    path.reserveCapacity(8)
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

  /// The member `key` of `object`; nil when absent or null, an error when required.
  mutating func value(_ object: JSONRef, _ key: StaticString, required: Bool) -> JSONRef? {
    guard let value = object.member(key), !value.isNull else {
      if required { at(key) { $0.fail("is required") } }
      return nil
    }
    return value
  }

  mutating func object(_ parent: JSONRef, _ key: StaticString, required: Bool = false) -> JSONRef? {
    guard let value = value(parent, key, required: required) else { return nil }
    guard value.kind == .object else { return at(key) { $0.wrongType(value, "an object") } }
    return value
  }

  mutating func string(_ parent: JSONRef, _ key: StaticString, required: Bool = false) -> String? {
    guard let value = value(parent, key, required: required) else { return nil }
    guard let text = value.string else { return at(key) { $0.wrongType(value, "a string") } }
    return text
  }

  mutating func number(_ parent: JSONRef, _ key: StaticString, required: Bool = false) -> Double? {
    guard let value = value(parent, key, required: required) else { return nil }
    guard let number = value.number else { return at(key) { $0.wrongType(value, "a number") } }
    return number
  }

  mutating func integer(_ parent: JSONRef, _ key: StaticString, required: Bool = false) -> Int? {
    guard let value = value(parent, key, required: required) else { return nil }
    guard let integer = value.integer else { return at(key) { $0.wrongType(value, "a whole number") } }
    return integer
  }

  mutating func bool(_ parent: JSONRef, _ key: StaticString) -> Bool? {
    guard let value = value(parent, key, required: false) else { return nil }
    guard let bool = value.bool else { return at(key) { $0.wrongType(value, "true or false") } }
    return bool
  }

  /// An array of strings; each element's errors are named `key[i]`.
  mutating func strings(_ parent: JSONRef, _ key: StaticString) -> [String]? {
    guard let value = value(parent, key, required: false) else { return nil }
    guard value.kind == .array else { return at(key) { $0.wrongType(value, "an array of strings") } }
    return at(key) { decoder in
      var result: [String] = []
      result.reserveCapacity(value.count)
      for index in 0..<value.count {
        guard let element = value[index] else { continue }
        if let text = element.string {
          result.append(text)
        } else {
          decoder.at(index: index) { $0.fail("must be a string, got \(element.kindDescription)") }
        }
      }
      return result
    }
  }

  /// A string that must be one of `cases`' raw values.
  mutating func enumeration<E: RawRepresentable & CaseIterable>(
    _ parent: JSONRef, _ key: StaticString, _ type: E.Type, required: Bool = false
  ) -> E? where E.RawValue == String {
    guard let text = string(parent, key, required: required) else { return nil }
    guard let value = E(rawValue: text) else {
      at(key) { $0.fail("must be one of \(E.allCases.map(\.rawValue).joined(separator: ", ")); got \(quoted(text))") }
      return nil
    }
    return value
  }

  mutating func day(_ parent: JSONRef, _ key: StaticString) -> Day? {
    guard let text = string(parent, key) else { return nil }
    guard let day = Day(iso: text) else {
      at(key) { $0.fail("must be a date YYYY-MM-DD; got \(quoted(text))") }
      return nil
    }
    return day
  }

  mutating func workdays(_ parent: JSONRef, _ key: StaticString) -> Workdays? {
    guard let codes = strings(parent, key) else { return nil }
    var days: Workdays = []
    at(key) { decoder in
      for (index, code) in codes.enumerated() {
        if let day = Workdays(code: code) {
          days.insert(day)
        } else {
          decoder.at(index: index) { $0.fail("must be one of mon, tue, wed, thu, fri, sat, sun; got \(quoted(code))") }
        }
      }
    }
    return days
  }

  mutating func location(_ parent: JSONRef) -> GeoPoint? {
    guard let object = object(parent, "location", required: true) else { return nil }
    return at("location") { decoder in
      let lat = decoder.number(object, "lat", required: true)
      let lon = decoder.number(object, "lon", required: true)
      guard let lat, let lon else { return nil }
      return GeoPoint(lat: lat, lon: lon)
    }
  }

  mutating func hours(_ parent: JSONRef) -> HourRange? {
    guard let object = object(parent, "hours", required: true) else { return nil }
    return at("hours") { decoder in
      let min = decoder.number(object, "min", required: true)
      let max = decoder.number(object, "max", required: true)
      guard let min, let max else { return nil }
      return HourRange(min: min, max: max)
    }
  }

  private mutating func wrongType<T>(_ value: JSONRef, _ expected: String) -> T? {
    fail("must be \(expected), got \(value.kindDescription)")
    return nil
  }
}

extension JSONRef {
  /// "a string", "an integer", … for error messages; never the value itself.
  public var kindDescription: String {
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

/// A short quotation of user text for an error message, cut at 40 characters.
func quoted(_ text: String) -> String {
  let cut = text.count > 40 ? String(text.prefix(40)) + "…" : text
  return "\"\(cut)\""
}
