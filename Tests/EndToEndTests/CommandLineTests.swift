import Foundation
import Testing

/// `banenmatch match`, `validate` and `generate` as a job coach or a script runs them.
extension EndToEnd {
  @Suite struct CommandLine {
    struct Run {
      var status: Int32
      var stdout: String
      var stderr: String
    }

    static func run(_ arguments: [String]) throws -> Run {
      let process = Process()
      process.executableURL = URL(fileURLWithPath: try Fixtures.executable())
      process.arguments = arguments
      let out = Pipe()
      let err = Pipe()
      process.standardOutput = out
      process.standardError = err
      try process.run()
      // Read both pipes to the end before waiting, so a full pipe never blocks the child.
      nonisolated(unsafe) var stderrBytes = Data()
      let group = DispatchGroup()
      group.enter()
      DispatchQueue.global().async {
        stderrBytes = err.fileHandleForReading.readDataToEndOfFile()
        group.leave()
      }
      let stdoutBytes = out.fileHandleForReading.readDataToEndOfFile()
      group.wait()
      process.waitUntilExit()
      return Run(
        status: process.terminationStatus, stdout: String(decoding: stdoutBytes, as: UTF8.self),
        stderr: String(decoding: stderrBytes, as: UTF8.self))
    }

    /// Hundredths in a fixed two-decimal text ("42.50" → 4250).
    static func hundredths(_ text: Substring) -> Int? {
      let parts = text.split(separator: ".")
      guard parts.count == 2, let whole = Int(parts[0]), let fraction = Int(parts[1]), parts[1].count == 2 else {
        return nil
      }
      return whole * 100 + fraction
    }

    @Test(arguments: [["--seeker", "S-0040"], ["--vacancy", "V-0011"], ["--seeker", "S-0004"]])
    func theTableShowsRankedMatchesWhosePointsAddUp(query: [String]) throws {
      let run = try Self.run(
        ["match", "--data", Fixtures.samples, "--explain", "--near-misses", "3", "--date", "2026-12-01"] + query)
      #expect(run.status == 0, "\(run.stderr)")
      let lines = run.stdout.split(separator: "\n")
      #expect(lines.first?.contains(query[1]) == true)
      #expect(lines.contains { $0.contains("score") && $0.contains("km") })
      #expect(run.stdout.contains("Near misses"))
      let sums = lines.filter { $0.contains("points: ") }
      #expect(!sums.isEmpty)
      for line in sums {
        // "points: skills 20.00 + distance 14.91 + … = 69.91"
        let body = line.split(separator: ":", maxSplits: 1)[1]
        let halves = body.split(separator: "=")
        let terms = halves[0].split(separator: "+").map { $0.split(separator: " ").last! }
        let total = try #require(Self.hundredths(halves[1].split(separator: " ").last!))
        let parts = terms.compactMap(Self.hundredths)
        #expect(parts.count == 6, "\(line)")
        #expect(parts.reduce(0, +) == total, "\(line)")
      }
    }

    @Test func jsonOutputIsTheWorkersResult() throws {
      let run = try Self.run([
        "match", "--data", Fixtures.samples, "--seeker", "S-0040", "--json", "--date", "2026-12-01",
      ])
      #expect(run.status == 0)
      let object = try #require(try JSON.parse(run.stdout) as? [String: Any])
      let matches = try #require(object["matches"] as? [[String: Any]])
      #expect(matches.first?["vacancyId"] as? String == "V-0013")
      #expect((object["counts"] as? [String: Any])?["feasible"] as? Int == 3)
      #expect(object["indexVersion"] as? Int == 2)
    }

    @Test func anUnknownIdIsAnError() throws {
      let run = try Self.run(["match", "--data", Fixtures.samples, "--seeker", "S-9999"])
      #expect(run.status == 1)
      #expect(run.stderr.contains("S-9999"))
      #expect(run.stdout.isEmpty)
    }

    @Test func exactlyOneQueryIsRequired() throws {
      let both = try Self.run(["match", "--data", Fixtures.samples, "--seeker", "S-0001", "--vacancy", "V-0001"])
      #expect(both.status != 0)
      #expect(both.stderr.contains("exactly one"))
      let badDate = try Self.run(["match", "--data", Fixtures.samples, "--seeker", "S-0001", "--date", "2026-02-30"])
      #expect(badDate.status != 0)
    }

    @Test func aBadDataLineStopsTheCommandWithFileLineAndField() throws {
      let directory = try Fixtures.temporaryDirectory("cli-bad")
      defer { try? FileManager.default.removeItem(at: directory) }
      let seekers = try String(contentsOfFile: Fixtures.samples + "/seekers.jsonl", encoding: .utf8)
      var lines = seekers.split(separator: "\n").map(String.init)
      lines[4] = lines[4].replacingOccurrences(
        of: #""maxTravelKm":\d+"#, with: #""maxTravelKm":900"#, options: .regularExpression)
      try (lines.joined(separator: "\n") + "\n").write(
        to: directory.appendingPathComponent("seekers.jsonl"), atomically: true, encoding: .utf8)
      try FileManager.default.copyItem(
        atPath: Fixtures.samples + "/vacancies.jsonl", toPath: directory.appendingPathComponent("vacancies.jsonl").path)
      let run = try Self.run(["match", "--data", directory.path, "--seeker", "S-0001"])
      #expect(run.status == 2)
      #expect(run.stderr.contains("seekers.jsonl:5: maxTravelKm"), "\(run.stderr)")
    }

    @Test func validateNamesBadLinesAndExitsNonZero() throws {
      let directory = try Fixtures.temporaryDirectory("cli-validate")
      defer { try? FileManager.default.removeItem(at: directory) }
      let file = directory.appendingPathComponent("vacancies.jsonl")
      let good = try String(contentsOfFile: Fixtures.samples + "/vacancies.jsonl", encoding: .utf8)
        .split(separator: "\n")[0]
      try
        ([String(good), "{not json", good.replacingOccurrences(of: "\"jobType\"", with: "\"jobTypo\"")]
        .joined(separator: "\n") + "\n").write(to: file, atomically: true, encoding: .utf8)
      let run = try Self.run(["validate", file.path])
      #expect(run.status == 1)
      #expect(run.stdout.contains(":2:") || run.stderr.contains(":2:"))
      #expect((run.stdout + run.stderr).contains(":3: jobType"))
      let clean = try Self.run(["validate", Fixtures.samples + "/seekers.jsonl", Fixtures.samples + "/vacancies.jsonl"])
      #expect(clean.status == 0, "\(clean.stdout)\(clean.stderr)")
    }

    @Test func generateGivesTheSameBytesForTheSameSeed() throws {
      let first = try Fixtures.temporaryDirectory("gen-a")
      let second = try Fixtures.temporaryDirectory("gen-b")
      defer {
        try? FileManager.default.removeItem(at: first)
        try? FileManager.default.removeItem(at: second)
      }
      for directory in [first, second] {
        let run = try Self.run([
          "generate", "--seekers", "500", "--vacancies", "100", "--seed", "9", "--out", directory.path,
        ])
        #expect(run.status == 0, "\(run.stderr)")
      }
      for name in ["seekers.jsonl", "vacancies.jsonl"] {
        let a = try Data(contentsOf: first.appendingPathComponent(name))
        let b = try Data(contentsOf: second.appendingPathComponent(name))
        #expect(!a.isEmpty && a == b, "\(name)")
      }
      let check = try Self.run(["validate", first.appendingPathComponent("seekers.jsonl").path])
      #expect(check.status == 0)
    }
  }
}
