extension MatchIndex {
  /// Returns the seekers that fit the indexed vacancy with this id, best first.
  ///
  /// - Throws: `MatchError.unknownID` when no vacancy has this id, `.invalid` for bad options.
  public func seekers(forVacancyID id: String, options: MatchOptions) throws(MatchError) -> MatchResults {
    guard let slot = vacancyColumns.slots[ByteKey(id)] else { throw .unknownID(id) }
    let errors = options.validationErrors(direction: .seekersForVacancy)
    if !errors.isEmpty { throw .invalid(ValidationError(errors)) }
    return seekers(
      for: VacancyQuery(slot: slot, in: vacancyColumns, date: options.date),
      vacancy: { vacancyColumns.record(slot, vocabulary: vocabulary) }, options: options)
  }

  /// Returns the seekers that fit `vacancy` (indexed or not), best first, with near misses
  /// when asked: SPEC section 3.
  ///
  /// - Complexity: about the number of seekers within reach of the vacancy who hold its
  ///   rarest required skill (all within reach when it requires none), plus, for near misses,
  ///   every seeker within reach and the holders of that skill beyond it.
  public func seekers(for vacancy: Vacancy, options: MatchOptions) throws(MatchError) -> MatchResults {
    var errors = options.validationErrors(direction: .seekersForVacancy)
    errors += vacancy.validationErrors().map { $0.prefixed(with: "vacancy") }
    if !errors.isEmpty { throw .invalid(ValidationError(errors)) }
    return seekers(
      for: VacancyQuery(vacancy, vocabulary: vocabulary, date: options.date), vacancy: { vacancy }, options: options)
  }

  /// The vacancy query proper, in two passes split by the exact reach test like
  /// `vacancies(for:seeker:options:)`: the seekers within reach, then, for near misses, those
  /// beyond it who hold every required skill.
  ///
  /// - Parameter vacancy: The vacancy's record, asked for only to explain or for near misses.
  func seekers(for q: VacancyQuery, vacancy: () -> Vacancy, options: MatchOptions) -> MatchResults {
    let filters = CompiledFilters(options.filters, vocabulary: vocabulary, slots: seekerColumns.slots)
    let s = seekerColumns
    let allowance = options.nearMisses > 0 ? 1 : 0

    // The rarest required skill: every seeker who can pass `requiredSkills` holds it.
    var rarest: Int?
    var rarestHolders = Int.max
    q.forEachRequired { code in
      let holders = Int(code) < s.skillGrids.count ? s.skillGrids[Int(code)].count : 0
      if holders < rarestHolders {
        rarest = Int(code)
        rarestHolders = holders
      }
    }
    let nobodyQualifies = q.requiredUnknown || rarestHolders == 0

    let (top, near, feasible) = s.rows.withUnsafeBufferPointer { rows in
      s.geo.withUnsafeBufferPointer { geo in
        s.ids.withUnsafeBufferPointer { ids in
          var scan = SeekerScan(
            q: q, rows: rows, geo: geo, ids: ids, overflows: s.overflows, options: options, filters: filters)
          // Pass 1: within reach. When near misses are not asked, the holders of the rarest
          // required skill suffice; otherwise a seeker lacking one required skill counts too.
          if allowance == 0 {
            // The entries tell required skills exactly when the grid's skill is the only one.
            let entryDecides =
              vocabulary.accommodations.count <= 32 && filters.regions == nil && filters.excludedSlots.isEmpty
              && q.required.count + q.requiredHigh.count <= 1
            if nobodyQualifies {
              // No seeker holds every required skill: nothing is feasible.
            } else if let rarest {
              scan.visitWithinReach(s.skillGrids[rarest], entryDecides: entryDecides)
            } else {
              scan.visitWithinReach(s.grid, entryDecides: entryDecides)
            }
          } else {
            scan.visitWithinReach(s.grid)
            // Pass 2: beyond reach, failing distance alone, so holding every required skill.
            if !nobodyQualifies { scan.visitBeyondReach(rarest.map { s.skillGrids[$0] } ?? s.grid) }
          }
          scan.top.sort(ids: ids)
          scan.near.sort(ids: ids)
          return (scan.top.entries, scan.near.entries, scan.feasible)
        }
      }
    }

    var candidates = s.count - filters.excludedSlots.count
    if let regions = filters.regions {
      candidates = 0
      regions.forEachMember { candidates += s.count(inRegion: $0) }
      for slot in filters.excludedSlots where regions.contains(s.rows[slot].region) { candidates -= 1 }
    }

    // Records are given back only to explain and for the gaps of near misses.
    func answer(for entry: TopK.Entry) -> PairAnswers {
      PairAnswers(options: options, travelKm: min(s.rows[entry.slot].maxTravelKm, filters.maxKm))
    }
    let record = (options.explain && !top.isEmpty) || !near.isEmpty ? vacancy() : nil
    let preferred = options.explain ? record.map { q.preferredList($0, vocabulary: vocabulary) } ?? [] : []
    return MatchResults(
      matches: top.map { entry in
        let r = s.rows[entry.slot]
        let unknown = PairAnswers.unknownFields(
          educationRank: r.educationRank, wageValue: r.wageValue, minEducationRank: q.minEducationRank,
          minWageValue: q.minWageValue)
        let explanation =
          options.explain
          ? answer(for: entry).explanation(entry, preferred: .pairs(preferred)) { code, _ in
            r.skills.contains(code) || (s.overflow(entry.slot)?.first.sortedContains(code) ?? false)
          } : nil
        return Match(id: s.ids[entry.slot], score: entry.score, unknown: unknown, explanation: explanation)
      },
      nearMisses: near.map {
        answer(for: $0).nearMiss($0, seeker: s.record($0.slot, vocabulary: vocabulary), vacancy: record!, idOf: .seeker)
      },
      candidates: candidates, feasible: feasible, indexVersion: version)
  }
}

