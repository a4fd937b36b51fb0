import BanenmatchTestSupport
import Testing

@testable import Banenmatch

#if canImport(Glibc)
  import Glibc
#endif

/// The engine against the plain reference of `BanenmatchTestSupport`, on seeded random data:
/// every field of every answer, both directions, by id and inline.
@Suite struct EngineAgreesWithReferenceTests {
  static let seeds: [UInt64] = [1, 2, 3, 42, 20_260_615, 0xDEAD_BEEF]
  static let queriesPerSeed = 2_000
  /// Issues recorded per seed before the rest of its failures are only counted.
  static let reportLimit = 8

  /// The reference with the engine's own distance function (SPEC allows one within 0.05 km of
  /// the haversine; this one is checked against glibc's haversine below and in GeoMathTests),
  /// so that near-ties fall the same way and the order can be compared exactly.
  static func referenceWithEngineDistance() -> ReferenceMatcher {
    ReferenceMatcher(distanceKm: { $0.distanceKm(to: $1) })
  }

  @Test(arguments: seeds)
  func engineAgreesWithReference(seed: UInt64) throws {
    var rng = SplitMix64(seed: seed)
    let world = try RandomWorld(
      seekers: 150, vacancies: 60, reference: Self.referenceWithEngineDistance(), using: &rng)
    Self.expectAgreement(world, seed: seed, using: &rng)
  }

  /// Vocabularies larger than a row's inline bits (256 skills, 64 of each other code space):
  /// a prelude of far-away records interns filler codes first, so that the random records'
  /// codes straddle the limits and many live in the rows' overflow. Three skills sit 32 codes
  /// after three others, so that they share bits when folded to 32 (as the index's entries do).
  @Test(arguments: seeds.prefix(3))
  func engineAgreesWithReferenceWithLargeVocabularies(seed: UInt64) throws {
    var rng = SplitMix64(seed: seed ^ 0xB16)
    let world = try RandomWorld(
      seekers: 150, vacancies: 60, reference: Self.referenceWithEngineDistance(),
      prelude: Self.largeVocabularyPrelude(), using: &rng)
    Self.expectAgreement(world, seed: seed, using: &rng)
  }

  /// A far-away seeker and vacancy whose filler codes fill the code spaces past a row's
  /// inline bits, so that the random records' codes straddle them.
  static func largeVocabularyPrelude() -> (seekers: [Seeker], vacancies: [Vacancy]) {
    func filler(_ prefix: String, _ count: Int) -> [String] { (0..<count).map { "\(prefix)-\($0)" } }
    let far = GeoPoint(lat: -33.9, lon: 151.2)
    let seeker = Seeker(
      id: "S-vocabulaire", location: far, maxTravelKm: 10, hours: HourRange(min: 0, max: 40),
      skills: RandomData.skills.prefix(3) + filler("vaardigheid", 29) + RandomData.skills[3..<6]
        + filler("vaardigheid-b", 218),
      experience: filler("beroep", 62) + RandomData.jobTypes.prefix(1),
      needs: filler("voorziening", 62) + RandomData.accommodations.prefix(2),
      preferences: Seeker.Preferences(
        jobTypes: Array(RandomData.jobTypes[1...1]), sectors: filler("sector", 63) + RandomData.sectors.prefix(1)))
    let vacancy = Vacancy(
      id: "V-vocabulaire", employer: Vacancy.Employer(id: "E-1", type: .markt), jobType: "beroep-0", location: far,
      hours: HourRange(min: 0, max: 40), offers: filler("voorziening", 70))
    return ([seeker], [vacancy])
  }

