import Banenmatch
import BanenmatchTestSupport
import Testing

/// The seekers' grid entries round position, reach and wage value to fit in a few bytes, and
/// decide most pairs of a vacancy query from them alone; every test on them must allow for the
/// rounding. Seekers whose reach ends within metres of the vacancy, and wage values within a
/// 256th of a minimum, are judged here exactly as the reference judges them.
@Suite struct EntryRoundingTests {
  static let centre = GeoPoint(lat: 52.1, lon: 5.1)
  static let today = Day(iso: "2026-12-01")!

  /// Seekers in four directions at distances from 300 m to 250 km, each with a reach that
  /// ends from 400 m short of the vacancy to 400 m past it, and wage values around 60.001;
  /// and 160 seekers within 700 m who travel 250 km.
  static func seekers() -> [Seeker] {
    let offsetsKm = [-0.4, -0.2, -0.15, -0.05, -0.01, -0.001, -1e-5, 0, 1e-5, 0.001, 0.01, 0.05, 0.15, 0.2, 0.4]
    // Around a minimum of 60.001: 59.9975 and 60.0005 round up (to 256ths) past it.
    let wages: [Double?] = [nil, 59.99, 59.9975, 60, 60.0005, 60.001, 60.0011, 60 + 1.0 / 256, 60.5, 100]
    // (north, east) steps; a degree of longitude is about 0.61 of one of latitude here.
    let directions: [(Double, Double)] = [(1, 0), (0, 1 / 0.614), (-0.6, 0.8 / 0.614), (0.3, -0.95 / 0.614)]
    var seekers: [Seeker] = []
    for distance in [0.3, 4.9, 24, 99.5, 180, 249.7] {
      for (north, east) in directions {
        let point = GeoPoint(
          lat: centre.lat + north * distance / 111.2, lon: centre.lon + east * distance / 111.2)
        let actual = centre.distanceKm(to: point)
        for offset in offsetsKm where actual + offset > 0 && actual + offset <= 250 {
          seekers.append(
            Seeker(
              id: "S-\(seekers.count)", location: point, maxTravelKm: actual + offset,
              hours: HourRange(min: 0, max: 40), wageValue: wages[seekers.count % wages.count]))
        }
      }
    }
    // Near the vacancy with the longest reach: distance features that differ in the fifth
    // decimal, so that a full list's bound from the rounded position must be exact enough.
    // Farthest first: a cell keeps its entries in the order given, so that each later pair
    // beats the list's worst by a hair.
    for k in (0..<160).reversed() {
      let (north, east) = directions[k % directions.count]
      let distance = 0.05 + 0.004 * Double(k)
      seekers.append(
        Seeker(
          id: "S-\(seekers.count)",
          location: GeoPoint(lat: centre.lat + north * distance / 111.2, lon: centre.lon + east * distance / 111.2),
          maxTravelKm: 250, hours: HourRange(min: 0, max: 40)))
    }
    return seekers
  }

  @Test(arguments: [nil, 24.0, 99.5])
  func pairsAtTheEdgeOfReachAndOfAWageMinimum(maxKm: Double?) throws {
    var index = MatchIndex()
    var reference = ReferenceMatcher(distanceKm: { $0.distanceKm(to: $1) })
    let seekers = Self.seekers()
    let vacancies = [
      Vacancy(
        id: "V-loon", employer: Vacancy.Employer(id: "E-1", type: .markt), jobType: "schoonmaak",
        location: Self.centre, hours: HourRange(min: 8, max: 16), minWageValue: 60.001),
      Vacancy(
        id: "V-vrij", employer: Vacancy.Employer(id: "E-1", type: .markt), jobType: "schoonmaak",
        location: Self.centre, hours: HourRange(min: 8, max: 16)),
    ]
    try index.upsert(seekers: seekers)
    try index.upsert(vacancies: vacancies)
    reference.upsert(seekers: seekers)
    reference.upsert(vacancies: vacancies)

    var filters = MatchFilters()
    filters.maxKm = maxKm
    var feasible = 0
    for vacancy in vacancies {
      // A full list (limit 5) prunes by bounds from the entries; a long one counts alone.
      for (limit, nearMisses) in [(1000, 0), (5, 0), (20, 0), (60, 0), (1000, 5), (5, 5)] {
        let options = MatchOptions(date: Self.today, limit: limit, nearMisses: nearMisses, filters: filters)
        let engine = try index.seekers(forVacancyID: vacancy.id, options: options)
        let expected = reference.seekers(for: vacancy, options: options)
        let problems = differences(engine, expected)
        #expect(problems.isEmpty, "\(vacancy.id) limit \(limit) nearMisses \(nearMisses): \(problems.prefix(4))")
        feasible += engine.feasible
      }
    }
    // Both sides of every edge are there: some pairs are feasible, and some are not.
    #expect(feasible > 0 && feasible < 2 * 6 * seekers.count)
  }
}
