/// The code spaces of the index. Each is interned separately so that bit sets stay small.
struct Vocabulary: Sendable {
  /// `skills`, `requiredSkills`, `preferredSkills`.
  var skills = CodeTable()
  /// `needs`, `offers`.
  var accommodations = CodeTable()
  /// `jobType`, `experience`, `preferences.jobTypes`.
  var jobTypes = CodeTable()
  /// `sector`, `preferences.sectors`.
  var sectors = CodeTable()
  var regions = CodeTable()
  /// Employer ids and names and vacancy titles: free texts, interned for compact records
  /// (not a code space; no set test looks at them).
  var texts = CodeTable()

  /// The number of codes in all spaces together.
  var count: Int {
    skills.count + accommodations.count + jobTypes.count + sectors.count + regions.count + texts.count
  }
}

/// Marks "no value" in a code column (no region, no sector).
let noCode = CodeTable.absent
/// Marks "now" in a day column: resolved to the request's date at query time.
let nowDay = Int32.min
/// Marks "unknown" in an education-rank column.
let unknownRank: Int8 = -1

/// A position as a unit vector: the chord between two of them bounds their distance cheaply.
struct UnitVector: Sendable {
  var x, y, z: Double

  init(lat: Double, lon: Double) {
    (x, y, z) = GeoMath.unitVector(lat: lat, lon: lon)
  }

  /// The unit vector of a position in degrees, converted as `GeoRow` converts it.
  init(point: GeoPoint) {
    self.init(lat: point.lat * GeoMath.degreesToRadians, lon: point.lon * GeoMath.degreesToRadians)
  }
}

// MARK: - Snapshots

extension Vocabulary {
  func write(to writer: inout SnapshotWriter<some SnapshotSink>) {
    for table in [skills, accommodations, jobTypes, sectors, regions, texts] { table.write(to: &writer) }
  }

  init(from reader: SnapshotReader<some SnapshotSource>) throws(SnapshotError) {
    skills = try CodeTable(from: reader)
    accommodations = try CodeTable(from: reader)
    jobTypes = try CodeTable(from: reader)
    sectors = try CodeTable(from: reader)
    regions = try CodeTable(from: reader)
    texts = try CodeTable(from: reader)
  }
}
