import Banenmatch
import BanenmatchGenerate
import BanenmatchJSON
import Testing

/// `JSONWriter.seeker(_:)` and `.vacancy(_:)` are the inverse of `RecordDecoding`.
@Suite struct RecordEncodingTests {
  @Test func generatedLinesReencodeToTheSameBytes() {
    let seekerLines = Fixtures.lines(Fixtures.smallSeekerBytes)
    let differentSeekers = zip(seekerLines, Fixtures.smallSeekers).filter { line, seeker in
      var writer = JSONWriter()
      writer.seeker(seeker)
      return writer.bytes != line
    }
    #expect(seekerLines.count == 3000 && differentSeekers.isEmpty, "\(differentSeekers.prefix(1).map(\.1.id))")
    let vacancyLines = Fixtures.lines(Fixtures.smallVacancyBytes)
    let differentVacancies = zip(vacancyLines, Fixtures.smallVacancies).filter { line, vacancy in
      var writer = JSONWriter()
      writer.vacancy(vacancy)
      return writer.bytes != line
    }
    #expect(vacancyLines.count == 1000 && differentVacancies.isEmpty)
  }

  static let seekers: [Seeker] = [
    Seeker(id: "S-1", location: GeoPoint(lat: 52, lon: 5), maxTravelKm: 1, hours: HourRange(min: 0, max: 40)),
    Seeker(
      id: "S-\"quoted\"\\ é 🧹", region: "fryslân", location: GeoPoint(lat: -89.123456789, lon: 179.99999),
      maxTravelKm: 250, hours: HourRange(min: 12.25, max: 25.5), workdays: [.sat, .sun],
      availableFrom: Day(iso: "2027-02-28"), education: .vso, skills: ["a", "a", "b"], experience: ["x"],
      needs: ["jobcoach"], preferences: Seeker.Preferences(), wageValue: 0, registered: false),
    Seeker(
      id: "S-3", location: GeoPoint(lat: 0.1, lon: -0.2), maxTravelKm: 0.5, hours: HourRange(min: 1e-3, max: 1e-3),
      workdays: [], education: .wo, preferences: Seeker.Preferences(jobTypes: [], sectors: ["zorg"]),
      wageValue: 100),
  ]

  static let vacancies: [Vacancy] = [
    Vacancy(
      id: "V-1", employer: Vacancy.Employer(id: "E", type: .markt), jobType: "j", location: GeoPoint(lat: 1, lon: 2),
      hours: HourRange(min: 0, max: 0.5)),
    Vacancy(
      id: "V-2", employer: Vacancy.Employer(id: "E-2", name: "Stichting \"Ons\" Onderwijs\n", type: .schoolbestuurVO),
      title: "Conciërge-assistent", jobType: "concierge-assistent", sector: "onderwijs", region: "friesland",
      location: GeoPoint(lat: 53.1642, lon: 5.7817), hours: HourRange(min: 16, max: 25.5), workdays: .all,
      startDate: Day(iso: "2027-01-04"), positions: 1_000_000, requiredSkills: ["schoonmaken"],
      preferredSkills: ["post-sorteren", "post-sorteren"], minEducation: .mbo2, offers: ["jobcoach"],
      minWageValue: 40.5, banenafspraak: false),
  ]

  @Test(arguments: seekers)
  func seekerRoundTrip(seeker: Seeker) throws {
    var writer = JSONWriter()
    writer.seeker(seeker)
    let decoded = try RecordDecoding.seeker(JSONDocument(parsing: writer.bytes).root)
    #expect(decoded == seeker, "\(writer.string)")
    #expect(!writer.bytes.contains(UInt8(ascii: "\n")))
  }

  @Test(arguments: vacancies)
  func vacancyRoundTrip(vacancy: Vacancy) throws {
    var writer = JSONWriter()
    writer.vacancy(vacancy)
    let decoded = try RecordDecoding.vacancy(JSONDocument(parsing: writer.bytes).root)
    #expect(decoded == vacancy, "\(writer.string)")
    #expect(!writer.bytes.contains(UInt8(ascii: "\n")))
  }

  /// Defaults and absent optionals are left out; the eligibility flags are always written.
  @Test func minimalRecordsAreCompact() {
    var writer = JSONWriter()
    writer.seeker(Self.seekers[0])
    #expect(
      writer.string
        == #"{"id":"S-1","location":{"lat":52,"lon":5},"maxTravelKm":1,"hours":{"min":0,"max":40},"registered":true}"#)
    var vacancyWriter = JSONWriter()
    vacancyWriter.vacancy(Self.vacancies[0])
    #expect(
      vacancyWriter.string
        == #"{"id":"V-1","employer":{"id":"E","type":"markt"},"jobType":"j","location":{"lat":1,"lon":2},"#
        + #""hours":{"min":0,"max":0.5},"banenafspraak":true}"#)
  }
}
