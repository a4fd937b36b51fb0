import BanenmatchJSON
import BanenmatchTestSupport
import Testing

@testable import Banenmatch

/// The JSON of match results: the shape of SPEC section 4, and explanation points that add
/// up to the printed score exactly.
@Suite struct MatchResultsJSONTests {
  static func sampleIndex() throws -> MatchIndex {
    try DataDirectory.load(samplesDirectory).index()
  }

  static var samplesDirectory: String {
    let file = #filePath
    let tests = file.split(separator: "/").dropLast(3).joined(separator: "/")
    return "/" + tests + "/samples"
  }

  @Test func explainedPointsAddUpToThePrintedScore() throws {
    let index = try Self.sampleIndex()
    let options = MatchOptions(date: Day(iso: "2026-12-01")!, limit: 50, explain: true, nearMisses: 20)
    var checked = 0
    for seeker in index.seekers {
      let results = try index.vacancies(for: seeker, options: options)
      var writer = JSONWriter()
      writer.matchResults(results, idKey: "vacancyId")
      let root = try JSONDocument(parsing: writer.bytes).root
      for list in ["matches", "nearMisses"] {
        for entry in root.member(list)?.elements ?? [] {
          let score = try #require(entry.member("score")?.number)
          let features = try #require(entry.member("explanation")?.member("features"))
          let points = features.members.map { $0.value.member("points")?.number ?? .nan }
          #expect(features.members.map(\.key) == Feature.allCases.map(\.rawValue))
          let units = points.reduce(0) { $0 + Int(($1 * 10_000).rounded()) }
          #expect(units == Int((score * 10_000).rounded()), "\(seeker.id): \(points) vs \(score)")
          checked += 1
        }
      }
    }
    #expect(checked > 100)
  }

  @Test func resultShapeFollowsTheSpec() throws {
    let index = try Self.sampleIndex()
    let options = MatchOptions(date: Day(iso: "2026-12-01")!, limit: 3, explain: true, nearMisses: 3)
    let results = try index.seekers(forVacancyID: "V-0011", options: options)
    var writer = JSONWriter()
    writer.matchResults(results, idKey: "seekerId")
    let root = try JSONDocument(parsing: writer.bytes).root
    #expect(root.members.map(\.key) == ["matches", "nearMisses", "counts", "indexVersion"])
    let first = try #require(root.member("matches")?[0])
    #expect(first.member("seekerId")?.string == results.matches[0].id)
    #expect(first.member("explanation")?.member("distanceKm")?.number != nil)
    let near = try #require(root.member("nearMisses")?[0])
    #expect(near.member("constraint")?.string == results.nearMisses[0].constraint.rawValue)
    #expect(near.member("missing")?.kind == .object)
    #expect(root.member("counts")?.member("feasible")?.integer == results.feasible)
    #expect(root.member("indexVersion")?.integer == 2)
  }

  @Test(arguments: [UnknownFields(), .education, .wageValue, [.education, .wageValue]])
  func unknownFieldsAreListedInSpecOrder(unknown: UnknownFields) throws {
    var writer = JSONWriter()
    writer.match(Match(id: "V-1", score: 50, unknown: unknown, explanation: nil), idKey: "vacancyId")
    let root = try JSONDocument(parsing: writer.bytes).root
    #expect(root.member("score")?.number == 50)
    if unknown.isEmpty {
      #expect(root.member("unknown") == nil)
    } else {
      #expect(root.member("unknown")?.elements.map { $0.string ?? "(not a string)" } == unknown.names)
    }
  }

  @Test(arguments: [
    (Gap.distance(distanceKm: 31.234, maxKm: 25, extraKm: 6.234), #"{"extraKm":6.23,"distanceKm":31.23,"maxKm":25}"#),
    (Gap.hours(gap: 4), #"{"hours":4}"#),
    (Gap.workdays(missing: ["fri"]), #"{"workdays":["fri"]}"#),
    (Gap.requiredSkills(missing: ["heftruck-rijden"]), #"{"skills":["heftruck-rijden"]}"#),
    (Gap.accommodations(missing: ["jobcoach"]), #"{"accommodations":["jobcoach"]}"#),
    (Gap.education(have: .pro, need: .mbo2, levels: 2), #"{"education":{"have":"pro","need":"mbo2","levels":2}}"#),
    (Gap.start(daysLate: 12), #"{"daysLate":12}"#),
  ])
  func eachGapHasItsOwnFields(gap: Gap, json: String) {
    var writer = JSONWriter()
    writer.gap(gap)
    #expect(writer.string == json)
  }
}
