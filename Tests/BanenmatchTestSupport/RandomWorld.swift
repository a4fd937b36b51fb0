import Banenmatch

/// An index and a reference holding the same records, built by the same random sequence of
/// writes: upserts in random order and random batches, duplicate ids inside a batch (the last
/// wins), removes (of known and unknown ids) and re-upserts.
///
///     var rng = SplitMix64(seed: seed)
///     let world = try RandomWorld(seekers: 150, vacancies: 60, using: &rng)
public struct RandomWorld: Sendable {
  public var data: RandomData
  public var index = MatchIndex()
  public var reference = ReferenceMatcher()
  /// Every id written at some point, including removed ones.
  public var seekerIDs: [String]
  public var vacancyIDs: [String]

  public init(
    seekers seekerCount: Int, vacancies vacancyCount: Int, data: RandomData = RandomData(),
    reference: ReferenceMatcher = ReferenceMatcher(), prelude: (seekers: [Seeker], vacancies: [Vacancy]) = ([], []),
    using rng: inout some RandomNumberGenerator
  ) throws(ValidationError) {
    self.data = data
    self.reference = reference
    let seekers = data.seekers(count: seekerCount, using: &rng).shuffled(using: &rng)
    let vacancies = data.vacancies(count: vacancyCount, using: &rng).shuffled(using: &rng)
    seekerIDs = seekers.map(\.id)
    vacancyIDs = vacancies.map(\.id)
    // Records written before the random ones (to fill the vocabulary, say).
    if !prelude.seekers.isEmpty { try upsert(seekers: prelude.seekers) }
    if !prelude.vacancies.isEmpty { try upsert(vacancies: prelude.vacancies) }

    // Batches of both kinds, interleaved in random order.
    var seekerBatches = Self.batches(seekers, using: &rng)[...]
    var vacancyBatches = Self.batches(vacancies, using: &rng)[...]
    while !seekerBatches.isEmpty || !vacancyBatches.isEmpty {
      if !seekerBatches.isEmpty && (vacancyBatches.isEmpty || rng.chance(0.5)) {
        var batch = seekerBatches.removeFirst()
        if rng.chance(0.3) {  // a stale version of one record, overwritten later in the batch
          batch.insert(data.seeker(id: rng.pick(batch).id, using: &rng), at: 0)
        }
        if rng.chance(0.15) {  // a new version at the end, which wins
          batch.append(data.seeker(id: rng.pick(batch).id, using: &rng))
        }
        try upsert(seekers: batch)
      } else {
        var batch = vacancyBatches.removeFirst()
        if rng.chance(0.3) { batch.insert(data.vacancy(id: rng.pick(batch).id, using: &rng), at: 0) }
        if rng.chance(0.15) { batch.append(data.vacancy(id: rng.pick(batch).id, using: &rng)) }
        try upsert(vacancies: batch)
      }
    }

    // Removes, some of unknown ids, then re-upserts of about half of the removed.
    for _ in 0..<3 {
      var ids = (0..<Int.random(in: 1...(seekerCount / 10 + 1), using: &rng)).map { _ in rng.pick(seekerIDs) }
      ids.append("S-weg-\(Int.random(in: 0..<100, using: &rng))")
      removeSeekers(ids: ids)
      let back = ids.filter { _ in rng.chance(0.5) }.map { data.seeker(id: $0, using: &rng) }
      if !back.isEmpty { try upsert(seekers: back) }

      var vacancyIDsToRemove = (0..<Int.random(in: 1...(vacancyCount / 10 + 1), using: &rng)).map { _ in
        rng.pick(vacancyIDs)
      }
      vacancyIDsToRemove.append("V-e\u{301}")  // may or may not exist: "V-é" precomposed does
      removeVacancies(ids: vacancyIDsToRemove)
      let backVacancies = vacancyIDsToRemove.filter { _ in rng.chance(0.5) }.map { data.vacancy(id: $0, using: &rng) }
      if !backVacancies.isEmpty { try upsert(vacancies: backVacancies) }
    }
    seekerIDs = Reference.distinct(seekerIDs + ["S-weg-1"] + prelude.seekers.map(\.id))
    vacancyIDs = Reference.distinct(vacancyIDs + ["V-e\u{301}"] + prelude.vacancies.map(\.id))
  }

  public mutating func upsert(seekers: [Seeker]) throws(ValidationError) {
    try index.upsert(seekers: seekers)
    reference.upsert(seekers: seekers)
  }

  public mutating func upsert(vacancies: [Vacancy]) throws(ValidationError) {
    try index.upsert(vacancies: vacancies)
    reference.upsert(vacancies: vacancies)
  }

  public mutating func removeSeekers(ids: [String]) {
    index.removeSeekers(ids: ids)
    reference.removeSeekers(ids: ids)
  }

  public mutating func removeVacancies(ids: [String]) {
    index.removeVacancies(ids: ids)
    reference.removeVacancies(ids: ids)
  }

  /// Where the index's records differ from the reference's (ids by bytes).
  public func recordDifferences() -> [String] {
    var problems: [String] = []
    if index.seekerCount != reference.seekerCount {
      problems.append("seekerCount \(index.seekerCount) ≠ \(reference.seekerCount)")
    }
    if index.vacancyCount != reference.vacancyCount {
      problems.append("vacancyCount \(index.vacancyCount) ≠ \(reference.vacancyCount)")
    }
    if index.version != reference.version { problems.append("version \(index.version) ≠ \(reference.version)") }
    for seeker in reference.seekers {
      let stored = index.seeker(id: seeker.id)
      if stored != seeker || !Reference.same(stored?.id ?? "", seeker.id) {
        problems.append("seeker \(describe([seeker.id])) stored as \(String(describing: stored))")
      }
    }
    for vacancy in reference.vacancies {
      let stored = index.vacancy(id: vacancy.id)
      if stored != vacancy || !Reference.same(stored?.id ?? "", vacancy.id) {
        problems.append("vacancy \(describe([vacancy.id])) stored as \(String(describing: stored))")
      }
    }
    return problems
  }

  static func batches<T>(_ records: [T], using rng: inout some RandomNumberGenerator) -> [[T]] {
    var batches: [[T]] = []
    var rest = records[...]
    while !rest.isEmpty {
      let size = Int.random(in: 1...40, using: &rng)
      batches.append(Array(rest.prefix(size)))
      rest = rest.dropFirst(size)
    }
    return batches
  }
}
