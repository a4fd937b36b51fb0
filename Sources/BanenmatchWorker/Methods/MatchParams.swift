import Banenmatch
import BanenmatchJSON

/// The options shared by the match methods: `limit`, `weights`, `explain`, `nearMisses`,
/// `date` and the request filters (SPEC section 3), read from the params object.
struct MatchParams {
  var options: MatchOptions
  var errors: [FieldError] = []

  init(_ params: JSONRef?, today: Day, limits: WorkerLimits, direction: MatchDirection) {
    options = MatchOptions(date: today)
    guard let params else { return }
    if let date = string(params, "date") {
      if let day = Day(iso: date) { options.date = day } else { fail("date", "must be a date YYYY-MM-DD") }
    }
    if let limit = integer(params, "limit") {
      if limit > limits.maxLimit {
        fail("limit", "must be at most \(limits.maxLimit), got \(limit)")
      } else {
        options.limit = limit
      }
    }
    if let nearMisses = integer(params, "nearMisses") { options.nearMisses = min(nearMisses, Int.max / 2) }
    if let explain = params.member("explain"), !explain.isNull {
      if let value = explain.bool { options.explain = value } else { fail("explain", "must be true or false") }
    }
    if let weights = params.member("weights"), !weights.isNull {
      if weights.kind == .object {
        var named: [(name: String, value: Double)] = []
        for (name, value) in weights.members {
          if let number = value.number {
            named.append((name, number))
          } else {
            fail("weights.\(name)", "must be a number")
          }
        }
        do throws(ValidationError) {
          options.weights = try Weights(overriding: named)
        } catch {
          errors += error.errors
        }
      } else {
        fail("weights", "must be an object of feature names and numbers")
      }
    }
    options.filters.regions = strings(params, "regions")
    options.filters.sectors = strings(params, "sectors")
    options.filters.jobTypes = strings(params, "jobTypes")
    options.filters.excludeIDs = strings(params, "excludeIds") ?? []
    if let types = strings(params, "employerTypes") {
      var parsed: [EmployerType] = []
      for (index, type) in types.enumerated() {
        if let value = EmployerType(rawValue: type) {
          parsed.append(value)
        } else {
          fail(
            "employerTypes[\(index)]", "must be one of \(EmployerType.allCases.map(\.rawValue).joined(separator: ", "))"
          )
        }
      }
      options.filters.employerTypes = parsed
    }
    if let maxKm = params.member("maxKm"), !maxKm.isNull {
      if let value = maxKm.number { options.filters.maxKm = value } else { fail("maxKm", "must be a number") }
    }
    errors += options.validationErrors(direction: direction).filter { error in
      !errors.contains { $0.path == error.path }
    }
  }

  private mutating func fail(_ path: String, _ message: String) {
    errors.append(FieldError(path: path, message: message))
  }

  private mutating func string(_ params: JSONRef, _ key: StaticString) -> String? {
    guard let value = params.member(key), !value.isNull else { return nil }
    guard let text = value.string else {
      fail(key.description, "must be a string")
      return nil
    }
    return text
  }

  private mutating func integer(_ params: JSONRef, _ key: StaticString) -> Int? {
    guard let value = params.member(key), !value.isNull else { return nil }
    guard let number = value.integer else {
      fail(key.description, "must be a whole number")
      return nil
    }
    return number
  }

  private mutating func strings(_ params: JSONRef, _ key: StaticString) -> [String]? {
    guard let value = params.member(key), !value.isNull else { return nil }
    guard value.kind == .array else {
      fail(key.description, "must be an array of strings")
      return nil
    }
    var result: [String] = []
    for (index, element) in value.elements.enumerated() {
      if let text = element.string { result.append(text) } else { fail("\(key)[\(index)]", "must be a string") }
    }
    return result
  }
}

extension MatchError {
  /// The JSON-RPC error for a query that could not run.
  func rpcError(kind: String) -> RPCError {
    switch self {
    case .invalid(let error): .invalidParams(error.errors)
    case .unknownID(let id): .unknownIDs([id], kind: kind)
    }
  }
}
