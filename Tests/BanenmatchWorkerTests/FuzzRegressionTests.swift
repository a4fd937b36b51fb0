import Banenmatch
import BanenmatchJSON
import Logging
import Testing

@testable import BanenmatchWorker

#if canImport(Glibc)
  import Glibc
#endif

/// Inputs run through the same path as the libFuzzer target (`Fuzz/FuzzTarget.swift`): a
/// `FrameReader` in both framings, every message to a `Worker`, and the whole input as one
/// message. Every crash `make fuzz` finds becomes a named case here, with its bytes inline;
/// the other cases are hostile inputs kept because they once broke, or nearly broke, a reader.
@Suite struct FuzzRegressionTests {
  /// The frames a worker wrote, read back from a temporary file.
  final class Capture {
    let fd: Int32
    let path: String

    init() {
      var template = Array("/tmp/banenmatch-fuzz-regression-XXXXXX".utf8CString)
      fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
      path = template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
    }

    deinit {
      close(fd)
      unlink(path)
    }

    /// Everything written so far.
    var bytes: [UInt8] {
      let size = Int(lseek(fd, 0, SEEK_END))
      var bytes = [UInt8](repeating: 0, count: size)
      _ = bytes.withUnsafeMutableBytes { pread(fd, $0.baseAddress, size, 0) }
      return bytes
    }

    /// The messages written, in line framing.
    var lines: [String] {
      bytes.split(separator: 0x0A).map { String(decoding: $0, as: UTF8.self) }
    }
  }

  static let limits: WorkerLimits = {
    var limits = WorkerLimits()
    limits.maxMessageBytes = 4096
    limits.maxBatch = 32
    limits.maxDepth = 16
    limits.maxLimit = 50
    return limits
  }()

  static let logger = Logger(label: "banenmatch.fuzz-regression") { _ in SwiftLogNoOpLogHandler() }

  static let index: MatchIndex = {
    let seeker =
      #"{"id":"S-0001","region":"friesland","location":{"lat":53.1054,"lon":6.0985},"maxTravelKm":40,"hours":{"min":4,"max":24},"skills":["schoonmaken"],"needs":[]}"#
    let vacancy =
      #"{"id":"V-0001","employer":{"id":"E-001","type":"schoolbestuur-po"},"jobType":"concierge-assistent","location":{"lat":53.2012,"lon":5.7999},"hours":{"min":12,"max":20},"requiredSkills":["schoonmaken"]}"#
    var index = MatchIndex()
    _ = try! index.upsert(seekers: [RecordDecoding.seeker(JSONDocument(parsing: Array(seeker.utf8)).root)])
    _ = try! index.upsert(vacancies: [RecordDecoding.vacancy(JSONDocument(parsing: Array(vacancy.utf8)).root)])
    return index
  }()

  static func worker(_ capture: Capture, _ framing: Framing) -> Worker {
    Worker(
      index: index, output: ProtocolOutput(fd: capture.fd, framing: framing), limits: limits, logger: logger,
      today: { Day(iso: "2026-12-01")! })
  }

  /// The fuzz target's body; returns what the whole-input worker wrote.
  @discardableResult
  static func run(_ input: [UInt8]) -> Capture {
    for framing in Framing.allCases {
      let capture = Capture()
      let worker = worker(capture, framing)
      var reader = FrameReader(framing: framing, maxMessageBytes: limits.maxMessageBytes)
      var exited = false
      func deliver(_ event: FrameEvent) {
        guard !exited else { return }
        switch event {
        case .message(let message):
          #expect(message.count <= limits.maxMessageBytes)
          if case .exit = worker.handle(message) { exited = true }
        case .error(let error):
          worker.reject(error)
        }
      }
      let split = input.isEmpty ? 0 : Int(input[0]) % (input.count + 1)
      input.withUnsafeBytes { bytes in
        reader.consume(UnsafeRawBufferPointer(rebasing: bytes[0..<split]), emit: deliver)
        reader.consume(UnsafeRawBufferPointer(rebasing: bytes[split...]), emit: deliver)
      }
      reader.finish(emit: deliver)
      worker.drain()
    }
    let capture = Capture()
    let worker = worker(capture, .lines)
    _ = worker.handle(input)
    worker.drain()
    return capture
  }

