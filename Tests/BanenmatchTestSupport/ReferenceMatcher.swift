// A plain reference implementation of SPEC section 3, written from the SPEC (and the project's
// readings where it is silent), not from the engine: every pair, every constraint and feature
// computed directly from the record structs, then a full sort. Slow and obvious on purpose.
//
// Strings (ids, codes) are compared by their UTF-8 bytes, never with Swift's `==`, which treats
// canonically equivalent strings ("é" and "e\u{301}") as equal.

import Banenmatch

#if canImport(Glibc)
  import Glibc
#else
  import Foundation
#endif

// MARK: - Results

/// The reference's answer to one query, field for field like `MatchResults`.
public struct ReferenceResults: Sendable {
  public var matches: [ReferenceMatch]
  public var nearMisses: [ReferenceMatch]
  public var candidates: Int
  public var feasible: Int
  public var indexVersion: Int
}

/// A match (gap nil) or a near miss (gap non-nil).
public struct ReferenceMatch: Sendable {
  public var id: String
  public var score: Double
  public var unknown: UnknownFields
  public var gap: Gap?
  public var explanation: ReferenceExplanation?
}

public struct ReferenceExplanation: Sendable {
  /// Per feature, in `Feature.allCases` order.
  public var values: [Double]
  public var weights: [Double]
  public var points: [Double]
  public var matchedSkills: [String]
  public var missingSkills: [String]
  public var distanceKm: Double
}

/// Everything the SPEC says about one pair under one request.
public struct PairEvaluation: Sendable {
  /// The failing constraints, in `Constraint.allCases` order.
  public var failed: [Constraint]
  /// d
  public var distanceKm: Double
  /// D = min(s.maxTravelKm, maxKm)
  public var maxKm: Double
  /// fᵢ in `Feature.allCases` order; distance and start clamped at 0.
  public var values: [Double]
  public var weights: [Double]
  public var points: [Double]
  public var score: Double
  public var unknown: UnknownFields
  /// What is missing, when exactly one waivable constraint fails.
  public var gap: Gap?
  public var matchedSkills: [String]
  public var missingSkills: [String]

  public var isFeasible: Bool { failed.isEmpty }
  public var isNearMiss: Bool { failed.count == 1 && Constraint.waivable.contains(failed[0]) }
}

// MARK: - Pair rules

public enum Reference {
  public static let earthRadiusKm = 6371.0

  /// Haversine with glibc's sin, cos, asin, sqrt.
  public static func haversineKm(_ p: GeoPoint, _ q: GeoPoint) -> Double {
    let phi1 = p.lat * Double.pi / 180
    let phi2 = q.lat * Double.pi / 180
    let lambda1 = p.lon * Double.pi / 180
    let lambda2 = q.lon * Double.pi / 180
    let sinHalfDPhi = sin((phi2 - phi1) / 2)
    let sinHalfDLambda = sin((lambda2 - lambda1) / 2)
    let a = sinHalfDPhi * sinHalfDPhi + cos(phi1) * cos(phi2) * sinHalfDLambda * sinHalfDLambda
    return 2 * earthRadiusKm * asin(min(1, sqrt(a)))
  }

  /// Byte equality of UTF-8 strings.
  public static func same(_ a: String, _ b: String) -> Bool { a.utf8.elementsEqual(b.utf8) }

  /// Byte order of UTF-8 strings.
  public static func before(_ a: String, _ b: String) -> Bool {
    a.utf8.lexicographicallyPrecedes(b.utf8)
  }

  public static func contains(_ list: [String], _ code: String) -> Bool {
    list.contains { same($0, code) }
  }

  /// The list with byte-identical repeats removed, first occurrence kept.
  public static func distinct(_ list: [String]) -> [String] {
    var result: [String] = []
    for code in list where !contains(result, code) { result.append(code) }
    return result
  }

