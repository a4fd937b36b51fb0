import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// The index snapshot beside `--data`, through the real worker: written at the first start,
/// read at the next with the same answers, left alone with `--no-snapshot`, and never left
/// half-written when SIGTERM comes while it is being written.
extension EndToEnd {
  @Suite struct Snapshot {
    static let snapshotName = "banenmatch-index.snapshot"

    /// A private copy of a data directory's two files.
    static func copy(of source: String, _ name: String) throws -> URL {
      let directory = try Fixtures.temporaryDirectory(name)
      for file in ["seekers.jsonl", "vacancies.jsonl"] {
        try FileManager.default.copyItem(
          atPath: source + "/" + file, toPath: directory.appendingPathComponent(file).path)
      }
      return directory
    }

    static func names(_ directory: URL) throws -> [String] {
      try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
    }

    /// One seeker's and one vacancy's answers (explained, with near misses), then end of input.
    static func answers(data: String, extra: [String] = []) throws -> (answers: [String], stderr: String) {
      let worker = try WorkerProcess(arguments: ["--data", data] + extra)
      let params = #""explain":true,"nearMisses":3,"date":"2026-12-01""#
      try worker.send(
        #"{"jsonrpc":"2.0","id":1,"method":"match.vacanciesForSeeker","params":{"seekerId":"S-0001",\#(params)}}"#)
      try worker.send(
        #"{"jsonrpc":"2.0","id":2,"method":"match.seekersForVacancy","params":{"vacancyId":"V-0001",\#(params)}}"#)
      // Sorted: the two may be answered in either order (by id 1, then 2).
      let answers = [try worker.nextMessage(), try worker.nextMessage()].map { String(decoding: $0, as: UTF8.self) }
        .sorted()
      #expect(try worker.finish() == .exited(0))
      try worker.waitForOutputsClosed()
      return (answers, worker.stderrText)
    }

    @Test func aRestartReadsTheSnapshotAndAnswersTheSame() throws {
      let directory = try Self.copy(of: Fixtures.samples, "snapshot")
      defer { try? FileManager.default.removeItem(at: directory) }
      let first = try Self.answers(data: directory.path)
      #expect(first.stderr.contains("snapshot: written"), "\(first.stderr)")
      #expect(try Self.names(directory) == [Self.snapshotName, "seekers.jsonl", "vacancies.jsonl"])
      let second = try Self.answers(data: directory.path)
      #expect(second.stderr.contains("read from \(Self.snapshotName)"), "\(second.stderr)")
      #expect(second.answers == first.answers, "answers differ after the restart")
      #expect(first.answers.allSatisfy { $0.contains(#""result""#) && $0.contains(#""nearMisses""#) })

      let plain = try Self.answers(data: directory.path, extra: ["--no-snapshot"])
      #expect(plain.stderr.contains("not used (--no-snapshot)"), "\(plain.stderr)")
      #expect(plain.answers == first.answers, "answers differ without the snapshot")
    }

    @Test func noSnapshotWritesNone() throws {
      let directory = try Self.copy(of: Fixtures.samples, "no-snapshot")
      defer { try? FileManager.default.removeItem(at: directory) }
      _ = try Self.answers(data: directory.path, extra: ["--no-snapshot"])
      #expect(try Self.names(directory) == ["seekers.jsonl", "vacancies.jsonl"])
    }

    /// SIGTERM once the snapshot's file has appeared (the JSON Lines loaded, the snapshot being
    /// written): exit 0, and neither the snapshot nor a part of it is left.
    @Test func sigtermWhileWritingTheSnapshotLeavesNothing() throws {
      let data = try Fixtures.dataSet(seekers: 20_000, vacancies: 3_000, seed: 7)
      let directory = try Self.copy(of: data, "snapshot-sigterm")
      defer { try? FileManager.default.removeItem(at: directory) }
      let worker = try WorkerProcess(arguments: ["--data", directory.path])
      let deadline = ContinuousClock.now + .seconds(120)
      var seen = false
      while !seen && ContinuousClock.now < deadline && !worker.stderrText.contains("loaded") {
        seen = try Self.names(directory).contains { $0.hasSuffix(".tmp") }
        if !seen { usleep(500) }
      }
      worker.deliver(signal: SIGTERM)
      #expect(try worker.waitForExit() == .exited(0))
      #expect(seen, "the snapshot's file never appeared: \(worker.stderrText)")
      #expect(try Self.names(directory) == ["seekers.jsonl", "vacancies.jsonl"])
    }
  }
}
