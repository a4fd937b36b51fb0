import Banenmatch
import BanenmatchJSON
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// JSON Lines: every bad line named with its number and field; blank lines skipped.
@Suite struct JSONLinesTests {
  @Test func namesEachBadLineAndField() {
    let text = """
      {"id":"S-1","location":{"lat":52,"lon":5},"maxTravelKm":10,"hours":{"min":0,"max":8}}

      {"id":"S-2","location":{"lat":52,"lon":5},"maxTravelKm":10,"hours":{"min":9,"max":8}}
      not json
      {"id":"S-4","location":{"lat":52,"lon":5},"maxTravelKm":300,"hours":{"min":0,"max":8}}\r
      [1]
      """
    let (records, errors) = JSONLines.decode(Array(text.utf8), file: "seekers.jsonl") {
      (json) throws(ValidationError) in try RecordDecoding.seeker(json)
    }
    #expect(records.map(\.id) == ["S-1"])
    #expect(errors.map(\.line) == [3, 4, 5, 6])
    #expect(errors.map(\.path) == ["hours.min", "", "maxTravelKm", ""])
    #expect(errors[0].description.hasPrefix("seekers.jsonl:3: hours.min: must not exceed"))
    #expect(errors[1].message.hasPrefix("not valid JSON"))
    #expect(errors[3].message.contains("must be an object"))
  }

  @Test func loadsTheSamples() throws {
    let data = try DataDirectory.load(MatchResultsJSONTests.samplesDirectory)
    #expect(data.seekers.count == 60)
    #expect(data.vacancies.count == 30)
    let index = try data.index()
    #expect(index.version == 2)
  }

  @Test func aMissingDirectoryIsAFileError() {
    #expect(throws: DataDirectory.LoadError.self) { try DataDirectory.load("/nonexistent/banenmatch") }
  }
}

/// Reading files block by block on several threads gives the same records and errors as
/// reading them whole, whatever the thread count, and a streamed index equals a built one.
@Suite struct StreamedJSONLinesTests {
  static func temporaryFile(_ text: String) throws -> String {
    let path = "/tmp/banenmatch-jsonl-\(UInt32.random(in: 0...UInt32.max)).jsonl"
    try write(text, to: path)
    return path
  }

  static func write(_ text: String, to path: String) throws { try write(Array(text.utf8), to: path) }

  static func write(_ bytes: [UInt8], to path: String) throws {
    let file = fopen(path, "w")
    defer { fclose(file) }
    _ = bytes.withUnsafeBytes { fwrite($0.baseAddress, 1, $0.count, file) }
  }

  @Test(arguments: [1, 2, 3, 7])
  func sameRecordsAndErrorsAsWholeReading(threads: Int) throws {
    let samples = MatchResultsJSONTests.samplesDirectory + "/seekers.jsonl"
    var text = String(decoding: try JSONLines.read(file: samples), as: UTF8.self)
    text = text.replacing("\"maxTravelKm\":40,", with: "\"maxTravelKm\":400,", maxReplacements: 1)
    text += "\n\n{broken\n" + text.split(separator: "\n").prefix(3).joined(separator: "\n")  // no final newline
    let path = try Self.temporaryFile(text)
    defer { remove(path) }
    let whole = JSONLines.decode(Array(text.utf8), file: path) { (json) throws(ValidationError) in
      try RecordDecoding.seeker(json)
    }
    let streamed = try JSONLines.decode(file: path, threads: threads) { (json) throws(ValidationError) in
      try RecordDecoding.seeker(json)
    }
    #expect(whole.records.count == 61)  // 60 + 3 appended, less the two copies of the bad line
    #expect(streamed.records.map(\.id) == whole.records.map(\.id))
    #expect(streamed.records == whole.records)
    #expect(streamed.errors == whole.errors)
    #expect(whole.errors.map(\.line).contains(63) && whole.errors.count == 3)
  }

  @Test func aStreamedIndexEqualsABuiltOne() throws {
    let directory = MatchResultsJSONTests.samplesDirectory
    let streamed = try DataDirectory.loadIndex(directory)
    let built = try DataDirectory.load(directory).index()
    #expect(streamed.version == 2 && built.version == 2)
    let options = MatchOptions(date: Day(iso: "2026-12-01")!, limit: 20, explain: true, nearMisses: 5)
    for seeker in built.seekers {
      #expect(
        try streamed.vacancies(forSeekerID: seeker.id, options: options)
          == built.vacancies(for: seeker, options: options))
    }
    #expect(throws: DataDirectory.LoadError.self) { try DataDirectory.loadIndex("/nonexistent/banenmatch") }
  }
}

