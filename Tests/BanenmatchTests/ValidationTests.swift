import Banenmatch
import BanenmatchTestSupport
import Testing

/// Range checks of SPEC section 2 through `MatchIndex.upsert`: every kind of bad field of both
/// record kinds is named `seekers[i].path` / `vacancies[i].path`, and a rejected batch changes
/// nothing, not even its valid records.
@Suite struct ValidationTests {
  static let bytes65 = String(repeating: "x", count: 65)
  /// 32 two-byte characters and one more byte: 65 bytes, 33 characters.
  static let bytes65Accented = String(repeating: "\u{E9}", count: 32) + "a"

  typealias SeekerBreak = @Sendable (inout Seeker) -> Void
  typealias VacancyBreak = @Sendable (inout Vacancy) -> Void

  static let badSeekers: [(String, SeekerBreak)] = [
    ("id", { $0.id = "" }),
    ("id", { $0.id = bytes65 }),
    ("id", { $0.id = bytes65Accented }),
    ("region", { $0.region = "" }),
    ("region", { $0.region = bytes65 }),
    ("location.lat", { $0.location.lat = 91 }),
    ("location.lat", { $0.location.lat = -90.000001 }),
    ("location.lat", { $0.location.lat = .nan }),
    ("location.lon", { $0.location.lon = .nan }),
    ("location.lon", { $0.location.lon = 180.5 }),
    ("location.lon", { $0.location.lon = -.infinity }),
    ("maxTravelKm", { $0.maxTravelKm = 0 }),
    ("maxTravelKm", { $0.maxTravelKm = 251 }),
    ("maxTravelKm", { $0.maxTravelKm = 250.000001 }),
    ("maxTravelKm", { $0.maxTravelKm = -5 }),
    ("maxTravelKm", { $0.maxTravelKm = .nan }),
    ("hours.min", { $0.hours = HourRange(min: 30, max: 20) }),
    ("hours.max", { $0.hours = HourRange(min: 0, max: 0) }),
    ("hours.max", { $0.hours = HourRange(min: 12, max: 41) }),
    ("hours.min", { $0.hours = HourRange(min: -1, max: 20) }),
    ("hours.min", { $0.hours = HourRange(min: .nan, max: 20) }),
    ("hours.max", { $0.hours = HourRange(min: 0, max: .infinity) }),
    ("skills[2]", { $0.skills = ["a", "b", ""] }),
    ("skills[0]", { $0.skills = [bytes65] }),
    ("experience[1]", { $0.experience = ["schoonmaker", ""] }),
    ("experience[0]", { $0.experience = [bytes65Accented] }),
    ("needs[0]", { $0.needs = [""] }),
    ("needs[1]", { $0.needs = ["jobcoach", bytes65] }),
    ("preferences.jobTypes[0]", { $0.preferences = Seeker.Preferences(jobTypes: [""]) }),
    ("preferences.jobTypes[1]", { $0.preferences = Seeker.Preferences(jobTypes: ["a", bytes65]) }),
    ("preferences.sectors[0]", { $0.preferences = Seeker.Preferences(sectors: [""]) }),
    ("preferences.sectors[0]", { $0.preferences = Seeker.Preferences(sectors: [bytes65]) }),
    ("wageValue", { $0.wageValue = 101 }),
    ("wageValue", { $0.wageValue = -1 }),
    ("wageValue", { $0.wageValue = .nan }),
  ]

