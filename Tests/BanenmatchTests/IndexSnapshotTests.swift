import BanenmatchTestSupport
import Testing

@testable import Banenmatch

/// An index written to a snapshot and read back answers every query as the reference does,
/// takes later writes as the original would, and writes the same bytes again; a snapshot cut
/// short or changed anywhere is refused, never read as an index.
@Suite struct IndexSnapshotTests {
  typealias Agreement = EngineAgreesWithReferenceTests

  /// A snapshot in memory.
  struct MemorySink: SnapshotSink {
    var bytes: [UInt8] = []
    mutating func write(_ chunk: UnsafeRawBufferPointer) throws(SnapshotError) { bytes.append(contentsOf: chunk) }
  }

  struct MemorySource: SnapshotSource {
    let bytes: [UInt8]
    var position = 0
    var remaining: Int { bytes.count - position }

    mutating func read(into destination: UnsafeMutableRawBufferPointer) throws(SnapshotError) {
      guard destination.count <= remaining else { throw SnapshotError("the snapshot ends early") }
      bytes.withUnsafeBytes { bytes in
        destination.copyMemory(from: UnsafeRawBufferPointer(rebasing: bytes[position..<position + destination.count]))
      }
      position += destination.count
    }
  }

  static func snapshot(_ index: MatchIndex) throws -> [UInt8] {
    var sink = MemorySink()
    try index.writeSnapshot(to: &sink)
    return sink.bytes
  }

  static func restore(_ bytes: [UInt8]) throws(SnapshotError) -> MatchIndex {
    var source = MemorySource(bytes: bytes)
    return try MatchIndex(snapshot: &source)
  }

  /// Random worlds (one with codes past the rows' inline bits, so overflow records too), their
  /// index replaced by its snapshot read back: every answer of 1,000 random queries with every
  /// option agrees with the reference, before and after more writes of every kind.
  @Test(arguments: [(UInt64(1), false), (42, false), (0xDEAD_BEEF, true)])
  func restoredIndexAgreesWithReference(seed: UInt64, largeVocabulary: Bool) throws {
    var rng = SplitMix64(seed: seed ^ 0x5A4B)
    var world = try RandomWorld(
      seekers: 150, vacancies: 60, reference: Agreement.referenceWithEngineDistance(),
      prelude: largeVocabulary ? Agreement.largeVocabularyPrelude() : ([], []), using: &rng)
    let bytes = try Self.snapshot(world.index)
    let restored = try Self.restore(bytes)
    #expect(restored.version == world.index.version)
    #expect(restored.seekerCount == world.index.seekerCount && restored.vacancyCount == world.index.vacancyCount)
    #expect(try Self.snapshot(restored) == bytes, "seed \(seed): a restored index writes other bytes")
    world.index = restored
    Agreement.expectAgreement(world, seed: seed, using: &rng, queries: 1_000)

    for round in 0..<3 { try Agreement.writeRound(&world, newVacancy: "V-na-\(round)", using: &rng) }
    Agreement.expectAgreement(world, seed: seed, using: &rng, queries: 500)
  }

  /// The hash of a stream is the same however it is cut into pieces, and changes with any bit.
  @Test func theHashDoesNotDependOnThePieces() {
    var rng = SplitMix64(seed: 17)
    for length in [0, 1, 7, 31, 32, 33, 100, 1_000] {
      let bytes = (0..<length).map { _ in UInt8.random(in: 0...255, using: &rng) }
      func hash(_ bytes: [UInt8], cuts: [Int]) -> UInt64 {
        var hash = SnapshotHash()
        var start = 0
        bytes.withUnsafeBytes { all in
          for end in cuts.sorted() + [bytes.count] where end >= start {
            hash.add(UnsafeRawBufferPointer(rebasing: all[start..<end]))
            start = end
          }
        }
        return hash.value
      }
      let whole = hash(bytes, cuts: [])
      for _ in 0..<20 {
        let cuts = (0..<Int.random(in: 1...6, using: &rng)).map { _ in Int.random(in: 0...length, using: &rng) }
        #expect(hash(bytes, cuts: cuts) == whole, "length \(length), cuts \(cuts)")
      }
      if length > 0 {
        var changed = bytes
        changed[Int.random(in: 0..<length, using: &rng)] ^= 0x04
        #expect(hash(changed, cuts: []) != whole, "length \(length)")
      }
      #expect(hash(bytes + [0], cuts: []) != whole, "a zero byte more, length \(length)")
    }
  }

