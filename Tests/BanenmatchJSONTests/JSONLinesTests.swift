import Banenmatch
import BanenmatchJSON
import Testing

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
