import BanenmatchJSON
import Testing

/// `samples/requests.jsonl` walks through every method of SPEC section 4;
/// `samples/requests.headers` carries the same messages in Content-Length framing.
@Suite struct SampleRequestsTests {
  static let methods = [
    "engine.info", "seekers.upsert", "vacancies.upsert", "match.vacanciesForSeeker", "match.seekersForVacancy",
    "match.batch", "index.stats", "seekers.remove", "vacancies.remove", "shutdown", "exit",
  ]

  @Test func linesAreRequestsForEveryMethod() throws {
    let bytes = try #require(Fixtures.sample("requests.jsonl"))
    var methods: [String] = []
    var ids: Set<String> = []
    for line in Fixtures.lines(bytes) {
      let root = try JSONDocument(parsing: line).root
      #expect(root.member("jsonrpc")?.string == "2.0")
      let method = try #require(root.member("method")?.string)
      methods.append(method)
      if method == "exit" {
        #expect(root.member("id") == nil, "exit is a notification")
      } else {
        let id = try #require(root.member("id"), "\(method) needs an id")
        #expect(ids.insert(id.jsonText).inserted, "ids are unique")
      }
    }
    #expect(Set(methods) == Set(Self.methods))
    #expect(methods.last == "exit" && methods.dropLast().last == "shutdown")
  }

  @Test func headerFramingCarriesTheSameMessages() throws {
    let lines = Fixtures.lines(try #require(Fixtures.sample("requests.jsonl")))
    let framed = try #require(Fixtures.sample("requests.headers"))
    var messages: [[UInt8]] = []
    var offset = 0
    let prefix = Array("Content-Length: ".utf8)
    while offset < framed.count {
      #expect(Array(framed[offset..<min(framed.count, offset + prefix.count)]) == prefix)
      offset += prefix.count
      var length = 0
      while offset < framed.count, framed[offset] >= 48, framed[offset] <= 57 {
        length = length * 10 + Int(framed[offset] - 48)
        offset += 1
      }
      #expect(Array(framed[offset..<min(framed.count, offset + 4)]) == Array("\r\n\r\n".utf8))
      offset += 4
      try #require(offset + length <= framed.count, "a Content-Length runs past the end")
      messages.append(Array(framed[offset..<offset + length]))
      offset += length
    }
    #expect(messages == lines)
  }
}
