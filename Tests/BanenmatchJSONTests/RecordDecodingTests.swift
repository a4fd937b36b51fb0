import Banenmatch
import BanenmatchJSON
import Testing

/// Decoding of records from JSON: defaults, and an error naming the field for every kind of
/// bad input (SPEC section 2).
@Suite struct RecordDecodingTests {
  static let seekerJSON = """
    {"id":"S-000123","region":"friesland","location":{"lat":53.2012,"lon":5.7999},"maxTravelKm":25,
     "hours":{"min":12,"max":25.5},"workdays":["mon","tue","wed","thu"],"availableFrom":"2026-12-01",
     "education":"pro","skills":["schoonmaken","koffie-zetten","post-sorteren"],"experience":["kantine"],
     "needs":["rustige-werkplek","jobcoach"],"preferences":{"jobTypes":["concierge-assistent"],"sectors":["onderwijs"]},
     "wageValue":60,"registered":true,"unknownField":{"ignored":true}}
    """

  static let vacancyJSON = """
    {"id":"V-004211","employer":{"id":"E-0017","name":"SO Fryslân","type":"schoolbestuur-vo"},
     "title":"Conciërge-assistent","jobType":"concierge-assistent","sector":"onderwijs","region":"friesland",
     "location":{"lat":53.1642,"lon":5.7817},"hours":{"min":16,"max":25.5},"workdays":["mon","tue","thu"],
     "startDate":"2027-01-04","positions":2,"requiredSkills":["schoonmaken"],
     "preferredSkills":["post-sorteren","kopieerwerk","klein-onderhoud"],"minEducation":"none",
     "offers":["rustige-werkplek","jobcoach","vaste-structuur"],"minWageValue":40,"banenafspraak":true}
    """

  static func document(_ text: String) throws -> JSONDocument {
    try JSONDocument(parsing: Array(text.utf8))
  }

  @Test func decodesTheSpecExampleSeeker() throws {
    let seeker = try RecordDecoding.seeker(Self.document(Self.seekerJSON).root)
    #expect(seeker.id == "S-000123")
    #expect(seeker.location == GeoPoint(lat: 53.2012, lon: 5.7999))
    #expect(seeker.hours == HourRange(min: 12, max: 25.5))
    #expect(seeker.workdays == [.mon, .tue, .wed, .thu])
    #expect(seeker.availableFrom == Day(iso: "2026-12-01"))
    #expect(seeker.education == .pro)
    #expect(seeker.needs == ["rustige-werkplek", "jobcoach"])
    #expect(seeker.preferences == Seeker.Preferences(jobTypes: ["concierge-assistent"], sectors: ["onderwijs"]))
    #expect(seeker.wageValue == 60)
    #expect(seeker.registered)
  }

  @Test func decodesTheSpecExampleVacancy() throws {
    let vacancy = try RecordDecoding.vacancy(Self.document(Self.vacancyJSON).root)
    #expect(vacancy.employer == Vacancy.Employer(id: "E-0017", name: "SO Fryslân", type: .schoolbestuurVO))
    #expect(vacancy.title == "Conciërge-assistent")
    #expect(vacancy.startDate == Day(iso: "2027-01-04"))
    #expect(vacancy.positions == 2)
    #expect(vacancy.minEducation == Education.none)
    #expect(vacancy.minWageValue == 40)
    #expect(vacancy.banenafspraak)
  }

