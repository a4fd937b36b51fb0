import Banenmatch
import BanenmatchJSON
import Benchmark
import BenchmarkData

import struct Foundation.Data
import class Foundation.JSONDecoder
import class Foundation.JSONEncoder

/// JSON per record: decoding seekers and vacancies (jansson + `RecordDecoding`, which also
/// validates), encoding them (`JSONWriter` + `RecordEncoding`), encoding a match response of 10
/// explained matches (`JSONWriter.matchResults`), and, for comparison only, the same three with
/// Foundation's `JSONDecoder`/`JSONEncoder` on Codable mirror structs (no validation).
/// Each sample covers 1,000 records or responses (scaling factor kilo): the figures are per record.
let benchmarks: @Sendable () -> Void = {
  Benchmark.defaultConfiguration = .init(
    metrics: [.wallClock, .throughput, .mallocCountTotal, .peakMemoryResident],
    timeUnits: .nanoseconds,
    warmupIterations: 3,
    scalingFactor: .kilo,
    maxDuration: .seconds(5),
    maxIterations: 2_000
  )

  // MARK: Decoding

  Benchmark("decode seeker jansson+RecordDecoding") { (benchmark: Benchmark, lines: [[UInt8]]) throws in
    for i in benchmark.scaledIterations {
      let document = try JSONDocument(parsing: lines[i % lines.count])
      blackHole(try RecordDecoding.seeker(document.root))
    }
  } setup: {
    try sampleLines("seekers.jsonl")
  }

  Benchmark("decode vacancy jansson+RecordDecoding") { (benchmark: Benchmark, lines: [[UInt8]]) throws in
    for i in benchmark.scaledIterations {
      let document = try JSONDocument(parsing: lines[i % lines.count])
      blackHole(try RecordDecoding.vacancy(document.root))
    }
  } setup: {
    try sampleLines("vacancies.jsonl")
  }

  Benchmark("decode seeker Foundation JSONDecoder") { (benchmark: Benchmark, lines: [Data]) throws in
    let decoder = JSONDecoder()
    benchmark.startMeasurement()
    for i in benchmark.scaledIterations {
      blackHole(try decoder.decode(SeekerMirror.self, from: lines[i % lines.count]))
    }
  } setup: {
    try sampleLines("seekers.jsonl").map { Data($0) }
  }

  Benchmark("decode vacancy Foundation JSONDecoder") { (benchmark: Benchmark, lines: [Data]) throws in
    let decoder = JSONDecoder()
    benchmark.startMeasurement()
    for i in benchmark.scaledIterations {
      blackHole(try decoder.decode(VacancyMirror.self, from: lines[i % lines.count]))
    }
  } setup: {
    try sampleLines("vacancies.jsonl").map { Data($0) }
  }

  // MARK: Encoding records

  Benchmark("encode seeker JSONWriter") { (benchmark: Benchmark, seekers: [Seeker]) in
    for i in benchmark.scaledIterations {
      var writer = JSONWriter()
      writer.seeker(seekers[i % seekers.count])
      blackHole(writer.bytes)
    }
  } setup: {
    try sampleSeekers()
  }

  Benchmark("encode vacancy JSONWriter") { (benchmark: Benchmark, vacancies: [Vacancy]) in
    for i in benchmark.scaledIterations {
      var writer = JSONWriter()
      writer.vacancy(vacancies[i % vacancies.count])
      blackHole(writer.bytes)
    }
  } setup: {
    try sampleVacancies()
  }

  Benchmark("encode seeker Foundation JSONEncoder") { (benchmark: Benchmark, seekers: [SeekerMirror]) throws in
    let encoder = JSONEncoder()
    benchmark.startMeasurement()
    for i in benchmark.scaledIterations {
      blackHole(try encoder.encode(seekers[i % seekers.count]))
    }
  } setup: {
    try sampleSeekers().map(SeekerMirror.init)
  }

  Benchmark("encode vacancy Foundation JSONEncoder") { (benchmark: Benchmark, vacancies: [VacancyMirror]) throws in
    let encoder = JSONEncoder()
    benchmark.startMeasurement()
    for i in benchmark.scaledIterations {
      blackHole(try encoder.encode(vacancies[i % vacancies.count]))
    }
  } setup: {
    try sampleVacancies().map(VacancyMirror.init)
  }

  // MARK: Encoding a match response (10 matches with explanation)

  Benchmark("encode matchResults top10 explain JSONWriter") { (benchmark: Benchmark, answers: [MatchResults]) in
    for i in benchmark.scaledIterations {
      var writer = JSONWriter()
      writer.matchResults(answers[i % answers.count], idKey: "vacancyId")
      blackHole(writer.bytes)
    }
  } setup: {
    explainedAnswers()
  }

  Benchmark(
    "encode matchResults top10 explain Foundation JSONEncoder"
  ) { (benchmark: Benchmark, answers: [MatchResultsMirror]) throws in
    let encoder = JSONEncoder()
    benchmark.startMeasurement()
    for i in benchmark.scaledIterations {
      blackHole(try encoder.encode(answers[i % answers.count]))
    }
  } setup: {
    explainedAnswers().map(MatchResultsMirror.init)
  }
}

