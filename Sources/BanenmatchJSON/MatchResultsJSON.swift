public import Banenmatch

/// The JSON of SPEC section 4's match results, shared by the worker and `banenmatch match --json`.
///
/// Scores and points have 4 decimals; the points of an explanation add up to the score exactly
/// as printed (`Rounding.apportion`). Ranking used the unrounded values.
extension JSONWriter {
  public static let scoreDecimals = 4

  /// `{matches: [...], nearMisses: [...], counts: {candidates, feasible}, indexVersion}`.
  /// - Parameter idKey: `vacancyId` for seeker queries, `seekerId` for vacancy queries.
  public mutating func matchResults(_ results: MatchResults, idKey: StaticString) {
    // About 45 bytes a match (more with an explanation): one allocation, not several.
    reserve(96 + 48 * results.matches.count + 128 * results.nearMisses.count)
    object { w in
      w.key(plain: "matches")
      w.array { w in for match in results.matches { w.match(match, idKey: idKey) } }
      w.key(plain: "nearMisses")
      w.array { w in for nearMiss in results.nearMisses { w.nearMiss(nearMiss, idKey: idKey) } }
      w.key(plain: "counts")
      w.object { w in
        w.key(plain: "candidates")
        w.integer(results.candidates)
        w.key(plain: "feasible")
        w.integer(results.feasible)
      }
      w.key(plain: "indexVersion")
      w.integer(results.indexVersion)
    }
  }

  public mutating func match(_ match: Match, idKey: StaticString) {
    object { w in
      w.key(plain: idKey)
      w.string(match.id)
      w.key(plain: "score")
      w.number(match.score, decimals: JSONWriter.scoreDecimals)
      w.unknown(match.unknown)
      if let explanation = match.explanation { w.explanation(explanation, score: match.score) }
    }
  }

  public mutating func nearMiss(_ nearMiss: NearMiss, idKey: StaticString) {
    object { w in
      w.key(plain: idKey)
      w.string(nearMiss.id)
      w.key(plain: "score")
      w.number(nearMiss.score, decimals: JSONWriter.scoreDecimals)
      w.key(plain: "constraint")
      w.string(nearMiss.constraint.rawValue)
      w.key(plain: "missing")
      w.gap(nearMiss.gap)
      w.unknown(nearMiss.unknown)
      if let explanation = nearMiss.explanation { w.explanation(explanation, score: nearMiss.score) }
    }
  }

  /// What a near miss lacks, one object per kind of gap.
  public mutating func gap(_ gap: Gap) {
    object { w in
      switch gap {
      case .distance(let distanceKm, let maxKm, let extraKm):
        w.key(plain: "extraKm")
        w.number(extraKm, decimals: 2)
        w.key(plain: "distanceKm")
        w.number(distanceKm, decimals: 2)
        w.key(plain: "maxKm")
        w.number(maxKm)
      case .hours(let gap):
        w.key(plain: "hours")
        w.number(gap, decimals: 2)
      case .workdays(let missing):
        w.key(plain: "workdays")
        w.strings(missing)
      case .requiredSkills(let missing):
        w.key(plain: "skills")
        w.strings(missing)
      case .accommodations(let missing):
        w.key(plain: "accommodations")
        w.strings(missing)
      case .education(let have, let need, let levels):
        w.key(plain: "education")
        w.object { w in
          w.key(plain: "have")
          w.string(have.rawValue)
          w.key(plain: "need")
          w.string(need.rawValue)
          w.key(plain: "levels")
          w.integer(levels)
        }
      case .start(let daysLate):
        w.key(plain: "daysLate")
        w.integer(daysLate)
      }
    }
  }

  /// `unknown.names`, written without making the list.
  mutating func unknown(_ unknown: UnknownFields) {
    guard !unknown.isEmpty else { return }
    key(plain: "unknown")
    array { w in unknown.forEachName { w.string($0) } }
  }

  public mutating func explanation(_ explanation: Explanation, score: Double) {
    let points = explanation.roundedPoints(score: score, decimals: JSONWriter.scoreDecimals)
    key(plain: "explanation")
    object { w in
      w.key(plain: "features")
      w.object { w in
        for (index, contribution) in explanation.contributions.enumerated() {
          w.key(contribution.feature.rawValue)
          w.object { w in
            w.key(plain: "value")
            w.number(contribution.value, decimals: 6)
            w.key(plain: "weight")
            w.number(contribution.weight)
            w.key(plain: "points")
            w.number(points[index])
          }
        }
      }
      w.key(plain: "matchedSkills")
      w.array { w in explanation.forEachSkill(held: true) { w.string($0) } }
      w.key(plain: "missingSkills")
      w.array { w in explanation.forEachSkill(held: false) { w.string($0) } }
      w.key(plain: "distanceKm")
      w.number(explanation.distanceKm, decimals: 2)
    }
  }
}
