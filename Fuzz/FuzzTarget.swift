import Banenmatch
import BanenmatchJSON
import BanenmatchWorker
import Logging

#if canImport(Glibc)
  import Glibc
#endif

// libFuzzer entry over the frame reader and the request decoder (`make fuzz`).
//
// Each input goes three ways: through a `FrameReader` in line framing and in header framing
// (split into two chunks at a point the input chooses), every message and framing error handed
// to a fresh `Worker`; and whole, as one message, straight to a `Worker`. Workers answer into
// /dev/null and start from the same small index of four seekers and four vacancies.

/// Where every answer goes.
private let devNull = open("/dev/null", O_WRONLY)

/// Small limits, so that inputs of a few KiB reach them.
private let limits: WorkerLimits = {
  var limits = WorkerLimits()
  limits.maxMessageBytes = 4096
  limits.maxBatch = 32
  limits.maxDepth = 16
  limits.maxLimit = 50
  return limits
}()

private let today = Day(iso: "2026-12-01")!

/// Logs at trace level into nothing, so the log statements run too.
private struct DiscardingLogHandler: LogHandler {
  var logLevel: Logger.Level = .trace
  var metadata: Logger.Metadata = [:]
  var metadataProvider: Logger.MetadataProvider?
  subscript(metadataKey key: String) -> Logger.Metadata.Value? {
    get { metadata[key] }
    set { metadata[key] = newValue }
  }
  func log(event: LogEvent) {
    _ = event.message.description
    _ = event.metadata?.description
  }
}

private let logger = Logger(label: "banenmatch.fuzz") { _ in DiscardingLogHandler() }

private let seekerLines = [
  #"{"id":"S-0001","region":"friesland","location":{"lat":53.1054,"lon":6.0985},"maxTravelKm":40,"hours":{"min":4,"max":24},"workdays":["mon","tue","wed","thu","fri"],"availableFrom":"2026-12-24","education":"mbo3","skills":["maaien","post-sorteren","materiaal-klaarzetten","laptops-beheren","kopieerwerk"],"experience":["klassenassistent"],"needs":[],"preferences":{"jobTypes":["ict-ondersteuning"]},"wageValue":85,"registered":true}"#,
  #"{"id":"S-0002","region":"friesland","location":{"lat":52.9597,"lon":5.9196},"maxTravelKm":35,"hours":{"min":4,"max":24},"workdays":["mon","tue","wed","thu","fri"],"availableFrom":"2026-11-14","skills":["inpakken","schoonmaken","maaien","broodjes-smeren","sorteren"],"experience":["kantine"],"needs":[],"preferences":{"sectors":["zorg","industrie"]},"wageValue":45,"registered":true}"#,
  #"{"id":"S-0003","region":"friesland","location":{"lat":52.9597,"lon":5.9196},"maxTravelKm":35,"hours":{"min":8,"max":20},"workdays":["mon","tue","wed","thu","fri"],"availableFrom":"2027-05-19","skills":["labelen","stofzuigen","orderpicken","schoonmaken","inpakken"],"experience":[],"needs":["vaste-structuur"],"preferences":{"jobTypes":["schoonmaak"],"sectors":["zorg"]},"wageValue":65,"registered":true}"#,
  #"{"id":"S-0004","region":"friesland","location":{"lat":53.1917,"lon":5.9903},"maxTravelKm":40,"hours":{"min":12,"max":32},"workdays":["mon","tue","wed","thu","fri"],"availableFrom":"2026-11-20","education":"mbo1","skills":["materiaal-klaarzetten","laptops-beheren","orderpicken","schoonmaken","kopieerwerk"],"experience":[],"needs":["vaste-structuur"],"preferences":{"jobTypes":["onderwijsassistent-ondersteuning"],"sectors":["groen"]},"wageValue":75,"registered":true}"#,
]

