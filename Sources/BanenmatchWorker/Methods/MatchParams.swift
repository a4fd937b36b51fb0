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

/// How large an answer's lists of the query's own codes could grow, against the limit on a
/// message. An explained match of a vacancy query lists the vacancy's preferred skills, and a
/// near miss its required skills too; a near miss of a seeker query lists her needs. So a
/// request of a few megabytes could ask for an answer a thousand times its size: a vacancy
/// preferring 100,000 skills, explained for 1,000 seekers of `nl`, made an answer of 989 MB
/// and a worker of 4 GB, and ten times those skills more than the machine has. The other lists
/// in an answer are the indexed records' own, which the index already holds.
enum AnswerSize {
  /// The bytes `codes` take in an answer: each quoted, with a comma (more when escaped).
  static func listed(_ codes: [String]) -> Int { codes.reduce(0) { $0 + $1.utf8.count + 3 } }

  /// Refuses (-32002) a vacancy query whose answer could list the vacancy's codes past `max`.
  static func check(_ vacancy: @autoclosure () -> Vacancy?, _ options: MatchOptions, max: Int) throws(RPCError) {
    guard options.explain || options.nearMisses > 0, let vacancy = vacancy() else { return }
    let preferred = options.explain ? listed(vacancy.preferredSkills) : 0
    let perNearMiss = listed(vacancy.requiredSkills) + preferred
    let bound = options.limit * preferred + options.nearMisses * perNearMiss
    guard bound > max else { return }
    throw .limitExceeded(
      "answer", max: max,
      detail:
        "this answer could list the vacancy's \(vacancy.preferredSkills.count) preferred and "
        + "\(vacancy.requiredSkills.count) required skills for each of up to \(options.limit) matches and "
        + "\(options.nearMisses) near misses, about \(bound) bytes, more than the \(max) a message may have; "
        + "ask for fewer, or without explain")
  }

  /// Refuses (-32002) a seeker query whose near misses could list her needs past `max`.
  static func check(_ seeker: @autoclosure () -> Seeker?, _ options: MatchOptions, max: Int) throws(RPCError) {
    guard options.nearMisses > 0, let seeker = seeker() else { return }
    let bound = options.nearMisses * listed(seeker.needs)
    guard bound > max else { return }
    throw .limitExceeded(
      "answer", max: max,
      detail:
        "this answer could list the seeker's \(seeker.needs.count) needs for each of up to "
        + "\(options.nearMisses) near misses, about \(bound) bytes, more than the \(max) a message may have; "
        + "ask for fewer near misses")
  }
}