/// One vacancy query's state: the vacancy, the seekers' rows, and the lists being filled.
struct SeekerScan {
  let q: VacancyQuery
  let rows: UnsafeBufferPointer<SeekerRow>
  let geo: UnsafeBufferPointer<GeoRow>
  let ids: UnsafeBufferPointer<String>
  let overflows: OverflowTable
  let filters: CompiledFilters
  let weights: Weights
  let totalWeight: Double
  let today: Int32
  /// The request's `maxKm` (infinite when absent), and as a chord.
  let maxKm: Double
  let requestChord: Double
  let allowance: Int
  /// The vacancy's required skills and offers folded to 32 bits, as in `SeekerEntry`.
  let requiredFold: UInt32
  let offersFold: UInt32
  /// The vacancy's facts as the entries' tests need them: the hours in half hours (the
  /// largest whole number ≤ 2·max, the smallest ≥ 2·min), the last day a seeker may start,
  /// and the preferred skills folded (with how many of them
  /// share a bit with another, so that the fold bounds the matched count from above).
  let hoursMax2Floor: Int
  let hoursMin2Ceil: Int
  let latestStart: Int
  let preferredFold: UInt32
  let knownPreferred: Int
  let foldCollisions: Int
  var top: TopK
  var near: TopK
  var feasible = 0
  /// The fewest matched preferred skills a pair needs to possibly enter `top`, `near` within
  /// reach, and `near` beyond reach (distance feature 0).
  var topGate: SkillsGate
  var nearGate: SkillsGate
  var farGate: SkillsGate