private let vacancyLines = [
  #"{"id":"V-0001","employer":{"id":"E-001","name":"Stichting Openbaar Onderwijs Fryslân","type":"schoolbestuur-po"},"title":"Conciërge-assistent","jobType":"concierge-assistent","sector":"onderwijs","region":"friesland","location":{"lat":53.2012,"lon":5.7999},"hours":{"min":12,"max":20},"workdays":["mon","wed","fri"],"startDate":"2027-01-25","positions":2,"requiredSkills":["schoonmaken"],"preferredSkills":["post-sorteren","lamineren","afval-scheiden","koffie-zetten","kopieerwerk"],"offers":["geen-tijdsdruk","jobcoach","aangepaste-werktijden","extra-pauzes","rustige-werkplek"]}"#,
  #"{"id":"V-0002","employer":{"id":"E-001","name":"Stichting Openbaar Onderwijs Fryslân","type":"schoolbestuur-po"},"title":"Klassenassistent","jobType":"klassenassistent","sector":"onderwijs","region":"friesland","location":{"lat":53.2012,"lon":5.7999},"hours":{"min":12,"max":16},"workdays":["mon","wed","fri"],"startDate":"2027-01-04","requiredSkills":["kinderen-begeleiden"],"preferredSkills":["lokalen-klaarzetten","toezicht-houden"],"minEducation":"mbo1","offers":["extra-pauzes","rolstoeltoegankelijk","jobcoach"]}"#,
  #"{"id":"V-0003","employer":{"id":"E-002","name":"Scholengroep Fryske Wâlden VO","type":"schoolbestuur-vo"},"title":"Kantinemedewerker","jobType":"kantine","sector":"onderwijs","region":"friesland","location":{"lat":53.0325,"lon":5.6589},"hours":{"min":16,"max":20},"workdays":["mon","tue","thu"],"startDate":"2027-02-01","requiredSkills":["broodjes-smeren"],"preferredSkills":["kassa","afwassen","koffie-zetten","aanvullen"],"offers":["rolstoeltoegankelijk","visuele-instructies","extra-pauzes","aangepaste-werktijden"],"minWageValue":45}"#,
  #"{"id":"V-0004","employer":{"id":"E-002","name":"Scholengroep Fryske Wâlden VO","type":"schoolbestuur-vo"},"title":"Schoonmaakmedewerker","jobType":"schoonmaak","sector":"onderwijs","region":"friesland","location":{"lat":53.1054,"lon":6.0985},"hours":{"min":12,"max":16},"workdays":["mon","tue","thu","fri"],"startDate":"2027-02-22","positions":3,"requiredSkills":["schoonmaken"],"preferredSkills":["stofzuigen","sanitair-reinigen","afval-scheiden","aanvullen"],"offers":["geen-tijdsdruk","rustige-werkplek","vaste-structuur"]}"#,
]

private let baseIndex: MatchIndex = {
  var index = MatchIndex()
  do {
    let seekers = try seekerLines.map { line in
      try RecordDecoding.seeker(JSONDocument(parsing: Array(line.utf8)).root)
    }
    let vacancies = try vacancyLines.map { line in
      try RecordDecoding.vacancy(JSONDocument(parsing: Array(line.utf8)).root)
    }
    _ = try index.upsert(seekers: seekers)
    _ = try index.upsert(vacancies: vacancies)
  } catch {
    fatalError("the fuzz target's own records do not load: \(error)")
  }
  return index
}()

private func makeWorker(_ framing: Framing) -> Worker {
  Worker(
    index: baseIndex, output: ProtocolOutput(fd: devNull, framing: framing), limits: limits, logger: logger,
    today: { today })
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
  let input = UnsafeRawBufferPointer(start: data, count: data == nil ? 0 : size)

  for framing in Framing.allCases {
    let worker = makeWorker(framing)
    var reader = FrameReader(framing: framing, maxMessageBytes: limits.maxMessageBytes)
    var exited = false
    func deliver(_ event: FrameEvent) {
      guard !exited else { return }
      switch event {
      case .message(let message):
        precondition(message.count <= limits.maxMessageBytes, "the frame reader passed an oversized message")
        if case .exit = worker.handle(message) { exited = true }
      case .error(let error):
        worker.reject(error)
      }
    }
    let split = input.isEmpty ? 0 : Int(input[0]) % (input.count + 1)
    reader.consume(UnsafeRawBufferPointer(rebasing: input[0..<split]), emit: deliver)
    reader.consume(UnsafeRawBufferPointer(rebasing: input[split...]), emit: deliver)
    reader.finish(emit: deliver)
    worker.drain()
  }

  let worker = makeWorker(.lines)
  _ = worker.handle(Array(input))
  worker.drain()
  return 0
}

// SwiftPM links an executable with `--defsym main=banenmatch_fuzz_main`, so that symbol must
// exist: it runs libFuzzer's driver on `fuzz`, exactly as libFuzzer's own `main` would.
@_extern(c, "LLVMFuzzerRunDriver")
private func runFuzzerDriver(
  _ argc: UnsafeMutablePointer<CInt>,
  _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
  _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
) -> CInt

@_cdecl("banenmatch_fuzz_main")
public func fuzzMain(
  _ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?
) -> CInt {
  var argc = argc
  var argv = argv
  return runFuzzerDriver(&argc, &argv, fuzz)
}