  static let badVacancies: [(String, VacancyBreak)] = [
    ("id", { $0.id = "" }),
    ("id", { $0.id = bytes65 }),
    ("employer.id", { $0.employer.id = "" }),
    ("employer.id", { $0.employer.id = bytes65Accented }),
    ("jobType", { $0.jobType = "" }),
    ("jobType", { $0.jobType = bytes65 }),
    ("sector", { $0.sector = "" }),
    ("sector", { $0.sector = bytes65 }),
    ("region", { $0.region = "" }),
    ("region", { $0.region = bytes65 }),
    ("location.lat", { $0.location.lat = 91 }),
    ("location.lat", { $0.location.lat = .infinity }),
    ("location.lon", { $0.location.lon = .nan }),
    ("location.lon", { $0.location.lon = -181 }),
    ("hours.min", { $0.hours = HourRange(min: 25.5, max: 16) }),
    ("hours.max", { $0.hours = HourRange(min: 0, max: 0) }),
    ("hours.max", { $0.hours = HourRange(min: 16, max: 41) }),
    ("hours.min", { $0.hours = HourRange(min: -1, max: 16) }),
    ("positions", { $0.positions = 0 }),
    ("positions", { $0.positions = -3 }),
    ("requiredSkills[0]", { $0.requiredSkills = [""] }),
    ("requiredSkills[1]", { $0.requiredSkills = ["a", bytes65] }),
    ("preferredSkills[1]", { $0.preferredSkills = ["a", ""] }),
    ("preferredSkills[0]", { $0.preferredSkills = [bytes65Accented] }),
    ("offers[2]", { $0.offers = ["a", "b", ""] }),
    ("offers[0]", { $0.offers = [bytes65] }),
    ("minWageValue", { $0.minWageValue = 101 }),
    ("minWageValue", { $0.minWageValue = -0.5 }),
  ]