  /// Evaluates every constraint and feature of SPEC section 3 for one pair; `distanceKm` is the
  /// haversine distance unless another function (of the seeker's location, then the vacancy's)
  /// is given.
  public static func evaluate(
    seeker s: Seeker, vacancy v: Vacancy, options: MatchOptions,
    distanceKm: (GeoPoint, GeoPoint) -> Double = haversineKm
  ) -> PairEvaluation {
    let now = options.date
    var failed: [Constraint] = []

    // eligibility
    if v.banenafspraak && !s.registered { failed.append(.eligibility) }

    // distance
    let d = distanceKm(s.location, v.location)
    let limitKm = min(s.maxTravelKm, options.filters.maxKm ?? Double.infinity)
    if !(d <= limitKm) { failed.append(.distance) }

    // hours
    let highestMin = max(s.hours.min, v.hours.min)
    let lowestMax = min(s.hours.max, v.hours.max)
    if !(highestMin <= lowestMax) { failed.append(.hours) }

    // workdays
    var missingDays: [String] = []
    for (bit, code) in ["mon", "tue", "wed", "thu", "fri", "sat", "sun"].enumerated() {
      let day = Workdays(rawValue: 1 << UInt8(bit))
      if v.workdays.contains(day) && !s.workdays.contains(day) { missingDays.append(code) }
    }
    if !missingDays.isEmpty { failed.append(.workdays) }

    // requiredSkills
    let missingRequired = distinct(v.requiredSkills).filter { !contains(s.skills, $0) }
    if !missingRequired.isEmpty { failed.append(.requiredSkills) }

    // accommodations
    let missingOffers = distinct(s.needs).filter { !contains(v.offers, $0) }
    if !missingOffers.isEmpty { failed.append(.accommodations) }

    // education
    if let have = s.education, have.rank < v.minEducation.rank { failed.append(.education) }

    // start
    let availableFrom = s.availableFrom ?? now
    let startDate = v.startDate ?? now
    let daysAfterStart = Int(availableFrom.daysSinceEpoch) - Int(startDate.daysSinceEpoch)
    if daysAfterStart > 90 { failed.append(.start) }

    // wageValue
    if let need = v.minWageValue, let have = s.wageValue, have < need { failed.append(.wageValue) }

    // features
    let preferred = distinct(v.preferredSkills)
    let matched = preferred.filter { contains(s.skills, $0) }
    let missing = preferred.filter { !contains(s.skills, $0) }
    let fSkills = preferred.isEmpty ? 1.0 : Double(matched.count) / Double(preferred.count)
    let fDistance = max(0, 1 - d / limitKm)
    let fHours = min(s.hours.max, v.hours.max) / v.hours.max
    var fPreference = 0.5
    if let preferences = s.preferences, !(preferences.jobTypes.isEmpty && preferences.sectors.isEmpty) {
      if contains(preferences.jobTypes, v.jobType) {
        fPreference = 1
      } else if let sector = v.sector, contains(preferences.sectors, sector) {
        fPreference = 0.5
      } else {
        fPreference = 0
      }
    }
    let fExperience = contains(s.experience, v.jobType) ? 1.0 : 0.0
    let fStart = max(0, 1 - Double(max(0, daysAfterStart)) / 90)
    let values = [fSkills, fDistance, fHours, fPreference, fExperience, fStart]

    let w = options.weights
    let weights = [w.skills, w.distance, w.hours, w.preference, w.experience, w.start]
    var totalWeight = weights[0]
    for i in 1..<6 { totalWeight += weights[i] }
    var sum = weights[0] * values[0]
    for i in 1..<6 { sum += weights[i] * values[i] }
    let score = 100 * sum / totalWeight
    let points = (0..<6).map { 100 * weights[$0] * values[$0] / totalWeight }

    var unknown = UnknownFields()
    if s.education == nil && v.minEducation != .none { unknown.insert(.education) }
    if s.wageValue == nil && v.minWageValue != nil { unknown.insert(.wageValue) }

    var gap: Gap?
    if failed.count == 1 {
      switch failed[0] {
      case .distance: gap = .distance(distanceKm: d, maxKm: limitKm, extraKm: d - limitKm)
      case .hours: gap = .hours(gap: highestMin - lowestMax)
      case .workdays: gap = .workdays(missing: missingDays)
      case .requiredSkills: gap = .requiredSkills(missing: missingRequired)
      case .accommodations: gap = .accommodations(missing: missingOffers)
      case .education:
        let have = s.education!
        gap = .education(have: have, need: v.minEducation, levels: v.minEducation.rank - have.rank)
      case .start: gap = .start(daysLate: daysAfterStart - 90)
      case .eligibility, .wageValue: gap = nil
      }
    }

    return PairEvaluation(
      failed: failed, distanceKm: d, maxKm: limitKm, values: values, weights: weights, points: points,
      score: score, unknown: unknown, gap: gap, matchedSkills: matched, missingSkills: missing)
  }

  /// The request filters a vacancy must pass in a seeker query.
  public static func passesFilters(_ v: Vacancy, _ filters: MatchFilters) -> Bool {
    if let regions = filters.regions {
      guard let region = v.region, contains(regions, region) else { return false }
    }
    if let types = filters.employerTypes, !types.contains(v.employer.type) { return false }
    if let sectors = filters.sectors {
      guard let sector = v.sector, contains(sectors, sector) else { return false }
    }
    if let jobTypes = filters.jobTypes, !contains(jobTypes, v.jobType) { return false }
    return !contains(filters.excludeIDs, v.id)
  }

  /// The request filters a seeker must pass in a vacancy query.
  public static func passesFilters(_ s: Seeker, _ filters: MatchFilters) -> Bool {
    if let regions = filters.regions {
      guard let region = s.region, contains(regions, region) else { return false }
    }
    return !contains(filters.excludeIDs, s.id)
  }
}

