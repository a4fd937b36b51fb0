import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Paths, JSON helpers and data sets shared by the end-to-end suites.
enum Fixtures {
  /// The package root, from this file's path (`Tests/EndToEndTests/Support/Fixtures.swift`).
  static let packageRoot: URL = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

  /// `samples/`: 60 seekers and 30 vacancies.
  static let samples = packageRoot.appendingPathComponent("samples").path

  /// `../shared/testdata/JSONTestSuite/test_parsing`.
  static let jsonTestSuite = packageRoot.deletingLastPathComponent()
    .appendingPathComponent("shared/testdata/JSONTestSuite/test_parsing").path

  /// The built `banenmatch`: next to the test bundle (`<scratch>/debug/banenmatch`), or
  /// `$BANENMATCH_BIN`.
  static func executable() throws -> String {
    let environment = ProcessInfo.processInfo.environment
    var candidates: [String] = []
    if let given = environment["BANENMATCH_BIN"] { candidates.append(given) }
    let runner = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    candidates.append(runner.appendingPathComponent("banenmatch").path)
    let bundle = Bundle.main.bundleURL
    candidates.append(bundle.appendingPathComponent("banenmatch").path)
    candidates.append(bundle.deletingLastPathComponent().appendingPathComponent("banenmatch").path)
    for candidate in candidates where FileManager.default.isExecutableFile(atPath: candidate) {
      return candidate
    }
    throw WorkerProcess.Broken(description: "banenmatch not found; looked at \(candidates)")
  }

  /// A fresh temporary directory, removed by the caller (or left in /tmp).
  static func temporaryDirectory(_ name: String) throws -> URL {
    let url = FileManager.default.temporaryDirectory
      .appendingPathComponent("banenmatch-e2e-\(name)-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }

  /// A data directory of `seekers` × `vacancies` generated records. It lives in the temporary
  /// directory under a name made of its parameters, so later runs reuse it instead of piling up
  /// copies; it is written to a private directory first and renamed into place whole.
  static func dataSet(seekers: Int, vacancies: Int, seed: UInt64) throws -> String {
    let key = "\(seekers)x\(vacancies)s\(seed)"
    return try dataSets.withLock { cache in
      if let path = cache[key] { return path }
      let final = FileManager.default.temporaryDirectory
        .appendingPathComponent("banenmatch-e2e-data-\(key)-\(RecordGenerator.version)")
      if !FileManager.default.fileExists(atPath: final.appendingPathComponent("vacancies.jsonl").path) {
        let directory = try temporaryDirectory("data-\(key)")
        var generator = RecordGenerator(seed: seed)
        var seekerLines = ""
        seekerLines.reserveCapacity(seekers * 400)
        for number in 0..<seekers { seekerLines += generator.seeker(id: String(format: "S-%06d", number)) + "\n" }
        var vacancyLines = ""
        for number in 0..<vacancies { vacancyLines += generator.vacancy(id: String(format: "V-%06d", number)) + "\n" }
        try seekerLines.write(to: directory.appendingPathComponent("seekers.jsonl"), atomically: false, encoding: .utf8)
        try vacancyLines.write(
          to: directory.appendingPathComponent("vacancies.jsonl"), atomically: false, encoding: .utf8)
        // Another test process may have won the race: then use its copy and drop ours.
        if rename(directory.path, final.path) != 0 { try? FileManager.default.removeItem(at: directory) }
      }
      cache[key] = final.path
      return final.path
    }
  }

  private static let dataSets = LockedCache()
}

/// A tiny lock around the data set cache.
final class LockedCache: @unchecked Sendable {
  private let lock = NSLock()
  private var paths: [String: String] = [:]
  func withLock<T>(_ body: (inout [String: String]) throws -> T) rethrows -> T {
    lock.lock()
    defer { lock.unlock() }
    return try body(&paths)
  }
}

/// Foundation's JSON, for reading the worker's answers.
enum JSON {
  static func parse(_ bytes: [UInt8]) throws -> Any {
    try JSONSerialization.jsonObject(with: Data(bytes), options: [.fragmentsAllowed])
  }

  static func parse(_ text: String) throws -> Any { try parse(Array(text.utf8)) }

  /// A JSON string literal for `text`.
  static func quote(_ text: String) -> String {
    let data = try! JSONSerialization.data(withJSONObject: [text], options: [])
    return String(decoding: data.dropFirst().dropLast(), as: UTF8.self)
  }
}

extension Dictionary where Key == String, Value == Any {
  /// `error.code` of a response, if it is an error.
  var errorCode: Int? { (self["error"] as? [String: Any])?["code"] as? Int }
  var result: [String: Any]? { self["result"] as? [String: Any] }
  /// Whether `id` is present and null.
  var hasNullID: Bool { self.keys.contains("id") && self["id"] is NSNull }
}

/// A seeded, repeatable generator (SplitMix64, Steele, Lea and Flood 2014).
struct SplitMix64: RandomNumberGenerator {
  private var state: UInt64
  init(seed: UInt64) { state = seed }
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z &>> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z &>> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z &>> 31)
  }
}

/// Plausible seekers and vacancies as JSON text, from a seed; numbers are written by hand
/// so the text is the same on every platform.
struct RecordGenerator {
  /// Bump when the records generated for a seed change (the cached data sets are named by it).
  static let version = 1

  var rng: SplitMix64

  init(seed: UInt64) { rng = SplitMix64(seed: seed) }