  init(
    q: VacancyQuery, rows: UnsafeBufferPointer<SeekerRow>, geo: UnsafeBufferPointer<GeoRow>,
    ids: UnsafeBufferPointer<String>, overflows: OverflowTable, options: MatchOptions, filters: CompiledFilters
  ) {
    self.q = q
    self.rows = rows
    self.geo = geo
    self.ids = ids
    self.overflows = overflows
    self.filters = filters
    weights = options.weights
    totalWeight = options.weights.total
    today = options.date.daysSinceEpoch
    maxKm = filters.maxKm
    requestChord = GeoMath.chordLimit(km: filters.maxKm)
    allowance = options.nearMisses > 0 ? 1 : 0
    requiredFold = fold32(q.required.folded) | fold32(q.requiredHigh)
    offersFold = fold32(q.offers.word) | fold32(q.offersHigh)
    // Hours are validated from 0 to 40.
    hoursMax2Floor = Int((q.hoursMax * 2).rounded(.down))
    hoursMin2Ceil = Int((q.hoursMin * 2).rounded(.up))
    latestStart = Int(q.start) + 90
    preferredFold = fold32(q.preferred.folded) | fold32(q.preferredHigh)
    knownPreferred = q.preferred.count + q.preferredHigh.count
    foldCollisions = knownPreferred - preferredFold.nonzeroBitCount
    topGate = SkillsGate(q: q, knownPreferred: knownPreferred, weights: weights, distance: 1)
    nearGate = topGate
    farGate = SkillsGate(q: q, knownPreferred: knownPreferred, weights: weights, distance: 0)
    top = TopK(capacity: options.limit)
    near = TopK(capacity: options.nearMisses)
  }

  @inline(__always)
  func passes(_ slot: Int) -> Bool {
    !filters.isExcluded(slot) && filters.admits(region: rows[slot].region)
  }

  /// Pass 1 over one grid: every layer within its distance of the vacancy. The entry tells
  /// most pairs that fail eligibility (never waived), or more of workdays, education,
  /// required skills and accommodations than the near-miss allowance, without the row.
  ///
  /// - Parameter entryDecides: Without near misses, whether an entry that passes every test
  ///   it can tell exactly is feasible, so counted without its row: no filter but `maxKm`,
  ///   accommodations folded without loss (at most 32 codes), and the required skill (if
  ///   any) the grid's own. Such a pair is judged only when its skills could enter the list.
  mutating func visitWithinReach(_ grid: LayeredGrid<SeekerEntry>, entryDecides: Bool = false) {
    let point = FloatPoint(x: q.x, y: q.y, z: q.z)
    let limit = Float(min(requestChord, 2))
    // The vacancy's side of the entry tests, as locals the loop keeps in registers.
    let (offers, required, workdays) = (offersFold, requiredFold, q.workdays)
    let unregisteredFail = q.banenafspraak
    // Ranks as unsigned bytes: unknown (−1) becomes 255, which no minimum exceeds.
    let minEducation = UInt8(clamping: q.minEducationRank)
    let (latest, today, maxFloor, minCeil) = (latestStart, today, hoursMax2Floor, hoursMin2Ceil)
    let minWage = q.minWageValue
    let hasMinWage = !minWage.isNaN
    for (layer, cells) in grid.layers.enumerated() where cells.count > 0 {
      let window = cells.window(lat: q.geo.lat, lon: q.geo.lon, km: min(grid.bounds[layer], maxKm))
      cells.forEachRun(in: window) { entries in
        if allowance == 0 {
          // Any failure ends the pair: test the likeliest first.
          for entry in entries {
            if entry.needs & ~offers | required & ~entry.skills | UInt32(workdays & ~entry.workdays) != 0
              || (unregisteredFail && !entry.registered)
              || UInt8(bitPattern: entry.educationRank) < minEducation
            {
              continue
            }
            // Certain failures of start, hours (inexact ones never fail here) and wage value
            // (NaN, unknown or no minimum, compares false).
            let available = entry.available == nowDay ? today : entry.available
            if Int(available) > latest || Int(entry.hoursMin2) > maxFloor || Int(entry.hoursMax2) < minCeil
              || Double(entry.wageHigh) < minWage
            {
              continue
            }
            let chord2 = entry.chord2(to: point)
            let reach = min(entry.reach, limit)
            if chord2 > (reach + 1e-6) * (reach + 1e-6) { continue }
            let slot = Int(entry.slot)
            // Certainly feasible: inside the reach by more than the rounding of single
            // precision (4e-6 as a chord, 25 m), exact hours, and a wage value certainly high
            // enough. Counted here; judged only if its skills could enter the list.
            if entryDecides && entry.hoursExact && (!hasMinWage || Double(entry.wageHigh.nextDown) >= minWage)
              && chord2 <= (reach - 4e-6) * (reach - 4e-6) && reach > 4e-6
            {
              feasible += 1
              if matchedBound(entry) < topGate.minMatched(top) { continue }
              judge(slot, farPass: false, counted: true)
              continue
            }
            if passes(slot) { judge(slot, farPass: false) }
          }
        } else {
          for entry in entries {
            // Never waived: eligibility and wage value.
            if (unregisteredFail && !entry.registered) || Double(entry.wageHigh) < minWage { continue }
            let available = entry.available == nowDay ? today : entry.available
            let failures =
              (workdays & ~entry.workdays != 0 ? 1 : 0) + (required & ~entry.skills != 0 ? 1 : 0)
              + (entry.needs & ~offers != 0 ? 1 : 0)
              + (UInt8(bitPattern: entry.educationRank) < minEducation ? 1 : 0) + (Int(available) > latest ? 1 : 0)
              + (Int(entry.hoursMin2) > maxFloor || Int(entry.hoursMax2) < minCeil ? 1 : 0)
            if failures > 1 { continue }
            if entry.isBeyond(point, limit: limit) { continue }
            // Certainly a near miss: judged only if its skills could enter that list.
            if failures == 1 && matchedBound(entry) < nearGate.minMatched(near) { continue }
            let slot = Int(entry.slot)
            if passes(slot) { judge(slot, farPass: false) }
          }
        }
      }
    }
  }

