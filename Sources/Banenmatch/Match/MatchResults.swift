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
    forEachName { names.append($0) }
    return names
  }

  /// Calls `body` with each name of `names`, in order, without making the list.
  public func forEachName(_ body: (String) -> Void) {
    if contains(.education) { body("education") }
    if contains(.wageValue) { body("wageValue") }
  }
}

/// Why a pair scores what it does: per feature fᵢ, wᵢ and 100·wᵢ·fᵢ/Σw, the preferred skills
/// the seeker has and lacks, and the distance.
///
/// Stored compactly, without an allocation of its own: the feature values and weights, and
/// the vacancy's preferred skills as the index keeps them (or as the record lists them) with
/// a bit per listing. `contributions`, `matchedSkills` and `missingSkills` are built when
/// read; `forEachSkill(held:_:)` goes through the skills without building a list.
public struct Explanation: Hashable, Sendable {
  let values: FeatureValues
  let weights: Weights
  let skills: PreferredSkills
  public var distanceKm: Double

  init(values: FeatureValues, weights: Weights, skills: PreferredSkills, distanceKm: Double) {
    self.values = values
    self.weights = weights
    self.skills = skills
    self.distanceKm = distanceKm
  }

  public struct Contribution: Hashable, Sendable {
    public var feature: Feature
    public var value: Double
    public var weight: Double
    public var points: Double
  }

  /// One per feature, in `Feature.allCases` order.
  public var contributions: [Contribution] {
    let total = weights.total
    return Feature.allCases.map { feature in
      let (value, weight) = (values[feature], weights[feature])
      return Contribution(feature: feature, value: value, weight: weight, points: 100 * weight * value / total)
    }
  }

  /// Preferred skills the seeker has, in the vacancy's order, each once.
  public var matchedSkills: [String] { skills.names(held: true) }
  /// Preferred skills the seeker lacks, in the vacancy's order, each once.
  public var missingSkills: [String] { skills.names(held: false) }

  /// Calls `body` with each preferred skill the seeker has (`held`) or lacks, in order.
  public func forEachSkill(held: Bool, _ body: (String) -> Void) { skills.forEach(held: held, body) }

  public static func == (a: Explanation, b: Explanation) -> Bool {
    a.contributions == b.contributions && a.matchedSkills == b.matchedSkills && a.missingSkills == b.missingSkills
      && a.distanceKm == b.distanceKm
  }

  public func hash(into hasher: inout Hasher) {
    hasher.combine(contributions)
    hasher.combine(matchedSkills)
    hasher.combine(missingSkills)
    hasher.combine(distanceKm)
  }

  /// Σ points; equals the score up to floating-point rounding.
  public var totalPoints: Double { contributions.reduce(0) { $0 + $1.points } }
}

/// A vacancy's preferred skills for an explanation: the listings (codes into the index's
/// vocabulary, or code–text pairs for a vacancy given in the request), which listings count
/// (the first of repeats) and which of those the seeker holds, as bits; past 64 listings, the
/// two lists themselves.
struct PreferredSkills: Sendable {
  enum Listings: Sendable {
    case vocabulary(codes: ArraySlice<UInt32>, names: [String])
    case pairs([(code: UInt32, text: String)])
    case lists(held: [String], missing: [String])

    var count: Int {
      switch self {
      case .vocabulary(let codes, _): codes.count
      case .pairs(let pairs): pairs.count
      case .lists: 0
      }
    }

    /// Listing `index`'s code (`CodeTable.absent` for one the index has never seen).
    func code(_ index: Int) -> UInt32 {
      switch self {
      case .vocabulary(let codes, _): codes[codes.startIndex + index]
      case .pairs(let pairs): pairs[index].code
      case .lists: CodeTable.absent
      }
    }

    /// Listing `index`'s text.
    func text(_ index: Int) -> String {
      switch self {
      case .vocabulary(let codes, let names): names[Int(codes[codes.startIndex + index])]
      case .pairs(let pairs): pairs[index].text
      case .lists: ""
      }
    }
  }

  let listings: Listings
  let counted: UInt64
  let held: UInt64

  func forEach(held wanted: Bool, _ body: (String) -> Void) {
    if case .lists(let held, let missing) = listings {
      for name in wanted ? held : missing { body(name) }
      return
    }
    forEachBit(counted & (wanted ? held : ~held)) { body(listings.text($0)) }
  }

  func names(held wanted: Bool) -> [String] {
    if case .lists(let held, let missing) = listings { return wanted ? held : missing }
    var names: [String] = []
    names.reserveCapacity((counted & (wanted ? held : ~held)).nonzeroBitCount)
    forEach(held: wanted) { names.append($0) }
    return names
  }
}
