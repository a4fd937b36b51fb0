/// The job coach's view of a query: a readable table of ranked matches with their reasons,
/// and the near misses with what is missing (`banenmatch match`).
///
///     print(MatchReport(index: index, results: results, seeker: seeker).text)
public struct MatchReport: Sendable {
  public var results: MatchResults
  public var options: MatchOptions
  public var query: Query
  /// Records of the other kind, by id, for titles, employers and km.
  var seekersByID: [ByteKey: Seeker] = [:]
  var vacanciesByID: [ByteKey: Vacancy] = [:]

  public enum Query: Sendable {
    case seeker(Seeker)
    case vacancy(Vacancy)
  }

  /// Scores and points are shown with 2 decimals; the points add up to the score as shown.
  public static let decimals = 2

  public init(index: MatchIndex, results: MatchResults, options: MatchOptions, query: Query) {
    self.results = results
    self.options = options
    self.query = query
    let ids = results.matches.map(\.id) + results.nearMisses.map(\.id)
    switch query {
    case .seeker:
      for id in ids { if let vacancy = index.vacancy(id: id) { vacanciesByID[ByteKey(id)] = vacancy } }
    case .vacancy:
      for id in ids { if let seeker = index.seeker(id: id) { seekersByID[ByteKey(id)] = seeker } }
    }
  }

  public var text: String {
    var lines: [String] = []
    switch query {
    case .seeker(let seeker):
      let region = seeker.region.map { "\($0), " } ?? ""
      lines.append(
        "Vacancies for seeker \(seeker.id) (\(region)travels ≤ \(fixed(seeker.maxTravelKm, 0)) km, "
          + "\(fixed(seeker.hours.min, 1))–\(fixed(seeker.hours.max, 1)) h/week)")
    case .vacancy(let vacancy):
      let title = vacancy.title ?? vacancy.jobType
      let employer = vacancy.employer.name ?? vacancy.employer.id
      lines.append("Seekers for vacancy \(vacancy.id): \(title), \(employer) (\(vacancy.employer.type.rawValue))")
    }
    lines.append(
      "date \(options.date.iso), index version \(results.indexVersion): \(results.candidates) candidates, "
        + "\(results.feasible) feasible")
    lines.append("")
    if results.matches.isEmpty {
      lines.append("  No matches.")
    } else {
      var table = TextTable(columns(extra: []))
      for (rank, match) in results.matches.enumerated() {
        table.add(cells(rank: rank + 1, id: match.id, score: match.score), notes: notes(match))
      }
      lines.append(table.render())
    }
    if !results.nearMisses.isEmpty {
      lines.append("")
      lines.append("Near misses (score if the one failed constraint were waived):")
      var table = TextTable(columns(extra: [("fails", .left), ("missing", .left)]))
      for (rank, nearMiss) in results.nearMisses.enumerated() {
        var row = cells(rank: rank + 1, id: nearMiss.id, score: nearMiss.score)
        row += [nearMiss.constraint.rawValue, describe(nearMiss.gap)]
        table.add(row, notes: nearMiss.unknown.isEmpty ? [] : [uncheckedNote(nearMiss.unknown)])
      }
      lines.append(table.render())
    }
    return lines.joined(separator: "\n")
  }

  private func columns(extra: [(String, TextTable.Alignment)]) -> [(String, TextTable.Alignment)] {
    switch query {
    case .seeker:
      [("#", .right), ("vacancy", .left), ("title", .left), ("employer", .left), ("km", .right), ("score", .right)]
        + extra
    case .vacancy:
      [("#", .right), ("seeker", .left), ("region", .left), ("km", .right), ("score", .right)] + extra
    }
  }

  private func cells(rank: Int, id: String, score: Double) -> [String] {
    let scoreText = fixed(score, MatchReport.decimals)
    switch query {
    case .seeker(let seeker):
      let vacancy = vacanciesByID[ByteKey(id)]
      let km = vacancy.map { fixed(seeker.location.distanceKm(to: $0.location), 1) } ?? "?"
      return [
        String(rank), id, truncated(vacancy?.title ?? vacancy?.jobType ?? "", 28),
        truncated(vacancy?.employer.name ?? vacancy?.employer.id ?? "", 30), km, scoreText,
      ]
    case .vacancy(let vacancy):
      let seeker = seekersByID[ByteKey(id)]
      let km = seeker.map { fixed($0.location.distanceKm(to: vacancy.location), 1) } ?? "?"
      return [String(rank), id, seeker?.region ?? "", km, scoreText]
    }
  }

  private func notes(_ match: Match) -> [String] {
    var notes: [String] = []
    if let explanation = match.explanation {
      let points = explanation.roundedPoints(score: match.score, decimals: MatchReport.decimals)
      let parts = zip(explanation.contributions, points).map { contribution, shown in
        "\(contribution.feature.rawValue) \(fixed(shown, MatchReport.decimals))"
      }
      notes.append("points: " + parts.joined(separator: " + ") + " = \(fixed(match.score, MatchReport.decimals))")
      if !explanation.matchedSkills.isEmpty {
        notes.append("has preferred skills: " + explanation.matchedSkills.joined(separator: ", "))
      }
      if !explanation.missingSkills.isEmpty {
        notes.append("missing preferred skills: " + explanation.missingSkills.joined(separator: ", "))
      }
    }
    if !match.unknown.isEmpty { notes.append(uncheckedNote(match.unknown)) }
    return notes
  }

  private func uncheckedNote(_ unknown: UnknownFields) -> String {
    "check: seeker's \(unknown.names.joined(separator: " and ")) unknown, the match relied on it"
  }

  private func describe(_ gap: Gap) -> String {
    switch gap {
    case .distance(let distanceKm, let maxKm, let extraKm):
      "\(fixed(extraKm, 1)) km too far (\(fixed(distanceKm, 1)) of \(fixed(maxKm, 1)) km)"
    case .hours(let gap): "hours \(fixed(gap, 1)) h apart"
    case .workdays(let missing): "days: " + missing.joined(separator: ", ")
    case .requiredSkills(let missing): "skills: " + missing.joined(separator: ", ")
    case .accommodations(let missing): "not offered: " + missing.joined(separator: ", ")
    case .education(let have, let need, let levels):
      "education \(have.rawValue) < \(need.rawValue) (\(levels) level\(levels == 1 ? "" : "s"))"
    case .start(let daysLate): "available \(daysLate) days too late"
    }
  }
}
