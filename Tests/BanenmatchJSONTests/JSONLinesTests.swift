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
    let bytes = Array(text.utf8)
    let file = fopen(path, "w")
    defer { fclose(file) }
    _ = bytes.withUnsafeBytes { fwrite($0.baseAddress, 1, $0.count, file) }
    return path
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
