/// Seekers and vacancies, ready to be matched both ways (SPEC sections 2 and 3).
///
///     var index = MatchIndex()
///     try index.upsert(seekers: [seeker])
///     try index.upsert(vacancies: [vacancy])
///     let results = try index.vacancies(forSeekerID: "S-0001", options: MatchOptions(date: today))
///     for match in results.matches { print(match.id, match.score) }
///
/// A value type: a copy is a snapshot that later writes to the original do not change.
/// Results never depend on the order in which records were inserted.
public struct MatchIndex: Sendable {
  var seekerColumns = SeekerColumns()
  var vacancyColumns = VacancyColumns()
  var vocabulary = Vocabulary()

  /// The number of writes (upserts and removes) applied so far.
  public private(set) var version = 0
  /// Which layout of the records the index has: a new one after every change, so a search
  /// prepared for one layout (its filters compiled to code numbers and slots) is never used
  /// with another, even by a copy of the index that has seen as many writes.
  private(set) var layout = Layout()
  /// The number of codes at which `forgetUnusedCodesWhenMany()` next counts the used ones.
  var codeCheckAt = MatchIndex.forgettingFloor
  /// The threads a large query may split its scan over (one by default; the worker and the
  /// command line give it every core). Answers never depend on it.
  public var queryThreads = QueryThreads.one

  public init() {}

  public var seekerCount: Int { seekerColumns.count }
  public var vacancyCount: Int { vacancyColumns.count }

  /// All seekers, in no particular order (given back from the index's compact columns).
  public var seekers: [Seeker] { seekerColumns.ids.indices.map { seekerColumns.record($0, vocabulary: vocabulary) } }
  /// All vacancies, in no particular order.
  public var vacancies: [Vacancy] {
    vacancyColumns.ids.indices.map { vacancyColumns.record($0, vocabulary: vocabulary) }
  }
  /// The ids of all seekers, in the order of `seekers`.
  public var seekerIDs: [String] { Array(seekerColumns.ids) }
  /// The ids of all vacancies, in the order of `vacancies`.
  public var vacancyIDs: [String] { Array(vacancyColumns.ids) }

  /// Whether a seeker with this id is indexed (without giving her record back).
  public func containsSeeker(id: String) -> Bool { seekerColumns.slots[ByteKey(id)] != nil }

  /// Whether a vacancy with this id is indexed.
  public func containsVacancy(id: String) -> Bool { vacancyColumns.slots[ByteKey(id)] != nil }

  public func seeker(id: String) -> Seeker? {
    seekerColumns.slots[ByteKey(id)].map { seekerColumns.record($0, vocabulary: vocabulary) }
  }

  public func vacancy(id: String) -> Vacancy? {
    vacancyColumns.slots[ByteKey(id)].map { vacancyColumns.record($0, vocabulary: vocabulary) }
  }

  /// Inserts or replaces seekers, all or nothing: one invalid record rejects the call and
  /// changes nothing. Duplicate ids: the last wins. Errors are named `seekers[3].hours.min`.
  ///
  /// - Returns: The number of distinct ids written.
  @discardableResult
  public mutating func upsert(seekers: [Seeker]) throws(ValidationError) -> Int {
    try Self.check(seekers, name: "seekers") { $0.validationErrors() }
    var written = Set<ByteKey>()
    // Many records at once are stored first and laid out together.
    let bulk = seekers.count >= Self.bulkThreshold(seekerColumns.count)
    for seeker in seekers {
      if bulk {
        seekerColumns.append(seeker, vocabulary: &vocabulary)
      } else {
        seekerColumns.upsert(seeker, vocabulary: &vocabulary)
      }
      written.insert(ByteKey(seeker.id))
    }
    countWrites(1)
    return written.count
  }

  /// Inserts or replaces vacancies, all or nothing, like `upsert(seekers:)`.
  @discardableResult
  public mutating func upsert(vacancies: [Vacancy]) throws(ValidationError) -> Int {
    try Self.check(vacancies, name: "vacancies") { $0.validationErrors() }
    var written = Set<ByteKey>()
    let bulk = vacancies.count >= Self.bulkThreshold(vacancyColumns.count)
    for vacancy in vacancies {
      if bulk {
        vacancyColumns.append(vacancy, vocabulary: &vocabulary)
      } else {
        vacancyColumns.upsert(vacancy, vocabulary: &vocabulary)
      }
      written.insert(ByteKey(vacancy.id))
    }
    countWrites(1)
    return written.count
  }