  @Test(arguments: badSeekers)
  func badSeeker(path: String, breakIt: SeekerBreak) throws {
    var index = try Self.populated()
    let before = index
    var bad = Fixture.seeker { $0.id = "S-bad" }
    breakIt(&bad)
    let batch = [
      Fixture.seeker {
        $0.id = "S-1"
        $0.maxTravelKm = 99
      },  // an update of an indexed seeker
      bad,
      Fixture.seeker { $0.id = "S-new" },
    ]
    let error = #expect(throws: ValidationError.self) { try index.upsert(seekers: batch) }
    #expect(error?.errors.map(\.path) == ["seekers[1].\(path)"])
    Self.expectUnchanged(index, before)

    // Also rejected as an inline query record, named `seeker.…`.
    let queryError = #expect(throws: MatchError.self) {
      _ = try index.vacancies(for: bad, options: Fixture.options())
    }
    guard case .invalid(let validation)? = queryError else {
      Issue.record("want .invalid, got \(String(describing: queryError))")
      return
    }
    #expect(validation.errors.map(\.path) == ["seeker.\(path)"])
  }

  @Test(arguments: badVacancies)
  func badVacancy(path: String, breakIt: VacancyBreak) throws {
    var index = try Self.populated()
    let before = index
    var bad = Fixture.vacancy { $0.id = "V-bad" }
    breakIt(&bad)
    let batch = [
      Fixture.vacancy { $0.id = "V-new" },
      Fixture.vacancy {
        $0.id = "V-1"
        $0.positions = 7
      }, bad,
    ]
    let error = #expect(throws: ValidationError.self) { try index.upsert(vacancies: batch) }
    #expect(error?.errors.map(\.path) == ["vacancies[2].\(path)"])
    Self.expectUnchanged(index, before)

    let queryError = #expect(throws: MatchError.self) {
      _ = try index.seekers(for: bad, options: Fixture.options())
    }
    guard case .invalid(let validation)? = queryError else {
      Issue.record("want .invalid, got \(String(describing: queryError))")
      return
    }
    #expect(validation.errors.map(\.path) == ["vacancy.\(path)"])
  }

  /// Every field at the edge of its range is accepted.
  @Test func boundaryValuesAreValid() throws {
    let code64 = String(repeating: "\u{E9}", count: 32)
    var index = MatchIndex()
    let seekers = [
      Fixture.seeker {
        $0.id = code64
        $0.region = String(repeating: "r", count: 64)
        $0.location = GeoPoint(lat: 90, lon: 180)
        $0.maxTravelKm = 250
        $0.hours = HourRange(min: 0, max: 40)
        $0.skills = ["s", code64]
        $0.wageValue = 0
        $0.workdays = []
      },
      Fixture.seeker {
        $0.id = "S"
        $0.location = GeoPoint(lat: -90, lon: -180)
        $0.maxTravelKm = 0.000001
        $0.hours = HourRange(min: 40, max: 40)
        $0.wageValue = 100
        $0.preferences = Seeker.Preferences(jobTypes: [code64], sectors: ["x"])
      },
    ]
    #expect(try index.upsert(seekers: seekers) == 2)
    let vacancies = [
      Fixture.vacancy {
        $0.id = code64
        $0.employer.id = code64
        $0.jobType = code64
        $0.sector = "s"
        $0.positions = Vacancy.maxPositions
        $0.hours = HourRange(min: 0, max: 0.25)
        $0.minWageValue = 100
      },
      Fixture.vacancy {
        $0.id = "V"
        $0.positions = 1
        $0.minWageValue = 0
        $0.hours = HourRange(min: 40, max: 40)
      },
    ]
    #expect(try index.upsert(vacancies: vacancies) == 2)
    #expect(index.seekerCount == 2 && index.vacancyCount == 2 && index.version == 2)
  }

  /// All errors of a batch are reported, in record order, at most `ValidationError.reportLimit`.
  @Test func errorsOfManyRecords() {
    var index = MatchIndex()
    let batch = (0..<3).map { i in
      Fixture.seeker {
        $0.id = "S-\(i)"
        $0.wageValue = i == 1 ? 50 : 200
      }
    }
    let error = #expect(throws: ValidationError.self) { try index.upsert(seekers: batch) }
    #expect(error?.errors.map(\.path) == ["seekers[0].wageValue", "seekers[2].wageValue"])

    let huge = (0..<150).map { i in
      Fixture.vacancy {
        $0.id = "V-\(i)"
        $0.positions = 0
        $0.jobType = ""
      }
    }
    let hugeError = #expect(throws: ValidationError.self) { try index.upsert(vacancies: huge) }
    #expect(hugeError?.errors.count == ValidationError.reportLimit)
    #expect(hugeError?.errors.first?.path.hasPrefix("vacancies[0].") == true)
    #expect(index.version == 0 && index.vacancyCount == 0 && index.seekerCount == 0)
  }

  /// Duplicate ids in one upsert: the last wins; ids are bytes, so canonical twins are two.
  @Test func duplicateIDsLastWins() throws {
    var index = MatchIndex()
    let written = try index.upsert(seekers: [
      Fixture.seeker { $0.maxTravelKm = 1 }, Fixture.seeker { $0.id = "S-\u{E9}" },
      Fixture.seeker {
        $0.id = "S-e\u{301}"
        $0.maxTravelKm = 3
      }, Fixture.seeker { $0.maxTravelKm = 2 },
    ])
    #expect(written == 3)
    #expect(index.seekerCount == 3)
    #expect(index.seeker(id: "S-1")?.maxTravelKm == 2)
    #expect(index.seeker(id: "S-\u{E9}")?.maxTravelKm == 25)
    #expect(index.seeker(id: "S-e\u{301}")?.maxTravelKm == 3)
    #expect(index.version == 1)

    #expect(index.removeSeekers(ids: ["S-e\u{301}", "S-unknown", "S-e\u{301}"]) == 1)
    #expect(index.seeker(id: "S-\u{E9}") != nil && index.seeker(id: "S-e\u{301}") == nil)
    #expect(index.removeVacancies(ids: []) == 0)
    #expect(index.version == 3)
  }

  // MARK: helpers

  static func populated() throws -> MatchIndex {
    var index = MatchIndex()
    try index.upsert(seekers: [Fixture.seeker()])
    try index.upsert(vacancies: [Fixture.vacancy()])
    return index
  }

  static func expectUnchanged(
    _ index: MatchIndex, _ before: MatchIndex, sourceLocation: SourceLocation = #_sourceLocation
  ) {
    #expect(index.version == before.version, sourceLocation: sourceLocation)
    #expect(index.seekerCount == before.seekerCount, sourceLocation: sourceLocation)
    #expect(index.vacancyCount == before.vacancyCount, sourceLocation: sourceLocation)
    #expect(index.seekers == before.seekers, sourceLocation: sourceLocation)
    #expect(index.vacancies == before.vacancies, sourceLocation: sourceLocation)
    for id in ["S-new", "S-bad"] { #expect(index.seeker(id: id) == nil, sourceLocation: sourceLocation) }
    for id in ["V-new", "V-bad"] { #expect(index.vacancy(id: id) == nil, sourceLocation: sourceLocation) }
    #expect(index.stats() == before.stats(), sourceLocation: sourceLocation)
  }
}