  /// Named inputs: crashes `make fuzz` found (none so far), and hostile inputs worth keeping.
  static let namedInputs: [(String, [UInt8])] = [
    ("nulByteAfterNumber", Array("123\u{0}".utf8)),
    ("escapedNulInKey", Array(#"{"jsonrpc":"2.0","id":1,"method":"engine.info","params":{"a\u0000b":1}}"#.utf8)),
    (
      "contentLengthSaturates",
      Array("Content-Length: 99999999999999999999999\r\n\r\n{}Content-Length: 2\r\n\r\n[]".utf8)
    ),
    ("contentLengthIntMax", Array("Content-Length: 9223372036854775807\r\n\r\n{}".utf8)),
    ("contentLengthIntMaxPlusOne", Array("Content-Length: 9223372036854775808\r\n\r\n{}".utf8)),
    ("zeroLengthBody", Array("Content-Length: 0\r\n\r\n".utf8)),
    ("deeperThanJansson", Array(String(repeating: "[", count: 3000).utf8)),
    ("deepButParsable", Array((String(repeating: "[", count: 2000) + String(repeating: "]", count: 2000)).utf8)),
    ("batchOfExits", Array(#"[{"jsonrpc":"2.0","method":"exit"},{"jsonrpc":"2.0","method":"exit","id":1}]"#.utf8)),
    (
      "shutdownThenEverything",
      Array(
        #"[{"jsonrpc":"2.0","id":1,"method":"shutdown"},{"jsonrpc":"2.0","id":2,"method":"match.batch","params":{"allSeekers":true}},{"jsonrpc":"2.0","method":"exit"}]"#
          .utf8)
    ),
    ("cancelItself", Array(#"{"jsonrpc":"2.0","id":7,"method":"$/cancelRequest","params":{"id":7}}"#.utf8)),
    (
      "hugeNearMissesAndLimit",
      Array(
        #"{"jsonrpc":"2.0","id":1,"method":"match.vacanciesForSeeker","params":{"seekerId":"S-0001","limit":9223372036854775807,"nearMisses":9223372036854775807}}"#
          .utf8)
    ),
    (
      "negativeLimit",
      Array(
        #"{"jsonrpc":"2.0","id":1,"method":"match.seekersForVacancy","params":{"vacancyId":"V-0001","limit":-1,"nearMisses":-9223372036854775808}}"#
          .utf8)
    ),
    (
      "weightsAllZero",
      Array(
        #"{"jsonrpc":"2.0","id":1,"method":"match.batch","params":{"allSeekers":true,"weights":{"skills":0,"distance":0,"hours":0,"preference":0,"experience":0,"start":0}}}"#
          .utf8)
    ),
    (
      "weightsHugeAndNegative",
      Array(
        #"{"jsonrpc":"2.0","id":1,"method":"match.vacanciesForSeeker","params":{"seekerId":"S-0001","weights":{"skills":1e308,"distance":1e308,"hours":-0.0,"nope":1}}}"#
          .utf8)
    ),
    (
      "upsertExtremeRecord",
      Array(
        #"{"jsonrpc":"2.0","id":1,"method":"seekers.upsert","params":{"seekers":[{"id":"S-X","location":{"lat":90,"lon":-180},"maxTravelKm":250,"hours":{"min":0,"max":1e-300},"availableFrom":"9999-12-31","wageValue":100}]}}"#
          .utf8)
    ),
    (
      "badDates",
      Array(
        #"{"jsonrpc":"2.0","id":1,"method":"match.vacanciesForSeeker","params":{"seekerId":"S-0001","date":"2026-02-30"}}"#
          .utf8)
    ),
    (
      "idsNotStrings",
      Array(#"{"jsonrpc":"2.0","id":1,"method":"seekers.remove","params":{"ids":[1,null,{},[]]}}"#.utf8)
    ),
    ("invalidUTF8InString", [0x7B, 0x22, 0x61, 0x22, 0x3A, 0x22, 0xC0, 0xAF, 0x22, 0x7D]),
    ("loneSurrogateEscape", Array(#"{"jsonrpc":"2.0","id":"\ud800","method":"engine.info"}"#.utf8)),
    ("lfOnlyHeaderThenCRLF", Array("Content-Length: 2\n\r\n{}".utf8)),
    ("headerWithoutColonThenHeader", Array("Content-Length 2\r\n\r\n{}Content-Length: 2\r\n\r\n{}".utf8)),
  ]

  /// Each named input: no crash, and whatever the worker wrote as a whole message is valid
  /// line-framed JSON-RPC.
  @Test(arguments: namedInputs)
  func namedInput(name: String, input: [UInt8]) throws {
    let capture = Self.run(input)
    for line in capture.lines {
      let document = try JSONDocument(parsing: Array(line.utf8))
      let root = document.root
      let responses = root.kind == .array ? root.elements : [root]
      for response in responses {
        #expect(response.member("jsonrpc")?.string == "2.0", "\(name): \(line)")
        #expect((response.member("result") == nil) != (response.member("error") == nil), "\(name): \(line)")
      }
    }
  }

  @Test func saturatedContentLengthResynchronises() {
    // The body of a message with an unusable length runs straight into the next header.
    let input = Array("Content-Length: 99999999999999999999999\r\n\r\n{}Content-Length: 2\r\n\r\n[]".utf8)
    var reader = FrameReader(framing: .headers, maxMessageBytes: 4096)
    var events: [FrameEvent] = []
    input.withUnsafeBytes { reader.consume($0) { events.append($0) } }
    reader.finish { events.append($0) }
    #expect(events == [.error(.tooLarge(limit: 4096)), .message(Array("[]".utf8))])
  }

  @Test func shutdownInABatchRefusesTheRestAndExitEndsIt() throws {
    let capture = Capture()
    let worker = Self.worker(capture, .lines)
    let outcome = worker.handle(
      Array(
        #"[{"jsonrpc":"2.0","id":1,"method":"shutdown"},{"jsonrpc":"2.0","id":2,"method":"engine.info"},{"jsonrpc":"2.0","method":"exit"}]"#
          .utf8))
    worker.drain()
    #expect(outcome == .exit(0))
    let lines = capture.lines
    #expect(lines.count == 1)
    #expect(lines.first?.contains(#""id":1,"result":null"#) == true)
    #expect(lines.first?.contains(#""id":2,"error":{"code":-32600"#) == true)
  }
}