  /// Pass 2: every entry of the grid, for near misses beyond reach, which fail distance and so
  /// must pass every other constraint. Skipped when no pair scoring 0 for distance could enter
  /// the near misses.
  mutating func visitBeyondReach(_ grid: LayeredGrid<SeekerEntry>) {
    let best = FeatureValues(skills: 1, distance: 0, hours: 1, preference: 1, experience: 1, start: 1)
    if near.excludes(bound: weights.score(best, total: totalWeight)) { return }
    let (offers, required, workdays) = (offersFold, requiredFold, q.workdays)
    let unregisteredFail = q.banenafspraak
    let minEducation = UInt8(clamping: q.minEducationRank)
    let (latest, today, maxFloor, minCeil) = (latestStart, today, hoursMax2Floor, hoursMin2Ceil)
    let minWage = q.minWageValue
    for cells in grid.layers {
      cells.forEachRun(in: nil) { entries in
        for entry in entries {
          if entry.needs & ~offers | required & ~entry.skills | UInt32(workdays & ~entry.workdays) != 0
            || (unregisteredFail && !entry.registered) || UInt8(bitPattern: entry.educationRank) < minEducation
          {
            continue
          }
          let available = entry.available == nowDay ? today : entry.available
          if Int(available) > latest || Int(entry.hoursMin2) > maxFloor || Int(entry.hoursMax2) < minCeil
            || Double(entry.wageHigh) < minWage
          {
            continue
          }
          if matchedBound(entry) < farGate.minMatched(near) { continue }
          if passes(Int(entry.slot)) { judge(Int(entry.slot), farPass: true) }
        }
      }
    }
  }

  /// An upper bound of the preferred skills an entry's seeker holds: their folded overlap,
  /// plus the preferred skills that share a folded bit with another.
  @inline(__always)
  func matchedBound(_ entry: SeekerEntry) -> Int {
    min(knownPreferred, sparseCount(UInt64(entry.skills & preferredFold)) + foldCollisions)
  }

