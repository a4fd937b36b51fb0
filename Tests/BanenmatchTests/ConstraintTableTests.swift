import Banenmatch
import BanenmatchTestSupport
import Testing

/// Each hard constraint of SPEC section 3, holding and failing, at its boundaries; the gap of
/// every kind of near miss; filters; options that a query rejects.
@Suite struct ConstraintTableTests {
  // MARK: eligibility (never waived)

  @Test(arguments: [(true, true, true), (true, false, false), (false, false, true), (false, true, true)])
  func eligibility(banenafspraak: Bool, registered: Bool, holds: Bool) throws {
    let answer = try Fixture.ask(
      Fixture.seeker { $0.registered = registered }, Fixture.vacancy { $0.banenafspraak = banenafspraak })
    #expect(answer.isMatch == holds)
    #expect(answer.nearMiss == nil)
  }

  // MARK: distance

  enum Limit: Sendable { case exact, justBelow, wide }

  /// travel: the seeker's maxTravelKm; maxKm: the request's. `exact` is the engine's own km
  /// Leeuwarden → Sneek, `justBelow` the next smaller Double.
  @Test(arguments: [
    (Limit.exact, nil as Limit?, true),
    (.justBelow, nil, false),
    (.wide, .exact, true),
    (.wide, .justBelow, false),
    (.justBelow, .wide, false),  // a larger maxKm does not widen the seeker's own limit
    (.exact, .wide, true),
  ])
  func distance(travel: Limit, maxKm: Limit?, holds: Bool) throws {
    let d = Fixture.leeuwarden.distanceKm(to: Fixture.sneek)
    #expect(Fixture.sneek.distanceKm(to: Fixture.leeuwarden) == d)
    func km(_ limit: Limit) -> Double {
      switch limit {
      case .exact: d
      case .justBelow: d.nextDown
      case .wide: 250
      }
    }
    let answer = try Fixture.ask(
      Fixture.seeker { $0.maxTravelKm = km(travel) }, Fixture.vacancy { $0.location = Fixture.sneek },
      options: Fixture.options { $0.filters.maxKm = maxKm.map(km) })
    #expect(answer.isMatch == holds)
    if holds {
      #expect(answer.nearMiss == nil)
    } else {
      let limit = min(km(travel), maxKm.map(km) ?? .infinity)
      #expect(answer.nearMiss?.gap == .distance(distanceKm: d, maxKm: limit, extraKm: d - limit))
    }
  }

  @Test func distanceZeroAtTheSamePlace() throws {
    let answer = try Fixture.ask(Fixture.seeker { $0.maxTravelKm = 0.001 }, Fixture.vacancy())
    #expect(answer.isMatch)
    #expect(answer.match?.explanation?.distanceKm == 0)
    #expect(answer.value(of: .distance) == 1)
  }

  @Test func distanceGapInKm() throws {
    let answer = try Fixture.ask(
      Fixture.seeker { $0.maxTravelKm = 20 }, Fixture.vacancy { $0.location = Fixture.sneek })
    guard case .distance(let distanceKm, let maxKm, let extraKm)? = answer.nearMiss?.gap else {
      Issue.record("no distance near miss: \(answer)")
      return
    }
    #expect(abs(distanceKm - Fixture.leeuwardenSneekKm) < 1e-9)
    #expect(maxKm == 20)
    #expect(abs(extraKm - (Fixture.leeuwardenSneekKm - 20)) < 1e-9)
  }

  // MARK: hours

  /// gap nil: the ranges intersect.
  @Test(arguments: [
    (12, 25.5, 16, 25.5, nil as Double?),
    (0, 16, 16, 24, nil),  // touching from below
    (24, 32, 16, 24, nil),  // touching from above
    (0, 40, 10, 10, nil),
    (10, 10, 10, 10, nil),
    (0, 15.5, 16, 24, 0.5),
    (32, 40, 16, 24, 8),
    (0, 4, 36, 40, 32),
    (25.5, 25.5, 0, 25.25, 0.25),
  ])
  func hours(seekerMin: Double, seekerMax: Double, vacancyMin: Double, vacancyMax: Double, gap: Double?) throws {
    let answer = try Fixture.ask(
      Fixture.seeker { $0.hours = HourRange(min: seekerMin, max: seekerMax) },
      Fixture.vacancy { $0.hours = HourRange(min: vacancyMin, max: vacancyMax) })
    #expect(answer.isMatch == (gap == nil))
    #expect(answer.nearMiss?.gap == gap.map { .hours(gap: $0) })
  }

