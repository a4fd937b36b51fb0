/// The answer to one query: ranked matches, near misses, counts and the index version.
public struct MatchResults: Hashable, Sendable {
  public var matches: [Match]
  public var nearMisses: [NearMiss]
  /// Records of the other kind that pass the request filters.
  public var candidates: Int
  /// Of those, the pairs that pass every hard constraint (not only the top `limit`).
  public var feasible: Int
  /// The number of writes applied to the index when the query ran.
  public var indexVersion: Int
}

/// One feasible pair, seen from the query: the other record's id and the score.
public struct Match: Hashable, Sendable {
  /// The vacancy id for a seeker query, the seeker id for a vacancy query.
  public var id: String
  /// 100 × Σ wᵢ·fᵢ / Σ wᵢ, unrounded.
  public var score: Double
  /// The unknown seeker fields this match relied on.
  public var unknown: UnknownFields
  public var explanation: Explanation?
}

/// A pair failing exactly one waivable constraint, with what is missing.
public struct NearMiss: Hashable, Sendable {
  public var id: String
  /// The score with the failed constraint waived (distance and start features clamped to 0).
  public var score: Double
  public var gap: Gap
  public var unknown: UnknownFields
  public var explanation: Explanation?

  public var constraint: Constraint { gap.constraint }
}

/// What closes a near miss (SPEC section 3): a training, a question to the employer.
public enum Gap: Hashable, Sendable {
  /// The distance exceeds the limit by `extraKm`.
  case distance(distanceKm: Double, maxKm: Double, extraKm: Double)
  /// The hour ranges are `gap` hours apart.
  case hours(gap: Double)
  /// Days the vacancy requires that the seeker does not work.
  case workdays(missing: [String])
  /// Required skills the seeker lacks.
  case requiredSkills(missing: [String])
  /// Needs of the seeker the vacancy does not offer.
  case accommodations(missing: [String])
  /// The seeker's level is `levels` steps below the minimum.
  case education(have: Education, need: Education, levels: Int)
  /// The seeker is available `daysLate` days after the latest allowed day (start + 90).
  case start(daysLate: Int)

  public var constraint: Constraint {
    switch self {
    case .distance: .distance
    case .hours: .hours
    case .workdays: .workdays
    case .requiredSkills: .requiredSkills
    case .accommodations: .accommodations
    case .education: .education
    case .start: .start
    }
  }
}

/// Seeker fields that were unknown where a constraint would have looked at them.
public struct UnknownFields: OptionSet, Hashable, Sendable {
  public var rawValue: UInt8
  public init(rawValue: UInt8) { self.rawValue = rawValue }
  public static let education = UnknownFields(rawValue: 1)
  public static let wageValue = UnknownFields(rawValue: 2)

  /// Field names in SPEC order, as responses list them.
  public var names: [String] {
    var names: [String] = []
    if contains(.education) { names.append("education") }
    if contains(.wageValue) { names.append("wageValue") }
    return names
  }
}

/// Why a pair scores what it does: per feature fᵢ, wᵢ and 100·wᵢ·fᵢ/Σw.
public struct Explanation: Hashable, Sendable {
  public var contributions: [Contribution]
  /// Preferred skills the seeker has, in the vacancy's order, each once.
  public var matchedSkills: [String]
  /// Preferred skills the seeker lacks, in the vacancy's order, each once.
  public var missingSkills: [String]
  public var distanceKm: Double

  public struct Contribution: Hashable, Sendable {
    public var feature: Feature
    public var value: Double
    public var weight: Double
    public var points: Double
  }

  /// Σ points; equals the score up to floating-point rounding.
  public var totalPoints: Double { contributions.reduce(0) { $0 + $1.points } }
}
