import Banenmatch
import Testing

/// Codes and ids are compared and hashed by their UTF-8 bytes eight at a time
/// (`hasSameBytes`, `byteHash`); a word compared wrongly, or a tail left out, would make two
/// codes one, or one code two.
@Suite struct BytesTests {
  /// Byte strings of every length from 0 to 40, from a fixed generator.
  static let samples: [[UInt8]] = {
    var state: UInt64 = 0x2545_F491_4F6C_DD1D
    return (0...40).map { length in
      (0..<length).map { _ in
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return UInt8(truncatingIfNeeded: state >> 56)
      }
    }
  }()

  @Test func sameBytesAtEveryLengthAndADifferenceAtEveryPosition() {
    for bytes in Self.samples {
      let copy = bytes
      bytes.withUnsafeBufferPointer { a in
        copy.withUnsafeBufferPointer { b in #expect(a.hasSameBytes(as: b), "length \(bytes.count)") }
      }
      for position in bytes.indices {
        var changed = bytes
        changed[position] ^= 0x20
        bytes.withUnsafeBufferPointer { a in
          changed.withUnsafeBufferPointer { b in
            #expect(!a.hasSameBytes(as: b), "length \(bytes.count), byte \(position)")
            #expect(a.byteHash != b.byteHash, "length \(bytes.count), byte \(position)")
          }
        }
      }
      // A prefix, and the same bytes with a zero byte more: never the same.
      if !bytes.isEmpty {
        let prefix = Array(bytes.dropLast())
        bytes.withUnsafeBufferPointer { a in
          prefix.withUnsafeBufferPointer { b in #expect(!a.hasSameBytes(as: b), "prefix of \(bytes.count)") }
        }
      }
      let padded = bytes + [0]
      bytes.withUnsafeBufferPointer { a in
        padded.withUnsafeBufferPointer { b in
          #expect(!a.hasSameBytes(as: b), "padded \(bytes.count)")
          #expect(a.byteHash != b.byteHash, "padded \(bytes.count)")
        }
      }
    }
  }

  /// Tables take a code's slot from the low bits of its hash: numbered codes, which differ only
  /// in their last bytes, must spread over them as random ones would (200 in 512 slots: about
  /// 165 distinct), not share a few slots and make every lookup a long probe.
  @Test func numberedCodesSpreadOverTheLowBits() {
    let families: [(String, [String])] = [
      ("vaardigheid-NNN", (0..<200).map { "vaardigheid-\(String(1000 + $0).dropFirst())" }),
      ("codeNNN", (0..<200).map { "code\(String(1000 + $0).dropFirst())" }),
      ("S-NNNNNN", (0..<200).map { "S-\(String(1_000_000 + $0).dropFirst())" }),
      ("abcdefghijklNNNN", (0..<200).map { "abcdefghijkl\(String(10_000 + $0).dropFirst())" }),
      ("a-long-skill-name-NNN", (0..<200).map { "a-long-skill-name-\(String(1000 + $0).dropFirst())" }),
    ]
    for (family, codes) in families {
      var slots = Set<UInt64>()
      for code in codes {
        var code = code
        slots.insert(code.withUTF8 { $0.byteHash & 511 })
      }
      #expect(slots.count >= 140, "\(family): \(slots.count) of 512 slots for 200 codes")
    }
  }

  /// Skills of 1 to 40 bytes that differ from one another in a single byte: a seeker holds
  /// the one required skill exactly when she holds those very bytes.
  @Test func codesDifferingInOneByteAreDifferentSkills() throws {
    var skills: [String] = []
    for length in 1...40 {
      let base = String(repeating: "a", count: length)
      skills.append(base)
      for position in [0, length / 2, length - 1] {
        var bytes = Array(base.utf8)
        bytes[position] = UInt8(ascii: "b")
        let skill = String(decoding: bytes, as: UTF8.self)
        if !skills.contains(skill) { skills.append(skill) }
      }
    }
    let here = GeoPoint(lat: 52.1, lon: 5.1)
    let seekers = skills.enumerated().map { k, skill in
      Seeker(id: "S-\(k)", location: here, maxTravelKm: 10, hours: HourRange(min: 0, max: 40), skills: [skill])
    }
    let vacancies = skills.enumerated().map { k, skill in
      Vacancy(
        id: "V-\(k)", employer: Vacancy.Employer(id: "E-1", type: .markt), jobType: "werk", location: here,
        hours: HourRange(min: 8, max: 16), requiredSkills: [skill])
    }
    var index = MatchIndex()
    _ = try index.upsert(seekers: seekers)
    _ = try index.upsert(vacancies: vacancies)
    let options = MatchOptions(date: Day(iso: "2026-12-01")!, limit: 1000)
    for k in skills.indices {
      let results = try index.seekers(forVacancyID: "V-\(k)", options: options)
      #expect(results.matches.map(\.id) == ["S-\(k)"], "skill \(skills[k])")
    }
  }
}