  // MARK: workdays

  /// seeker nil: the default, all seven days. missing nil: holds.
  @Test(arguments: [
    (nil as [String]?, [String](), nil as [String]?),
    (nil, ["mon", "sat", "sun"], nil),
    ([], [], nil),
    (["mon", "tue", "wed", "thu"], ["mon", "tue", "thu"], nil),
    (["mon", "tue"], ["sun", "wed", "mon"], ["wed", "sun"]),
    ([], ["fri"], ["fri"]),
    (["sat"], ["mon", "tue", "wed", "thu", "fri", "sat", "sun"], ["mon", "tue", "wed", "thu", "fri", "sun"]),
  ])
  func workdays(seeker: [String]?, vacancy: [String], missing: [String]?) throws {
    let answer = try Fixture.ask(
      Fixture.seeker { if let seeker { $0.workdays = Fixture.days(seeker) } },
      Fixture.vacancy { $0.workdays = Fixture.days(vacancy) })
    #expect(answer.isMatch == (missing == nil))
    #expect(answer.nearMiss?.gap == missing.map { .workdays(missing: $0) })
  }

  // MARK: requiredSkills

  @Test(arguments: [
    ([String](), [String](), nil as [String]?),
    (["schoonmaken"], ["schoonmaken"], nil),
    (["a", "b"], ["b", "a", "b"], nil),
    (["a"], ["c", "a", "b", "c"], ["c", "b"]),
    ([], ["a"], ["a"]),
    (["caf\u{E9}"], ["cafe\u{301}"], ["cafe\u{301}"]),  // canonically equivalent is not the same code
    (["cafe\u{301}", "caf\u{E9}"], ["caf\u{E9}", "cafe\u{301}"], nil),
  ])
  func requiredSkills(seeker: [String], required: [String], missing: [String]?) throws {
    let answer = try Fixture.ask(
      Fixture.seeker { $0.skills = seeker }, Fixture.vacancy { $0.requiredSkills = required })
    #expect(answer.isMatch == (missing == nil))
    expectGap(answer.nearMiss?.gap, missing.map { .requiredSkills(missing: $0) })
  }

  // MARK: accommodations

  @Test(arguments: [
    ([String](), [String](), nil as [String]?),
    ([], ["jobcoach"], nil),
    (["jobcoach"], ["rustige-werkplek", "jobcoach"], nil),
    (["a", "b", "a"], ["b"], ["a"]),
    (["rustige-werkplek", "jobcoach"], [], ["rustige-werkplek", "jobcoach"]),
    (["hulp-e\u{301}"], ["hulp-\u{E9}"], ["hulp-e\u{301}"]),
  ])
  func accommodations(needs: [String], offers: [String], missing: [String]?) throws {
    let answer = try Fixture.ask(Fixture.seeker { $0.needs = needs }, Fixture.vacancy { $0.offers = offers })
    #expect(answer.isMatch == (missing == nil))
    expectGap(answer.nearMiss?.gap, missing.map { .accommodations(missing: $0) })
  }

  // MARK: education

  /// levels nil: holds.
  @Test(arguments: [
    ("mbo2", "mbo1", nil as Int?),
    ("pro", "mbo1", 1),
    ("vso", "pro", nil),
    ("pro", "vso", nil),
    ("none", "none", nil),
    ("none", "wo", 7),
    ("wo", "wo", nil),
    ("mbo4", "hbo", 1),
    ("vso", "mbo3", 3),
  ])
  func education(seeker: String, required: String, levels: Int?) throws {
    let have = try #require(Education(rawValue: seeker))
    let need = try #require(Education(rawValue: required))
    let answer = try Fixture.ask(Fixture.seeker { $0.education = have }, Fixture.vacancy { $0.minEducation = need })
    #expect(answer.isMatch == (levels == nil))
    #expect(answer.nearMiss?.gap == levels.map { .education(have: have, need: need, levels: $0) })
    #expect((answer.match?.unknown ?? answer.nearMiss?.unknown) == [])
  }

  /// Unknown is not a mismatch, and is reported when it mattered.
  @Test(arguments: [("none", false), ("vso", true), ("wo", true)])
  func unknownEducation(required: String, reported: Bool) throws {
    let answer = try Fixture.ask(
      Fixture.seeker { $0.education = nil }, Fixture.vacancy { $0.minEducation = Education(rawValue: required)! })
    #expect(answer.isMatch)
    #expect(answer.match?.unknown == (reported ? .education : []))
  }

  // MARK: start