  /// Judges one seeker that passed the filters: within reach in the first pass, beyond it
  /// (as a near miss) in the second.
  ///
  /// - Parameter counted: The pair is known feasible and already counted.
  @inline(__always)
  mutating func judge(_ slot: Int, farPass: Bool, counted: Bool = false) {
    // Fields are read through the pointer as they are needed, not the row copied whole.
    let r = rows.baseAddress.unsafelyUnwrapped.advanced(by: slot)
    // Never waived: eligibility and wage value (NaN, unknown or none, compares false).
    if q.banenafspraak && !r.pointee.registered { return }
    if r.pointee.wageValue < q.minWageValue { return }
    let dx = r.pointee.x - q.x
    let dy = r.pointee.y - q.y
    let dz = r.pointee.z - q.z
    let chord2 = dx * dx + dy * dy + dz * dz
    let travelKm = min(r.pointee.maxTravelKm, maxKm)
    let reach = ReachLimit(km: travelKm, chord: min(r.pointee.reachChord, requestChord))
    let within = reach.contains(chord2: chord2) { geo[slot].distanceKm(to: q.geo) }
    if within == farPass { return }
    var failed: UInt16 = farPass ? Constraint.distance.bit : 0
    var failures = farPass ? 1 : 0

    if q.workdays & ~r.pointee.workdays != 0 {
      failed |= Constraint.workdays.bit
      failures += 1
      if failures > allowance { return }
    }
    let sharedMax = min(r.pointee.hoursMax, q.hoursMax)
    if max(r.pointee.hoursMin, q.hoursMin) > sharedMax {
      failed |= Constraint.hours.bit
      failures += 1
      if failures > allowance { return }
    }
    if r.pointee.educationRank != unknownRank && r.pointee.educationRank < q.minEducationRank {
      failed |= Constraint.education.bit
      failures += 1
      if failures > allowance { return }
    }
    let available = r.pointee.available == nowDay ? today : r.pointee.available
    let daysLate = Int(available) - Int(q.start)
    if daysLate > 90 {
      failed |= Constraint.start.bit
      failures += 1
      if failures > allowance { return }
    }
    let overflow = r.pointee.overflow == 0 ? nil : overflows[r.pointee.overflow]
    if q.requiredUnknown || !q.required.isSubset(of: r.pointee.skills)
      || (!q.requiredHigh.isEmpty && !q.requiredHigh.isSortedSubset(of: overflow?.first ?? []))
    {
      failed |= Constraint.requiredSkills.bit
      failures += 1
      if failures > allowance { return }
    }
    if !r.pointee.needs.isSubset(of: q.offers) || !(overflow?.second.isSortedSubset(of: q.offersHigh) ?? true) {
      failed |= Constraint.accommodations.bit
      failures += 1
      if failures > allowance { return }
    }
    assert(!counted || failures == 0, "a pair counted feasible from its entry fails")
    if failures == 0 && !counted { feasible += 1 }

    var matched = r.pointee.skills.intersectionCount(q.preferred)
    if let overflow, !q.preferredHigh.isEmpty { matched += overflow.first.sortedIntersectionCount(q.preferredHigh) }
    let skills = PairFeatures.skills(matched: matched, preferred: q.preferredCount)
    // The skills feature alone, every other at its best, turns most pairs away from a full
    // list before the rest is computed.
    let best = weights.score(
      FeatureValues(skills: skills, distance: farPass ? 0 : 1, hours: 1, preference: 1, experience: 1, start: 1),
      total: totalWeight)
    if failures == 0 ? top.excludes(bound: best) : near.excludes(bound: best) { return }
    var features = FeatureValues(
      skills: skills,
      distance: 0,
      hours: sharedMax / q.hoursMax,
      preference: !r.pointee.hasPreferences
        ? 0.5
        : (r.pointee.preferredJobTypes.contains(q.jobType) || (overflow?.fourth.sortedContains(q.jobType) ?? false))
          ? 1
          : (q.sector != noCode
            && (r.pointee.preferredSectors.contains(q.sector) || (overflow?.fifth.sortedContains(q.sector) ?? false)))
            ? 0.5 : 0,
      experience: (r.pointee.experience.contains(q.jobType) || (overflow?.third.sortedContains(q.jobType) ?? false))
        ? 1 : 0,
      start: PairFeatures.start(daysLate: daysLate))
    if !farPass { features.distance = reach.distanceFeatureBound(chord2: chord2) }
    if failures == 0 {
      guard top.admits(score: weights.score(features, total: totalWeight)) else { return }
    } else {
      guard near.admits(score: weights.score(features, total: totalWeight)) else { return }
    }
    let distanceKm = geo[slot].distanceKm(to: q.geo)
    features.distance = PairFeatures.distance(distanceKm, limit: travelKm)
    let score = weights.score(features, total: totalWeight)
    let entry = TopK.Entry(slot: slot, score: score, features: features, distanceKm: distanceKm, failed: failed)
    if failures == 0 {
      if top.admits(score: score) { top.offer(entry, ids: ids) }
    } else {
      if near.admits(score: score) { near.offer(entry, ids: ids) }
    }
  }
}

