import Banenmatch
import BanenmatchGenerate
import BanenmatchJSON
import Testing

/// The catalog is the single source of truth: `samples/vocabulary.json` is its encoding, and
/// it holds every code the sample records use.
@Suite struct VocabularyTests {
  @Test func sampleFileIsTheCatalogsEncoding() throws {
    let file = try #require(Fixtures.sample("vocabulary.json"), "samples/vocabulary.json is missing")
    let matches = file == VocabularyFile.encode()
    #expect(
      matches,
      "samples/vocabulary.json differs from the catalog: run `banenmatch generate --vocabulary-out samples/vocabulary.json`"
    )
    let document = try JSONDocument(parsing: file)
    #expect(document.root.member("skills")?.count == Catalog.skills.count)
  }

  /// Every code in samples/seekers.jsonl and samples/vacancies.jsonl is in the vocabulary.
  @Test func sampleRecordsUseOnlyVocabularyCodes() throws {
    let codes = VocabularyFile.codes
    var unknown: [String] = []
    func check(_ values: [String], _ kind: String, _ id: String) {
      for value in values where !codes[kind]!.contains(value) { unknown.append("\(id): \(kind) \(value)") }
    }
    do {
      let bytes = try #require(Fixtures.sample("seekers.jsonl"))
      let result = JSONLines.decode(bytes, file: "seekers.jsonl") { (json) throws(ValidationError) in
        try RecordDecoding.seeker(json)
      }
      #expect(result.errors.isEmpty)
      for s in result.records {
        check(s.skills, "skills", s.id)
        check(s.experience, "jobTypes", s.id)
        check(s.needs, "accommodations", s.id)
        check(s.preferences?.jobTypes ?? [], "jobTypes", s.id)
        check(s.preferences?.sectors ?? [], "sectors", s.id)
        check(s.region.map { [$0] } ?? [], "regions", s.id)
      }
    }
    do {
      let bytes = try #require(Fixtures.sample("vacancies.jsonl"))
      let result = JSONLines.decode(bytes, file: "vacancies.jsonl") { (json) throws(ValidationError) in
        try RecordDecoding.vacancy(json)
      }
      #expect(result.errors.isEmpty)
      for v in result.records {
        check(v.requiredSkills + v.preferredSkills, "skills", v.id)
        check(v.offers, "accommodations", v.id)
        check([v.jobType], "jobTypes", v.id)
        check(v.sector.map { [$0] } ?? [], "sectors", v.id)
        check(v.region.map { [$0] } ?? [], "regions", v.id)
      }
    }
    #expect(unknown.isEmpty, "codes missing from the vocabulary: \(unknown)")
  }

  @Test func sizes() {
    #expect((180...220).contains(Catalog.skills.count), "about 200 skills")
    #expect((28...32).contains(Catalog.jobTypes.count), "about 30 job types")
    #expect(Region.all.count == 35)
    #expect(Catalog.accommodations.count >= 20)
  }

  @Test func codesAreUniqueKebabCaseAndShort() {
    let lists: [[String]] = [
      Catalog.skills.map(\.code), Catalog.jobTypes.map(\.code), Catalog.accommodations.map(\.term.code),
      Catalog.sectors.map(\.code), Region.all.map(\.code), Region.all.map(\.cbsCode),
    ]
    for list in lists {
      #expect(Set(list).count == list.count, "duplicates in \(list.prefix(3))…")
      let bad = list.filter { code in
        !codeByteLengthRange.contains(code.utf8.count)
          || !code.utf8.allSatisfy {
            (97...122).contains($0) || (48...57).contains($0) || $0 == 45 || (65...90).contains($0)
          }
      }
      #expect(bad.isEmpty, "not kebab-case: \(bad)")
    }
  }

  /// Job types and skills refer to each other completely: every task belongs to a job type,
  /// every job type's task, sector and accommodation exists.
  @Test func catalogIsClosed() {
    let skills = Set(Catalog.skills.map(\.code))
    let used = Set(Catalog.jobTypes.flatMap(\.skills))
    #expect(used == skills, "unused: \(skills.subtracting(used)), undefined: \(used.subtracting(skills))")
    let sectors = Set(Catalog.sectors.map(\.code))
    let accommodations = Set(Catalog.accommodations.map(\.term.code))
    for job in Catalog.jobTypes {
      #expect(sectors.contains(job.sector), "\(job.code)")
      #expect(Set(job.typicalOffers).isSubset(of: accommodations), "\(job.code)")
      #expect(job.coreSkills.count == 3 && job.otherSkills.count >= 4, "\(job.code)")
      #expect(Set(job.skills).count == job.skills.count, "\(job.code) repeats a task")
    }
    #expect(Set(Catalog.education.map(\.code)) == Set(Education.allCases.map(\.rawValue)))
    #expect(Set(Catalog.employerTypes.map(\.code)) == Set(EmployerType.allCases.map(\.rawValue)))
  }

  /// Accommodations say what the workplace offers, never what a person has.
  @Test func accommodationsAreFunctional() {
    let diagnoses = ["autis", "adhd", "depress", "blind", "doof", "handicap", "beperking", "ziekte", "stoornis"]
    for accommodation in Catalog.accommodations {
      let text = (accommodation.term.code + " " + accommodation.term.label).lowercased()
      #expect(!diagnoses.contains { text.contains($0) }, "\(accommodation.term.code)")
    }
  }

  /// Municipalities lie in the Netherlands and every region holds people.
  @Test func regionsArePlausible() {
    let total = Region.all.reduce(0) { $0 + $1.population }
    #expect((16_500...18_500).contains(total), "inhabitants in thousands: \(total)")
    for region in Region.all {
      #expect(!region.municipalities.isEmpty)
      let outside = region.municipalities.filter { !((50.7...53.5).contains($0.lat) && (3.3...7.3).contains($0.lon)) }
      #expect(outside.isEmpty, "\(outside.map(\.name))")
    }
  }
}
