import Banenmatch

/// Random but interesting records and options for engine-versus-reference tests.
///
/// Small vocabularies so that codes collide often; canonically equivalent but byte-different
/// codes and ids ("é" and "e\u{301}") so that byte comparison is exercised; points within about
/// 60 km of Leeuwarden so that distances matter; coarse hours, dates and wage values so that
/// boundaries are hit exactly and scores tie (which exercises tie-breaking by id), with one
/// hour value (7.3) that is no whole half hour and wage values (33.3, and a minimum of
/// 33.300001 between it and the next single-precision value) that single precision cannot
/// tell apart, for the index's entry tests.
///
///     var rng = SplitMix64(seed: 7)
///     let data = RandomData()
///     let seekers = data.seekers(count: 150, using: &rng)
public struct RandomData: Sendable {
  /// The day the dates are spread around.
  public var today: Day

  /// Where the records are: around Leeuwarden by default; elsewhere (by the antimeridian, by
  /// a pole) the same layout moved there, longitudes wrapped and latitudes clamped.
  public var origin: GeoPoint

  public static let leeuwarden = GeoPoint(lat: 53.1, lon: 5.85)

  public init(today: Day = Day(iso: "2026-06-15")!, origin: GeoPoint = RandomData.leeuwarden) {
    self.today = today
    self.origin = origin
  }

  // MARK: Vocabularies

  /// Twelve skills; the last two are canonically equivalent, byte-different spellings.
  public static let skills = [
    "schoonmaken", "koffie-zetten", "post-sorteren", "kopieerwerk", "klein-onderhoud", "tuinieren",
    "koken", "kassa", "magazijn", "administratie", "caf\u{E9}", "cafe\u{301}",
  ]
  /// Five accommodations; the last two are canonically equivalent, byte-different spellings.
  public static let accommodations = [
    "rustige-werkplek", "jobcoach", "vaste-structuur", "hulp-\u{E9}", "hulp-e\u{301}",
  ]
  /// Six job types; the last two are canonically equivalent, byte-different spellings.
  public static let jobTypes = [
    "concierge-assistent", "schoonmaker", "kantine-medewerker", "tuinman", "conci\u{EB}rge",
    "concie\u{308}rge",
  ]
  public static let sectors = ["onderwijs", "zorg", "logistiek", "horeca"]
  /// Four regions; the last two are canonically equivalent, byte-different spellings.
  public static let regions = ["friesland", "groningen", "frysl\u{E2}n", "frysla\u{302}n"]
  /// Codes no indexed record uses: only inline query records and filters carry them.
  public static let absentCodes = [
    "nooit-gezien", "x", "schoonmaken-", "Schoonmaken", "\u{1F9F9}",
    String(repeating: "z", count: 64),
  ]

  /// Places in and around Friesland (≈ 60 km across), shared by many records so that
  /// distances tie exactly.
  public static let places: [GeoPoint] = [
    GeoPoint(lat: 53.2012, lon: 5.7999),  // Leeuwarden
    GeoPoint(lat: 53.0325, lon: 5.6589),  // Sneek
    GeoPoint(lat: 53.1642, lon: 5.7817),
    GeoPoint(lat: 52.9600, lon: 5.9200),  // Heerenveen
    GeoPoint(lat: 53.1000, lon: 6.1000),  // Drachten
    GeoPoint(lat: 53.1800, lon: 5.5400),  // Franeker
    GeoPoint(lat: 53.3300, lon: 6.0000),  // Dokkum
    GeoPoint(lat: 53.0100, lon: 6.2000),
  ]

  static let hourSteps: [Double] = [0, 4, 7.3, 8, 12, 16, 20, 24, 25.5, 32, 36, 40]

  // MARK: Ids

  /// Seeker ids: plain numbers ("S-10" sorts before "S-9" by bytes), a few non-ASCII ids, one
  /// of 64 bytes.
  public static func seekerIDs(count: Int) -> [String] { ids(prefix: "S", count: count) }
  public static func vacancyIDs(count: Int) -> [String] { ids(prefix: "V", count: count) }

  static func ids(prefix: String, count: Int) -> [String] {
    let special = [
      "\(prefix)-\u{E9}", "\(prefix)-e\u{301}", "\(prefix)-\u{3A9}", "\(prefix.lowercased())-0",
      prefix + "-" + String(repeating: "9", count: 62),
      prefix + String(repeating: "\u{E9}", count: 31) + "-",
    ]
    var ids: [String] = []
    for index in 0..<count {
      if index % 25 == 7, index / 25 < special.count {
        ids.append(special[index / 25])
      } else {
        ids.append("\(prefix)-\(index)")
      }
    }
    return ids
  }

  // MARK: Records