  /// Offsets in days from "now"; nil: absent (now). daysLate nil: holds.
  @Test(arguments: [
    (nil as Int?, nil as Int?, nil as Int?),
    (90, 0, nil),  // exactly start + 90
    (91, 0, 1),
    (nil, -90, nil),  // a past start date is used as given
    (nil, -91, 1),
    (200, nil, 110),
    (-30, 10, nil),
    (0, -200, 110),
    (400, 300, 10),
  ])
  func start(available: Int?, start: Int?, daysLate: Int?) throws {
    let answer = try Fixture.ask(
      Fixture.seeker { $0.availableFrom = Fixture.day(available) },
      Fixture.vacancy { $0.startDate = Fixture.day(start) })
    #expect(answer.isMatch == (daysLate == nil))
    #expect(answer.nearMiss?.gap == daysLate.map { .start(daysLate: $0) })
  }

  /// "Now" is the request's date: absent dates move with it, given ones do not.
  @Test(arguments: [(0, true), (90, true), (91, false), (-45, true)])
  func startCountsFromTheRequestDate(shift: Int, holds: Bool) throws {
    let answer = try Fixture.ask(
      Fixture.seeker { $0.availableFrom = nil }, Fixture.vacancy { $0.startDate = Fixture.today },
      options: Fixture.options { $0.date = Fixture.today.adding(days: shift) })
    #expect(answer.isMatch == holds)
  }

  // MARK: wageValue (never waived)