/// Files of several blocks (the loader reads 4 MiB at a time and cuts blocks into parts of
/// about 128 KiB for its threads): records, errors and line numbers are those of reading the
/// file whole, line by line, and `DataDirectory.load` decodes exactly what `RecordDecoding`
/// decodes from a `JSONDocument`.
@Suite struct LargeJSONLinesTests {
  /// The sample seekers repeated to about 4.5 MB, with a bad line every `badEvery` lines.
  static func largeText(badEvery: Int) throws -> (text: String, badLines: [Int]) {
    let samples = MatchResultsJSONTests.samplesDirectory + "/seekers.jsonl"
    let lines = String(decoding: try JSONLines.read(file: samples), as: UTF8.self).split(separator: "\n")
    var text = ""
    var badLines: [Int] = []
    var number = 0
    while text.utf8.count < 4_500_000 {
      for line in lines {
        number += 1
        if number % badEvery == 0 {
          badLines.append(number)
          text +=
            number % (2 * badEvery) == 0
            ? "{\"id\": broken\n" : line.replacing("\"hours\":{\"min\":", with: "\"hours\":{\"min\":50,\"x\":") + "\n"
        } else if number % 997 == 0 {
          text += "  \r\n"  // blank
        } else {
          text += line + "\n"
        }
      }
    }
    return (text, badLines)
  }

  @Test(arguments: [1, 2, 3])
  func manyBlocksGiveTheErrorsAndRecordsOfWholeReading(threads: Int) throws {
    let (text, badLines) = try Self.largeText(badEvery: 4_001)
    let path = try StreamedJSONLinesTests.temporaryFile(text)
    defer { remove(path) }
    let whole = JSONLines.decode(Array(text.utf8), file: path) { (json) throws(ValidationError) in
      try RecordDecoding.seeker(json)
    }
    let streamed = try JSONLines.decode(file: path, threads: threads) { (json) throws(ValidationError) in
      try RecordDecoding.seeker(json)
    }
    #expect(Set(whole.errors.map(\.line)) == Set(badLines))
    #expect(whole.errors.contains { $0.path == "hours.min" } && whole.errors.contains { $0.path.isEmpty })
    #expect(streamed.errors == whole.errors)
    #expect(streamed.records.count == whole.records.count)
    #expect(streamed.records == whole.records)
  }

  @Test func theErrorLimitCountsAcrossBlocks() throws {
    let (text, badLines) = try Self.largeText(badEvery: 40)
    #expect(badLines.count > 2 * JSONLines.errorLimit)
    let path = try StreamedJSONLinesTests.temporaryFile(text)
    defer { remove(path) }
    let whole = JSONLines.decode(Array(text.utf8), file: path) { (json) throws(ValidationError) in
      try RecordDecoding.seeker(json)
    }
    let streamed = try JSONLines.decode(file: path, threads: 2) { (json) throws(ValidationError) in
      try RecordDecoding.seeker(json)
    }
    #expect(whole.errors.count == JSONLines.errorLimit)
    #expect(streamed.errors == whole.errors)
    #expect(whole.errors.last?.line == badLines[JSONLines.errorLimit - 1])
  }

  /// Lines as the loader sees them in a real directory: a line far longer than the memory
  /// jansson starts with on each thread, escapes, non-ASCII text, null members, and the
  /// vacancies decoded after the seekers by the same threads.
  @Test func aDirectoryLoadsAsEachLineDecodesAlone() throws {
    let manySkills = (0..<6_000).map { "\"vaardigheid-\($0)\"" }.joined(separator: ",")
    let seekerLines = [
      #"{"id":"S-1","location":{"lat":52,"lon":5},"maxTravelKm":10,"hours":{"min":0,"max":8},"skills":[\#(manySkills)]}"#,
      #"{"id":"S-\u00e9\u0000x","region":"fryslân-noord-en-oost","location":{"lat":52,"lon":5},"maxTravelKm":10,"hours":{"min":0,"max":8},"education":null,"needs":["rustige-werkplek","rustige-werkplek"]}"#,
      #"{"region":"fryslân-noord-en-oost","id":"S-3","location":{"lon":5,"lat":52},"hours":{"max":8,"min":0},"maxTravelKm":10,"id":"S-3b"}"#,
    ]
    let samples = MatchResultsJSONTests.samplesDirectory
    let sampleSeekers = String(decoding: try JSONLines.read(file: samples + "/seekers.jsonl"), as: UTF8.self)
    let directory = "/tmp/banenmatch-dir-\(UInt32.random(in: 0...UInt32.max))"
    mkdir(directory, 0o755)
    defer {
      remove(directory + "/seekers.jsonl")
      remove(directory + "/vacancies.jsonl")
      rmdir(directory)
    }
    try StreamedJSONLinesTests.write(
      seekerLines.joined(separator: "\n") + "\n" + sampleSeekers, to: directory + "/seekers.jsonl")
    let vacancyText = String(decoding: try JSONLines.read(file: samples + "/vacancies.jsonl"), as: UTF8.self)
    try StreamedJSONLinesTests.write(vacancyText, to: directory + "/vacancies.jsonl")

    let data = try DataDirectory.load(directory)
    let seekerText = try JSONLines.read(file: directory + "/seekers.jsonl")
    let expectedSeekers = try seekerText.split(separator: UInt8(ascii: "\n")).map {
      try RecordDecoding.seeker(JSONDocument(parsing: Array($0)).root)
    }
    let expectedVacancies = try Array(vacancyText.utf8).split(separator: UInt8(ascii: "\n")).map {
      try RecordDecoding.vacancy(JSONDocument(parsing: Array($0)).root)
    }
    #expect(data.seekers == expectedSeekers)
    #expect(data.vacancies == expectedVacancies)
    #expect(data.seekers[0].skills.count == 6_000)
    #expect(data.seekers[1].id == "S-é\u{0}x" && data.seekers[1].needs == ["rustige-werkplek", "rustige-werkplek"])
    #expect(data.seekers[2].id == "S-3b" && data.seekers[2].region == "fryslân-noord-en-oost")
  }

