import Banenmatch
import BanenmatchTestSupport
import Testing

/// A seeker's near misses beyond reach come from far lists: the vacancies of one job type,
/// required skills and number of preferred skills, with bit sets over their positions (64 to
/// a word) of the entries offering each accommodation, listing each workday and counting for
/// the banenafspraak. Here one list grows past two words, loses entries from its middle and
/// its end (so that words stand empty behind it), and grows again; after every step each
/// seeker's near misses, all of them, are the reference's.
@Suite struct FarListTests {
  static let today = Day(iso: "2026-12-01")!
  static let home = GeoPoint(lat: 52.09, lon: 5.12)

  /// Seekers whose needs, workdays and registration each leave out different entries.
  static let seekers: [Seeker] = [
    Seeker(
      id: "S-behoeften", location: home, maxTravelKm: 3, hours: HourRange(min: 8, max: 24),
      workdays: [.mon, .tue, .wed], skills: ["schoonmaken", "dweilen"], needs: ["jobcoach"], registered: false),
    Seeker(
      id: "S-alles", location: home, maxTravelKm: 3, hours: HourRange(min: 0, max: 40),
      skills: ["schoonmaken", "dweilen", "stofzuigen"]),
    Seeker(
      id: "S-twee", location: home, maxTravelKm: 3, hours: HourRange(min: 4, max: 16),
      workdays: [.mon, .tue, .wed, .thu, .fri], skills: ["schoonmaken", "stofzuigen"],
      needs: ["jobcoach", "rustige-werkplek"]),
  ]

  static func vacancy(_ number: Int, using rng: inout SplitMix64) -> Vacancy {
    let offers = ["jobcoach", "rustige-werkplek", "vaste-structuur"].filter { _ in rng.chance(0.6) }
    var workdays: Workdays = []
    for day in [Workdays.mon, .tue, .wed, .thu, .fri, .sat] where rng.chance(0.3) { workdays.insert(day) }
    let minHours = Double(Int.random(in: 2...20, using: &rng))
    // Most far away (beyond every seeker's 3 km), a few within reach.
    let near = rng.chance(0.1)
    let location = GeoPoint(
      lat: near ? home.lat + Double.random(in: -0.02...0.02, using: &rng) : Double.random(in: 51.0...53.2, using: &rng),
      lon: near ? home.lon + Double.random(in: -0.02...0.02, using: &rng) : Double.random(in: 3.5...7.0, using: &rng))
    return Vacancy(
      id: "V-\(number)", employer: Vacancy.Employer(id: "E-1", type: .markt), jobType: "schoonmaak",
      location: location, hours: HourRange(min: minHours, max: minHours + Double(Int.random(in: 0...12, using: &rng))),
      workdays: workdays, startDate: today.adding(days: Int.random(in: -30...150, using: &rng)),
      requiredSkills: ["schoonmaken"], preferredSkills: ["dweilen", "stofzuigen"], offers: offers,
      banenafspraak: rng.chance(0.5))
  }

  @Test func nearMissesBeyondReachAgreeAsAFarListGrowsAndShrinks() throws {
    var rng = SplitMix64(seed: 64)
    var index = MatchIndex()
    var reference = ReferenceMatcher(distanceKm: { $0.distanceKm(to: $1) })
    let options = MatchOptions(date: Self.today, limit: 10, nearMisses: 200)
    var beyond = 0

    func expectAgreement(_ step: String) {
      for seeker in Self.seekers {
        do {
          let answer = try index.vacancies(for: seeker, options: options)
          let expected = reference.vacancies(for: seeker, options: options)
          let problems = differences(answer, expected)
          #expect(problems.isEmpty, "\(step), \(seeker.id): \(problems.prefix(4))")
          beyond += answer.nearMisses.filter { $0.constraint == .distance }.count
        } catch {
          Issue.record("\(step), \(seeker.id): \(error)")
        }
      }
    }

    var vacancies = (0..<150).map { Self.vacancy($0, using: &rng) }
    // In batches, so that the list grows by appends as well as by one bulk layout.
    for batch in stride(from: 0, to: vacancies.count, by: 50) {
      let part = Array(vacancies[batch..<batch + 50])
      try index.upsert(vacancies: part)
      reference.upsert(vacancies: part)
      expectAgreement("after \(batch + 50) vacancies")
    }
    // Out of the middle (the last entry moves into each place), then off the end, down to 40.
    var removed: [String] = []
    for number in stride(from: 1, to: 100, by: 2) { removed.append("V-\(number)") }
    for number in 100..<150 { removed.append("V-\(number)") }
    let stay = vacancies.filter { !removed.contains($0.id) }
    #expect(stay.count < 64)
    index.removeVacancies(ids: removed)
    reference.removeVacancies(ids: removed)
    expectAgreement("after removing \(removed.count)")
    // Grown again past a word, with replacements of some that stay.
    vacancies =
      (150..<200).map { Self.vacancy($0, using: &rng) }
      + stay.prefix(5).map { old in
        var changed = Self.vacancy(0, using: &rng)
        changed.id = old.id
        return changed
      }
    try index.upsert(vacancies: vacancies)
    reference.upsert(vacancies: vacancies)
    expectAgreement("after growing again")
    // The seekers must have had near misses beyond reach to compare.
    #expect(beyond > 100, "near misses beyond reach: \(beyond)")
  }
}
