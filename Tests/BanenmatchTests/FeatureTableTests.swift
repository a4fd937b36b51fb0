import Banenmatch
import BanenmatchTestSupport
import Testing

/// Each scored feature of SPEC section 3 with hand-computed values, the score formula, the
/// explanation, and weights validation.
@Suite struct FeatureTableTests {
  // MARK: skills

  static let skillCases: [([String], [String], Double, [String], [String])] = [
    ([], [], 1, [], []),
    (["a"], ["a", "b"], 0.5, ["a"], ["b"]),
    (["b", "a"], ["a", "a", "b", "c"], 2.0 / 3.0, ["a", "b"], ["c"]),  // listed twice counts once
    ([], ["a"], 0, [], ["a"]),
    (["a"], ["a", "a"], 1, ["a"], []),
    (["caf\u{E9}"], ["cafe\u{301}", "caf\u{E9}"], 0.5, ["caf\u{E9}"], ["cafe\u{301}"]),
    (["d", "c", "b", "a"], ["a", "b", "c", "e"], 0.75, ["a", "b", "c"], ["e"]),
  ]

  @Test(arguments: skillCases)
  func skills(seeker: [String], preferred: [String], value: Double, matched: [String], missing: [String]) throws {
    let answer = try Fixture.ask(
      Fixture.seeker { $0.skills = seeker }, Fixture.vacancy { $0.preferredSkills = preferred })
    #expect(answer.value(of: .skills) == value)
    let explanation = try #require(answer.match?.explanation)
    #expect(sameIDs(explanation.matchedSkills, matched), "\(describe(explanation.matchedSkills))")
    #expect(sameIDs(explanation.missingSkills, missing), "\(describe(explanation.missingSkills))")
  }

  /// Past 64 listings an explanation keeps its two lists as they are (below, a bit each).
  @Test func skillsPastSixtyFourListings() throws {
    let preferred = (0..<70).map { "vaardigheid-\($0)" } + ["vaardigheid-1"]
    let held = ["vaardigheid-1", "vaardigheid-65"]
    let answer = try Fixture.ask(
      Fixture.seeker { $0.skills = held }, Fixture.vacancy { $0.preferredSkills = preferred })
    #expect(answer.value(of: .skills) == 2.0 / 70.0)
    let explanation = try #require(answer.match?.explanation)
    #expect(explanation.matchedSkills == held)
    #expect(explanation.missingSkills == preferred.prefix(70).filter { !held.contains($0) })
  }

  // MARK: distance

  /// Leeuwarden → Sneek is 20.986471544691593 km; f = 1 − d / D with D = min(maxTravelKm, maxKm).
  static let distanceCases: [(Double, Double?, Double)] = [
    (25, nil, 1 - 20.986471544691593 / 25),  // 0.16054113821233627
    (30, nil, 1 - 20.986471544691593 / 30),  // 0.30045094851028023
    (30, 25, 1 - 20.986471544691593 / 25),
    (25, 50, 1 - 20.986471544691593 / 25),
    (250, 21, 1 - 20.986471544691593 / 21),  // 0.0006441169194479
  ]

  @Test(arguments: distanceCases)
  func distance(travel: Double, maxKm: Double?, value: Double) throws {
    let answer = try Fixture.ask(
      Fixture.seeker { $0.maxTravelKm = travel }, Fixture.vacancy { $0.location = Fixture.sneek },
      options: Fixture.options { $0.filters.maxKm = maxKm })
    let f = try #require(answer.value(of: .distance))
    #expect(abs(f - value) < 1e-12)
    #expect(abs((answer.match?.explanation?.distanceKm ?? 0) - Fixture.leeuwardenSneekKm) < 1e-9)
  }

  @Test func distanceHaversineByHand() {
    // Δφ = −0.1687°, Δλ = −0.1410°, a = sin²(Δφ/2) + cos φ1 cos φ2 sin²(Δλ/2) = 2.7127e-6;
    // d = 2 · 6371 · asin(√a) = 20.98647154469159 km.
    #expect(abs(Fixture.leeuwarden.distanceKm(to: Fixture.sneek) - 20.986471544691593) < 1e-9)
    #expect(abs(Reference.haversineKm(Fixture.leeuwarden, Fixture.sneek) - 20.986471544691593) < 1e-9)
  }

