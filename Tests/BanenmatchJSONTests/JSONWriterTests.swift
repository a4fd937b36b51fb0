import Banenmatch
import BanenmatchJSON
import BanenmatchTestSupport
import Testing

/// Our writer's output must parse back through jansson to the same values.
@Suite struct JSONWriterTests {
  @Test func everyEscapeRoundTripsThroughJansson() throws {
    var text = ""
    for scalar in 0..<0x80 { text.unicodeScalars.append(Unicode.Scalar(UInt8(scalar))) }
    text += "é e\u{301} 😀 \u{2028}\u{2029} \u{FFFF} \u{10FFFF}"
    // jansson cannot hold a NUL inside an object key (JSONTestSuite y_object_escaped_null_in_key).
    let key = String(text.unicodeScalars.filter { $0 != "\0" }.map(Character.init))
    var writer = JSONWriter()
    writer.object { w in
      w.key(key)
      w.string(text)
    }
    #expect(!writer.bytes.contains(0x0A), "no raw newline in line framing")
    #expect(!writer.bytes.contains(0x0D))
    let document = try JSONDocument(parsing: writer.bytes)
    let members = document.root.members
    #expect(members.count == 1)
    #expect(members.first?.key.utf8.elementsEqual(key.utf8) == true)
    #expect(members.first?.value.string?.utf8.elementsEqual(text.utf8) == true)
  }

  /// Rounded numbers are written digit by digit; the text must be `format`'s (the shortest
  /// round-trip form of the rounded value) for every value and number of decimals.
  @Test func roundedNumbersMatchTheirShortestForm() throws {
    var random = SplitMix64(seed: 11)
    var values: [Double] = [0, -0.0, 0.5, -0.5, 1, 99.99995, 100, 87.51229999, 0.00004, -0.00004, 1e-9, 123456.78905]
    for _ in 0..<20_000 {
      let magnitude = [1.0, 10, 100, 1_000, 1e6, 9e8][Int.random(in: 0..<6, using: &random)]
      values.append(Double.random(in: -magnitude...magnitude, using: &random))
      values.append(Double(Int.random(in: -1_000_000...1_000_000, using: &random)) / 10_000)
    }
    for value in values {
      for decimals in [0, 1, 2, 4, 6, 8] {
        var writer = JSONWriter()
        writer.number(value, decimals: decimals)
        #expect(writer.string == JSONWriter.format(value, decimals: decimals), "\(value) to \(decimals) places")
      }
    }
    for value in [0, 7, -7, 10, 1_000_000, Int.max, Int.min] {
      var writer = JSONWriter()
      writer.integer(value)
      #expect(writer.string == String(value))
    }
  }

  @Test func randomStringsRoundTrip() throws {
    var random = SplitMix64(seed: 7)
    for _ in 0..<2000 {
      var text = ""
      for _ in 0..<Int.random(in: 0...20, using: &random) {
        let pick = Int.random(in: 0..<4, using: &random)
        let value: UInt32 =
          switch pick {
          case 0: UInt32.random(in: 0..<0x20, using: &random)
          case 1: UInt32.random(in: 0x20..<0x80, using: &random)
          case 2: UInt32.random(in: 0x80..<0xD800, using: &random)
          default: UInt32.random(in: 0xE000..<0x110000, using: &random)
          }
        text.unicodeScalars.append(Unicode.Scalar(value)!)
      }
      var writer = JSONWriter()
      writer.array { $0.string(text) }
      let document = try JSONDocument(parsing: writer.bytes)
      #expect(document.root[0]?.string?.utf8.elementsEqual(text.utf8) == true, "\(Array(text.unicodeScalars))")
    }
  }

  @Test(arguments: [
    (87.512299999999996, 4, "87.5123"), (87.5, 4, "87.5"), (100, 4, "100"), (0, 4, "0"), (-0.0, 4, "0"),
    (0.1 + 0.2, 4, "0.3"), (33.33335, 4, "33.3334"), (1e-9, 4, "0"), (12.345678, 2, "12.35"),
  ])
  func numbersPrintCleanly(value: Double, decimals: Int, expected: String) {
    #expect(JSONWriter.format(value, decimals: decimals) == expected)
  }

  @Test func numbersRoundTrip() throws {
    var random = SplitMix64(seed: 11)
    for _ in 0..<5000 {
      let value = Double.random(in: -1e6...1e6, using: &random)
      var writer = JSONWriter()
      writer.array { $0.number(value) }
      let parsed = try JSONDocument(parsing: writer.bytes).root[0]?.number
      #expect(parsed == value)
    }
    var writer = JSONWriter()
    writer.array { w in
      w.number(.nan)
      w.number(.infinity)
    }
    #expect(writer.string == "[null,null]")
  }

  @Test func nestedStructureIsCompactAndValid() throws {
    var writer = JSONWriter()
    writer.object { w in
      w.key("a")
      w.array { w in
        w.integer(1)
        w.bool(true)
        w.null()
        w.object { _ in }
        w.array { _ in }
        w.strings(["x", "y"])
      }
      w.key("b")
      w.raw("{\"c\":2}")
    }
    #expect(writer.string == #"{"a":[1,true,null,{},[],["x","y"]],"b":{"c":2}}"#)
    _ = try JSONDocument(parsing: writer.bytes)
  }
}