/// A vacancy as the query side of `seekers(for:)`. Codes the index has never seen cannot be
/// held by any seeker.
struct VacancyQuery {
  var x, y, z: Double
  var geo: GeoRow
  var hoursMin, hoursMax: Double
  var workdays: UInt8
  /// The start day, "now" resolved to the request's date.
  var start: Int32
  var minEducationRank: Int8
  /// NaN: none.
  var minWageValue: Double
  var banenafspraak: Bool
  /// `CodeTable.absent` when the index has never seen it.
  var jobType: UInt32
  var sector: UInt32
  var required = Bits256()
  /// Required skills from 256 up, sorted; likewise for the other sets.
  var requiredHigh: [UInt32] = []
  /// A required skill no seeker in the index has: the constraint fails everywhere.
  var requiredUnknown = false
  var preferred = Bits256()
  var preferredHigh: [UInt32] = []
  /// |preferred|, each code once, including codes the index has never seen.
  var preferredCount: Int
  var offers = Bits64()
  var offersHigh: [UInt32] = []

  /// An indexed vacancy: its row as it is.
  init(slot: Int, in columns: VacancyColumns, date: Day) {
    let row = columns.rows[slot]
    x = row.x
    y = row.y
    z = row.z
    geo = columns.geo[slot]
    hoursMin = row.hoursMin
    hoursMax = row.hoursMax
    workdays = row.workdays
    start = row.start == nowDay ? date.daysSinceEpoch : row.start
    minEducationRank = row.minEducationRank
    minWageValue = row.minWageValue
    banenafspraak = row.banenafspraak
    jobType = row.jobType
    sector = row.sector
    required = row.required
    preferred = row.preferred
    preferredCount = Int(row.preferredCount)
    offers = row.offers
    if row.overflow != 0 {
      let overflow = columns.overflows[row.overflow]
      requiredHigh = overflow.first
      preferredHigh = overflow.second
      offersHigh = overflow.third
    }
  }