  // MARK: hours

  /// f = min(s.max, v.max) / v.max; both minimums 0 so the ranges meet.
  @Test(arguments: [
    (25.5, 16.0, 1.0),
    (16, 25.5, 0.6274509803921569),  // 16 / 25.5
    (40, 40, 1),
    (12, 36, 1.0 / 3.0),
    (25.5, 40, 0.6375),
    (0.5, 40, 0.0125),
  ])
  func hours(seekerMax: Double, vacancyMax: Double, value: Double) throws {
    let answer = try Fixture.ask(
      Fixture.seeker { $0.hours = HourRange(min: 0, max: seekerMax) },
      Fixture.vacancy { $0.hours = HourRange(min: 0, max: vacancyMax) })
    #expect(answer.value(of: .hours) == value)
  }

  // MARK: preference

  /// The vacancy is a "schoonmaker" job; jobTypes and sectors both nil: no preferences at all.
  @Test(arguments: [
    (nil as [String]?, nil as [String]?, "onderwijs" as String?, 0.5),  // absent
    ([], [], "onderwijs", 0.5),  // both lists empty
    (["schoonmaker"], [], "onderwijs", 1),
    (["schoonmaker"], ["zorg"], "zorg", 1),
    (["tuinman"], ["onderwijs"], "onderwijs", 0.5),
    ([], ["onderwijs"], "onderwijs", 0.5),
    (["tuinman"], [], "onderwijs", 0),
    ([], ["onderwijs"], nil, 0),  // a vacancy without a sector is in none of them
    ([], ["zorg"], "onderwijs", 0),
    (["schoonmaker"], [], nil, 1),
    ([], ["caf\u{E9}"], "cafe\u{301}", 0),  // canonical twins are different codes
  ])
  func preference(jobTypes: [String]?, sectors: [String]?, sector: String?, value: Double) throws {
    let preferences = jobTypes.map { Seeker.Preferences(jobTypes: $0, sectors: sectors ?? []) }
    let answer = try Fixture.ask(
      Fixture.seeker { $0.preferences = preferences }, Fixture.vacancy { $0.sector = sector })
    #expect(answer.value(of: .preference) == value)
  }

  // MARK: experience

  static let experienceCases: [([String], Double)] = [
    ([], 0),
    (["schoonmaker"], 1),
    (["tuinman", "schoonmaker"], 1),
    (["tuinman"], 0),
    (["schoonmaker "], 0),
  ]

  @Test(arguments: experienceCases)
  func experience(experience: [String], value: Double) throws {
    let answer = try Fixture.ask(Fixture.seeker { $0.experience = experience }, Fixture.vacancy())
    #expect(answer.value(of: .experience) == value)
  }

  @Test func experienceComparesBytes() throws {
    let answer = try Fixture.ask(
      Fixture.seeker { $0.experience = ["conci\u{EB}rge"] }, Fixture.vacancy { $0.jobType = "concie\u{308}rge" })
    #expect(answer.value(of: .experience) == 0)
  }

  // MARK: start

  /// Offsets in days from "now"; nil: absent (now). f = 1 − max(0, available − start) / 90.
  @Test(arguments: [
    (nil as Int?, nil as Int?, 1.0),
    (45, 0, 0.5),
    (0, 30, 1),
    (90, 0, 0),
    (9, 0, 0.9),
    (-10, nil, 1),
    (30, -15, 0.5),
    (nil, -60, 1.0 / 3.0),
  ])
  func start(available: Int?, start: Int?, value: Double) throws {
    let answer = try Fixture.ask(
      Fixture.seeker { $0.availableFrom = Fixture.day(available) },
      Fixture.vacancy { $0.startDate = Fixture.day(start) })
    let f = try #require(answer.value(of: .start))
    #expect(abs(f - value) < 1e-15)
  }

  // MARK: score and explanation

