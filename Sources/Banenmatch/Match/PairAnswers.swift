/// Turns kept heap entries into the answer's matches and near misses: the unknown flags, the
/// explanation and the gap, computed from the index's rows and code lists for the few pairs
/// returned.
struct PairAnswers {
  var options: MatchOptions
  /// D for this pair: the seeker's travel distance, or the request's `maxKm` when smaller.
  var travelKm: Double

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

  /// The explanation of a pair from the vacancy's preferred skills in its order (each with its
  /// code, `CodeTable.absent` for one the index has never seen, and its text) and whether the
  /// seeker holds a skill by its code (`has`; no seeker holds an absent one). Repeats count
  /// once.
  func explanation(
    _ entry: TopK.Entry, preferred: PreferredSkills.Listings, has: (UInt32) -> Bool
  ) -> Explanation {
    explanation(entry, skills: Self.preferredSkills(preferred, has: has))
  }

  /// The explanation of a pair whose preferred skills, and those the seeker holds, are known.
  func explanation(_ entry: TopK.Entry, skills: PreferredSkills) -> Explanation {
    Explanation(values: entry.features, weights: options.weights, skills: skills, distanceKm: entry.distanceKm)
  }

  /// The vacancy's preferred skills and those the seeker holds, as `explanation` takes them.
  static func preferredSkills(_ preferred: PreferredSkills.Listings, has: (UInt32) -> Bool) -> PreferredSkills {
    let count = preferred.count
    var skills: PreferredSkills
    if count <= 64 {
      var (counted, held): (UInt64, UInt64) = (0, 0)
      forEachFirstOccurrence(count, key: { ListedSkill(preferred, $0) }) { index in
        counted |= 1 << UInt64(index)
        if has(preferred.code(index)) { held |= 1 << UInt64(index) }
      }
      skills = PreferredSkills(listings: preferred, counted: counted, held: held)
    } else {
      var (matched, missing): ([String], [String]) = ([], [])
      forEachFirstOccurrence(count, key: { ListedSkill(preferred, $0) }) { index in
        let text = preferred.text(index)
        if has(preferred.code(index)) { matched.append(text) } else { missing.append(text) }
      }
      skills = PreferredSkills(listings: .lists(held: matched, missing: missing), counted: 0, held: 0)
    }
    return skills
  }

  /// What is missing for the one constraint this near miss fails, from `facts` and, asked for
  /// only when that constraint failed, the required skills she lacks and the needs not offered
  /// (each in its list's order, once).
  func gap(
    _ entry: TopK.Entry, _ facts: GapFacts, missingSkills: () -> [String], missingNeeds: () -> [String]
  ) -> Gap {
    switch entry.failed {
    case Constraint.distance.bit:
      return .distance(distanceKm: entry.distanceKm, maxKm: travelKm, extraKm: entry.distanceKm - travelKm)
    case Constraint.hours.bit:
      let gap =
        max(facts.seekerHours.min, facts.vacancyHours.min) - min(facts.seekerHours.max, facts.vacancyHours.max)
      return .hours(gap: gap)
    case Constraint.workdays.bit:
      return .workdays(missing: facts.vacancyWorkdays.subtracting(facts.seekerWorkdays).dayCodes)
    case Constraint.requiredSkills.bit:
      return .requiredSkills(missing: missingSkills())
    case Constraint.accommodations.bit:
      return .accommodations(missing: missingNeeds())
    case Constraint.education.bit:
      let have = facts.education ?? .none
      return .education(have: have, need: facts.minEducation, levels: facts.minEducation.rank - have.rank)
    default:
      return .start(daysLate: Int(facts.available) - Int(facts.start) - 90)
    }
  }
}

/// What a near miss's gap reads of its pair besides the lists of codes, from the index's rows
/// (or the request's record).
struct GapFacts {
  var seekerHours, vacancyHours: HourRange
  var seekerWorkdays, vacancyWorkdays: Workdays
  /// Nil: unknown.
  var education: Education?
  var minEducation: Education
  /// Her first day and the vacancy's start, as days since the epoch, "now" resolved.
  var available, start: Int32
}

/// A listed preferred skill as a repeat is told: by its code, or by its bytes when the index
/// has never seen it (such a text is no known code's).
private enum ListedSkill: Hashable {
  case code(UInt32)
  case text(ByteKey)

  init(_ listings: PreferredSkills.Listings, _ index: Int) {
    let code = listings.code(index)
    self = code == CodeTable.absent ? .text(ByteKey(listings.text(index))) : .code(code)
  }
}