  /// Bad lines of every kind, through the loader's decoders (arena, shared values, reused
  /// across both files): the errors of reading each file's bytes line by line.
  @Test func aDirectorysBadLinesAreReportedAsEachLineAlone() throws {
    let good = #"{"id":"S-1","location":{"lat":52,"lon":5},"maxTravelKm":10,"hours":{"min":0,"max":8}}"#
    let deep = String(repeating: "[", count: 3_000) + String(repeating: "]", count: 3_000)
    var seekerLines: [String] = [
      good, "{broken", "[1]", "\"text\"", "null", deep, #"{"id":"S-2","a\u0000b":1}"#,
      #"{"id":"S-3","location":{"lat":52,"lon":5},"maxTravelKm":99999999999999999999,"hours":{"min":0,"max":8}}"#,
      #"{"id":"S-4","location":{"lat":"52","lon":5},"maxTravelKm":10,"hours":{"min":9,"max":8},"skills":["a",1,""],"workdays":[1,"mon","maandag"]}"#,
      #"{"id":"S-5","location":{"lat":52,"lon":5},"maxTravelKm":10,"hours":{"min":0,"max":8},"needs":["\#(String(repeating: "n", count: 65))"],"preferences":{"jobTypes":[null],"sectors":"x"}}"#,
      #"{"id":"S-6","location":[52,5],"maxTravelKm":0,"hours":{"min":0,"max":8},"availableFrom":"2026-02-30","education":"phd","wageValue":101,"registered":1}"#,
      good, "",
    ]
    seekerLines.append("{\"id\":\"S-7\",\"region\":\"\u{FF}\"}")  // its "ÿ" becomes a lone 0xFF byte below
    let vacancyLines = [
      #"{"id":"V-1","employer":{"id":"E","type":"school"},"jobType":"","location":{"lat":52,"lon":181},"hours":{"min":0,"max":8},"positions":1.5,"startDate":"x","minEducation":"phd","offers":[null],"banenafspraak":"ja"}"#,
      #"{"id":"V-2","employer":"E","location":{"lat":52,"lon":5},"hours":{"min":0,"max":8}}"#,
      #"{"id":"V-3","employer":{"id":"E","type":"markt"},"jobType":"x","location":{"lat":52,"lon":5},"hours":{"min":0,"max":8},"positions":0,"requiredSkills":["a","a"],"minWageValue":-1}"#,
    ]
    let directory = "/tmp/banenmatch-dir-\(UInt32.random(in: 0...UInt32.max))"
    mkdir(directory, 0o755)
    defer {
      remove(directory + "/seekers.jsonl")
      remove(directory + "/vacancies.jsonl")
      rmdir(directory)
    }
    var seekerBytes = Array(seekerLines.joined(separator: "\n").utf8)
    // Make the last line's "ÿ" a lone 0xFF byte: invalid UTF-8.
    if let index = seekerBytes.lastIndex(of: 0xC3), seekerBytes[index + 1] == 0xBF {
      seekerBytes.replaceSubrange(index...(index + 1), with: [0xFF])
    }
    try StreamedJSONLinesTests.write(seekerBytes, to: directory + "/seekers.jsonl")
    let vacancyText = vacancyLines.joined(separator: "\n") + "\n"
    try StreamedJSONLinesTests.write(vacancyText, to: directory + "/vacancies.jsonl")

    let expected =
      JSONLines.decode(seekerBytes, file: directory + "/seekers.jsonl") { (json) throws(ValidationError) in
        try RecordDecoding.seeker(json)
      }.errors
      + JSONLines.decode(Array(vacancyText.utf8), file: directory + "/vacancies.jsonl") {
        (json) throws(ValidationError) in try RecordDecoding.vacancy(json)
      }.errors
    #expect(expected.count > 25)
    #expect(Set(expected.map(\.line)).isSuperset(of: [2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 14]))
    #expect(expected.contains { $0.message.contains("UTF-8") || $0.message.contains("0xff") })
    do {
      _ = try DataDirectory.load(directory)
      Issue.record("the directory loaded")
    } catch {
      guard case .lines(let errors) = error else {
        Issue.record("not the lines' errors: \(error)")
        return
      }
      #expect(errors == expected)
    }
  }
}
