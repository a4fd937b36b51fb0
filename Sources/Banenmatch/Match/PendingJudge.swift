/// A record waiting to be judged, and what its row tells. A row read at random misses the
/// caches; a query's scan queues the records it would judge and reads their rows in a loop
/// that does little else (`rowVerdict`), so that the processor has their misses in flight
/// together; then judges each in turn from the verdict.
struct PendingJudge {
  /// How many wait at most: 768 bytes on the stack.
  static let batch = 16

  var slot: Int
  var verdict: RowVerdict
}

/// What a row tells of a pair from its inline bits (codes below 256 or 64): the constraints
/// it fails but distance (eligibility and wage value among them, which are never waived),
/// the squared chord, and the other's position for the haversine.
struct RowVerdict {
  var chord2: Double
  var geo: GeoRow
  var failed: UInt16

  /// The constraints no near miss may fail.
  static let neverWaived = Constraint.eligibility.bit | Constraint.wageValue.bit

  /// The verdict from the facts read from the row's lines, each test setting its own bit (no
  /// `&&` or `||` that would make one load wait on another). NaN (a wage value unknown, or no
  /// minimum) compares false.
  @inline(__always)
  init(
    chord2: Double, geo: GeoRow, banenafspraak: Bool, registered: Bool, wageValue: Double, minWageValue: Double,
    holdsRequired: Bool, offersNeeds: Bool
  ) {
    var failed = (banenafspraak ? Constraint.eligibility.bit : 0) & (registered ? 0 : .max)
    failed |= wageValue < minWageValue ? Constraint.wageValue.bit : 0
    failed |= holdsRequired ? 0 : Constraint.requiredSkills.bit
    failed |= offersNeeds ? 0 : Constraint.accommodations.bit
    self.chord2 = chord2
    self.geo = geo
    self.failed = failed
  }
}

/// The failures of workdays, hours, education and start (SPEC section 3) as constraint bits,
/// for both directions' `rowVerdictRest`: `workdays`, the hours and `educationRank` are the
/// seeker's, `requiredWorkdays`, the vacancy hours and `minEducationRank` the vacancy's, and
/// `daysLate` the days she is available after its start.
@inline(__always)
func scheduleFailures(
  workdays: UInt8, requiredWorkdays: UInt8, hoursMin: Double, hoursMax: Double, vacancyHoursMin: Double,
  vacancyHoursMax: Double, educationRank: Int8, minEducationRank: Int8, daysLate: Int
) -> UInt16 {
  var failed: UInt16 = requiredWorkdays & ~workdays != 0 ? Constraint.workdays.bit : 0
  failed |= max(hoursMin, vacancyHoursMin) > min(hoursMax, vacancyHoursMax) ? Constraint.hours.bit : 0
  failed |= educationRank != unknownRank && educationRank < minEducationRank ? Constraint.education.bit : 0
  failed |= daysLate > 90 ? Constraint.start.bit : 0
  return failed
}

/// A query's scan that judges rows in batches: it queues the records it would judge
/// (`enqueue`), and `judgePending` reads their rows in two loops of their own before judging
/// each. `judgePending` must run at the end of every visit, before anything that changes what
/// a later judge means (the pass, the allowance, the skills already visited).
protocol BatchJudging {
  /// The queue, `PendingJudge.batch` long, and how many wait in it.
  var judges: UnsafeMutableBufferPointer<PendingJudge> { get }
  var judgeCount: Int { get set }
  /// What the row tells from each of its cache lines.
  func rowVerdict(_ slot: Int) -> RowVerdict
  /// The rest of the inline tests, from the row now in the caches.
  func rowVerdictRest(_ verdict: inout RowVerdict, _ slot: Int)
  mutating func judge(_ slot: Int, farPass: Bool, verdict: RowVerdict)
}

extension BatchJudging {
  /// Queues one record that passed the filters; the batch is judged when full.
  @inline(__always)
  mutating func enqueue(_ slot: Int, farPass: Bool) {
    judges[judgeCount].slot = slot
    judgeCount += 1
    if judgeCount == PendingJudge.batch { judgePending(farPass: farPass) }
  }

  /// Judges the queued records: first what their rows' inline bits tell, a loop per step,
  /// then each in turn.
  mutating func judgePending(farPass: Bool) {
    let count = judgeCount
    judgeCount = 0
    for i in 0..<count { judges[i].verdict = rowVerdict(judges[i].slot) }
    for i in 0..<count { rowVerdictRest(&judges[i].verdict, judges[i].slot) }
    for i in 0..<count { judge(judges[i].slot, farPass: farPass, verdict: judges[i].verdict) }
  }
}
