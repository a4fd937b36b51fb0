/// One thing wrong with an input, and where: a field path such as `seekers[3].hours.min`.
public struct FieldError: Hashable, Sendable, CustomStringConvertible {
  /// The path of the offending field, from the top of the request or record.
  public var path: String
  /// A plain sentence saying what is wrong.
  public var message: String

  public init(path: String, message: String) {
    self.path = path
    self.message = message
  }

  public var description: String { "\(path): \(message)" }

  /// The same error under a prefix: `hours.min` under `seekers[3]` is `seekers[3].hours.min`.
  public func prefixed(with prefix: String) -> FieldError {
    if prefix.isEmpty { return self }
    if path.isEmpty { return FieldError(path: prefix, message: message) }
    let separator = path.hasPrefix("[") ? "" : "."
    return FieldError(path: prefix + separator + path, message: message)
  }
}

/// A rejected input: every field error found, nothing of it applied.
public struct ValidationError: Error, Hashable, Sendable, CustomStringConvertible {
  public var errors: [FieldError]
  public init(_ errors: [FieldError]) { self.errors = errors }
  public var description: String { errors.map(\.description).joined(separator: "; ") }

  /// At most this many field errors are reported for one input, so that a huge bad batch
  /// gives a bounded answer.
  public static let reportLimit = 100
}
