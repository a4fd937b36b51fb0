import BanenmatchTestSupport
import Testing

@testable import Banenmatch

/// A host may send a record with a huge list, or codes chosen to collide in the vocabulary's
/// hash table; SPEC section 4 says no input makes the worker hang. These check the two parts
/// that once cost the square of a list: finding its repeats, and the code tables' probing.
@Suite struct HugeInputTests {
  /// The positions a plain look-back finds: no element before it is equal.
  static func firstOccurrences<T: Equatable>(_ list: [T]) -> [Int] {
    list.indices.filter { index in !list[..<index].contains(list[index]) }
  }

  @Test func firstOccurrencesAgreeWithLookingBackAtEveryLength() {
    var rng = SplitMix64(seed: 7)
    for length in [0, 1, 2, 15, 16, 17, 40, 64, 65, 300, 2000] {
      for alphabet in [1, 3, 50, 10_000] {
        let list = (0..<length).map { _ in rng.next() % UInt64(alphabet) }
        var found: [Int] = []
        forEachFirstOccurrence(list.count, key: { list[$0] }) { found.append($0) }
        #expect(found == Self.firstOccurrences(list), "length \(length), alphabet \(alphabet)")
      }
    }
  }

  /// A row's few codes against a request's many: past 16 times longer, the long list is
  /// searched, not walked. Both ways must count as a merge does.
  @Test func lopsidedSortedListsAgreeWithSets() {
    var rng = SplitMix64(seed: 11)
    for (short, long) in [(0, 0), (0, 50), (1, 16), (1, 17), (3, 48), (3, 49), (5, 2000), (40, 40), (17, 300)] {
      for _ in 0..<20 {
        let range = UInt32(0)..<UInt32(4 * long + 8)
        func sortedUnique(_ n: Int) -> [UInt32] {
          Array(Set((0..<n).map { _ in UInt32.random(in: range, using: &rng) })).sorted()
        }
        let a = sortedUnique(short)
        var b = sortedUnique(long)
        if rng.next() % 2 == 0 { b = Array(Set(b).union(a)).sorted() }  // sometimes a subset
        let common = Set(a).intersection(b).count
        #expect(a.sortedIntersectionCount(b) == common, "\(a) ∩ \(b.count) codes")
        #expect(b.sortedIntersectionCount(a) == common, "\(b.count) codes ∩ \(a)")
        #expect(a.isSortedSubset(of: b) == Set(a).isSubset(of: b), "\(a) ⊆ \(b.count) codes")
        #expect(b.isSortedSubset(of: a) == Set(b).isSubset(of: a), "\(b.count) codes ⊆ \(a)")
      }
    }
  }

  /// A list with every code twice, in two orders: each is named once, where it first comes.
  @Test func longListsNameEachMissingCodeOnceInTheirOrder() {
    var table = CodeTable()
    let known = (0..<500).map { "bekend-\($0)" }
    for code in known { _ = table.intern(code) }
    let unknown = (0..<500).map { "onbekend-\($0)" }
    let names = zip(known, unknown).flatMap { [$0, $1] } + unknown.reversed() + known.reversed()
    let even = table.lacking(names) { $0 % 2 == 0 }
    let expected = zip(known, unknown).flatMap { k, u in
      table.lookup(k) % 2 == 0 ? [u] : [k, u]
    }
    #expect(even == expected)
    let codes = ArraySlice((0..<1000).map { UInt32($0 % 500) })
    #expect(table.names(codes) { $0 % 3 == 0 } == (0..<500).filter { $0 % 3 == 0 }.map { "bekend-\($0)" })
  }

  /// Codes whose `byteHash` shares its low ten bits all want the same slot: without a defence
  /// each new one walks past all the others. The table switches to the seeded `Hasher`, and
  /// keeps every code's number.
  @Test func codesChosenToCollideSwitchTheTableToTheSeededHash() {
    var colliding: [String] = []
    var n = 0
    while colliding.count < 300 {
      var code = "flood-\(n)"
      if code.withUTF8({ $0.byteHash & 1023 }) == 0 { colliding.append(code) }
      n += 1
    }
    var table = CodeTable()
    var longest = 0
    for (k, code) in colliding.enumerated() {
      #expect(table.intern(code) == UInt32(k))
      longest = max(longest, table.longestRunInTable)
    }
    #expect(longest <= CodeTable.longestRun + 1)
    #expect(table.isSeeded)
    #expect(table.longestRunInTable < CodeTable.longestRun)
    for (k, code) in colliding.enumerated() {
      #expect(table.lookup(code) == UInt32(k))
      #expect(table.intern(code) == UInt32(k))
    }
    #expect(table.lookup("flood-none") == CodeTable.absent)
    #expect(table.count == colliding.count)
  }