// MARK: - The matcher

/// The records of an index, kept plainly, and both queries done the slow way.
public struct ReferenceMatcher: Sendable {
  private var seekerTable: [[UInt8]: Seeker] = [:]
  private var vacancyTable: [[UInt8]: Vacancy] = [:]
  /// Writes applied, as `MatchIndex.version` counts them.
  public private(set) var version = 0
  /// The distance of a seeker's location to a vacancy's: the haversine of SPEC section 3 by
  /// default.
  ///
  /// SPEC allows an engine a distance formula within 0.05 km of the haversine, and even one
  /// within 1e-12 km makes near-ties of scores fall the other way. To check the order of an
  /// answer exactly, set this to the engine's own `GeoPoint.distanceKm` (which is checked
  /// against the haversine separately); everything else stays the reference's.
  public var distanceKm: @Sendable (GeoPoint, GeoPoint) -> Double

  public init(distanceKm: @escaping @Sendable (GeoPoint, GeoPoint) -> Double = Reference.haversineKm) {
    self.distanceKm = distanceKm
  }

  public var seekers: [Seeker] { seekerTable.values.sorted { Reference.before($0.id, $1.id) } }
  public var vacancies: [Vacancy] { vacancyTable.values.sorted { Reference.before($0.id, $1.id) } }
  public var seekerCount: Int { seekerTable.count }
  public var vacancyCount: Int { vacancyTable.count }

  public func seeker(id: String) -> Seeker? { seekerTable[Array(id.utf8)] }
  public func vacancy(id: String) -> Vacancy? { vacancyTable[Array(id.utf8)] }

  /// Valid records only; the last of equal ids wins.
  public mutating func upsert(seekers: [Seeker]) {
    for seeker in seekers { seekerTable[Array(seeker.id.utf8)] = seeker }
    version += 1
  }

  public mutating func upsert(vacancies: [Vacancy]) {
    for vacancy in vacancies { vacancyTable[Array(vacancy.id.utf8)] = vacancy }
    version += 1
  }

  public mutating func removeSeekers(ids: [String]) {
    for id in ids { seekerTable[Array(id.utf8)] = nil }
    version += 1
  }

  public mutating func removeVacancies(ids: [String]) {
    for id in ids { vacancyTable[Array(id.utf8)] = nil }
    version += 1
  }

  /// The vacancies for `seeker`; options must be valid.
  public func vacancies(for seeker: Seeker, options: MatchOptions) -> ReferenceResults {
    var results = ReferenceResults(matches: [], nearMisses: [], candidates: 0, feasible: 0, indexVersion: version)
    for vacancy in vacancyTable.values where Reference.passesFilters(vacancy, options.filters) {
      results.candidates += 1
      let pair = Reference.evaluate(seeker: seeker, vacancy: vacancy, options: options, distanceKm: distanceKm)
      Self.collect(pair, id: vacancy.id, explain: options.explain, into: &results)
    }
    return Self.finish(results, options: options)
  }

  /// The seekers for `vacancy`; options must be valid.
  public func seekers(for vacancy: Vacancy, options: MatchOptions) -> ReferenceResults {
    var results = ReferenceResults(matches: [], nearMisses: [], candidates: 0, feasible: 0, indexVersion: version)
    for seeker in seekerTable.values where Reference.passesFilters(seeker, options.filters) {
      results.candidates += 1
      let pair = Reference.evaluate(seeker: seeker, vacancy: vacancy, options: options, distanceKm: distanceKm)
      Self.collect(pair, id: seeker.id, explain: options.explain, into: &results)
    }
    return Self.finish(results, options: options)
  }

  private static func collect(_ pair: PairEvaluation, id: String, explain: Bool, into results: inout ReferenceResults) {
    guard pair.isFeasible || pair.isNearMiss else { return }
    let explanation =
      explain
      ? ReferenceExplanation(
        values: pair.values, weights: pair.weights, points: pair.points, matchedSkills: pair.matchedSkills,
        missingSkills: pair.missingSkills, distanceKm: pair.distanceKm)
      : nil
    let entry = ReferenceMatch(
      id: id, score: pair.score, unknown: pair.unknown, gap: pair.gap, explanation: explanation)
    if pair.isFeasible {
      results.feasible += 1
      results.matches.append(entry)
    } else {
      results.nearMisses.append(entry)
    }
  }

  private static func finish(_ results: ReferenceResults, options: MatchOptions) -> ReferenceResults {
    var results = results
    let ranked: (ReferenceMatch, ReferenceMatch) -> Bool = { a, b in
      a.score != b.score ? a.score > b.score : Reference.before(a.id, b.id)
    }
    results.matches = Array(results.matches.sorted(by: ranked).prefix(options.limit))
    results.nearMisses = Array(results.nearMisses.sorted(by: ranked).prefix(options.nearMisses))
    return results
  }
}
