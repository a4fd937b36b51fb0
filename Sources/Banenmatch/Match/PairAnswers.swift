/// Turns kept heap entries into the answer's matches and near misses: the unknown flags, the
/// explanation and the gap, computed from the two records for the few pairs returned.
struct PairAnswers {
  var options: MatchOptions
  /// D for this pair: the seeker's travel distance, or the request's `maxKm` when smaller.
  var travelKm: Double

  enum Side { case vacancy, seeker }

  func match(_ entry: TopK.Entry, seeker: Seeker, vacancy: Vacancy, idOf side: Side = .vacancy) -> Match {
    Match(
      id: side == .vacancy ? vacancy.id : seeker.id, score: entry.score,
      unknown: unknownFields(seeker, vacancy),
      explanation: options.explain ? explanation(entry, seeker, vacancy) : nil)
  }

  func nearMiss(_ entry: TopK.Entry, seeker: Seeker, vacancy: Vacancy, idOf side: Side = .vacancy) -> NearMiss {
    NearMiss(
      id: side == .vacancy ? vacancy.id : seeker.id, score: entry.score,
      gap: gap(entry, seeker, vacancy), unknown: unknownFields(seeker, vacancy),
      explanation: options.explain ? explanation(entry, seeker, vacancy) : nil)
  }

  /// The unknown seeker fields a constraint of a pair would have looked at, from the rows'
  /// values (`unknownRank` and NaN: unknown or none).
  static func unknownFields(
    educationRank: Int8, wageValue: Double, minEducationRank: Int8, minWageValue: Double
  ) -> UnknownFields {
    var unknown: UnknownFields = []
    if educationRank == unknownRank && minEducationRank > Int8(Education.none.rank) { unknown.insert(.education) }
    if wageValue.isNaN && !minWageValue.isNaN { unknown.insert(.wageValue) }
    return unknown
  }

  /// The unknown seeker fields a constraint of this pair would have looked at.
  func unknownFields(_ seeker: Seeker, _ vacancy: Vacancy) -> UnknownFields {
    var unknown: UnknownFields = []
    if seeker.education == nil && vacancy.minEducation.rank > Education.none.rank { unknown.insert(.education) }
    if seeker.wageValue == nil && vacancy.minWageValue != nil { unknown.insert(.wageValue) }
    return unknown
  }

  func explanation(_ entry: TopK.Entry, _ seeker: Seeker, _ vacancy: Vacancy) -> Explanation {
    explanation(entry, preferred: vacancy.preferredSkills.map { (CodeTable.absent, $0) }) { code, text in
      seeker.skills.contains { ByteKey($0) == ByteKey(text) }
    }
  }

  /// The explanation of a pair from the vacancy's preferred skills in its order — each with
  /// its code, `CodeTable.absent` for one the index has never seen — and whether the seeker
  /// holds a skill (`has(code, text)`). Repeats count once.
  func explanation(
    _ entry: TopK.Entry, preferred: [(code: UInt32, text: String)], has: (UInt32, String) -> Bool
  ) -> Explanation {
    let weights = options.weights
    let total = weights.total
    // Each skill once (its first listing), held or not; counted first so that each list is
    // allocated once at its size.
    func forEachFirstListing(_ body: (_ text: String, _ held: Bool) -> Void) {
      for (index, skill) in preferred.enumerated() {
        let repeated = preferred[..<index].contains { earlier in
          skill.code == CodeTable.absent || earlier.code == CodeTable.absent
            ? ByteKey(earlier.text) == ByteKey(skill.text) : earlier.code == skill.code
        }
        if !repeated { body(skill.text, has(skill.code, skill.text)) }
      }
    }
    var counts = (held: 0, missing: 0)
    forEachFirstListing { _, held in if held { counts.held += 1 } else { counts.missing += 1 } }
    var matched: [String] = []
    var missing: [String] = []
    matched.reserveCapacity(counts.held)
    missing.reserveCapacity(counts.missing)
    forEachFirstListing { text, held in if held { matched.append(text) } else { missing.append(text) } }
    var contributions: [Explanation.Contribution] = []
    contributions.reserveCapacity(Feature.allCases.count)
    for feature in Feature.allCases {
      let value = entry.features[feature]
      contributions.append(
        .init(feature: feature, value: value, weight: weights[feature], points: 100 * weights[feature] * value / total))
    }
    return Explanation(
      contributions: contributions, matchedSkills: matched, missingSkills: missing, distanceKm: entry.distanceKm)
  }

  /// What is missing for the one constraint this near miss fails.
  func gap(_ entry: TopK.Entry, _ seeker: Seeker, _ vacancy: Vacancy) -> Gap {
    switch entry.failed {
    case Constraint.distance.bit:
      return .distance(distanceKm: entry.distanceKm, maxKm: travelKm, extraKm: entry.distanceKm - travelKm)
    case Constraint.hours.bit:
      let gap = max(seeker.hours.min, vacancy.hours.min) - min(seeker.hours.max, vacancy.hours.max)
      return .hours(gap: gap)
    case Constraint.workdays.bit:
      return .workdays(missing: vacancy.workdays.subtracting(seeker.workdays).dayCodes)
    case Constraint.requiredSkills.bit:
      return .requiredSkills(missing: missing(vacancy.requiredSkills, from: seeker.skills))
    case Constraint.accommodations.bit:
      return .accommodations(missing: missing(seeker.needs, from: vacancy.offers))
    case Constraint.education.bit:
      let have = seeker.education ?? .none
      return .education(have: have, need: vacancy.minEducation, levels: vacancy.minEducation.rank - have.rank)
    default:
      let available = seeker.availableFrom ?? options.date
      let start = vacancy.startDate ?? options.date
      return .start(daysLate: Int(available.daysSinceEpoch) - Int(start.daysSinceEpoch) - 90)
    }
  }

  /// The codes of `wanted` not in `have`, in `wanted`'s order, each once.
  private func missing(_ wanted: [String], from have: [String]) -> [String] {
    let present = Set(have.map(ByteKey.init))
    var seen = Set<ByteKey>()
    return wanted.filter { !present.contains(ByteKey($0)) && seen.insert(ByteKey($0)).inserted }
  }
}