  @Test(arguments: [
    (nil as Double?, nil as Double?, true, false),
    (nil, 40, true, true),
    (40, 40, true, false),
    (39.5, 40, false, false),
    (100, nil, true, false),
    (0, 0, true, false),
    (0, 0.5, false, false),
  ])
  func wageValue(wage: Double?, minimum: Double?, holds: Bool, unknown: Bool) throws {
    let answer = try Fixture.ask(
      Fixture.seeker { $0.wageValue = wage }, Fixture.vacancy { $0.minWageValue = minimum })
    #expect(answer.isMatch == holds)
    #expect(answer.nearMiss == nil)
    if holds { #expect(answer.match?.unknown == (unknown ? .wageValue : [])) }
  }

  @Test func bothUnknownAreReported() throws {
    let answer = try Fixture.ask(
      Fixture.seeker(),
      Fixture.vacancy {
        $0.minWageValue = 50
        $0.minEducation = .mbo1
      })
    #expect(answer.match?.unknown == [.education, .wageValue])
    #expect(answer.match?.unknown.names == ["education", "wageValue"])
  }

  // MARK: near misses

  /// Exactly one waivable failure makes a near miss; two, or one with a failure that is never
  /// waived, make nothing.
  @Test(arguments: [
    ("hours", [Constraint.hours]),
    ("hours+workdays", [.hours, .workdays]),
    ("start+education", [.start, .education]),
    ("eligibility+distance", [.eligibility, .distance]),
    ("wageValue+requiredSkills", [.wageValue, .requiredSkills]),
    ("eligibility", [.eligibility]),
    ("accommodations", [.accommodations]),
  ])
  func nearMissFailsExactlyOne(name: String, failing: [Constraint]) throws {
    var seeker = Fixture.seeker()
    var vacancy = Fixture.vacancy()
    for constraint in failing {
      switch constraint {
      case .eligibility: seeker.registered = false
      case .distance:
        vacancy.location = Fixture.sneek
        seeker.maxTravelKm = 10
      case .hours: seeker.hours = HourRange(min: 0, max: 8)
      case .workdays:
        seeker.workdays = [.mon]
        vacancy.workdays = [.tue]
      case .requiredSkills: vacancy.requiredSkills = ["lassen"]
      case .accommodations: seeker.needs = ["jobcoach"]
      case .education:
        seeker.education = .pro
        vacancy.minEducation = .mbo2
      case .start: seeker.availableFrom = Fixture.today.adding(days: 120)
      case .wageValue:
        seeker.wageValue = 30
        vacancy.minWageValue = 40
      }
    }
    let answer = try Fixture.ask(seeker, vacancy)
    #expect(!answer.isMatch)
    #expect(answer.feasible == 0)
    let waivable = failing.count == 1 && Constraint.waivable.contains(failing[0])
    #expect(answer.nearMiss?.constraint == (waivable ? failing[0] : nil), "\(name)")
  }

  @Test func noNearMissesUnlessAsked() throws {
    let answer = try Fixture.ask(
      Fixture.seeker { $0.hours = HourRange(min: 0, max: 8) }, Fixture.vacancy(),
      options: Fixture.options { $0.nearMisses = 0 })
    #expect(answer.match == nil && answer.nearMiss == nil)
    #expect(answer.candidates == 1 && answer.feasible == 0)
  }

  /// The score with the failed constraint waived: distance and start features clamped to 0.
  @Test func nearMissScoresClampAtZero() throws {
    let far = try Fixture.ask(Fixture.seeker { $0.maxTravelKm = 5 }, Fixture.vacancy { $0.location = Fixture.sneek })
    #expect(far.value(of: .distance) == 0)
    // skills 1 (none preferred), hours 25.5/25.5, no preferences 0.5, no experience, start 1.
    #expect(abs((far.nearMiss?.score ?? 0) - 65) < 1e-9)

    let late = try Fixture.ask(Fixture.seeker { $0.availableFrom = Fixture.today.adding(days: 200) }, Fixture.vacancy())
    #expect(late.value(of: .start) == 0)
    // skills 1, distance 1, hours 1, preference 0.5, experience 0, start 0.
    #expect(abs((late.nearMiss?.score ?? 0) - 80) < 1e-9)
  }

  // MARK: filters

  enum FilterCase: String, Sendable, CaseIterable {
    case regionListed, regionNotListed, regionNilNeverPasses, regionsEmptyList, regionCanonicalTwin
    case employerTypeListed, employerTypeNotListed
    case sectorListed, sectorNilNeverPasses, jobTypeListed, jobTypeNotListed
    case excluded, excludedUnknownID, excludedCanonicalTwin
  }

  @Test(arguments: FilterCase.allCases)
  func filters(_ filter: FilterCase) throws {
    var vacancy = Fixture.vacancy {
      $0.region = "frysl\u{E2}n"
      $0.sector = "onderwijs"
    }
    var filters = MatchFilters()
    let passes: Bool
    switch filter {
    case .regionListed:
      filters.regions = ["groningen", "frysl\u{E2}n"]
      passes = true
    case .regionNotListed:
      filters.regions = ["groningen"]
      passes = false
    case .regionNilNeverPasses:
      vacancy.region = nil
      filters.regions = ["groningen"]
      passes = false
    case .regionsEmptyList:
      filters.regions = []
      passes = false
    case .regionCanonicalTwin:
      filters.regions = ["frysla\u{302}n"]
      passes = false
    case .employerTypeListed:
      filters.employerTypes = [.overheid, .markt]
      passes = true
    case .employerTypeNotListed:
      filters.employerTypes = [.schoolbestuurPO, .schoolbestuurVO]
      passes = false
    case .sectorListed:
      filters.sectors = ["onderwijs"]
      passes = true
    case .sectorNilNeverPasses:
      vacancy.sector = nil
      filters.sectors = ["onderwijs"]
      passes = false
    case .jobTypeListed:
      filters.jobTypes = ["tuinman", "schoonmaker"]
      passes = true
    case .jobTypeNotListed:
      filters.jobTypes = ["tuinman"]
      passes = false
    case .excluded:
      filters.excludeIDs = ["V-1"]
      passes = false
    case .excludedUnknownID:
      filters.excludeIDs = ["V-2", "S-1"]
      passes = true
    case .excludedCanonicalTwin:
      vacancy.id = "V-\u{E9}"
      filters.excludeIDs = ["V-e\u{301}"]
      passes = true
    }
    var index = MatchIndex()
    try index.upsert(seekers: [Fixture.seeker()])
    try index.upsert(vacancies: [vacancy])
    let results = try index.vacancies(forSeekerID: "S-1", options: Fixture.options { $0.filters = filters })
    #expect(results.candidates == (passes ? 1 : 0))
    #expect(results.matches.count == (passes ? 1 : 0))
  }

  @Test(arguments: [
    ("friesland", ["friesland"], [String](), true),
    (nil as String?, ["friesland"], [], false),
    ("friesland", ["groningen"], [], false),
    ("friesland", ["friesland"], ["S-1"], false),
  ])
  func filtersOfVacancyQueries(region: String?, regions: [String], exclude: [String], passes: Bool) throws {
    var index = MatchIndex()
    try index.upsert(seekers: [Fixture.seeker { $0.region = region }])
    try index.upsert(vacancies: [Fixture.vacancy()])
    let options = Fixture.options { $0.filters = MatchFilters(regions: regions, excludeIDs: exclude) }
    let results = try index.seekers(forVacancyID: "V-1", options: options)
    #expect(results.candidates == (passes ? 1 : 0))
    #expect(results.matches.map(\.id) == (passes ? ["S-1"] : []))
  }

  // MARK: options and ids a query rejects

  @Test(arguments: [
    ("limit", MatchDirection.vacanciesForSeeker),
    ("nearMisses", .vacanciesForSeeker),
    ("maxKm", .seekersForVacancy),
    ("maxKmNaN", .vacanciesForSeeker),
    ("employerTypes", .seekersForVacancy),
    ("sectors", .seekersForVacancy),
    ("jobTypes", .seekersForVacancy),
    ("weights.skills", .seekersForVacancy),
  ])
  func invalidOptions(path: String, direction: MatchDirection) throws {
    var options = Fixture.options()
    switch path {
    case "limit": options.limit = 1001
    case "nearMisses": options.nearMisses = -1
    case "maxKm": options.filters.maxKm = 0
    case "maxKmNaN": options.filters.maxKm = .nan
    case "employerTypes": options.filters.employerTypes = [.markt]
    case "sectors": options.filters.sectors = ["onderwijs"]
    case "jobTypes": options.filters.jobTypes = []
    default: options.weights.skills = -1
    }
    var index = MatchIndex()
    try index.upsert(seekers: [Fixture.seeker()])
    try index.upsert(vacancies: [Fixture.vacancy()])
    let error = #expect(throws: MatchError.self) {
      switch direction {
      case .vacanciesForSeeker: _ = try index.vacancies(forSeekerID: "S-1", options: options)
      case .seekersForVacancy: _ = try index.seekers(forVacancyID: "V-1", options: options)
      }
    }
    guard case .invalid(let validation)? = error else {
      Issue.record("want .invalid, got \(String(describing: error))")
      return
    }
    #expect(validation.errors.map(\.path) == [path == "maxKmNaN" ? "maxKm" : path])
  }