  /// More job types than near misses pick from by selection (`NearMissGroups.selectionLimit`
  /// groups, two per job type): a far-away prelude of 200 vacancies, each of its own job type,
  /// puts every random one past them, so the groups are sorted once per query instead. Some
  /// job types only a seeker names (none of their groups has a pair).
  @Test(arguments: seeds.prefix(3))
  func engineAgreesWithReferenceWithManyJobTypes(seed: UInt64) throws {
    var rng = SplitMix64(seed: seed ^ 0x70B)
    let far = GeoPoint(lat: -33.9, lon: 151.2)
    let seeker = Seeker(
      id: "S-beroepen", location: far, maxTravelKm: 10, hours: HourRange(min: 0, max: 40),
      experience: (0..<40).map { "alleen-gezocht-\($0)" })
    let vacancies = (0..<200).map { k in
      Vacancy(
        id: "V-beroep-\(k)", employer: Vacancy.Employer(id: "E-1", type: .markt), jobType: "beroep-\(k)",
        location: GeoPoint(lat: far.lat + Double(k % 10) * 0.01, lon: far.lon), hours: HourRange(min: 4, max: 24))
    }
    #expect(2 * (200 + RandomData.jobTypes.count) > NearMissGroups.selectionLimit)
    let world = try RandomWorld(
      seekers: 150, vacancies: 60, reference: Self.referenceWithEngineDistance(), prelude: ([seeker], vacancies),
      using: &rng)
    Self.expectAgreement(world, seed: seed, using: &rng)
  }

  /// Removals of more ids than `MatchIndex.bulkRemoveThreshold` take the records out together
  /// and lay the rest out anew: 1,100 of 1,500 seekers (with repeats and unknown ids), and
  /// 1,030 vacancy ids of which most are unknown, then new records and queries.
  @Test(arguments: seeds.prefix(2))
  func engineAgreesWithReferenceAfterBulkRemovals(seed: UInt64) throws {
    var rng = SplitMix64(seed: seed ^ 0xB0_1C)
    var world = try RandomWorld(
      seekers: 1_500, vacancies: 300, reference: Self.referenceWithEngineDistance(), using: &rng)
    var seekerIDs = Array(world.seekerIDs.shuffled(using: &rng).prefix(1_090))
    seekerIDs += seekerIDs.prefix(5) + (0..<5).map { "S-onbekend-\($0)" }
    #expect(seekerIDs.count >= MatchIndex.bulkRemoveThreshold(world.index.seekerCount))
    world.removeSeekers(ids: seekerIDs)
    let vacancyIDs = Array(world.vacancyIDs.shuffled(using: &rng).prefix(100)) + (0..<930).map { "V-weg-\($0)" }
    world.removeVacancies(ids: vacancyIDs)
    try world.upsert(seekers: (0..<40).map { world.data.seeker(id: "S-nieuw-\($0)", using: &rng) })
    try world.upsert(vacancies: (0..<20).map { world.data.vacancy(id: "V-nieuw-\($0)", using: &rng) })
    Self.expectAgreement(world, seed: seed, using: &rng, queries: 1_000)
  }

  /// One vacancy search prepared for many seekers, as `match.batch` does: every seeker's
  /// answer against the reference, so the compiled filters and the count of candidates must
  /// hold for all of them, not only for the seeker a search was made for.
  @Test(arguments: seeds.prefix(3))
  func aSearchPreparedOnceAnswersEverySeeker(seed: UInt64) throws {
    var rng = SplitMix64(seed: seed ^ 0xBA7C)
    let world = try RandomWorld(
      seekers: 150, vacancies: 60, reference: Self.referenceWithEngineDistance(), using: &rng)
    var failures: [String] = []
    var (answers, matched) = (0, 0)
    for _ in 0..<20 {
      let options = world.data.options(direction: .vacanciesForSeeker, otherIDs: world.vacancyIDs, using: &rng)
      let search = try world.index.prepareVacancySearch(options)
      for seeker in world.reference.seekers {
        let engine = try world.index.vacancies(forSeekerID: seeker.id, search: search)
        let problems = differences(engine, world.reference.vacancies(for: seeker, options: options))
        if !problems.isEmpty { failures.append("\(seeker.id) with \(options): \(problems.prefix(3))") }
        answers += 1
        matched += engine.matches.count
      }
    }
    #expect(failures.isEmpty, "seed \(seed): \(failures.count) of \(answers) differ: \(failures.prefix(3))")
    #expect(matched > answers / 2, "seed \(seed): \(matched) matches in \(answers) answers")
  }