// MARK: - Samples

/// 1,000 lines spread evenly over a file of the `nl` set (each record once).
func sampleLines(_ file: String) throws -> [[UInt8]] {
  let bytes = try JSONLines.read(file: NationalData.directory() + "/" + file)
  let lines = bytes.split(separator: UInt8(ascii: "\n"))
  let step = max(1, lines.count / 1000)
  let sample = stride(from: 0, to: lines.count, by: step).prefix(1000).map { Array(lines[$0]) }
  precondition(sample.count == 1000)
  return sample
}

func sampleSeekers() throws -> [Seeker] {
  try sampleLines("seekers.jsonl").map { line in try RecordDecoding.seeker(JSONDocument(parsing: line).root) }
}

func sampleVacancies() throws -> [Vacancy] {
  try sampleLines("vacancies.jsonl").map { line in try RecordDecoding.vacancy(JSONDocument(parsing: line).root) }
}

/// Up to 100 answers of `vacanciesForSeeker` with 10 explained matches each, on `nl`.
func explainedAnswers() -> [MatchResults] {
  let index = NationalData.index()
  let options = MatchOptions(date: NationalData.today, limit: 10, explain: true)
  let answers = NationalData.sample(index.seekerIDs, count: 1000).lazy
    .compactMap { try? index.vacancies(forSeekerID: $0, options: options) }
    .filter { $0.matches.count == 10 }
    .prefix(100)
  precondition(answers.count == 100 && answers.allSatisfy { $0.matches.allSatisfy { $0.explanation != nil } })
  return Array(answers)
}

// MARK: - Codable mirrors (SPEC section 2 and 4 shapes), for the Foundation comparison only

struct PointMirror: Codable {
  var lat: Double
  var lon: Double
}

struct HoursMirror: Codable {
  var min: Double
  var max: Double
}

struct SeekerMirror: Codable {
  struct Preferences: Codable {
    var jobTypes: [String]?
    var sectors: [String]?
  }
  var id: String
  var region: String?
  var location: PointMirror
  var maxTravelKm: Double
  var hours: HoursMirror
  var workdays: [String]?
  var availableFrom: String?
  var education: String?
  var skills: [String]?
  var experience: [String]?
  var needs: [String]?
  var preferences: Preferences?
  var wageValue: Double?
  var registered: Bool?

  init(_ seeker: Seeker) {
    id = seeker.id
    region = seeker.region
    location = PointMirror(lat: seeker.location.lat, lon: seeker.location.lon)
    maxTravelKm = seeker.maxTravelKm
    hours = HoursMirror(min: seeker.hours.min, max: seeker.hours.max)
    workdays = seeker.workdays == .all ? nil : seeker.workdays.dayCodes
    availableFrom = seeker.availableFrom?.iso
    education = seeker.education?.rawValue
    skills = seeker.skills.isEmpty ? nil : seeker.skills
    experience = seeker.experience.isEmpty ? nil : seeker.experience
    needs = seeker.needs.isEmpty ? nil : seeker.needs
    preferences = seeker.preferences.map {
      Preferences(jobTypes: $0.jobTypes.isEmpty ? nil : $0.jobTypes, sectors: $0.sectors.isEmpty ? nil : $0.sectors)
    }
    wageValue = seeker.wageValue
    registered = seeker.registered
  }
}

