/// Request filters turned into interned codes and slot lists once per prepared search (once
/// per query, or per `match.batch`). Without filters nothing is allocated.
struct CompiledFilters: Sendable {
  var regions: CodeBits?
  /// Bit i set: employer type i allowed.
  var employerTypes: UInt8 = 0xFF
  var sectors: CodeBits?
  var jobTypes: CodeBits?
  /// Sorted slots of the excluded records, each once.
  var excludedSlots: [Int] = []
  var maxKm: Double

  init(_ filters: MatchFilters, vocabulary: borrowing Vocabulary, slots: borrowing [ByteKey: Int]) {
    func bits(_ codes: [String]?, _ table: CodeTable) -> CodeBits? {
      codes.map { CodeBits($0.map { table.lookup($0) }, capacity: table.count) }
    }
    regions = bits(filters.regions, vocabulary.regions)
    sectors = bits(filters.sectors, vocabulary.sectors)
    jobTypes = bits(filters.jobTypes, vocabulary.jobTypes)
    if let types = filters.employerTypes {
      employerTypes = types.reduce(0) { $0 | 1 << $1.bit }
    }
    if !filters.excludeIDs.isEmpty {
      var excluded = filters.excludeIDs.compactMap { slots[ByteKey($0)] }
      excluded.sort()
      var distinct: [Int] = []
      for slot in excluded where distinct.last != slot { distinct.append(slot) }
      excludedSlots = distinct
    }
    maxKm = filters.maxKm ?? .infinity
  }

  /// Whether a filter other than `excludeIds` and `maxKm` narrows the vacancies considered.
  var restrictsVacancies: Bool {
    regions != nil || employerTypes != 0xFF || sectors != nil || jobTypes != nil
  }

  @inline(__always)
  func isExcluded(_ slot: Int) -> Bool {
    !excludedSlots.isEmpty && excludedSlots.sortedContains(slot)
  }

  /// Whether a vacancy passes the region, employer type, sector and job type filters.
  @inline(__always)
  func admits(region: UInt32, employerType: UInt8, sector: UInt32, jobType: UInt32) -> Bool {
    if let regions, !regions.contains(region) { return false }
    if employerTypes & (1 << employerType) == 0 { return false }
    if let sectors, !sectors.contains(sector) { return false }
    if let jobTypes, !jobTypes.contains(jobType) { return false }
    return true
  }

  /// Whether a seeker passes the region filter.
  @inline(__always)
  func admits(region: UInt32) -> Bool {
    guard let regions else { return true }
    return regions.contains(region)
  }
}

/// A pair's distance limit D as chords on the unit sphere: a squared chord at most `inner²`
/// is certainly within D, one above `outer²` certainly beyond, and one in between (a band of
/// about a micrometre) is decided by the haversine itself, as SPEC section 3 defines it.
struct ReachLimit {
  let km: Double
  let chord: Double
  let inner2: Double
  let outer2: Double

  /// Chord components carry at most a few 1e-16 of rounding and the haversine about 1e-12 km
  /// (1.6e-16 as a chord): a relative slack of 1e-9 and an absolute one of 1e-14 cover both.
  @inline(__always)
  init(km: Double, chord: Double) {
    self.km = km
    self.chord = chord
    let inner = chord * (1 - 1e-9) - 1e-14
    inner2 = inner > 0 ? inner * inner : -1
    let outer = chord * (1 + 1e-9) + 1e-14
    outer2 = outer * outer
  }

  init(km: Double) { self.init(km: km, chord: GeoMath.chordLimit(km: km)) }

  /// Whether a pair with squared chord `c2` is within D; `distanceKm` is called only in the
  /// band where the chord cannot tell.
  @inline(__always)
  func contains(chord2 c2: Double, distanceKm: () -> Double) -> Bool {
    if c2 <= inner2 { return true }
    if c2 > outer2 { return false }
    return distanceKm() <= km
  }

  /// An upper bound of the distance feature 1 − d/D from the chord: the arc is never shorter
  /// than its chord (d ≥ R·c), with slack for rounding.
  @inline(__always)
  func distanceFeatureBound(chord2 c2: Double) -> Double {
    let low = GeoMath.earthRadiusKm * c2.squareRoot() * (1 - 1e-9) - 1e-9
    return low > 0 ? max(0, 1 - low / km) : 1
  }
}

/// The features of SPEC section 3 that both directions compute the same way.
enum PairFeatures {
  @inline(__always)
  static func skills(matched: Int, preferred: Int) -> Double {
    preferred == 0 ? 1 : Double(matched) / Double(preferred)
  }

  @inline(__always)
  static func distance(_ km: Double, limit: Double) -> Double { max(0, 1 - km / limit) }

  @inline(__always)
  static func start(daysLate: Int) -> Double { max(0, 1 - Double(max(0, daysLate)) / 90) }
}