  /// Skills that share a bit when folded to 32, as the seekers' grid entries fold them, with
  /// few accommodations (so that entries can tell a pair feasible without its row): six skills
  /// sit 32 codes after the other six, interned by a far-away prelude seeker.
  @Test(arguments: seeds.prefix(3))
  func engineAgreesWithReferenceWhenFoldedSkillsCollide(seed: UInt64) throws {
    var rng = SplitMix64(seed: seed ^ 0xF01D)
    let seeker = Seeker(
      id: "S-vouwen", location: GeoPoint(lat: -33.9, lon: 151.2), maxTravelKm: 10, hours: HourRange(min: 0, max: 40),
      skills: RandomData.skills.prefix(6) + (0..<26).map { "vaardigheid-\($0)" } + RandomData.skills[6..<12])
    let world = try RandomWorld(
      seekers: 150, vacancies: 60, reference: Self.referenceWithEngineDistance(), prelude: ([seeker], []),
      using: &rng)
    Self.expectAgreement(world, seed: seed, using: &rng)
  }

  /// The entries bound a pair's matched preferred skills by their skills folded to 32 bits;
  /// two preferred skills that share a bit must still count twice. Here "a" and "b" are
  /// codes 0 and 32: the worse of two seekers holding both is seen first and fills the list
  /// of one; the better, seen next, must replace her.
  @Test func matchedSkillsThatShareAFoldedBitCountTwice() throws {
    var index = MatchIndex()
    let far = GeoPoint(lat: -33.9, lon: 151.2)
    let fillers = (0..<31).map { "vaardigheid-\($0)" }
    let hours = HourRange(min: 0, max: 40)
    func seeker(_ id: String, _ lat: Double) -> Seeker {
      Seeker(
        id: id, location: GeoPoint(lat: lat, lon: 5.0), maxTravelKm: 20, hours: hours, skills: ["a", "b"],
        experience: ["schoonmaak"])
    }
    try index.upsert(seekers: [
      Seeker(id: "S-0", location: far, maxTravelKm: 5, hours: hours, skills: ["a"] + fillers + ["b"]),
      // South of the vacancy (visited first) and farther; north and nearer.
      seeker("S-1", 51.95), seeker("S-2", 52.02),
    ])
    try index.upsert(vacancies: [
      Vacancy(
        id: "V-1", employer: Vacancy.Employer(id: "E-1", type: .markt), jobType: "schoonmaak",
        location: GeoPoint(lat: 52.0, lon: 5.0), hours: HourRange(min: 8, max: 16), preferredSkills: ["a", "b"])
    ])
    let results = try index.seekers(forVacancyID: "V-1", options: MatchOptions(date: Day(iso: "2026-12-01")!, limit: 1))
    #expect(results.feasible == 2)
    #expect(results.matches.map(\.id) == ["S-2"])
  }

  /// The same layout by the antimeridian, by the north pole and in the far south, where the
  /// grid cannot bound a window and every record is visited.
  @Test(arguments: [
    GeoPoint(lat: -16.9, lon: 179.95), GeoPoint(lat: 89.6, lon: 20), GeoPoint(lat: -89.7, lon: -120),
    GeoPoint(lat: 0.2, lon: -179.9),
  ])
  func engineAgreesWithReferenceAtTheEdgesOfTheMap(origin: GeoPoint) throws {
    var rng = SplitMix64(seed: UInt64(bitPattern: Int64(origin.lat * 1000)) ^ 0xED6E)
    let world = try RandomWorld(
      seekers: 150, vacancies: 60, data: RandomData(origin: origin), reference: Self.referenceWithEngineDistance(),
      using: &rng)
    Self.expectAgreement(world, seed: 0, using: &rng, queries: 800)
  }

  /// An index loaded in bulk (records stored in pieces, then laid out by position at once, as
  /// `--data` loads, its columns moved on threads of their own) answers like the reference, and
  /// keeps doing so through later upserts and removes, which renumber its slots.
  @Test(arguments: seeds.prefix(3))
  func bulkLoadedIndexAgreesWithReference(seed: UInt64) throws {
    var rng = SplitMix64(seed: seed ^ 0xB01C)
    var world = try RandomWorld(
      seekers: 150, vacancies: 60, reference: Self.referenceWithEngineDistance(), using: &rng)
    var bulk = MatchIndex()
    let seekers = world.reference.seekers.shuffled(using: &rng)
    let vacancies = world.reference.vacancies.shuffled(using: &rng)
    // A stale version first, overwritten by the real one in a later piece.
    bulk.upsert(validatedSeekers: [world.data.seeker(id: seekers[0].id, using: &rng)], countingAsWrite: false)
    bulk.upsert(validatedSeekers: Array(seekers[..<70]), countingAsWrite: false)
    bulk.upsert(validatedVacancies: Array(vacancies[..<30]), countingAsWrite: false)
    bulk.upsert(validatedSeekers: Array(seekers[70...]), countingAsWrite: false)
    bulk.upsert(validatedVacancies: Array(vacancies[30...]), countingAsWrite: false)
    bulk.countWrites(world.index.version, parallel: Self.onThreads)
    world.index = bulk
    Self.expectAgreement(world, seed: seed, using: &rng, queries: 600)

    for round in 0..<3 {
      try Self.writeRound(&world, newVacancy: "V-nieuw-\(round)", using: &rng)
      Self.expectAgreement(world, seed: seed, using: &rng, queries: 300)
    }
  }