struct VacancyMirror: Codable {
  struct Employer: Codable {
    var id: String
    var name: String?
    var type: String
  }
  var id: String
  var employer: Employer
  var title: String?
  var jobType: String
  var sector: String?
  var region: String?
  var location: PointMirror
  var hours: HoursMirror
  var workdays: [String]?
  var startDate: String?
  var positions: Int?
  var requiredSkills: [String]?
  var preferredSkills: [String]?
  var minEducation: String?
  var offers: [String]?
  var minWageValue: Double?
  var banenafspraak: Bool?

  init(_ vacancy: Vacancy) {
    id = vacancy.id
    employer = Employer(id: vacancy.employer.id, name: vacancy.employer.name, type: vacancy.employer.type.rawValue)
    title = vacancy.title
    jobType = vacancy.jobType
    sector = vacancy.sector
    region = vacancy.region
    location = PointMirror(lat: vacancy.location.lat, lon: vacancy.location.lon)
    hours = HoursMirror(min: vacancy.hours.min, max: vacancy.hours.max)
    workdays = vacancy.workdays.isEmpty ? nil : vacancy.workdays.dayCodes
    startDate = vacancy.startDate?.iso
    positions = vacancy.positions == 1 ? nil : vacancy.positions
    requiredSkills = vacancy.requiredSkills.isEmpty ? nil : vacancy.requiredSkills
    preferredSkills = vacancy.preferredSkills.isEmpty ? nil : vacancy.preferredSkills
    minEducation = vacancy.minEducation == .none ? nil : vacancy.minEducation.rawValue
    offers = vacancy.offers.isEmpty ? nil : vacancy.offers
    minWageValue = vacancy.minWageValue
    banenafspraak = vacancy.banenafspraak
  }
}

/// SPEC section 4's results, with the numbers rounded as our writer prints them.
struct MatchResultsMirror: Codable {
  struct Counts: Codable {
    var candidates: Int
    var feasible: Int
  }
  struct Feature: Codable {
    var value: Double
    var weight: Double
    var points: Double
  }
  struct Explanation: Codable {
    var features: [String: Feature]
    var matchedSkills: [String]
    var missingSkills: [String]
    var distanceKm: Double
  }
  struct Match: Codable {
    var vacancyId: String
    var score: Double
    var unknown: [String]?
    var explanation: Explanation?
  }
  var matches: [Match]
  var nearMisses: [Match]
  var counts: Counts
  var indexVersion: Int

  init(_ results: MatchResults) {
    matches = results.matches.map { match in
      let explanation = match.explanation.map { explanation in
        let points = explanation.roundedPoints(score: match.score, decimals: 4)
        var features: [String: Feature] = [:]
        for (i, contribution) in explanation.contributions.enumerated() {
          features[contribution.feature.rawValue] = Feature(
            value: rounded(contribution.value, 6), weight: contribution.weight, points: points[i])
        }
        return Explanation(
          features: features, matchedSkills: explanation.matchedSkills, missingSkills: explanation.missingSkills,
          distanceKm: rounded(explanation.distanceKm, 2))
      }
      return Match(
        vacancyId: match.id, score: rounded(match.score, 4),
        unknown: match.unknown.isEmpty ? nil : match.unknown.names, explanation: explanation)
    }
    nearMisses = []
    counts = Counts(candidates: results.candidates, feasible: results.feasible)
    indexVersion = results.indexVersion
  }
}

func rounded(_ value: Double, _ decimals: Int) -> Double {
  var scale = 1.0
  for _ in 0..<decimals { scale *= 10 }
  return (value * scale).rounded() / scale
}
