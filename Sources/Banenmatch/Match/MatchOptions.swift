/// What a query asks for besides its record: SPEC section 3 options and request filters.
public struct MatchOptions: Hashable, Sendable {
  /// "Now": the day availability and start dates default to, and the `start` rule counts from.
  public var date: Day
  /// At most this many matches, 0 to `MatchOptions.maxLimit`; 10 by default.
  public var limit: Int
  public var weights: Weights
  /// Add per-feature values, weights and points, the skills matched and missing, and the km.
  public var explain: Bool
  /// At most this many near misses, 0 to `MatchOptions.maxLimit`.
  public var nearMisses: Int
  public var filters: MatchFilters

  public static let maxLimit = 1000

  public init(
    date: Day, limit: Int = 10, weights: Weights = .default, explain: Bool = false,
    nearMisses: Int = 0, filters: MatchFilters = MatchFilters()
  ) {
    self.date = date
    self.limit = limit
    self.weights = weights
    self.explain = explain
    self.nearMisses = nearMisses
    self.filters = filters
  }

  /// Range errors, with paths as a request names them (`limit`, `weights.skills`, `maxKm`).
  public func validationErrors(direction: MatchDirection) -> [FieldError] {
    var errors = weights.validationErrors()
    if !(0...MatchOptions.maxLimit).contains(limit) {
      errors.append(FieldError(path: "limit", message: "must be from 0 to \(MatchOptions.maxLimit), got \(limit)"))
    }
    if !(0...MatchOptions.maxLimit).contains(nearMisses) {
      errors.append(
        FieldError(path: "nearMisses", message: "must be from 0 to \(MatchOptions.maxLimit), got \(nearMisses)"))
    }
    if let maxKm = filters.maxKm, !(maxKm.isFinite && maxKm > 0) {
      errors.append(FieldError(path: "maxKm", message: "must be a number greater than 0, got \(maxKm)"))
    }
    if direction == .seekersForVacancy {
      // These filter vacancies; a vacancy query has one vacancy already.
      if filters.employerTypes != nil { errors.append(Self.seekerQueryOnly("employerTypes")) }
      if filters.sectors != nil { errors.append(Self.seekerQueryOnly("sectors")) }
      if filters.jobTypes != nil { errors.append(Self.seekerQueryOnly("jobTypes")) }
    }
    return errors
  }

  private static func seekerQueryOnly(_ name: String) -> FieldError {
    FieldError(path: name, message: "filters vacancies, so it applies to vacancy searches for a seeker only")
  }
}

/// The request filters of SPEC section 3; all hard, all optional (nil: no filter).
public struct MatchFilters: Hashable, Sendable {
  /// v.region for seeker queries, s.region for vacancy queries, must be in the list.
  public var regions: [String]?
  public var employerTypes: [EmployerType]?
  public var sectors: [String]?
  public var jobTypes: [String]?
  /// Ids of the other kind left out of the answer.
  public var excludeIDs: [String]
  /// Caps every seeker's travel distance for this request (> 0).
  public var maxKm: Double?

  public init(
    regions: [String]? = nil, employerTypes: [EmployerType]? = nil, sectors: [String]? = nil,
    jobTypes: [String]? = nil, excludeIDs: [String] = [], maxKm: Double? = nil
  ) {
    self.regions = regions
    self.employerTypes = employerTypes
    self.sectors = sectors
    self.jobTypes = jobTypes
    self.excludeIDs = excludeIDs
    self.maxKm = maxKm
  }
}

/// Which way a query runs.
public enum MatchDirection: String, Sendable, Hashable {
  case vacanciesForSeeker, seekersForVacancy
}