  /// The two records of SPEC section 2: skills 1/3, distance 1 − 4.289234627556243/25, hours 1,
  /// preference 1, experience 0, start 1.
  @Test func specExamplePair() throws {
    let seeker = Seeker(
      id: "S-000123", region: "friesland", location: GeoPoint(lat: 53.2012, lon: 5.7999), maxTravelKm: 25,
      hours: HourRange(min: 12, max: 25.5), workdays: [.mon, .tue, .wed, .thu],
      availableFrom: Day(iso: "2026-12-01"), education: .pro,
      skills: ["schoonmaken", "koffie-zetten", "post-sorteren"], experience: ["kantine-medewerker"],
      needs: ["rustige-werkplek", "jobcoach"],
      preferences: Seeker.Preferences(jobTypes: ["concierge-assistent"], sectors: ["onderwijs"]),
      wageValue: 60, registered: true)
    let vacancy = Vacancy(
      id: "V-004211", employer: Vacancy.Employer(id: "E-0017", name: "SO Fryslân", type: .schoolbestuurVO),
      title: "Conciërge-assistent", jobType: "concierge-assistent", sector: "onderwijs", region: "friesland",
      location: GeoPoint(lat: 53.1642, lon: 5.7817), hours: HourRange(min: 16, max: 25.5),
      workdays: [.mon, .tue, .thu], startDate: Day(iso: "2027-01-04"), positions: 2,
      requiredSkills: ["schoonmaken"], preferredSkills: ["post-sorteren", "kopieerwerk", "klein-onderhoud"],
      minEducation: .none, offers: ["rustige-werkplek", "jobcoach", "vaste-structuur"], minWageValue: 40,
      banenafspraak: true)
    let answer = try Fixture.ask(seeker, vacancy, options: Fixture.options { $0.date = Day(iso: "2026-11-24")! })
    let match = try #require(answer.match)
    #expect(abs(match.score - 59.90194563128834) < 1e-9)
    #expect(match.unknown == [])
    let explanation = try #require(match.explanation)
    #expect(abs(explanation.distanceKm - 4.289234627556243) < 1e-9)
    #expect(explanation.matchedSkills == ["post-sorteren"])
    #expect(explanation.missingSkills == ["kopieerwerk", "klein-onderhoud"])
    let expected: [(Feature, Double, Double)] = [
      (.skills, 1.0 / 3.0, 0.40), (.distance, 1 - 4.289234627556243 / 25, 0.20), (.hours, 1, 0.15),
      (.preference, 1, 0.10), (.experience, 0, 0.10), (.start, 1, 0.05),
    ]
    #expect(explanation.contributions.map(\.feature) == expected.map(\.0))
    for (contribution, (feature, value, weight)) in zip(explanation.contributions, expected) {
      #expect(abs(contribution.value - value) < 1e-12, "\(feature)")
      #expect(contribution.weight == weight, "\(feature)")
      #expect(abs(contribution.points - 100 * weight * value) < 1e-9, "\(feature)")
    }
    #expect(abs(explanation.totalPoints - match.score) < 1e-9)
  }

  /// Score = 100 × Σ wᵢ·fᵢ / Σ wᵢ with the request's weights; the base pair has skills 1,
  /// distance 1, hours 1, preference 0.5, experience 0, start 1.
  static let weightCases: [([(String, Double)], Double)] = [
    ([("skills", 1.0), ("distance", 0), ("hours", 0), ("preference", 0), ("experience", 0), ("start", 0)], 100.0),
    ([("experience", 1), ("skills", 0), ("distance", 0), ("hours", 0), ("preference", 0), ("start", 0)], 0),
    ([("preference", 2), ("experience", 2), ("skills", 0), ("distance", 0), ("hours", 0), ("start", 0)], 25),
    ([("experience", 0.9)], 850.0 / 18.0),  // 100 × (0.4 + 0.2 + 0.15 + 0.05 + 0 + 0.05) / 1.8
    ([], 85),
  ]

  @Test(arguments: weightCases)
  func scoreUsesTheRequestWeights(named: [(String, Double)], score: Double) throws {
    let weights = try Weights(overriding: named.map { (name: $0.0, value: $0.1) })
    let answer = try Fixture.ask(Fixture.seeker(), Fixture.vacancy(), options: Fixture.options { $0.weights = weights })
    let match = try #require(answer.match)
    #expect(abs(match.score - score) < 1e-9)
    let contributions = try #require(match.explanation?.contributions)
    for contribution in contributions {
      #expect(contribution.weight == weights[contribution.feature])
      #expect(abs(contribution.points - 100 * contribution.weight * contribution.value / weights.total) < 1e-12)
    }
    #expect(abs(contributions.reduce(0) { $0 + $1.points } - match.score) < 1e-9)
  }

