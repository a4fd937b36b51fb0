import Banenmatch
import BanenmatchJSON
import BanenmatchTestSupport
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// The snapshot kept beside a data directory: written after the JSON Lines load, read at the
/// next start while the files are unchanged, and passed over (then replaced) when they
/// changed or it is damaged; a bad line is reported as without it.
@Suite struct IndexSnapshotFileTests {
  /// A directory holding the samples' two files, removed with everything in it afterwards.
  final class SampleDirectory {
    let path = "/tmp/banenmatch-snapshot-\(UInt32.random(in: 0...UInt32.max))"
    var snapshot: String { path + "/" + IndexSnapshotFile.fileName }

    init() throws {
      mkdir(path, 0o755)
      let samples = MatchResultsJSONTests.samplesDirectory
      for name in ["seekers.jsonl", "vacancies.jsonl"] {
        try StreamedJSONLinesTests.write(try JSONLines.read(file: samples + "/" + name), to: path + "/" + name)
      }
    }

    deinit {
      for name in names { remove(path + "/" + name) }
      rmdir(path)
    }

    /// The names in the directory besides `.` and `..`, sorted.
    var names: [String] {
      guard let directory = opendir(path) else { return [] }
      defer { closedir(directory) }
      var names: [String] = []
      while let entry = readdir(directory) {
        let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
        if name != "." && name != ".." { names.append(name) }
      }
      return names.sorted()
    }

    /// Adds a seeker in Amsterdam to `seekers.jsonl` (a bad line when `minHours` exceeds 24).
    func appendSeeker(id: String, minHours: Int = 8) throws {
      let line =
        #"{"id":"\#(id)","location":{"lat":52.37,"lon":4.89},"maxTravelKm":15,"hours":{"min":\#(minHours),"max":24}}"#
      let old = try JSONLines.read(file: path + "/seekers.jsonl")
      try StreamedJSONLinesTests.write(old + Array((line + "\n").utf8), to: path + "/seekers.jsonl")
    }
  }

  static func isFromSnapshot(_ outcome: IndexSnapshotFile.Outcome) -> Bool {
    if case .fromSnapshot = outcome { true } else { false }
  }

  static func snapshotNote(_ outcome: IndexSnapshotFile.Outcome) -> String? {
    if case .fromJSONLines(let note) = outcome { note } else { nil }
  }

  /// Every seeker's and every vacancy's answer (top 10, 3 near misses) in both indexes.
  static func expectSameAnswers(_ a: MatchIndex, _ b: MatchIndex) throws {
    let options = MatchOptions(date: Day(iso: "2026-12-01")!, explain: true, nearMisses: 3)
    #expect(a.version == b.version && a.seekerIDs.sorted() == b.seekerIDs.sorted())
    for id in a.seekerIDs {
      #expect(try a.vacancies(forSeekerID: id, options: options) == b.vacancies(forSeekerID: id, options: options))
    }
    for id in a.vacancyIDs {
      #expect(try a.seekers(forVacancyID: id, options: options) == b.seekers(forVacancyID: id, options: options))
    }
  }

  @Test func writtenAfterTheJSONLinesThenRead() throws {
    let directory = try SampleDirectory()
    let (first, firstOutcome) = try IndexSnapshotFile.loadIndex(directory.path)
    #expect(Self.snapshotNote(firstOutcome) == "written")
    #expect(directory.names == [IndexSnapshotFile.fileName, "seekers.jsonl", "vacancies.jsonl"])
    var status = stat()
    #expect(stat(directory.snapshot, &status) == 0 && status.st_mode & 0o777 == 0o600)

    let (second, secondOutcome) = try IndexSnapshotFile.loadIndex(directory.path)
    #expect(Self.isFromSnapshot(secondOutcome))
    try Self.expectSameAnswers(first, second)
    try Self.expectSameAnswers(try DataDirectory.loadIndex(directory.path), second)
  }

