import BanenmatchTestSupport
import Testing

@testable import Banenmatch

/// A long-running index forgets the codes its records no longer use (SPEC section 4: no input
/// makes memory grow without bound), and answers exactly as before.
@Suite struct UnusedCodesTests {
  /// A vacancy far from everyone with codes and texts of its own: `codes` skills, a job type,
  /// a sector, an accommodation, an employer id, name and title.
  static func churnVacancy(_ n: Int, codes: Int) -> Vacancy {
    Vacancy(
      id: "X-\(n)", employer: Vacancy.Employer(id: "E-x\(n)", name: "Werkgever \(n)", type: .overheid),
      title: "Functie \(n)", jobType: "beroep-x\(n)", sector: "sector-x\(n)",
      location: GeoPoint(lat: -33.9, lon: 151.2),
      hours: HourRange(min: 8, max: 16), requiredSkills: (0..<codes).map { "vaardigheid-\(n)-\($0)" },
      offers: ["voorziening-x\(n)"])
  }

  /// Writes and removes `rounds` batches of churn vacancies, through the public API, starting
  /// at number `first`; returns the largest code count seen after a write.
  static func churn(_ index: inout MatchIndex, rounds: Int, batch: Int, codes: Int, first: Int = 0) throws -> Int {
    var largest = 0
    for round in 0..<rounds {
      let vacancies = (0..<batch).map { churnVacancy(first + round * batch + $0, codes: codes) }
      try index.upsert(vacancies: vacancies)
      largest = max(largest, index.codeCount)
      #expect(index.removeVacancies(ids: vacancies.map(\.id)) == batch)
      largest = max(largest, index.codeCount)
    }
    return largest
  }

  /// The index built afresh from the same records: its vocabulary holds exactly the codes
  /// they use.
  static func fresh(_ index: MatchIndex) throws -> MatchIndex {
    var fresh = MatchIndex()
    try fresh.upsert(seekers: index.seekers)
    try fresh.upsert(vacancies: index.vacancies)
    return fresh
  }

  @Test func churnKeepsTheVocabularyBoundedAndTheRecordsAsWritten() throws {
    var rng = SplitMix64(seed: 7)
    let world = try RandomWorld(seekers: 150, vacancies: 60, using: &rng)
    var index = world.index
    let (seekersBefore, vacanciesBefore) = (index.seekers, index.vacancies)
    let live = try Self.fresh(index).codeCount
    #expect(index.usedCodeCount == live)
    let (versionBefore, statsBefore) = (index.version, index.stats())

    // 31 codes and texts a vacancy (25 skills), 100 a round: 3,100 a round, 620,000 in all.
    let largest = try Self.churn(&index, rounds: 200, batch: 100, codes: 25)
    #expect(index.version == versionBefore + 400)
    // Checked after each write once at the floor: never past it by more than a round's codes.
    #expect(largest < MatchIndex.forgettingFloor + 3_100, "largest \(largest)")
    #expect(index.codeCount < MatchIndex.forgettingFloor, "codes \(index.codeCount)")
    #expect(index.usedCodeCount == live)
    // The same counts (the vocabulary's too: the codes used), at a later version.
    var stats = index.stats()
    stats.version = versionBefore
    #expect(stats == statsBefore)
    // The records come back as they were written.
    #expect(index.seekers.sorted { $0.id < $1.id } == seekersBefore.sorted { $0.id < $1.id })
    #expect(index.vacancies.sorted { $0.id < $1.id } == vacanciesBefore.sorted { $0.id < $1.id })
  }

  /// Codes still in use are never forgotten, however many: the vocabulary keeps growing with
  /// the records, and is not built anew (which would number the seeker's codes, laid out
  /// first, before the vacancies' codes interned before hers).
  @Test func usedCodesAreKept() throws {
    var index = MatchIndex()
    for round in 0..<8 {
      try index.upsert(vacancies: (0..<100).map { Self.churnVacancy(round * 100 + $0, codes: 100) })
      if round == 0 {
        try index.upsert(seekers: [
          Seeker(
            id: "S-1", location: GeoPoint(lat: 52, lon: 5), maxTravelKm: 10, hours: HourRange(min: 0, max: 40),
            skills: ["eigen-vaardigheid"])
        ])
      }
    }
    #expect(index.codeCount > MatchIndex.forgettingFloor)
    #expect(index.usedCodeCount == index.codeCount)
    #expect(index.vacancyCount == 800)
    #expect(index.vocabulary.skills.codes.first == "vaardigheid-0-0")
    #expect(index.vocabulary.skills.codes[10_000] == "eigen-vaardigheid")
  }