  /// Inserts or replaces seekers that have passed `validationErrors()` already (a decoder
  /// checked them): no second check. Duplicate ids: the last wins.
  ///
  /// The fast way to load many records, also in pieces: the records are stored at once and
  /// laid out for queries when the write is counted — at the end of this call, or, for
  /// pieces of one write (`countingAsWrite: false`), at `countWrites`. Query only after that.
  package mutating func upsert(validatedSeekers seekers: [Seeker], countingAsWrite: Bool = true) {
    for seeker in seekers { seekerColumns.append(seeker, vocabulary: &vocabulary) }
    if countingAsWrite { countWrites(1) }
  }

  /// Inserts or replaces vacancies that have passed `validationErrors()` already; like
  /// `upsert(validatedSeekers:countingAsWrite:)`.
  package mutating func upsert(validatedVacancies vacancies: [Vacancy], countingAsWrite: Bool = true) {
    for vacancy in vacancies { vacancyColumns.append(vacancy, vocabulary: &vocabulary) }
    if countingAsWrite { countWrites(1) }
  }

  /// Counts writes applied in pieces (a file loaded block by block is one write), and lays
  /// out what they stored.
  ///
  /// - Parameter parallel: Runs `body(i)` for every i below `count`, on as many threads as it
  ///   likes (the core has no threads of its own); by default one after another.
  package mutating func countWrites(_ count: Int, parallel: ParallelFor = serially) {
    seekerColumns.finishLayout(parallel: parallel)
    vacancyColumns.finishLayout()
    version += count
    changed()
  }

  /// After every write: a new layout, and perhaps fewer codes.
  private mutating func changed() {
    forgetUnusedCodesWhenMany()
    layout = Layout()
  }

  /// Removes the seekers with these ids; unknown ids are not an error.
  /// - Returns: The number removed.
  @discardableResult
  public mutating func removeSeekers(ids: [String]) -> Int {
    version += 1
    defer { changed() }
    if ids.count >= Self.bulkRemoveThreshold(seekerColumns.count) { return seekerColumns.remove(ids: ids) }
    return ids.reduce(0) { $0 + (seekerColumns.remove(id: $1) ? 1 : 0) }
  }

  /// Removes the vacancies with these ids; unknown ids are not an error.
  /// - Returns: The number removed.
  @discardableResult
  public mutating func removeVacancies(ids: [String]) -> Int {
    version += 1
    defer { changed() }
    if ids.count >= Self.bulkRemoveThreshold(vacancyColumns.count) { return vacancyColumns.remove(ids: ids) }
    return ids.reduce(0) { $0 + (vacancyColumns.remove(id: $1) ? 1 : 0) }
  }

  /// A removal of at least this many ids, from a store of `count`, lays out what is left
  /// anew rather than taking records out one by one (in `nl`, about 65–95 µs a seeker one by
  /// one; about 0.6 s to lay out the rest).
  static func bulkRemoveThreshold(_ count: Int) -> Int { max(1024, count / 32) }

  /// An upsert of at least this many records, into a store of `count`, lays out the whole
  /// store anew rather than record by record.
  static func bulkThreshold(_ count: Int) -> Int { max(1024, count / 2) }

  private static func check<Record>(
    _ records: [Record], name: String, errorsOf: (Record) -> [FieldError]
  ) throws(ValidationError) {
    var errors: [FieldError] = []
    for (index, record) in records.enumerated() {
      for error in errorsOf(record) {
        errors.append(error.prefixed(with: "\(name)[\(index)]"))
        if errors.count == ValidationError.reportLimit { throw ValidationError(errors) }
      }
    }
    if !errors.isEmpty { throw ValidationError(errors) }
  }
}

/// A record's row, as the work shared by both kinds of record reads it.
protocol OverflowRow {
  /// Where the row's codes past its inline bits are (0: none).
  var overflow: UInt32 { get }
}

/// A record's details, as the work shared by both kinds of record reads them.
protocol ListedDetails {
  /// Where the record's code lists start in the pool, and how many codes they hold.
  var listStart: UInt32 { get }
  var listCount: Int { get }
}

