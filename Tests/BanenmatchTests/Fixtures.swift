import Banenmatch
import BanenmatchTestSupport
import Testing

/// A feasible base pair, changed one field at a time by the table tests, and the engine's
/// answer for the pair asked both ways.
enum Fixture {
  static let today = Day(iso: "2026-06-15")!
  static let leeuwarden = GeoPoint(lat: 53.2012, lon: 5.7999)
  static let sneek = GeoPoint(lat: 53.0325, lon: 5.6589)
  /// Leeuwarden → Sneek by the haversine, R = 6371.0 km, computed to 40 digits (mpmath) from
  /// the decimal coordinates.
  static let leeuwardenSneekKm = 20.986471544691593

  static func seeker(_ change: (inout Seeker) -> Void = { _ in }) -> Seeker {
    var seeker = Seeker(
      id: "S-1", location: leeuwarden, maxTravelKm: 25, hours: HourRange(min: 12, max: 25.5),
      skills: ["schoonmaken"])
    change(&seeker)
    return seeker
  }

  static func vacancy(_ change: (inout Vacancy) -> Void = { _ in }) -> Vacancy {
    var vacancy = Vacancy(
      id: "V-1", employer: Vacancy.Employer(id: "E-1", type: .markt), jobType: "schoonmaker",
      location: leeuwarden, hours: HourRange(min: 16, max: 25.5))
    change(&vacancy)
    return vacancy
  }

  static func options(_ change: (inout MatchOptions) -> Void = { _ in }) -> MatchOptions {
    var options = MatchOptions(date: today, explain: true, nearMisses: 10)
    change(&options)
    return options
  }

  /// What the engine says about one pair: the match or the near miss, if any.
  struct Answer {
    var match: Match?
    var nearMiss: NearMiss?
    var candidates: Int
    var feasible: Int
    var isMatch: Bool { match != nil }

    func value(of feature: Feature) -> Double? {
      (match?.explanation ?? nearMiss?.explanation)?.contributions.first { $0.feature == feature }?.value
    }
  }

  /// Indexes the pair and asks both ways, by id and with the record given; expects all the
  /// answers to agree exactly with each other and the reference to agree with them.
  static func ask(
    _ seeker: Seeker, _ vacancy: Vacancy, options: MatchOptions = options(),
    sourceLocation: SourceLocation = #_sourceLocation
  ) throws -> Answer {
    var index = MatchIndex()
    try index.upsert(seekers: [seeker])
    try index.upsert(vacancies: [vacancy])
    let seekerOptions = options
    var vacancyOptions = options
    // Filters that only a seeker query takes.
    vacancyOptions.filters.employerTypes = nil
    vacancyOptions.filters.sectors = nil
    vacancyOptions.filters.jobTypes = nil
    let bySeeker = try index.vacancies(forSeekerID: seeker.id, options: seekerOptions)
    let byVacancy = try index.seekers(forVacancyID: vacancy.id, options: vacancyOptions)
    // Given in the request instead of by id (answers and gaps come from the request's record
    // then): the same answers.
    #expect(
      try index.vacancies(for: seeker, options: seekerOptions) == bySeeker, "seeker inline",
      sourceLocation: sourceLocation)
    #expect(
      try index.seekers(for: vacancy, options: vacancyOptions) == byVacancy, "vacancy inline",
      sourceLocation: sourceLocation)

    #expect(bySeeker.matches.count <= 1 && bySeeker.nearMisses.count <= 1, sourceLocation: sourceLocation)
    let answer = Answer(
      match: bySeeker.matches.first, nearMiss: bySeeker.nearMisses.first, candidates: bySeeker.candidates,
      feasible: bySeeker.feasible)
    // The same pair seen from the other side: the same answer, with the other id.
    var fromVacancy = byVacancy.matches.first
    fromVacancy?.id = vacancy.id
    var nearFromVacancy = byVacancy.nearMisses.first
    nearFromVacancy?.id = vacancy.id
    #expect(
      byVacancy.matches.first.map { Array($0.id.utf8) } ?? [] == (answer.match == nil ? [] : Array(seeker.id.utf8)),
      sourceLocation: sourceLocation)
    #expect(answer.match == fromVacancy, "both ways", sourceLocation: sourceLocation)
    #expect(answer.nearMiss == nearFromVacancy, "both ways", sourceLocation: sourceLocation)
    #expect(bySeeker.feasible == byVacancy.feasible, "both ways", sourceLocation: sourceLocation)
    #expect(bySeeker.indexVersion == 2, sourceLocation: sourceLocation)

    // The reference, with the engine's km, must say the same.
    var reference = ReferenceMatcher(distanceKm: { $0.distanceKm(to: $1) })
    reference.upsert(seekers: [seeker])
    reference.upsert(vacancies: [vacancy])
    let problems = differences(bySeeker, reference.vacancies(for: seeker, options: seekerOptions))
    #expect(problems.isEmpty, "reference: \(problems)", sourceLocation: sourceLocation)
    return answer
  }

  /// Weekday codes to a set.
  static func days(_ codes: [String]) -> Workdays {
    codes.reduce(into: Workdays()) { $0.insert(Workdays(code: $1)!) }
  }

  /// nil stays nil (absent: "now"); otherwise that many days after today.
  static func day(_ offset: Int?) -> Day? { offset.map { today.adding(days: $0) } }
}
