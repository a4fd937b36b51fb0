/// Codes that no record uses any more.
///
/// The vocabulary numbers every code it meets and never renumbers one in place: rows, entries,
/// bit sets and the grids kept per skill and per job type all hold the numbers. So a worker
/// that runs for months, with vacancies written and removed every day (each with a title and
/// an employer's name of its own, some with codes no one uses again), would keep every code it
/// ever saw, and the per-code grids with them: memory without bound (SPEC section 4).
///
/// After a write the index checks, once its codes have doubled since the last check, how many
/// codes its records still use; when the unused ones outnumber both the used ones and the
/// records, it builds itself anew from its records, which numbers only those. A check reads
/// every record's code lists once (about 85 ms in `nl` on a slow machine); the rebuild costs
/// what laying out every record does (about 2.6 s there) and happens at most once per
/// doubling. Answers do not depend on code numbers.
extension MatchIndex {
  /// Below this many codes in all spaces together, none is forgotten.
  static let forgettingFloor = 1 << 16

  /// The number of codes in all spaces, used or not: it falls only when a write has built
  /// the index anew without the unused ones.
  package var codeCount: Int { vocabulary.count }

  /// The codes some record uses.
  var usedCodes: UsedCodes {
    var used = UsedCodes(vocabulary)
    seekerColumns.markCodes(&used)
    vacancyColumns.markCodes(&used)
    return used
  }

  /// The number of distinct codes some record uses.
  var usedCodeCount: Int { usedCodes.count }

  /// After a write: checks the vocabulary when it has grown enough, and builds the index anew
  /// when more of its codes are unused than used, and than it has records (so that a rebuild,
  /// which costs about what its records do, comes at most once per as many new codes).
  mutating func forgetUnusedCodesWhenMany() {
    guard codeCount >= codeCheckAt else { return }
    let used = usedCodeCount
    if codeCount - used > max(used, seekerCount + vacancyCount) { rebuildFromRecords() }
    codeCheckAt = max(Self.forgettingFloor, 2 * codeCount)
  }

  /// Lays out every record anew with a fresh vocabulary; the version stays.
  mutating func rebuildFromRecords() {
    // Only what gives the records back is read from here on: the grids go first, so that
    // the two indexes are not whole at once (unless a copy, a reader's, holds the old one).
    seekerColumns.dropLayout()
    vacancyColumns.dropLayout()
    var fresh = MatchIndex()
    for slot in seekerColumns.ids.indices {
      fresh.seekerColumns.append(seekerColumns.record(slot, vocabulary: vocabulary), vocabulary: &fresh.vocabulary)
    }
    for slot in vacancyColumns.ids.indices {
      fresh.vacancyColumns.append(vacancyColumns.record(slot, vocabulary: vocabulary), vocabulary: &fresh.vocabulary)
    }
    fresh.seekerColumns.finishLayout()
    fresh.vacancyColumns.finishLayout()
    (seekerColumns, vacancyColumns, vocabulary) = (fresh.seekerColumns, fresh.vacancyColumns, fresh.vocabulary)
  }
}

/// One bit per code of each space: the codes some record uses.
struct UsedCodes {
  var skills, accommodations, jobTypes, sectors, regions, texts: CodeBits

  init(_ vocabulary: Vocabulary) {
    skills = CodeBits(capacity: vocabulary.skills.count)
    accommodations = CodeBits(capacity: vocabulary.accommodations.count)
    jobTypes = CodeBits(capacity: vocabulary.jobTypes.count)
    sectors = CodeBits(capacity: vocabulary.sectors.count)
    regions = CodeBits(capacity: vocabulary.regions.count)
    texts = CodeBits(capacity: vocabulary.texts.count)
  }

  var count: Int { [skills, accommodations, jobTypes, sectors, regions, texts].reduce(0) { $0 + $1.count } }
}

extension CodeBits {
  /// The number of codes in the set.
  var count: Int { words.reduce(0) { $0 + $1.nonzeroBitCount } }

  mutating func insert(unlessAbsent code: UInt32) {
    if code != CodeTable.absent { insert(code) }
  }
}

extension SeekerColumns {
  /// Lets the grids go, and the slots by id: what `record(_:vocabulary:)` does not read.
  mutating func dropLayout() {
    grid = LayeredGrid(bounds: Self.travelClasses, cellsPerBound: 4)
    skillGrids = []
    slots = [:]
  }

  /// Marks every code a seeker uses: her lists and her region.
  func markCodes(_ used: inout UsedCodes) {
    lists.forEachRecord(details) { slot, d, lists in
      lists.mark(d.skills, in: &used.skills)
      lists.mark(d.experience, in: &used.jobTypes)
      lists.mark(d.needs, in: &used.accommodations)
      lists.mark(d.jobTypes, in: &used.jobTypes)
      lists.mark(d.sectors, in: &used.sectors)
      used.regions.insert(unlessAbsent: rows[slot].region)
    }
  }
}

extension VacancyColumns {
  /// Lets the grids and far lists go, and the slots by id: what `record(_:vocabulary:)` does
  /// not read.
  mutating func dropLayout() {
    keyGrids = []
    jobTypeGrids = []
    jobTypeBounds = []
    farLists = []
    slots = [:]
  }

  /// Marks every code a vacancy uses: its lists, job type, sector, region and texts.
  func markCodes(_ used: inout UsedCodes) {
    lists.forEachRecord(details) { slot, d, lists in
      lists.mark(d.required + d.preferred, in: &used.skills)
      lists.mark(d.offers, in: &used.accommodations)
      used.texts.insert(unlessAbsent: d.employerID)
      used.texts.insert(unlessAbsent: d.employerName)
      used.texts.insert(unlessAbsent: d.title)
      let k = keys[slot]
      used.jobTypes.insert(unlessAbsent: k.jobType)
      used.sectors.insert(unlessAbsent: k.sector)
      used.regions.insert(unlessAbsent: k.region)
    }
  }
}

/// One record's lists, one after another, from the pool's buffer.
struct ListCursor {
  let pool: UnsafeBufferPointer<UInt32>
  var next: Int

  /// Marks the next `count` codes in `bits` and moves past them.
  mutating func mark(_ count: UInt32, in bits: inout CodeBits) {
    for i in next..<next + Int(count) { bits.insert(unlessAbsent: pool[i]) }
    next += Int(count)
  }
}

extension CodeListPool {
  /// Calls `body` with each slot of `details`, its details, and a cursor at its lists.
  func forEachRecord<Details: ListedDetails>(
    _ details: ContiguousArray<Details>, _ body: (Int, Details, inout ListCursor) -> Void
  ) {
    pool.withUnsafeBufferPointer { pool in
      for slot in details.indices {
        var cursor = ListCursor(pool: pool, next: Int(details[slot].listStart))
        body(slot, details[slot], &cursor)
      }
    }
  }
}