  /// The same writes give the same snapshot, byte for byte, however the memory under the
  /// index was used before (padding is written as zeros).
  @Test func sameWritesWriteTheSameBytes() throws {
    var first = SplitMix64(seed: 11)
    var second = SplitMix64(seed: 11)
    let one = try RandomWorld(seekers: 150, vacancies: 60, using: &first)
    // Memory filled with ones and freed, so that the second index's arrays may reuse it.
    for _ in 0..<64 { _ = [UInt8](repeating: 0xFF, count: 1 << 14).reduce(0, &+) }
    let other = try RandomWorld(seekers: 150, vacancies: 60, using: &second)
    #expect(try Self.snapshot(one.index) == Self.snapshot(other.index))
  }

  /// Every struct written as its bytes lists each of its stored properties in its
  /// `fieldBytes` (a property left out would be written as zeros).
  @Test func plainStructsListEveryField() throws {
    var rng = SplitMix64(seed: 3)
    let index = try RandomWorld(seekers: 150, vacancies: 60, using: &rng).index
    let seekers = index.seekerColumns
    let vacancies = index.vacancyColumns
    let nearEntry = try #require(vacancies.jobTypeGrids.lazy.compactMap(\.entries.first).first)
    let farEntry = try #require(vacancies.farLists.lazy.flatMap(\.lists).compactMap(\.entries.first).first)
    var problems: [String] = []
    func check<T: SnapshotPlain>(_ value: T) {
      let stored = Mirror(reflecting: value).children.count
      if stored != T.fieldBytes.fields { problems.append("\(T.self): \(stored) stored, \(T.fieldBytes.fields) listed") }
    }
    check(seekers.rows[0])
    check(seekers.geo[0])
    check(seekers.details[0])
    check(try #require(seekers.grid.layers.lazy.compactMap(\.entries.first).first))
    check(vacancies.rows[0])
    check(vacancies.details[0])
    check(vacancies.keys[0])
    check(nearEntry)
    check(nearEntry.entry)
    check(nearEntry.entry.tests)
    check(farEntry)
    check(vacancies.jobTypeBounds[0])
    check(Bits256())
    check(Bits64())
    check(GeoPoint(lat: 52, lon: 5))
    check(CellGrid<SeekerEntry>.Cell(row: 1, column: 2))
    #expect(problems.isEmpty, "\(problems)")
  }

  /// An empty index, and one with records appended but not laid out yet (the snapshot lays
  /// them out), read back.
  @Test func emptyAndPendingIndexesRoundTrip() throws {
    let empty = try Self.restore(try Self.snapshot(MatchIndex()))
    #expect(empty.seekerCount == 0 && empty.vacancyCount == 0 && empty.version == 0)

    var rng = SplitMix64(seed: 9)
    let data = RandomData()
    var pending = MatchIndex()
    pending.upsert(validatedSeekers: data.seekers(count: 40, using: &rng), countingAsWrite: false)
    pending.upsert(validatedVacancies: data.vacancies(count: 20, using: &rng), countingAsWrite: false)
    var laidOut = pending
    laidOut.countWrites(2)
    let restored = try Self.restore(try Self.snapshot(pending))
    #expect(Set(restored.seekerIDs) == Set(laidOut.seekerIDs) && Set(restored.vacancyIDs) == Set(laidOut.vacancyIDs))
    let options = MatchOptions(date: Day(iso: "2026-12-01")!, limit: 100, nearMisses: 5)
    // The same answers; the version stays the pending index's (no write was counted).
    #expect(restored.version == 0)
    for id in laidOut.seekerIDs {
      var answer = try restored.vacancies(forSeekerID: id, options: options)
      answer.indexVersion = laidOut.version
      #expect(try answer == laidOut.vacancies(forSeekerID: id, options: options), "\(id)")
    }
  }

  /// A small snapshot cut anywhere in its first 1,500 bytes and at 500 random places, or with
  /// a bit changed at as many positions, is refused with an error (never a trap, never an
  /// index).
  @Test func damagedSnapshotsAreRefused() throws {
    var rng = SplitMix64(seed: 5)
    let world = try RandomWorld(seekers: 4, vacancies: 3, using: &rng)
    let bytes = try Self.snapshot(world.index)
    #expect(bytes.count > 10_000)
    let positions = Array(0..<1_500) + (0..<500).map { _ in Int.random(in: 1_500..<bytes.count, using: &rng) }
    var accepted: [String] = []
    for length in positions where (try? Self.restore(Array(bytes[..<length]))) != nil {
      accepted.append("cut at \(length)")
    }
    for position in positions {
      var changed = bytes
      changed[position] ^= UInt8(1 << (position % 8))
      if (try? Self.restore(changed)) != nil { accepted.append("bit changed at \(position)") }
    }
    if (try? Self.restore(bytes + [0])) != nil { accepted.append("a byte after the end") }
    #expect(accepted.count == 0, "\(accepted.count) damaged snapshots read: \(accepted.prefix(5))")
  }
}