/// The columns of one kind of record, as a removal of many ids at once and a pass over every
/// record's codes need them.
protocol RecordColumns {
  associatedtype Row: OverflowRow
  associatedtype Details: ListedDetails
  var ids: ContiguousArray<String> { get set }
  var details: ContiguousArray<Details> { get set }
  var rows: ContiguousArray<Row> { get set }
  var geo: ContiguousArray<GeoRow> { get set }
  var overflows: OverflowTable { get set }
  var lists: CodeListPool { get set }
  var slots: [ByteKey: Int] { get set }
  var count: Int { get }
  /// Keeps the elements of the columns beyond ids, details, rows and geo at the slots `gone`
  /// does not flag (none by default).
  mutating func keepOtherColumns(unflagged gone: [Bool])
  /// Lays out every record anew: the grids and counts, as after a bulk append.
  mutating func layOutAnew()
}

extension RecordColumns {
  /// Gives back the record's overflow codes and lists.
  mutating func release(_ slot: Int) {
    overflows.remove(rows[slot].overflow)
    lists.release(details[slot].listCount)
  }

  /// Keeps every column's elements at the slots `gone` does not flag, in their order.
  mutating func keepColumns(unflagged gone: [Bool]) {
    ids.keep(unflagged: gone)
    details.keep(unflagged: gone)
    rows.keep(unflagged: gone)
    geo.keep(unflagged: gone)
    keepOtherColumns(unflagged: gone)
  }

  mutating func keepOtherColumns(unflagged gone: [Bool]) {}

  /// Removes the records with these ids together and lays the rest out anew; returns how many
  /// were removed. One at a time, each removal scans its cell and moves the grids' arrays: for
  /// many removals in a crowded place, the square of their number.
  mutating func remove(ids removing: [String]) -> Int {
    var gone = [Bool](repeating: false, count: count)
    var removed = 0
    for id in removing {
      guard let slot = slots.removeValue(forKey: ByteKey(id)) else { continue }
      gone[slot] = true
      release(slot)
      removed += 1
    }
    guard removed > 0 else { return 0 }
    // Each id that stays moves down past the removed before it.
    var kept = 0
    for slot in gone.indices where !gone[slot] {
      if kept != slot { slots[ByteKey(ids[slot])] = kept }
      kept += 1
    }
    keepColumns(unflagged: gone)
    layOutAnew()
    return removed
  }
}

/// The identity of one layout of an index's records (`MatchIndex.layout`): compared by
/// reference.
final class Layout: Sendable {}

/// Runs `body(i)` for every i in 0..<count, perhaps on several threads at once.
package typealias ParallelFor = (_ count: Int, _ body: @Sendable (Int) -> Void) -> Void

/// One `body(i)` after another.
package func serially(_ count: Int, _ body: @Sendable (Int) -> Void) {
  for i in 0..<count { body(i) }
}

/// Why a query could not run.
public enum MatchError: Error, Hashable, Sendable {
  /// Options or an inline record are invalid; nothing ran.
  case invalid(ValidationError)
  /// No record of the queried kind has this id.
  case unknownID(String)
}

// MARK: - Snapshots (IndexSnapshot.swift)

extension MatchIndex {
  /// Writes the whole index to `sink`: the same answers, version and code numbers come back
  /// from `init(snapshot:)`. Records appended but not yet laid out are laid out first.
  public func writeSnapshot(to sink: inout some SnapshotSink) throws(SnapshotError) {
    var laidOut = self
    laidOut.seekerColumns.finishLayout()
    laidOut.vacancyColumns.finishLayout()
    var writer = SnapshotWriter(sink: sink)
    writer.scalar(IndexSnapshotFormat.magic)
    writer.scalar(laidOut.version)
    writer.scalar(laidOut.codeCheckAt)
    laidOut.vocabulary.write(to: &writer)
    laidOut.seekerColumns.write(to: &writer)
    laidOut.vacancyColumns.write(to: &writer)
    try writer.finish()
    sink = writer.sink
  }

  /// Reads an index that `writeSnapshot(to:)` wrote; throws when the bytes end early, hold
  /// impossible sizes, or do not hash to the hash that ends them.
  public init(snapshot source: inout some SnapshotSource) throws(SnapshotError) {
    let reader = SnapshotReader(source: source)
    guard try reader.scalar(UInt64.self) == IndexSnapshotFormat.magic else {
      throw SnapshotError("not an index snapshot of this format")
    }
    self.init()
    version = try reader.scalar(Int.self)
    codeCheckAt = try reader.scalar(Int.self)
    vocabulary = try Vocabulary(from: reader)
    seekerColumns = try SeekerColumns(from: reader)
    vacancyColumns = try VacancyColumns(from: reader)
    try reader.finish()
    source = reader.source
  }
}