  /// Writes of every kind: eight seekers removed (four written back anew), four vacancies
  /// removed, and a new vacancy with this id.
  static func writeRound(_ world: inout RandomWorld, newVacancy id: String, using rng: inout SplitMix64) throws {
    let gone = (0..<8).map { _ in rng.pick(world.seekerIDs) }
    world.removeSeekers(ids: gone)
    world.removeVacancies(ids: (0..<4).map { _ in rng.pick(world.vacancyIDs) })
    try world.upsert(seekers: gone.prefix(4).map { world.data.seeker(id: $0, using: &rng) })
    try world.upsert(vacancies: [world.data.vacancy(id: id, using: &rng)])
    world.vacancyIDs.append(id)
  }

  /// Every `body(i)` on a thread of its own (`BanenmatchTestSupport.onThreads`): under the
  /// test runner, `concurrentPerform` ran every iteration on one thread.
  static func onThreads(_ count: Int, _ body: @Sendable (Int) -> Void) { BanenmatchTestSupport.onThreads(count, body) }

  /// A vacancy query whose scan is split over threads (`QueryThreads`, here every one that
  /// may be, in 2 and 3 parts on threads of their own) answers like the reference, with
  /// every option.
  @Test(arguments: [(seeds[0], 2), (seeds[1], 3), (seeds[3], 2)])
  func splitScansAgreeWithReference(seed: UInt64, parts: Int) throws {
    var rng = SplitMix64(seed: seed ^ 0x5B11)
    var world = try RandomWorld(
      seekers: 150, vacancies: 60, reference: Self.referenceWithEngineDistance(), using: &rng)
    let splits = SplitCounter()
    world.index.queryThreads = QueryThreads(count: parts, minimumEntries: 0) { count, body in
      splits.value += 1
      Self.onThreads(count, body)
    }
    Self.expectAgreement(world, seed: seed, using: &rng, queries: 1_000)
    // About half the queries ask for seekers; those for a vacancy requiring no skill (which
    // reads everyone within reach) are split: 272–280 of them in these runs.
    #expect(splits.value > 150, "seed \(seed): \(splits.value) split scans")
  }

  /// How many queries split their scan: counted by the thread that runs the query (the
  /// test's), never by the parts.
  final class SplitCounter: @unchecked Sendable {
    var value = 0
  }

  /// One public upsert of many records takes the bulk path too.
  @Test func largePublicUpsertAgreesWithReference() throws {
    var rng = SplitMix64(seed: 77)
    var world = try RandomWorld(seekers: 20, vacancies: 60, reference: Self.referenceWithEngineDistance(), using: &rng)
    let many = world.data.seekers(count: 1_100, using: &rng).enumerated().map { number, seeker in
      var seeker = seeker
      seeker.id = "B-\(number)"
      return seeker
    }
    try world.upsert(seekers: many)
    world.seekerIDs += many.map(\.id)
    Self.expectAgreement(world, seed: 77, using: &rng, queries: 400)
  }