  /// A record added to a file: the snapshot no longer matches, the JSON Lines load (with the
  /// new record), and a new snapshot is written and then read.
  @Test func changedDataIsLoadedAgain() throws {
    let directory = try SampleDirectory()
    _ = try IndexSnapshotFile.loadIndex(directory.path)
    try directory.appendSeeker(id: "S-nieuw")
    let (changed, outcome) = try IndexSnapshotFile.loadIndex(directory.path)
    #expect(Self.snapshotNote(outcome) == "written (the one there: written from other data or by another build)")
    #expect(changed.containsSeeker(id: "S-nieuw") && changed.seekerCount == 61)
    let (again, againOutcome) = try IndexSnapshotFile.loadIndex(directory.path)
    #expect(Self.isFromSnapshot(againOutcome) && again.containsSeeker(id: "S-nieuw"))
  }

  /// A snapshot cut short, or with a byte changed, is passed over and written anew.
  @Test(arguments: [true, false])
  func aDamagedSnapshotIsReplaced(cut: Bool) throws {
    let directory = try SampleDirectory()
    let (original, _) = try IndexSnapshotFile.loadIndex(directory.path)
    var bytes = try JSONLines.read(file: directory.snapshot)
    if cut { bytes.removeLast(bytes.count / 3) } else { bytes[bytes.count / 2] ^= 0x10 }
    try StreamedJSONLinesTests.write(bytes, to: directory.snapshot)
    let (loaded, outcome) = try IndexSnapshotFile.loadIndex(directory.path)
    #expect(Self.snapshotNote(outcome)?.hasPrefix("written (the one there: ") == true, "\(outcome)")
    try Self.expectSameAnswers(original, loaded)
    #expect(Self.isFromSnapshot(try IndexSnapshotFile.loadIndex(directory.path).1))
  }

  /// A bad line with a snapshot of the good data beside it: the same error as without the
  /// snapshot (file, line, field), never the old index.
  @Test func aBadLineIsReportedDespiteASnapshot() throws {
    let directory = try SampleDirectory()
    _ = try IndexSnapshotFile.loadIndex(directory.path)
    try directory.appendSeeker(id: "S-fout", minHours: 30)
    do {
      _ = try IndexSnapshotFile.loadIndex(directory.path)
      Issue.record("a bad line loaded")
    } catch {
      guard case .lines(let errors) = error else {
        Issue.record("not a line error: \(error)")
        return
      }
      #expect(errors.map(\.line) == [61] && errors.map(\.path) == ["hours.min"])
    }
  }

  /// Three loaders starting at once on new data (three workers started together): each
  /// writes a snapshot of its own and renames it into place, so the one left is whole and is
  /// read next, and no part of one is left behind.
  @Test func loadersAtOnceLeaveOneWholeSnapshot() throws {
    let directory = try SampleDirectory()
    final class Outcomes: @unchecked Sendable { var notes: [String?] = [nil, nil, nil] }
    let outcomes = Outcomes()
    let path = directory.path
    outcomes.notes.withUnsafeMutableBufferPointer { notes in
      nonisolated(unsafe) let notes = notes
      onThreads(3) { k in notes[k] = (try? IndexSnapshotFile.loadIndex(path)).map { "\($0.1)" } }
    }
    #expect(outcomes.notes.allSatisfy { $0 != nil }, "\(outcomes.notes)")
    #expect(directory.names == [IndexSnapshotFile.fileName, "seekers.jsonl", "vacancies.jsonl"])
    let (index, outcome) = try IndexSnapshotFile.loadIndex(directory.path)
    #expect(Self.isFromSnapshot(outcome))
    try Self.expectSameAnswers(try DataDirectory.loadIndex(directory.path), index)
  }

  /// A snapshot that cannot be written (its name taken by a directory): the index still
  /// loads, the outcome says why, and no file is left behind.
  @Test func anUnwritableSnapshotLeavesNothingBehind() throws {
    let directory = try SampleDirectory()
    mkdir(directory.snapshot, 0o755)
    defer { rmdir(directory.snapshot) }
    let (index, outcome) = try IndexSnapshotFile.loadIndex(directory.path)
    #expect(index.seekerCount == 60)
    #expect(Self.snapshotNote(outcome)?.hasPrefix("not written: ") == true, "\(outcome)")
    #expect(directory.names == [IndexSnapshotFile.fileName, "seekers.jsonl", "vacancies.jsonl"])
  }
}