  /// Any vacancy, its codes looked up in the index's vocabulary.
  init(_ vacancy: Vacancy, vocabulary: Vocabulary, date: Day) {
    let unit = UnitVector(point: vacancy.location)
    x = unit.x
    y = unit.y
    z = unit.z
    geo = GeoRow(vacancy.location)
    hoursMin = vacancy.hours.min
    hoursMax = vacancy.hours.max
    workdays = vacancy.workdays.rawValue
    start = (vacancy.startDate ?? date).daysSinceEpoch
    minEducationRank = Int8(vacancy.minEducation.rank)
    minWageValue = vacancy.minWageValue ?? .nan
    banenafspraak = vacancy.banenafspraak
    jobType = vocabulary.jobTypes.lookup(vacancy.jobType)
    sector = vacancy.sector.map { vocabulary.sectors.lookup($0) } ?? noCode
    for code in vacancy.requiredSkills {
      let number = vocabulary.skills.lookup(code)
      if number == CodeTable.absent {
        requiredUnknown = true
      } else if number < Bits256.limit {
        required.insert(number)
      } else {
        requiredHigh.append(number)
      }
    }
    for code in vacancy.preferredSkills {
      let number = vocabulary.skills.lookup(code)
      if number < Bits256.limit {
        preferred.insert(number)
      } else if number != CodeTable.absent {
        preferredHigh.append(number)
      }
    }
    preferredCount = Self.distinctCount(vacancy.preferredSkills)
    for code in vacancy.offers {
      let number = vocabulary.accommodations.lookup(code)
      if number < Bits64.limit {
        offers.word |= 1 << UInt64(number)
      } else if number != CodeTable.absent {
        offersHigh.append(number)
      }
    }
    requiredHigh.sortAndUnique()
    preferredHigh.sortAndUnique()
    offersHigh.sortAndUnique()
  }

  /// The number of distinct codes, by bytes, without allocating for short lists.
  private static func distinctCount(_ codes: [String]) -> Int {
    if codes.count > 16 { return Set(codes.map(ByteKey.init)).count }
    var distinct = 0
    for (index, code) in codes.enumerated()
    where !codes[..<index].contains(where: { ByteKey($0) == ByteKey(code) }) {
      distinct += 1
    }
    return distinct
  }

  /// The vacancy's preferred skills in their order, with their codes (`CodeTable.absent` for
  /// those the index has never seen).
  func preferredList(_ vacancy: Vacancy, vocabulary: Vocabulary) -> [(code: UInt32, text: String)] {
    vacancy.preferredSkills.map { (vocabulary.skills.lookup($0), $0) }
  }

  /// Calls `body` with each required skill code known to the index, ascending.
  func forEachRequired(_ body: (UInt32) -> Void) {
    required.forEachMember(body)
    for code in requiredHigh { body(code) }
  }
}

extension CodeBits {
  /// Calls `body` with each member, ascending.
  func forEachMember(_ body: (UInt32) -> Void) {
    for (index, word) in words.enumerated() {
      var rest = word
      while rest != 0 {
        body(UInt32(index * 64 + rest.trailingZeroBitCount))
        rest &= rest - 1
      }
    }
  }
}

/// The fewest matched preferred skills with which a pair could still enter a list, every
/// other feature at its best (the distance feature as given), recomputed only when the list's
/// worst kept score has changed.
struct SkillsGate {
  let preferredCount: Int
  let knownPreferred: Int
  let weights: Weights
  let totalWeight: Double
  let distance: Double
  /// The worst kept score the answer is for; −∞ while the list is not full.
  private var floor = -Double.infinity
  private var matched = 0

  init(q: VacancyQuery, knownPreferred: Int, weights: Weights, distance: Double) {
    preferredCount = q.preferredCount
    self.knownPreferred = knownPreferred
    self.weights = weights
    totalWeight = weights.total
    self.distance = distance
  }

  @inline(__always)
  mutating func minMatched(_ list: borrowing TopK) -> Int {
    let current = list.isFull ? list.worstScore : -Double.infinity
    if current != floor {
      floor = current
      matched = 0
      while matched <= knownPreferred && list.excludes(bound: bound(matched: matched)) { matched += 1 }
    }
    return matched
  }

  /// The score with `matched` preferred skills, the distance feature at `distance` and every
  /// other feature at its best.
  func bound(matched: Int) -> Double {
    let skills = PairFeatures.skills(matched: matched, preferred: preferredCount)
    return weights.score(
      FeatureValues(skills: skills, distance: distance, hours: 1, preference: 1, experience: 1, start: 1),
      total: totalWeight)
  }
}