  static let skills = [
    "schoonmaken", "post-sorteren", "kopieerwerk", "maaien", "inpakken", "sorteren", "koffie-zetten", "orderpicken",
    "labelen", "stofzuigen", "afwassen", "broodjes-smeren",
  ]
  static let accommodations = ["rustige-werkplek", "jobcoach", "vaste-structuur", "extra-pauzes", "geen-tijdsdruk"]
  static let jobTypes = ["concierge-assistent", "klassenassistent", "kantine", "schoonmaak", "ict-ondersteuning"]
  static let sectors = ["onderwijs", "zorg", "industrie", "logistiek"]
  static let regions = ["friesland", "rijnmond", "midden-utrecht", "drechtsteden", "amersfoort"]
  static let days = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
  static let education = ["vso", "pro", "mbo1", "mbo2", "mbo3", "mbo4", "hbo"]
  static let employerTypes = ["schoolbestuur-po", "schoolbestuur-vo", "markt", "overheid"]

  mutating func seeker(id: String) -> String {
    var fields = [
      #""id":\#(JSON.quote(id))"#,
      #""region":"\#(pick(Self.regions))""#,
      #""location":{"lat":\#(decimal(Int.random(in: 518_000...532_000, using: &rng))),"lon":\#(decimal(Int.random(in: 45_000...62_000, using: &rng)))}"#,
      #""maxTravelKm":\#(Int.random(in: 5...60, using: &rng))"#,
    ]
    let low = Int.random(in: 0...20, using: &rng)
    fields.append(#""hours":{"min":\#(low),"max":\#(low + Int.random(in: 4...20, using: &rng))}"#)
    if rng.next() % 2 == 0 { fields.append(#""workdays":\#(list(subset(Self.days, 3...7)))"#) }
    if rng.next() % 3 != 0 { fields.append(#""education":"\#(pick(Self.education))""#) }
    fields.append(
      #""availableFrom":"2026-\#(twoDigits(Int.random(in: 10...12, using: &rng)))-\#(twoDigits(Int.random(in: 1...28, using: &rng)))""#
    )
    fields.append(#""skills":\#(list(subset(Self.skills, 2...6)))"#)
    fields.append(#""experience":\#(list(subset(Self.jobTypes, 0...2)))"#)
    fields.append(#""needs":\#(list(subset(Self.accommodations, 0...2)))"#)
    fields.append(
      #""preferences":{"jobTypes":\#(list(subset(Self.jobTypes, 0...2))),"sectors":\#(list(subset(Self.sectors, 0...1)))}"#
    )
    if rng.next() % 2 == 0 { fields.append(#""wageValue":\#(Int.random(in: 20...100, using: &rng))"#) }
    fields.append(#""registered":\#(rng.next() % 5 != 0)"#)
    return "{" + fields.joined(separator: ",") + "}"
  }

  mutating func vacancy(id: String) -> String {
    var fields = [
      #""id":\#(JSON.quote(id))"#,
      #""employer":{"id":"E-\#(Int.random(in: 1...40, using: &rng))","type":"\#(pick(Self.employerTypes))"}"#,
      #""jobType":"\#(pick(Self.jobTypes))""#,
      #""sector":"\#(pick(Self.sectors))""#,
      #""region":"\#(pick(Self.regions))""#,
      #""location":{"lat":\#(decimal(Int.random(in: 518_000...532_000, using: &rng))),"lon":\#(decimal(Int.random(in: 45_000...62_000, using: &rng)))}"#,
    ]
    let low = Int.random(in: 4...20, using: &rng)
    fields.append(#""hours":{"min":\#(low),"max":\#(low + Int.random(in: 0...12, using: &rng))}"#)
    fields.append(#""workdays":\#(list(subset(Array(Self.days.prefix(5)), 0...3)))"#)
    fields.append(
      #""startDate":"2027-0\#(Int.random(in: 1...3, using: &rng))-\#(twoDigits(Int.random(in: 1...28, using: &rng)))""#)
    fields.append(#""positions":\#(Int.random(in: 1...3, using: &rng))"#)
    fields.append(#""requiredSkills":\#(list(subset(Self.skills, 0...1)))"#)
    fields.append(#""preferredSkills":\#(list(subset(Self.skills, 0...4)))"#)
    fields.append(#""minEducation":"\#(pick(["none"] + Self.education.prefix(3)))""#)
    fields.append(#""offers":\#(list(subset(Self.accommodations, 1...5)))"#)
    if rng.next() % 3 == 0 { fields.append(#""minWageValue":\#(Int.random(in: 20...80, using: &rng))"#) }
    fields.append(#""banenafspraak":\#(rng.next() % 4 != 0)"#)
    return "{" + fields.joined(separator: ",") + "}"
  }

  mutating func pick(_ values: [String]) -> String { values[Int(rng.next() % UInt64(values.count))] }

  mutating func subset(_ values: [String], _ sizes: ClosedRange<Int>) -> [String] {
    var pool = values
    var chosen: [String] = []
    for _ in 0..<min(Int.random(in: sizes, using: &rng), pool.count) {
      chosen.append(pool.remove(at: Int(rng.next() % UInt64(pool.count))))
    }
    return chosen
  }

  private func list(_ values: [String]) -> String { "[" + values.map { "\"\($0)\"" }.joined(separator: ",") + "]" }
  /// `tenThousandths` / 10,000 with four decimals.
  private func decimal(_ tenThousandths: Int) -> String {
    "\(tenThousandths / 10_000).\(String(tenThousandths % 10_000).leftPadded(to: 4))"
  }
  private func twoDigits(_ value: Int) -> String { String(value).leftPadded(to: 2) }
}

extension String {
  func leftPadded(to width: Int) -> String { String(repeating: "0", count: max(0, width - count)) + self }
}