  /// Runs random queries on `world` and records every disagreement with the reference.
  static func expectAgreement(
    _ world: RandomWorld, seed: UInt64, using rng: inout SplitMix64, queries: Int = queriesPerSeed,
    sourceLocation: SourceLocation = #_sourceLocation
  ) {
    let recordProblems = world.recordDifferences()
    #expect(recordProblems.isEmpty, "seed \(seed): records differ: \(recordProblems.prefix(5))")

    var failures = 0
    var ran = (byID: 0, inline: 0, unknownID: 0, matches: 0, nearMisses: 0)
    for query in 0..<queries {
      let outcome = Self.runQuery(world, using: &rng)
      switch outcome.kind {
      case .byID: ran.byID += 1
      case .inline: ran.inline += 1
      case .unknownID: ran.unknownID += 1
      }
      ran.matches += outcome.matches
      ran.nearMisses += outcome.nearMisses
      if !outcome.problems.isEmpty {
        failures += 1
        if failures <= Self.reportLimit {
          Issue.record(
            "seed \(seed) query \(query) (\(outcome.label)): \(outcome.problems.prefix(6).joined(separator: "; "))",
            sourceLocation: sourceLocation)
        }
      }
    }
    #expect(failures == 0, "seed \(seed): \(failures) of \(queries) queries disagree", sourceLocation: sourceLocation)
    // The data must be interesting: plenty of matches, near misses and every way of asking.
    let scale = Double(queries) / Double(queriesPerSeed)
    #expect(
      Double(ran.byID) > 500 * scale && Double(ran.inline) > 500 * scale && Double(ran.unknownID) > 20 * scale,
      "seed \(seed): \(ran)", sourceLocation: sourceLocation)
    #expect(
      Double(ran.matches) > 2_000 * scale && Double(ran.nearMisses) > 1_000 * scale, "seed \(seed): \(ran)",
      sourceLocation: sourceLocation)
  }

  /// The same records inserted in other orders and batches give identical answers.
  @Test(arguments: seeds.prefix(3))
  func insertionOrderDoesNotMatter(seed: UInt64) throws {
    var rng = SplitMix64(seed: seed ^ 0x5EED)
    let world = try RandomWorld(
      seekers: 150, vacancies: 60, reference: Self.referenceWithEngineDistance(), using: &rng)

    var oneByOne = MatchIndex()
    for seeker in world.reference.seekers.shuffled(using: &rng) { try oneByOne.upsert(seekers: [seeker]) }
    for vacancy in world.reference.vacancies.shuffled(using: &rng) { try oneByOne.upsert(vacancies: [vacancy]) }
    var reversed = MatchIndex()
    try reversed.upsert(vacancies: world.reference.vacancies.reversed())
    try reversed.upsert(seekers: world.reference.seekers.reversed())

    for query in 0..<300 {
      let seekerQuery = rng.chance(0.5)
      let options = world.data.options(
        direction: seekerQuery ? .vacanciesForSeeker : .seekersForVacancy,
        otherIDs: seekerQuery ? world.vacancyIDs : world.seekerIDs, using: &rng)
      let ask: (MatchIndex) throws -> MatchResults
      if seekerQuery {
        let seeker =
          rng.chance(0.5)
          ? rng.pick(world.reference.seekers) : world.data.seeker(id: "S-inline", exotic: true, using: &rng)
        ask = { try $0.vacancies(for: seeker, options: options) }
      } else {
        let vacancy =
          rng.chance(0.5)
          ? rng.pick(world.reference.vacancies) : world.data.vacancy(id: "V-inline", exotic: true, using: &rng)
        ask = { try $0.seekers(for: vacancy, options: options) }
      }
      let first = try ask(world.index)
      for other in [oneByOne, reversed] {
        var answer = try ask(other)
        #expect(answer.indexVersion == other.version)
        answer.indexVersion = first.indexVersion
        let same =
          answer == first && sameIDs(answer.matches.map(\.id), first.matches.map(\.id))
          && sameIDs(answer.nearMisses.map(\.id), first.nearMisses.map(\.id))
        #expect(same, "seed \(seed) query \(query): answers depend on insertion order")
        if !same { return }
      }
    }
  }

  // MARK: One random query

  enum Kind { case byID, inline, unknownID }

  struct Outcome {
    var kind: Kind
    var label: String
    var problems: [String]
    var matches = 0
    var nearMisses = 0
  }

  static func runQuery(_ world: RandomWorld, using rng: inout SplitMix64) -> Outcome {
    let data = world.data
    let reference = world.reference
    let index = world.index
    let seekerQuery = rng.chance(0.5)
    let options = data.options(
      direction: seekerQuery ? .vacanciesForSeeker : .seekersForVacancy,
      otherIDs: seekerQuery ? world.vacancyIDs : world.seekerIDs, using: &rng)
    let roll = Int.random(in: 0..<40, using: &rng)
    let kind: Kind = roll < 2 ? .unknownID : roll < 21 ? .byID : .inline
    let direction = seekerQuery ? "vacanciesForSeeker" : "seekersForVacancy"

    do throws(MatchError) {
      let engine: MatchResults
      let expected: ReferenceResults
      var label: String
      let pairs: (String) -> (Seeker, Vacancy)?
      if seekerQuery {
        switch kind {
        case .unknownID:
          let id = world.seekerIDs.filter { reference.seeker(id: $0) == nil }.randomElement(using: &rng) ?? "S-onbekend"
          return unknownIDOutcome(id, label: "\(direction) unknown id") { () throws(MatchError) in
            _ = try index.vacancies(forSeekerID: id, options: options)
          }
        case .byID:
          let seeker = rng.pick(reference.seekers)
          label = "\(direction) by id \(describe([seeker.id]))"
          engine = try index.vacancies(forSeekerID: seeker.id, options: options)
          expected = reference.vacancies(for: seeker, options: options)
          pairs = { id in reference.vacancy(id: id).map { (seeker, $0) } }
        case .inline:
          let id = rng.chance(0.5) ? rng.pick(world.seekerIDs) : "S-inline-\u{E9}"
          let seeker = data.seeker(id: id, exotic: rng.chance(0.5), using: &rng)
          label = "\(direction) inline \(seeker)"
          engine = try index.vacancies(for: seeker, options: options)
          expected = reference.vacancies(for: seeker, options: options)
          pairs = { id in reference.vacancy(id: id).map { (seeker, $0) } }
        }
      } else {
        switch kind {
        case .unknownID:
          let id =
            world.vacancyIDs.filter { reference.vacancy(id: $0) == nil }.randomElement(using: &rng) ?? "V-onbekend"
          return unknownIDOutcome(id, label: "\(direction) unknown id") { () throws(MatchError) in
            _ = try index.seekers(forVacancyID: id, options: options)
          }
        case .byID:
          let vacancy = rng.pick(reference.vacancies)
          label = "\(direction) by id \(describe([vacancy.id]))"
          engine = try index.seekers(forVacancyID: vacancy.id, options: options)
          expected = reference.seekers(for: vacancy, options: options)
          pairs = { id in reference.seeker(id: id).map { ($0, vacancy) } }
        case .inline:
          let id = rng.chance(0.5) ? rng.pick(world.vacancyIDs) : "V-inline-\u{E9}"
          let vacancy = data.vacancy(id: id, exotic: rng.chance(0.5), using: &rng)
          label = "\(direction) inline \(vacancy)"
          engine = try index.seekers(for: vacancy, options: options)
          expected = reference.seekers(for: vacancy, options: options)
          pairs = { id in reference.seeker(id: id).map { ($0, vacancy) } }
        }
      }
      label += " options \(options)"
      var problems = differences(engine, expected)
      // The engine's km against glibc's haversine, for every pair it explains.
      let explained =
        engine.matches.compactMap { m in m.explanation.map { (m.id, $0) } }
        + engine.nearMisses.compactMap { m in m.explanation.map { (m.id, $0) } }
      for (id, explanation) in explained {
        guard let pair = pairs(id) else {
          problems.append("\(describe([id])) is not in the reference")
          continue
        }
        let haversine = Reference.haversineKm(pair.0.location, pair.1.location)
        if !(abs(explanation.distanceKm - haversine) <= 1e-9) {
          problems.append("\(describe([id])) distanceKm \(explanation.distanceKm), haversine \(haversine)")
        }
      }
      return Outcome(
        kind: kind, label: label, problems: problems, matches: engine.matches.count,
        nearMisses: engine.nearMisses.count)
    } catch {
      return Outcome(kind: kind, label: "\(direction) options \(options)", problems: ["threw \(error)"])
    }
  }

  static func unknownIDOutcome(_ id: String, label: String, _ body: () throws(MatchError) -> Void) -> Outcome {
    do throws(MatchError) {
      try body()
      return Outcome(kind: .unknownID, label: label, problems: ["no error for unknown id \(describe([id]))"])
    } catch {
      let ok = error == .unknownID(id)
      return Outcome(kind: .unknownID, label: label, problems: ok ? [] : ["threw \(error), want unknownID"])
    }
  }
}