  public func seekers(count: Int, using rng: inout some RandomNumberGenerator) -> [Seeker] {
    Self.seekerIDs(count: count).map { seeker(id: $0, using: &rng) }
  }

  public func vacancies(count: Int, using rng: inout some RandomNumberGenerator) -> [Vacancy] {
    Self.vacancyIDs(count: count).map { vacancy(id: $0, using: &rng) }
  }

  /// A random seeker; `exotic` lets its codes include ones no indexed record uses.
  public func seeker(id: String, exotic: Bool = false, using rng: inout some RandomNumberGenerator)
    -> Seeker
  {
    let hours = randomHours(using: &rng)
    var seeker = Seeker(
      id: id, location: location(using: &rng), maxTravelKm: travelKm(using: &rng), hours: hours)
    if !rng.chance(0.15) { seeker.region = code(Self.regions, exotic: exotic, using: &rng) }
    if !rng.chance(0.55) { seeker.workdays = days(using: &rng, allowEmpty: true) }
    if !rng.chance(0.4) { seeker.availableFrom = today.adding(days: 15 * Int.random(in: -3...12, using: &rng)) }
    if !rng.chance(0.3) { seeker.education = rng.pick(Education.allCases) }
    seeker.skills = codes(Self.skills, count: 0...6, exotic: exotic, using: &rng)
    seeker.experience = codes(Self.jobTypes, count: 0...2, exotic: exotic, using: &rng)
    seeker.needs = codes(Self.accommodations, count: rng.chance(0.6) ? 0...0 : 1...2, exotic: exotic, using: &rng)
    switch Int.random(in: 0..<10, using: &rng) {
    case 0, 1: seeker.preferences = nil
    case 2: seeker.preferences = Seeker.Preferences()
    default:
      seeker.preferences = Seeker.Preferences(
        jobTypes: codes(Self.jobTypes, count: 0...2, exotic: exotic, using: &rng),
        sectors: codes(Self.sectors, count: 0...2, exotic: exotic, using: &rng))
    }
    if !rng.chance(0.4) { seeker.wageValue = rng.pick([0, 20, 33.3, 40, 50, 60, 80, 100] as [Double]) }
    seeker.registered = rng.chance(0.85)
    return seeker
  }

  /// A random vacancy; `exotic` lets its codes include ones no indexed record uses.
  public func vacancy(id: String, exotic: Bool = false, using rng: inout some RandomNumberGenerator)
    -> Vacancy
  {
    let employer = Vacancy.Employer(
      id: "E-\(Int.random(in: 0..<8, using: &rng))", name: rng.chance(0.5) ? "Werkgever" : nil,
      type: rng.pick(EmployerType.allCases))
    var vacancy = Vacancy(
      id: id, employer: employer, jobType: code(Self.jobTypes, exotic: exotic, using: &rng),
      location: location(using: &rng), hours: randomHours(using: &rng))
    if rng.chance(0.5) { vacancy.title = "Functie" }
    if !rng.chance(0.2) { vacancy.sector = code(Self.sectors, exotic: exotic, using: &rng) }
    if !rng.chance(0.15) { vacancy.region = code(Self.regions, exotic: exotic, using: &rng) }
    if !rng.chance(0.5) { vacancy.workdays = days(using: &rng, allowEmpty: false, max: 4) }
    if !rng.chance(0.4) { vacancy.startDate = today.adding(days: 15 * Int.random(in: -6...8, using: &rng)) }
    vacancy.positions = Int.random(in: 1...3, using: &rng)
    vacancy.requiredSkills = codes(Self.skills, count: rng.chance(0.6) ? 0...0 : 1...2, exotic: exotic, using: &rng)
    vacancy.preferredSkills = codes(Self.skills, count: 0...4, exotic: exotic, using: &rng)
    vacancy.offers = codes(Self.accommodations, count: 0...5, exotic: exotic, using: &rng)
    vacancy.minEducation = rng.chance(0.5) ? .none : rng.pick(Education.allCases)
    if rng.chance(0.5) { vacancy.minWageValue = rng.pick([0, 30, 33.3, 33.300001, 40, 50, 60] as [Double]) }
    vacancy.banenafspraak = rng.chance(0.7)
    return vacancy
  }

  // MARK: Options