  /// A real-sized vocabulary of numbered codes never switches: the fast hash stays.
  @Test func ordinaryVocabulariesKeepTheFastHash() {
    var table = CodeTable()
    for k in 0..<20_000 { _ = table.intern("vaardigheid-\(k)") }
    #expect(!table.isSeeded)
    #expect(table.longestRunInTable <= CodeTable.longestRun)
    for k in stride(from: 0, to: 20_000, by: 997) { #expect(table.lookup("vaardigheid-\(k)") == UInt32(k)) }
  }

  /// A record with a huge list of codes is matched, explained and given its near misses, each
  /// code named once, in time in proportion to the list (the worker's tests send such a record
  /// over the wire; this is the engine's half).
  @Test func aVacancyRequiringThousandsOfUnknownSkillsIsANearMissNamingEachOnce() throws {
    let here = GeoPoint(lat: 52.1, lon: 5.1)
    let unknown = (0..<20_000).map { "nieuw-\($0)" }
    var index = MatchIndex()
    _ = try index.upsert(seekers: [
      Seeker(id: "S-1", location: here, maxTravelKm: 10, hours: HourRange(min: 0, max: 40), skills: ["a"])
    ])
    let vacancy = Vacancy(
      id: "V-1", employer: Vacancy.Employer(id: "E-1", type: .markt), jobType: "werk", location: here,
      hours: HourRange(min: 8, max: 16), requiredSkills: ["a"] + unknown + unknown,
      preferredSkills: unknown.reversed() + ["a"])
    var options = MatchOptions(date: Day(iso: "2026-12-01")!)
    options.nearMisses = 5
    options.explain = true
    let results = try index.seekers(for: vacancy, options: options)
    #expect(results.matches.isEmpty)
    let near = try #require(results.nearMisses.first)
    #expect(near.id == "S-1")
    guard case .requiredSkills(let missing) = near.gap else {
      Issue.record("gap \(near.gap)")
      return
    }
    #expect(missing == unknown)
    let explanation = try #require(near.explanation)
    #expect(explanation.matchedSkills == ["a"])
    #expect(explanation.missingSkills == unknown.reversed())
  }

  /// A host writing and removing records with ever new codes: the grid of a skill nobody holds
  /// any more gives its memory back (its twelve layers, and their cells), and fills again as a
  /// new one when the skill comes back.
  @Test func theGridOfASkillNobodyHoldsAnyMoreIsReleased() throws {
    let here = GeoPoint(lat: 52.1, lon: 5.1)
    func seeker(_ id: String, _ skills: [String], km: Double = 10) -> Seeker {
      Seeker(id: id, location: here, maxTravelKm: km, hours: HourRange(min: 0, max: 40), skills: skills)
    }
    var index = MatchIndex()
    let rare = (0..<300).map { "zeldzaam-\($0)" }
    _ = try index.upsert(seekers: [seeker("S-1", ["gewoon"] + rare), seeker("S-2", ["gewoon"], km: 100)])
    let code = Int(index.vocabulary.skills.lookup("zeldzaam-7"))
    #expect(index.seekerColumns.skillGrids[code].count == 1)
    #expect(!index.seekerColumns.skillGrids[code].layers.isEmpty)
    _ = index.removeSeekers(ids: ["S-1"])
    let gone = rare.map { index.seekerColumns.skillGrids[Int(index.vocabulary.skills.lookup($0))] }
    #expect(gone.allSatisfy { $0.layers.isEmpty })
    #expect(!index.seekerColumns.skillGrids[Int(index.vocabulary.skills.lookup("gewoon"))].layers.isEmpty)

    // Back again, found through that grid (the vacancy's only required skill).
    _ = try index.upsert(seekers: [seeker("S-3", ["zeldzaam-7"], km: 25)])
    _ = try index.upsert(vacancies: [
      Vacancy(
        id: "V-1", employer: Vacancy.Employer(id: "E-1", type: .markt), jobType: "werk",
        location: GeoPoint(lat: 52.2, lon: 5.1), hours: HourRange(min: 8, max: 16), requiredSkills: ["zeldzaam-7"])
    ])
    let results = try index.seekers(forVacancyID: "V-1", options: MatchOptions(date: Day(iso: "2026-12-01")!))
    #expect(results.matches.map(\.id) == ["S-3"])
    _ = index.removeSeekers(ids: ["S-3"])
    #expect(index.seekerColumns.skillGrids[code].layers.count == 0)
    #expect(
      try index.seekers(forVacancyID: "V-1", options: MatchOptions(date: Day(iso: "2026-12-01")!)).matches.isEmpty)
  }
}