  @Test(arguments: [(1000, 1000), (0, 0)])
  func limitsAtTheirBounds(limit: Int, nearMisses: Int) throws {
    let answer = try Fixture.ask(
      Fixture.seeker(), Fixture.vacancy(),
      options: Fixture.options {
        $0.limit = limit
        $0.nearMisses = nearMisses
      })
    #expect(answer.isMatch == (limit > 0))
    #expect(answer.feasible == 1)
  }

  @Test func invalidInlineRecordIsNamed() throws {
    let index = MatchIndex()
    let error = #expect(throws: MatchError.self) {
      _ = try index.vacancies(for: Fixture.seeker { $0.hours.max = 41 }, options: Fixture.options())
    }
    guard case .invalid(let validation)? = error else {
      Issue.record("want .invalid, got \(String(describing: error))")
      return
    }
    #expect(validation.errors.map(\.path) == ["seeker.hours.max"])
  }

  @Test func unknownID() throws {
    var index = MatchIndex()
    try index.upsert(seekers: [Fixture.seeker { $0.id = "S-\u{E9}" }])
    try index.upsert(vacancies: [Fixture.vacancy { $0.id = "V-\u{E9}" }])
    #expect(throws: MatchError.unknownID("S-2")) {
      _ = try index.vacancies(forSeekerID: "S-2", options: Fixture.options())
    }
    #expect(throws: MatchError.unknownID("V-2")) {
      _ = try index.seekers(forVacancyID: "V-2", options: Fixture.options())
    }
    // Ids are bytes: the decomposed spelling is another id.
    let decomposed = #expect(throws: MatchError.self) {
      _ = try index.vacancies(forSeekerID: "S-e\u{301}", options: Fixture.options())
    }
    guard case .unknownID(let id)? = decomposed else {
      Issue.record("want .unknownID, got \(String(describing: decomposed))")
      return
    }
    #expect(Array(id.utf8) == Array("S-e\u{301}".utf8))
    #expect(try index.vacancies(forSeekerID: "S-\u{E9}", options: Fixture.options()).matches.count == 1)
  }

  // MARK: helpers

  /// Gaps compared with codes as bytes (Swift's `==` would equate canonical twins).
  func expectGap(_ gap: Gap?, _ expected: Gap?, sourceLocation: SourceLocation = #_sourceLocation) {
    switch (gap, expected) {
    case (nil, nil): break
    case (let gap?, let expected?):
      #expect(sameGap(gap, expected), "\(gap) ≠ \(expected)", sourceLocation: sourceLocation)
    default:
      Issue.record("gap \(String(describing: gap)) ≠ \(String(describing: expected))", sourceLocation: sourceLocation)
    }
  }
}
