/// Counts for `index.stats`: records, per region and employer type, positions, vocabulary.
public struct IndexStats: Hashable, Sendable {
  public var seekers: Int
  public var vacancies: Int
  /// Sorted by region name (bytes); records without a region are counted under no key.
  public var seekersPerRegion: [(region: String, count: Int)]
  public var vacanciesPerRegion: [(region: String, count: Int)]
  public var vacanciesPerEmployerType: [(type: EmployerType, count: Int)]
  /// Σ positions over all vacancies.
  public var openPositions: Int
  /// Distinct codes the records use, per code space: skills, accommodations, jobTypes, sectors,
  /// regions (what the index holds now, whatever it held before).
  public var vocabulary: [(space: String, count: Int)]
  public var version: Int

  public static func == (a: IndexStats, b: IndexStats) -> Bool {
    a.seekers == b.seekers && a.vacancies == b.vacancies && a.openPositions == b.openPositions
      && a.version == b.version
      && a.seekersPerRegion.elementsEqual(b.seekersPerRegion) { $0 == $1 }
      && a.vacanciesPerRegion.elementsEqual(b.vacanciesPerRegion) { $0 == $1 }
      && a.vacanciesPerEmployerType.elementsEqual(b.vacanciesPerEmployerType) { $0 == $1 }
      && a.vocabulary.elementsEqual(b.vocabulary) { $0 == $1 }
  }

  public func hash(into hasher: inout Hasher) {
    hasher.combine(seekers)
    hasher.combine(vacancies)
    hasher.combine(version)
  }
}

extension MatchIndex {
  public func stats() -> IndexStats {
    func perRegion(_ regions: some Sequence<UInt32>) -> [(region: String, count: Int)] {
      var counts: [UInt32: Int] = [:]
      for region in regions where region != noCode { counts[region, default: 0] += 1 }
      return counts.map { (region: vocabulary.regions.codes[Int($0.key)], count: $0.value) }
        .sorted { $0.region.bytesPrecede($1.region) }
    }
    let used = usedCodes
    var perType = Array(repeating: 0, count: EmployerType.allCases.count)
    for key in vacancyColumns.keys { perType[Int(key.employerType)] += 1 }
    return IndexStats(
      seekers: seekerCount,
      vacancies: vacancyCount,
      seekersPerRegion: perRegion(seekerColumns.rows.lazy.map(\.region)),
      vacanciesPerRegion: perRegion(vacancyColumns.keys.lazy.map(\.region)),
      vacanciesPerEmployerType: EmployerType.allCases.enumerated().map { (type: $1, count: perType[$0]) },
      openPositions: vacancyColumns.details.reduce(0) { $0 + $1.positions },
      vocabulary: [
        ("skills", used.skills.count), ("accommodations", used.accommodations.count),
        ("jobTypes", used.jobTypes.count), ("sectors", used.sectors.count), ("regions", used.regions.count),
      ],
      version: version)
  }
}