  /// Random valid options for a query in `direction`; `otherIDs` are ids of the records the
  /// query ranks (for `excludeIDs`).
  public func options(
    direction: MatchDirection, otherIDs: [String], using rng: inout some RandomNumberGenerator
  ) -> MatchOptions {
    var options = MatchOptions(date: today.adding(days: Int.random(in: -20...20, using: &rng)))
    options.limit = rng.chance(0.1) ? 0 : Int.random(in: 0...30, using: &rng)
    options.nearMisses = rng.chance(0.3) ? 0 : Int.random(in: 0...10, using: &rng)
    options.explain = rng.chance(0.5)
    options.weights = weights(using: &rng)

    var filters = MatchFilters()
    if rng.chance(0.2) { filters.regions = codes(Self.regions, count: 0...3, exotic: true, using: &rng) }
    if direction == .vacanciesForSeeker {
      if rng.chance(0.15) {
        filters.employerTypes = (0..<Int.random(in: 0...3, using: &rng)).map { _ in rng.pick(EmployerType.allCases) }
      }
      if rng.chance(0.15) { filters.sectors = codes(Self.sectors, count: 0...3, exotic: true, using: &rng) }
      if rng.chance(0.15) { filters.jobTypes = codes(Self.jobTypes, count: 0...4, exotic: true, using: &rng) }
    }
    if rng.chance(0.3), !otherIDs.isEmpty {
      filters.excludeIDs = (0..<Int.random(in: 1...10, using: &rng)).map { _ in rng.pick(otherIDs) }
      if rng.chance(0.3) { filters.excludeIDs.append("onbekend-\u{E9}") }
    }
    if rng.chance(0.2) { filters.maxKm = rng.pick([0.5, 5, 10, 20, 40, 1000] as [Double]) }
    options.filters = filters
    return options
  }

  /// Defaults, a few named overrides, or all six random; sometimes zeros; never all zero.
  public func weights(using rng: inout some RandomNumberGenerator) -> Weights {
    let values: [Double] = [0, 0, 0.05, 0.1, 0.25, 0.5, 1, 3]
    var weights = Weights.default
    switch Int.random(in: 0..<10, using: &rng) {
    case 0..<4: break
    case 4..<7:
      for feature in Feature.allCases where rng.chance(0.35) { weights[feature] = rng.pick(values) }
    default:
      for feature in Feature.allCases {
        weights[feature] = rng.chance(0.8) ? rng.pick(values) : Double.random(in: 0...2, using: &rng)
      }
    }
    if !(weights.total > 0) { weights[rng.pick(Feature.allCases)] = 1 }
    return weights
  }

  // MARK: Pieces

  func location(using rng: inout some RandomNumberGenerator) -> GeoPoint {
    if rng.chance(0.5) { return moved(rng.pick(Self.places)) }
    return moved(
      GeoPoint(
        lat: 53.1 + Double.random(in: -0.27...0.27, using: &rng),
        lon: 5.85 + Double.random(in: -0.45...0.45, using: &rng)))
  }

  /// A point of the Leeuwarden layout moved to `origin`.
  func moved(_ point: GeoPoint) -> GeoPoint {
    let lat = min(90, max(-90, point.lat - Self.leeuwarden.lat + origin.lat))
    var lon = point.lon - Self.leeuwarden.lon + origin.lon
    if lon > 180 { lon -= 360 }
    if lon < -180 { lon += 360 }
    return GeoPoint(lat: lat, lon: lon)
  }

  func travelKm(using rng: inout some RandomNumberGenerator) -> Double {
    rng.chance(0.8)
      ? rng.pick([1, 5, 10, 15, 20, 25, 30, 40, 60, 250] as [Double])
      : Double.random(in: 0.5...80, using: &rng)
  }

  func randomHours(using rng: inout some RandomNumberGenerator) -> HourRange {
    let low = rng.pick(Self.hourSteps.dropLast())
    let high = rng.pick(Self.hourSteps.filter { $0 >= low && $0 > 0 })
    return HourRange(min: low, max: high)
  }

  func days(using rng: inout some RandomNumberGenerator, allowEmpty: Bool, max: Int = 7) -> Workdays {
    var days = Workdays()
    let count = Int.random(in: (allowEmpty ? 0 : 1)...max, using: &rng)
    for _ in 0..<count { days.insert(Workdays(rawValue: 1 << UInt8.random(in: 0..<7, using: &rng))) }
    return days
  }

  func code(_ vocabulary: [String], exotic: Bool, using rng: inout some RandomNumberGenerator) -> String {
    exotic && rng.chance(0.15) ? rng.pick(Self.absentCodes) : rng.pick(vocabulary)
  }

  /// A list drawn with replacement (so duplicates occur), sometimes with a deliberate repeat.
  func codes(
    _ vocabulary: [String], count: ClosedRange<Int>, exotic: Bool,
    using rng: inout some RandomNumberGenerator
  ) -> [String] {
    var list = (0..<Int.random(in: count, using: &rng)).map { _ in code(vocabulary, exotic: exotic, using: &rng) }
    if !list.isEmpty, rng.chance(0.1) { list.append(rng.pick(list)) }
    return list
  }
}