  @Test func noExplanationUnlessAsked() throws {
    let answer = try Fixture.ask(
      Fixture.seeker {
        $0.hours.max = 8
        $0.hours.min = 0
      }, Fixture.vacancy { $0.hours.min = 0 },
      options: Fixture.options { $0.explain = false })
    #expect(answer.match?.explanation == nil)
    let miss = try Fixture.ask(
      Fixture.seeker { $0.maxTravelKm = 1 }, Fixture.vacancy { $0.location = Fixture.sneek },
      options: Fixture.options { $0.explain = false })
    #expect(miss.nearMiss != nil && miss.nearMiss?.explanation == nil)
  }

  /// Ties are broken by the UTF-8 bytes of the id, not by Swift's string order.
  @Test func tiesRankByIDBytes() throws {
    let ids = ["V-10", "V-9", "V-\u{E9}", "V-e\u{301}", "V-Z", "V-a", "v-0", "V-\u{1F9F9}", "V-1"]
    var index = MatchIndex()
    try index.upsert(seekers: [Fixture.seeker()])
    try index.upsert(vacancies: ids.map { id in Fixture.vacancy { $0.id = id } })
    let results = try index.vacancies(forSeekerID: "S-1", options: Fixture.options { $0.limit = 100 })
    let sorted = ids.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    #expect(sameIDs(results.matches.map(\.id), sorted), "\(describe(results.matches.map(\.id)))")
    #expect(Set(results.matches.map(\.score)).count == 1)
    #expect(results.feasible == ids.count)

    let limited = try index.vacancies(forSeekerID: "S-1", options: Fixture.options { $0.limit = 3 })
    #expect(sameIDs(limited.matches.map(\.id), Array(sorted.prefix(3))))
    #expect(limited.feasible == ids.count)
  }

  // MARK: weights validation

  static let invalidWeightCases: [([(String, Double)], [String])] = [
    ([("skills", -1.0)], ["weights.skills"]),
    ([("distance", Double.nan)], ["weights.distance"]),
    ([("hours", Double.infinity)], ["weights.hours"]),
    ([("start", -0.0001), ("preference", -2)], ["weights.preference", "weights.start"]),
    ([("salary", 1)], ["weights.salary"]),
    ([("Skills", 1)], ["weights.Skills"]),
    ([("skills", 0), ("distance", 0), ("hours", 0), ("preference", 0), ("experience", 0), ("start", 0)], ["weights"]),
  ]

  @Test(arguments: invalidWeightCases)
  func invalidWeights(named: [(String, Double)], paths: [String]) {
    let error = #expect(throws: ValidationError.self) {
      _ = try Weights(overriding: named.map { (name: $0.0, value: $0.1) })
    }
    #expect(Set(error?.errors.map(\.path) ?? []) == Set(paths))
  }

  static let validWeightCases: [[(String, Double)]] = [
    [("skills", 0.0)],
    [("skills", 0), ("distance", 0), ("hours", 0), ("preference", 0), ("experience", 0), ("start", 1e-9)],
    [("experience", 1000)],
  ]

  @Test(arguments: validWeightCases)
  func validWeights(named: [(String, Double)]) throws {
    let weights = try Weights(overriding: named.map { (name: $0.0, value: $0.1) })
    for (name, value) in named { #expect(weights[Feature(rawValue: name)!] == value) }
    #expect(weights.validationErrors().isEmpty)
  }

  @Test func weightsAllZeroRejectedByAQuery() throws {
    var options = Fixture.options()
    options.weights = Weights(skills: 0, distance: 0, hours: 0, preference: 0, experience: 0, start: 0)
    var index = MatchIndex()
    try index.upsert(seekers: [Fixture.seeker()])
    let error = #expect(throws: MatchError.self) {
      _ = try index.vacancies(forSeekerID: "S-1", options: options)
    }
    guard case .invalid(let validation)? = error else {
      Issue.record("want .invalid, got \(String(describing: error))")
      return
    }
    #expect(validation.errors.map(\.path) == ["weights"])
  }
}