  @Test func appliesTheDefaults() throws {
    let seeker = try RecordDecoding.seeker(
      Self.document(#"{"id":"S","location":{"lat":52,"lon":5},"maxTravelKm":10,"hours":{"min":0,"max":8}}"#).root)
    #expect(seeker.workdays == .all)
    #expect(seeker.availableFrom == nil && seeker.education == nil && seeker.wageValue == nil)
    #expect(seeker.skills.isEmpty && seeker.experience.isEmpty && seeker.needs.isEmpty && seeker.preferences == nil)
    #expect(seeker.registered && seeker.region == nil)

    let vacancy = try RecordDecoding.vacancy(
      Self.document(
        #"{"id":"V","employer":{"id":"E","type":"markt"},"jobType":"magazijn","location":{"lat":52,"lon":5},"hours":{"min":0,"max":8}}"#
      ).root)
    #expect(vacancy.workdays == [] && vacancy.startDate == nil && vacancy.positions == 1)
    #expect(vacancy.minEducation == Education.none && vacancy.minWageValue == nil && vacancy.banenafspraak)
    #expect(vacancy.title == nil && vacancy.employer.name == nil && vacancy.sector == nil && vacancy.offers.isEmpty)
  }

  @Test func nullOptionalFieldsMeanAbsent() throws {
    let seeker = try RecordDecoding.seeker(
      Self.document(
        #"{"id":"S","location":{"lat":52,"lon":5},"maxTravelKm":10,"hours":{"min":0,"max":8},"education":null,"wageValue":null}"#
      ).root)
    #expect(seeker.education == nil && seeker.wageValue == nil)
  }

  /// Each bad seeker field, as (JSON replacing part of the example, expected path, words of the message).
  @Test(arguments: [
    (#""id":"S-000123""#, #""id":"""#, "id", "1 to 64 bytes"),
    (#""id":"S-000123""#, #""id":"\#(String(repeating: "x", count: 65))""#, "id", "65 bytes"),
    (#""id":"S-000123""#, #""id":7"#, "id", "must be a string"),
    (#""id":"S-000123","#, "", "id", "is required"),
    (#""location":{"lat":53.2012,"lon":5.7999}"#, #""location":{"lat":91,"lon":5.7999}"#, "location.lat", "latitude"),
    (
      #""location":{"lat":53.2012,"lon":5.7999}"#, #""location":{"lat":53.2,"lon":"x"}"#, "location.lon",
      "must be a number"
    ),
    (#""location":{"lat":53.2012,"lon":5.7999}"#, #""location":[53.2,5.8]"#, "location", "must be an object"),
    (#""maxTravelKm":25"#, #""maxTravelKm":0"#, "maxTravelKm", "greater than 0"),
    (#""maxTravelKm":25"#, #""maxTravelKm":251"#, "maxTravelKm", "at most 250"),
    (#""maxTravelKm":25"#, #""maxTravelKm":null"#, "maxTravelKm", "is required"),
    (#""hours":{"min":12,"max":25.5}"#, #""hours":{"min":30,"max":25.5}"#, "hours.min", "must not exceed"),
    (#""hours":{"min":12,"max":25.5}"#, #""hours":{"min":-1,"max":25.5}"#, "hours.min", "from 0 to 40"),
    (#""hours":{"min":12,"max":25.5}"#, #""hours":{"min":0,"max":0}"#, "hours.max", "greater than 0"),
    (#""hours":{"min":12,"max":25.5}"#, #""hours":{"min":0,"max":41}"#, "hours.max", "at most 40"),
    (#""hours":{"min":12,"max":25.5}"#, #""hours":{"min":0}"#, "hours.max", "is required"),
    (#""workdays":["mon","tue","wed","thu"]"#, #""workdays":["mon","maandag"]"#, "workdays[1]", "must be one of mon"),
    (#""workdays":["mon","tue","wed","thu"]"#, #""workdays":"mon""#, "workdays", "must be an array"),
    (#""availableFrom":"2026-12-01""#, #""availableFrom":"2026-13-01""#, "availableFrom", "YYYY-MM-DD"),
    (#""availableFrom":"2026-12-01""#, #""availableFrom":"01-12-2026""#, "availableFrom", "YYYY-MM-DD"),
    (#""education":"pro""#, #""education":"mbo9""#, "education", "must be one of none"),
    (
      #""skills":["schoonmaken","koffie-zetten","post-sorteren"]"#, #""skills":["schoonmaken",""]"#, "skills[1]",
      "1 to 64 bytes"
    ),
    (
      #""skills":["schoonmaken","koffie-zetten","post-sorteren"]"#, #""skills":["schoonmaken",3]"#, "skills[1]",
      "must be a string"
    ),
    (
      #""needs":["rustige-werkplek","jobcoach"]"#, #""needs":["\#(String(repeating: "n", count: 65))"]"#, "needs[0]",
      "65 bytes"
    ),
    (#""experience":["kantine"]"#, #""experience":{"kantine":1}"#, "experience", "must be an array"),
    (
      #""preferences":{"jobTypes":["concierge-assistent"],"sectors":["onderwijs"]}"#,
      #""preferences":{"jobTypes":[""]}"#, "preferences.jobTypes[0]", "1 to 64 bytes"
    ),
    (#""wageValue":60"#, #""wageValue":101"#, "wageValue", "percentage"),
    (#""wageValue":60"#, #""wageValue":"60""#, "wageValue", "must be a number"),
    (#""registered":true"#, #""registered":"yes""#, "registered", "true or false"),
  ])
  func rejectsABadSeekerField(original: String, replacement: String, path: String, message: String) throws {
    let text = Self.seekerJSON.replacingOccurrences(of: original, with: replacement)
    #expect(text != Self.seekerJSON, "the replacement must apply")
    let error = #expect(throws: ValidationError.self) {
      try RecordDecoding.seeker(Self.document(text).root, prefix: "seekers[3]")
    }
    let errors = error?.errors ?? []
    #expect(errors.contains { $0.path == "seekers[3].\(path)" && $0.message.contains(message) }, "\(errors)")
  }

  @Test(arguments: [
    (
      #""employer":{"id":"E-0017","name":"SO Fryslân","type":"schoolbestuur-vo"}"#,
      #""employer":{"id":"E-0017","type":"school"}"#, "employer.type", "must be one of schoolbestuur-po"
    ),
    (
      #""employer":{"id":"E-0017","name":"SO Fryslân","type":"schoolbestuur-vo"}"#, #""employer":{"type":"markt"}"#,
      "employer.id", "is required"
    ),
    (
      #""employer":{"id":"E-0017","name":"SO Fryslân","type":"schoolbestuur-vo"}"#, #""employer":"E-0017""#, "employer",
      "must be an object"
    ),
    (#""jobType":"concierge-assistent","#, "", "jobType", "is required"),
    (#""jobType":"concierge-assistent""#, #""jobType":"""#, "jobType", "1 to 64 bytes"),
    (#""positions":2"#, #""positions":0"#, "positions", "from 1"),
    (#""positions":2"#, #""positions":1.5"#, "positions", "whole number"),
    (#""startDate":"2027-01-04""#, #""startDate":"2027-02-29""#, "startDate", "YYYY-MM-DD"),
    (#""minEducation":"none""#, #""minEducation":"phd""#, "minEducation", "must be one of"),
    (#""minWageValue":40"#, #""minWageValue":-5"#, "minWageValue", "percentage"),
    (#""banenafspraak":true"#, #""banenafspraak":1"#, "banenafspraak", "true or false"),
    (
      #""offers":["rustige-werkplek","jobcoach","vaste-structuur"]"#, #""offers":[null]"#, "offers[0]",
      "must be a string"
    ),
    (#""requiredSkills":["schoonmaken"]"#, #""requiredSkills":[""]"#, "requiredSkills[0]", "1 to 64 bytes"),
    (#""hours":{"min":16,"max":25.5}"#, #""hours":{"min":16,"max":12}"#, "hours.min", "must not exceed"),
    (
      #""location":{"lat":53.1642,"lon":5.7817}"#, #""location":{"lat":53.1642,"lon":181}"#, "location.lon", "longitude"
    ),
  ])
  func rejectsABadVacancyField(original: String, replacement: String, path: String, message: String) throws {
    let text = Self.vacancyJSON.replacingOccurrences(of: original, with: replacement)
    #expect(text != Self.vacancyJSON, "the replacement must apply")
    let error = #expect(throws: ValidationError.self) {
      try RecordDecoding.vacancy(Self.document(text).root, prefix: "vacancies[0]")
    }
    let errors = error?.errors ?? []
    #expect(errors.contains { $0.path == "vacancies[0].\(path)" && $0.message.contains(message) }, "\(errors)")
  }

  @Test func aRecordThatIsNotAnObjectIsNamed() throws {
    let error = #expect(throws: ValidationError.self) {
      try RecordDecoding.seekers(Self.document(#"[{"id":"S"}, 5]"#).root, name: "seekers")
    }
    let paths = Set(error?.errors.map(\.path) ?? [])
    #expect(paths.contains("seekers[1]"))
    #expect(paths.contains("seekers[0].location"))
  }

  @Test func reportsEveryBadFieldOfARecord() throws {
    let error = #expect(throws: ValidationError.self) {
      try RecordDecoding.seeker(
        Self.document(
          #"{"id":1,"location":{"lat":"x","lon":5},"maxTravelKm":"far","hours":{"min":0,"max":8},"skills":[1,2]}"#
        ).root)
    }
    #expect(Set(error?.errors.map(\.path) ?? []) == ["id", "location.lat", "maxTravelKm", "skills[0]", "skills[1]"])
  }

  /// Each bad weekday is named by its own index in the array, also after a non-string.
  @Test func badWorkdaysAreNamedByTheirIndex() throws {
    let text = Self.seekerJSON.replacingOccurrences(
      of: #""workdays":["mon","tue","wed","thu"]"#, with: #""workdays":[1,"mon","maandag"]"#)
    let error = #expect(throws: ValidationError.self) { try RecordDecoding.seeker(Self.document(text).root) }
    let errors = error?.errors ?? []
    #expect(errors.map(\.path) == ["workdays[0]", "workdays[2]"], "\(errors)")
    #expect(errors.last?.message.contains("maandag") == true)
  }
}

extension String {
  fileprivate func replacingOccurrences(of target: String, with replacement: String) -> String {
    replacing(target, with: replacement, maxReplacements: 1)
  }
}