  /// Every field that holds a code or a text counts as a use: one seeker and one vacancy, each
  /// with codes of its own in every field; removing one forgets exactly its own.
  @Test func everyFieldWithACodeIsAUse() throws {
    var index = MatchIndex()
    let seeker = Seeker(
      id: "S-1", region: "regio-s", location: GeoPoint(lat: 52, lon: 5), maxTravelKm: 10,
      hours: HourRange(min: 0, max: 40), skills: ["vaardigheid-s"], experience: ["beroep-s-ervaring"],
      needs: ["voorziening-s"],
      preferences: Seeker.Preferences(jobTypes: ["beroep-s-voorkeur"], sectors: ["sector-s"]))
    let vacancy = Vacancy(
      id: "V-1", employer: Vacancy.Employer(id: "E-v", name: "Werkgever v", type: .markt), title: "Functie v",
      jobType: "beroep-v", sector: "sector-v", region: "regio-v", location: GeoPoint(lat: 52, lon: 5),
      hours: HourRange(min: 8, max: 16), requiredSkills: ["vaardigheid-v-vereist"],
      preferredSkills: ["vaardigheid-v-gewenst"], offers: ["voorziening-v"])
    try index.upsert(seekers: [seeker])
    try index.upsert(vacancies: [vacancy])
    // Seeker: 6 codes; vacancy: 6 codes and 3 texts.
    #expect(index.codeCount == 15)
    #expect(index.usedCodeCount == 15)
    index.removeSeekers(ids: ["S-1"])
    #expect(index.usedCodeCount == 9)
    try index.upsert(seekers: [seeker])
    index.removeVacancies(ids: ["V-1"])
    #expect(index.usedCodeCount == 6)
    #expect(index.stats().vocabulary.map(\.count) == [1, 1, 2, 1, 1])
  }

  /// After the churn has made the index forget its unused codes (so renumbered every code it
  /// keeps), answers agree with the reference, by id and inline, with every option.
  @Test(arguments: EngineAgreesWithReferenceTests.seeds.prefix(2))
  func engineAgreesWithReferenceAfterUnusedCodesAreForgotten(seed: UInt64) throws {
    var rng = SplitMix64(seed: seed ^ 0xF0_4637)
    var world = try RandomWorld(
      seekers: 150, vacancies: 60, reference: EngineAgreesWithReferenceTests.referenceWithEngineDistance(),
      using: &rng)
    let skillsBefore = world.index.vocabulary.skills.codes
    // Through the world, so that the reference counts the same writes.
    for round in 0..<30 {
      let vacancies = (0..<100).map { Self.churnVacancy(round * 100 + $0, codes: 25) }
      try world.upsert(vacancies: vacancies)
      world.removeVacancies(ids: vacancies.map(\.id))
    }
    // Forgotten (93,000 codes written, fewer kept than the floor): the index was built anew
    // from its records, every code it kept numbered again.
    #expect(world.index.codeCount < MatchIndex.forgettingFloor)
    #expect(Set(skillsBefore).isSubset(of: world.index.vocabulary.skills.codes))
    EngineAgreesWithReferenceTests.expectAgreement(world, seed: seed, using: &rng, queries: 600)
  }

  /// A search prepared for match.batch belongs to one layout: a copy of the index that has
  /// seen as many writes (the same version) but other records must refuse it.
  @Test func aSearchPreparedForOneIndexIsRefusedByACopyWithOtherWrites() async throws {
    let result = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
      var rng = SplitMix64(seed: 3)
      let world = try RandomWorld(seekers: 20, vacancies: 20, using: &rng)
      var (a, b) = (world.index, world.index)
      try a.upsert(vacancies: [UnusedCodesTests.churnVacancy(1, codes: 1)])
      try b.upsert(vacancies: [UnusedCodesTests.churnVacancy(2, codes: 1)])
      let seekerID = a.seekerIDs[0]
      let search = try a.prepareVacancySearch(MatchOptions(date: Day(iso: "2026-12-01")!))
      _ = try a.vacancies(forSeekerID: seekerID, search: search)
      precondition(a.version == b.version)
      _ = try b.vacancies(forSeekerID: seekerID, search: search)
    }
    let stderr = String(decoding: result?.standardErrorContent ?? [], as: UTF8.self)
    #expect(stderr.contains("a search prepared for another layout of the index"), "\(stderr)")
  }
}
