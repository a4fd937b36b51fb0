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
}

/// Marks "no value" in a code column (no region, no sector).
let noCode = CodeTable.absent
/// Marks "now" in a day column: resolved to the request's date at query time.
let nowDay = Int32.min
/// Marks "unknown" in an education-rank column.
let unknownRank: Int8 = -1
