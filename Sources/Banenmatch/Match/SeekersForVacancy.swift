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
      vacancy: .indexed(slot), options: options)
  }

  /// Returns the seekers that fit `vacancy` (indexed or not), best first, with near misses
  /// when asked: SPEC section 3.
  ///
  /// - Complexity: about the number of seekers within reach of the vacancy who hold its
  ///   rarest required skill (all within reach when it requires none), plus, for near misses,
  ///   the holders of its preferred skills within reach until the list's bound stops them, and
  ///   beyond reach the holders of that skill or of enough preferred skills.
  public func seekers(for vacancy: Vacancy, options: MatchOptions) throws(MatchError) -> MatchResults {
    var errors = options.validationErrors(direction: .seekersForVacancy)
    errors += vacancy.validationErrors().map { $0.prefixed(with: "vacancy") }
    if !errors.isEmpty { throw .invalid(ValidationError(errors)) }
    return seekers(
      for: VacancyQuery(vacancy, vocabulary: vocabulary, date: options.date), vacancy: .given(vacancy), options: options
    )
  }

  /// The vacancy query proper: the matches within reach, then, for near misses, the passes of
  /// `visitNearMisses` (within reach and beyond it, split by the exact reach test).
  ///
  /// - Parameter vacancy: The vacancy's record, asked for only to explain or for near misses.
  func seekers(for q: VacancyQuery, vacancy: QueryRecord<Vacancy>, options: MatchOptions) -> MatchResults {
    let filters = CompiledFilters(options.filters, vocabulary: vocabulary, slots: seekerColumns.slots)
    // What the scan reads, as locals: the closures below capture these, not `self` (which
    // they would copy whole, every array of the index retained and released, per query).
    let (rowArray, geoArray, idArray) = (seekerColumns.rows, seekerColumns.geo, seekerColumns.ids)
    let (overflows, grid, skillGrids) = (seekerColumns.overflows, seekerColumns.grid, seekerColumns.skillGrids)
    let queryThreads = queryThreads
    // The entries tell accommodations exactly when no code is folded onto another; required
    // skills beyond the grid's own are read from the row (one field).
    let entryDecides =
      vocabulary.accommodations.count <= 32 && filters.regions == nil && filters.excludedSlots.isEmpty

    // The rarest required skill: every seeker who can pass `requiredSkills` holds it.
    var rarest: Int?
    var rarestHolders = Int.max
    q.forEachRequired { code in
      let holders = Int(code) < skillGrids.count ? skillGrids[Int(code)].count : 0
      if holders < rarestHolders {
        rarest = Int(code)
        rarestHolders = holders
      }
    }
    let nobodyQualifies = q.requiredUnknown || rarestHolders == 0

    let (top, near, feasible) = rowArray.withUnsafeBufferPointer { rows in
      geoArray.withUnsafeBufferPointer { geo in
        idArray.withUnsafeBufferPointer { ids in
          withUnsafeTemporaryAllocation(of: PendingJudge.self, capacity: PendingJudge.batch) { judges in
            var scan = SeekerScan(
              q: q, rows: rows, geo: geo, ids: ids, overflows: overflows, judges: judges, options: options,
              filters: filters)
            // The matches: within reach, among the holders of the rarest required skill.
            if nobodyQualifies {
              // No seeker holds every required skill: nothing is feasible.
            } else if let rarest {
              scan.visitWithinReach(skillGrids[rarest], entryDecides: entryDecides)
            } else if scan.isLarge(grid, threads: queryThreads) {
              // No required skill: everyone within reach, the slowest of all vacancy queries.
              scan.visitWithinReach(grid, entryDecides: entryDecides, threads: queryThreads, options: options)
            } else {
              scan.visitWithinReach(grid, entryDecides: entryDecides)
            }
            if options.nearMisses > 0 {
              scan.visitNearMisses(
                grid: grid, skillGrids: skillGrids,
                beyond: nobodyQualifies ? nil : rarest.map { skillGrids[$0] } ?? grid)
            }
            scan.top.sort(ids: ids)
            scan.near.sort(ids: ids)
            return (scan.top.entries, scan.near.entries, scan.feasible)
          }
        }
      }
    }

    var candidates = seekerColumns.count - filters.excludedSlots.count
    if let regions = filters.regions {
      candidates = 0
      let columns = seekerColumns
      regions.forEachMember { candidates += columns.count(inRegion: $0) }
      for slot in filters.excludedSlots where regions.contains(seekerColumns.rows[slot].region) { candidates -= 1 }
    }

    // Records are given back only to explain and for the gaps of near misses. Loops, not
    // closures, for the same reason as above.
    let record: Vacancy? =
      switch vacancy {
      case _ where !(options.explain && !top.isEmpty) && near.isEmpty: nil
      case .indexed(let slot): vacancyColumns.record(slot, vocabulary: vocabulary)
      case .given(let record): record
      }
    let preferred = options.explain ? record.map { q.preferredList($0, vocabulary: vocabulary) } ?? [] : []
    // Answers come from the seekers' rows and code lists, not from their records rebuilt whole.
    func explanation(_ entry: TopK.Entry, _ r: SeekerRow, _ answer: PairAnswers) -> Explanation? {
      guard options.explain else { return nil }
      let overflow = seekerColumns.overflow(entry.slot)
      return answer.explanation(entry, preferred: .pairs(preferred)) { code in
        r.skills.contains(code) || (overflow?.first.sortedContains(code) ?? false)
      }
    }
    func unknown(_ r: SeekerRow) -> UnknownFields {
      PairAnswers.unknownFields(
        educationRank: r.educationRank, wageValue: r.wageValue, minEducationRank: q.minEducationRank,
        minWageValue: q.minWageValue)
    }
    var matches: [Match] = []
    matches.reserveCapacity(top.count)
    for entry in top {
      let r = seekerColumns.rows[entry.slot]
      let answer = PairAnswers(options: options, travelKm: min(r.maxTravelKm, filters.maxKm))
      matches.append(
        Match(
          id: seekerColumns.ids[entry.slot], score: entry.score, unknown: unknown(r),
          explanation: explanation(entry, r, answer)))
    }
    var nearMisses: [NearMiss] = []
    if let record {
      nearMisses.reserveCapacity(near.count)
      for entry in near {
        let r = seekerColumns.rows[entry.slot]
        let answer = PairAnswers(options: options, travelKm: min(r.maxTravelKm, filters.maxKm))
        let facts = GapFacts(
          seekerHours: HourRange(min: r.hoursMin, max: r.hoursMax), vacancyHours: record.hours,
          seekerWorkdays: Workdays(rawValue: r.workdays), vacancyWorkdays: record.workdays,
          education: Education(code: seekerColumns.details[entry.slot].education), minEducation: record.minEducation,
          available: r.available == nowDay ? options.date.daysSinceEpoch : r.available, start: q.start)
        let gap = answer.gap(
          entry, facts,
          missingSkills: {
            let high = seekerColumns.overflow(entry.slot)?.first ?? []
            return vocabulary.skills.lacking(record.requiredSkills) { r.skills.contains($0) || high.sortedContains($0) }
          },
          missingNeeds: {
            vocabulary.accommodations.names(seekerColumns.needCodes(entry.slot)) {
              !(q.offers.contains($0) || q.offersHigh.sortedContains($0))
            }
          })
        nearMisses.append(
          NearMiss(
            id: seekerColumns.ids[entry.slot], score: entry.score, gap: gap, unknown: unknown(r),
            explanation: explanation(entry, r, answer)))
      }
    }
    return MatchResults(
      matches: matches, nearMisses: nearMisses, candidates: candidates, feasible: feasible, indexVersion: version)
  }
}

/// One vacancy query's state: the vacancy, the seekers' rows, and the lists being filled.
struct SeekerScan: BatchJudging {
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
  /// Failures a pair may have: 0 for the matches, 1 for the near misses (whose passes leave
  /// the feasible pairs to the first).
  var allowance = 0
  /// Within reach, the near-miss pass visits the holders of each preferred skill in turn, and
  /// then perhaps everyone: a seeker holding a skill whose holders were visited was judged.
  var visitedSkills = Bits256()
  /// The visited skills from `Bits256.limit` up, as bits (none while its words are empty: they
  /// grow only as skills are inserted). A sorted list, sorted again at each skill, cost a
  /// vacancy preferring many thousands the square of their number.
  var visitedSkillsHigh = CodeBits(capacity: 0)
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
  /// The minimum wage value times 256 as in the entries (exactly: a power of two); −∞ when
  /// there is no minimum.
  let wageFloor256: Double
  let preferredFold: UInt32
  /// The vacancy's job type and sector as bits of the entries' 16-bit folds (no sector: 0).
  let jobTypeBit16: UInt16
  let sectorBit16: UInt16
  let knownPreferred: Int
  /// More than one required skill: a grid's entries tell only its own exactly.
  let checksRequired: Bool
  let foldCollisions: Int
  var top: TopK
  var near: TopK
  var feasible = 0
  /// The seekers waiting to be judged (`enqueue`), at most `PendingJudge.batch`.
  let judges: UnsafeMutableBufferPointer<PendingJudge>
  var judgeCount = 0
  /// Entries per chunk of the branch-free first phase.
  static var chunk: Int { 256 }
  /// Pairs told feasible by their entries that wait to be scored best bound first: 1 KB,
  /// which `withUnsafeTemporaryAllocation` keeps on the stack (a larger one is malloc'ed).
  static var pendingCapacity: Int { 64 }
  /// The worst score in `top` once it is full (−∞ before): a pair scoring below cannot enter.
  var topFloor = -Double.infinity
  /// The fewest matched preferred skills a pair needs to possibly enter `top`, `near` within
  /// reach, and `near` beyond reach (distance feature 0).
  var topGate: SkillsGate
  var nearGate: SkillsGate
  var farGate: SkillsGate

  init(
    q: VacancyQuery, rows: UnsafeBufferPointer<SeekerRow>, geo: UnsafeBufferPointer<GeoRow>,
    ids: UnsafeBufferPointer<String>, overflows: OverflowTable, judges: UnsafeMutableBufferPointer<PendingJudge>,
    options: MatchOptions, filters: CompiledFilters
  ) {
    self.q = q
    self.judges = judges
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
    requiredFold = fold32(q.required.folded) | fold32(q.requiredHigh)
    offersFold = fold32(q.offers.word) | fold32(q.offersHigh)
    // Hours are validated from 0 to 40.
    hoursMax2Floor = Int((q.hoursMax * 2).rounded(.down))
    hoursMin2Ceil = Int((q.hoursMin * 2).rounded(.up))
    latestStart = Int(q.start) + 90
    wageFloor256 = q.minWageValue.isNaN ? -.infinity : q.minWageValue * 256
    preferredFold = fold32(q.preferred.folded) | fold32(q.preferredHigh)
    knownPreferred = q.preferred.count + q.preferredHigh.count
    checksRequired = q.required.count + q.requiredHigh.count > 1
    jobTypeBit16 = 1 << UInt16(q.jobType & 15)
    sectorBit16 = q.sector == noCode ? 0 : 1 << UInt16(q.sector & 15)
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
  ///   and accommodations folded without loss (at most 32 codes). Required skills beyond the
  ///   grid's own are then read from the row's skills alone. Such a pair is scored only when
  ///   a bound from its entry (`entryFeatures`) could enter the list.
  /// - Parameters:
  ///   - part: Which runs of cells this scan reads when the pass is split (`QueryThreads`):
  ///     every `parts`-th, from the `part`-th.
  mutating func visitWithinReach(
    _ grid: LayeredGrid<SeekerEntry>, entryDecides: Bool = false, part: Int = 0, of parts: Int = 1
  ) {
    let point = FloatPoint(x: q.x, y: q.y, z: q.z)
    let limit = Float(min(requestChord, 2))
    // The vacancy's side of the entry tests, as locals the loop keeps in registers.
    let (offers, required, workdays) = (offersFold, requiredFold, q.workdays)
    let unregisteredFail = q.banenafspraak
    let unregistered: UInt8 = unregisteredFail ? 1 : 0
    // Ranks as unsigned bytes: unknown (−1) becomes 255, which no minimum exceeds.
    let minEducation = Int(UInt8(clamping: q.minEducationRank))
    let (latest, today, maxFloor, minCeil) = (latestStart, today, hoursMax2Floor, hoursMin2Ceil)
    let wageFloor256 = wageFloor256
    withUnsafeTemporaryAllocation(of: UInt16.self, capacity: SeekerScan.chunk) { survivors in
      withUnsafeTemporaryAllocation(of: Bool.self, capacity: SeekerScan.chunk) { held in
        withUnsafeTemporaryAllocation(of: PendingPair.self, capacity: SeekerScan.pendingCapacity) { pending in
          var pendingCount = 0
          var run = 0
          for (layer, cells) in grid.layers.enumerated() where cells.count > 0 {
            let window = cells.window(lat: q.geo.lat, lon: q.geo.lon, km: min(grid.bounds[layer], maxKm))
            cells.forEachRun(in: window) { entries in
              defer { run &+= 1 }
              if parts > 1 && run % parts != part { return }
              // Per chunk of entries, the tests the entry can tell run without a branch (whether
              // an entry passes is all but random, so branches would mostly be mispredicted),
              // keeping the positions of those that pass: first the integer tests on every
              // entry, then the wage value and the distance on those that passed. The survivors
              // then go on, with branches. The comparisons are written as subtractions whose
              // sign is the failure, so that the compiler cannot turn them back into branches.
              var first = 0
              while first < entries.count {
                let end = min(first + SeekerScan.chunk, entries.count)
                var passed = 0
                for i in first..<end {
                  let entry = entries[i]
                  let available = entry.available == nowDay ? today : entry.available
                  // Inexact hours (0 and 255) never fail here.
                  let fails =
                    entry.needs & ~offers | required & ~entry.skills | UInt32(workdays & ~entry.workdays)
                    | UInt32(unregistered & ~entry.registeredBit)
                    | negative(
                      (Int(entry.educationRank8) &- minEducation) | (latest &- Int(available))
                        | (maxFloor &- Int(entry.hoursMin2)) | (Int(entry.hoursMax2) &- minCeil))
                  survivors[passed] = UInt16(truncatingIfNeeded: i &- first)
                  passed &+= 1 &- Int(truncatingIfNeeded: (fails | (0 &- fails)) >> 31)
                }
                var count = 0
                for k in 0..<passed {
                  let position = survivors[k]
                  let entry = entries[first + Int(position)]
                  let reach = min(entry.reachHigh, limit) + SeekerEntry.chordSlack
                  // An unknown wage value (65,535) or no minimum (−∞) never fails.
                  let fails =
                    negative(entry.wageHigh256 - wageFloor256) | negative(reach * reach - entry.chord2(to: point))
                  survivors[count] = position
                  count &+= 1 &- Int(fails)
                }
                // Whether each holds the required skills below 256 (when the grid's key tells only
                // one of them): the rows are read one after the other, so that their cache misses
                // overlap.
                if checksRequired && entryDecides {
                  for k in 0..<count {
                    let slot = Int(entries[first + Int(survivors[k])].slot)
                    held[k] = q.required.isSubset(of: rows.baseAddress.unsafelyUnwrapped[slot].skills)
                  }
                }
                for k in 0..<count {
                  let entry = entries[first + Int(survivors[k])]
                  let chord2 = entry.chord2(to: point)
                  let reach = min(entry.reachHigh, limit)
                  let within = min(entry.reachLow, limit) - SeekerEntry.chordSlack
                  let slot = Int(entry.slot)
                  // Certainly feasible: inside the reach by more than the rounding of the entry's
                  // position and reach (`chordSlack`, 190 m), exact hours, and a wage value
                  // certainly high enough. Counted here; judged only if its score could enter
                  // the list.
                  if entryDecides && entry.hoursExact && entry.wageLow256 >= wageFloor256 && within > 0
                    && chord2 <= within * within
                  {
                    if checksRequired && !(held[k] && holdsRequiredHigh(slot)) { continue }
                    feasible += 1
                    let matched = matchedBound(entry)
                    if matched < topGate.minMatched(top) { continue }
                    let bound = entryFeatures(entry, matched: matched, chord2: chord2, reach: reach)
                    let score = weights.score(bound, total: totalWeight)
                    if score < topFloor { continue }
                    pending[pendingCount] = PendingPair(
                      bound: score, distance: bound.distance, slot: slot,
                      available: entry.available == nowDay ? today : entry.available,
                      start: q.start, hoursMax2: entry.hoursMax2)
                    pendingCount += 1
                    if pendingCount == pending.count { scorePending(pending, count: &pendingCount) }
                    continue
                  }
                  if passes(slot) { enqueue(slot, farPass: false) }
                }
                first = end
              }
            }
          }
          judgePending(farPass: false)
          if pendingCount > 0 { scorePending(pending, count: &pendingCount) }
        }
      }
    }
  }

  /// Whether the plain pass over `grid` reads enough entries to be split over `threads`:
  /// the entries in its windows, counted from the cells' bounds alone. Asked only for a
  /// vacancy that requires no skill, which reads everyone within reach: the count costs
  /// about 10k instructions, a tenth of a median query, and every one of the slowest
  /// queries of `nl` is such a vacancy's (the holders of a required skill are fewer).
  func isLarge(_ grid: LayeredGrid<SeekerEntry>, threads: QueryThreads) -> Bool {
    guard threads.count > 1 && grid.count >= threads.minimumEntries else { return false }
    var total = 0
    for (layer, cells) in grid.layers.enumerated() where cells.count > 0 {
      let window = cells.window(lat: q.geo.lat, lon: q.geo.lon, km: min(grid.bounds[layer], maxKm))
      cells.forEachRun(in: window) { total += $0.count }
    }
    return total >= threads.minimumEntries
  }

  /// The plain pass over `grid` in `threads.count` parts at once, each with a scan, a list and
  /// a count of its own, merged into this one. Each part's list holds its best pairs in the
  /// answer's total order (score, then id), so the merged list is the one a single pass
  /// makes.
  mutating func visitWithinReach(
    _ grid: LayeredGrid<SeekerEntry>, entryDecides: Bool, threads: QueryThreads, options: MatchOptions
  ) {
    let parts = threads.count
    var results = [(entries: [TopK.Entry], feasible: Int)](repeating: ([], 0), count: parts)
    results.withUnsafeMutableBufferPointer { out in
      // Each part writes its own slot of `out` and reads the index and the query only.
      let shared = UncheckedSendable((out, self, grid, options))
      threads.run(parts) { part in
        let (out, scan, grid, options) = shared.value
        withUnsafeTemporaryAllocation(of: PendingJudge.self, capacity: PendingJudge.batch) { judges in
          var partScan = SeekerScan(
            q: scan.q, rows: scan.rows, geo: scan.geo, ids: scan.ids, overflows: scan.overflows, judges: judges,
            options: options, filters: scan.filters)
          partScan.visitWithinReach(grid, entryDecides: entryDecides, part: part, of: parts)
          out[part] = (partScan.top.entries, partScan.feasible)
        }
      }
    }
    for (entries, count) in results {
      feasible += count
      for entry in entries { top.offer(entry, ids: ids) }
    }
    if top.isFull { topFloor = top.worstScore }
  }

  /// The near misses: within reach, the holders of each preferred skill, fewest first, then
  /// (if a seeker holding none could still enter) everyone else; beyond reach, those who
  /// hold every required skill (`beyond`: the rarest one's holders, or everyone).
  mutating func visitNearMisses(
    grid: LayeredGrid<SeekerEntry>, skillGrids: [LayeredGrid<SeekerEntry>], beyond: LayeredGrid<SeekerEntry>?
  ) {
    allowance = 1
    var preferred: [(holders: Int, code: UInt32)] = []
    q.preferred.forEachMember { code in
      if Int(code) < skillGrids.count { preferred.append((skillGrids[Int(code)].count, code)) }
    }
    for code in q.preferredHigh where Int(code) < skillGrids.count {
      preferred.append((skillGrids[Int(code)].count, code))
    }
    preferred.sort { $0.holders < $1.holders }
    for (visited, (_, code)) in preferred.enumerated() {
      // A near miss that must hold t of them holds one of any k − t + 1: once that many are
      // visited, the rest (the most held) need not be.
      let least = nearGate.minMatched(near)
      if least >= 1 && visited >= preferred.count - least + 1 { break }
      visitNearWithinReach(skillGrids[Int(code)])
      markVisited(code)
    }
    let none = FeatureValues(
      skills: PairFeatures.skills(matched: 0, preferred: q.preferredCount), distance: 1, hours: 1, preference: 1,
      experience: 1, start: 1)
    if !near.excludes(bound: weights.score(none, total: totalWeight)) { visitNearWithinReach(grid) }
    // Beyond reach, other pairs (the exact reach test splits them): if a near miss there must
    // hold at least t of the k preferred skills the index knows, it holds one of any k − t + 1
    // of them, so the holders of the fewest-held k − t + 1 may be fewer to read than `beyond`.
    visitedSkills = Bits256()
    visitedSkillsHigh = CodeBits(capacity: 0)
    guard let beyond else { return }
    let best = FeatureValues(skills: 1, distance: 0, hours: 1, preference: 1, experience: 1, start: 1)
    if near.excludes(bound: weights.score(best, total: totalWeight)) { return }
    let least = farGate.minMatched(near)
    if least >= 1 && least <= preferred.count {
      let needed = preferred.prefix(preferred.count - least + 1)
      if needed.reduce(0, { $0 + $1.holders }) < beyond.count {
        for (_, code) in needed {
          visitBeyondReach(skillGrids[Int(code)])
          markVisited(code)
        }
        return
      }
    }
    visitBeyondReach(beyond)
  }

  /// Notes that the holders of this skill were visited: `judge` skips them from now on.
  private mutating func markVisited(_ code: UInt32) {
    if code < Bits256.limit {
      visitedSkills.insert(code)
    } else {
      visitedSkillsHigh.insert(code)
    }
  }

  /// Near misses within reach in one grid: the entry tells most pairs that fail eligibility
  /// (never waived), or more of workdays, education, required skills and accommodations than
  /// one, and bounds the preferred skills a seeker holds.
  mutating func visitNearWithinReach(_ grid: LayeredGrid<SeekerEntry>) {
    let point = FloatPoint(x: q.x, y: q.y, z: q.z)
    let limit = Float(min(requestChord, 2))
    let (offers, required, workdays) = (offersFold, requiredFold, q.workdays)
    let unregisteredFail = q.banenafspraak
    let minEducation = Int(UInt8(clamping: q.minEducationRank))
    let (latest, today, maxFloor, minCeil) = (latestStart, today, hoursMax2Floor, hoursMin2Ceil)
    let wageFloor256 = wageFloor256
    for (layer, cells) in grid.layers.enumerated() where cells.count > 0 {
      let window = cells.window(lat: q.geo.lat, lon: q.geo.lon, km: min(grid.bounds[layer], maxKm))
      cells.forEachRun(in: window) { entries in
        for entry in entries {
          // Never waived: eligibility and wage value.
          if (unregisteredFail && !entry.registered) || entry.wageHigh256 < wageFloor256 { continue }
          let available = entry.available == nowDay ? today : entry.available
          let failures =
            (workdays & ~entry.workdays != 0 ? 1 : 0) + (required & ~entry.skills != 0 ? 1 : 0)
            + (entry.needs & ~offers != 0 ? 1 : 0)
            + (Int(entry.educationRank8) < minEducation ? 1 : 0) + (Int(available) > latest ? 1 : 0)
            + (Int(entry.hoursMin2) > maxFloor || Int(entry.hoursMax2) < minCeil ? 1 : 0)
          if failures > 1 { continue }
          if entry.isBeyond(point, limit: limit) { continue }
          let matched = matchedBound(entry)
          if matched < nearGate.minMatched(near) { continue }
          // The entry bounds every feature of a pair within reach, as for the matches.
          let bound = entryFeatures(
            entry, matched: matched, chord2: entry.chord2(to: point), reach: min(entry.reachHigh, limit))
          if near.excludes(bound: weights.score(bound, total: totalWeight)) { continue }
          let slot = Int(entry.slot)
          if passes(slot) { enqueue(slot, farPass: false) }
        }
      }
    }
    judgePending(farPass: false)
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
    let wageFloor256 = wageFloor256
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
            || entry.wageHigh256 < wageFloor256
          {
            continue
          }
          let matched = matchedBound(entry)
          if matched < farGate.minMatched(near) { continue }
          var bound = entryFeatures(entry, matched: matched, chord2: 0, reach: 1)
          bound.distance = 0
          if near.excludes(bound: weights.score(bound, total: totalWeight)) { continue }
          if passes(Int(entry.slot)) { enqueue(Int(entry.slot), farPass: true) }
        }
      }
    }
    judgePending(farPass: true)
  }

  /// Whether the seeker holds every required skill from 256 up (her row's overflow codes).
  @inline(__always)
  func holdsRequiredHigh(_ slot: Int) -> Bool {
    if q.requiredHigh.isEmpty { return true }
    let overflow = rows.baseAddress.unsafelyUnwrapped[slot].overflow
    return q.requiredHigh.isSortedSubset(of: overflow == 0 ? [] : overflows[overflow].first)
  }

  /// An upper bound of the preferred skills an entry's seeker holds: their folded overlap,
  /// plus the preferred skills that share a folded bit with another.
  @inline(__always)
  func matchedBound(_ entry: SeekerEntry) -> Int {
    min(knownPreferred, sparseCount(UInt64(entry.skills & preferredFold)) + foldCollisions)
  }

  /// The features of a pair its entry tells feasible (exact hours, within reach) as far as the
  /// entry tells them: the skills at `matched`, the distance feature from the entry's chord
  /// (an upper bound), the hours and start features as `judge` computes them, preference and
  /// experience from the folds (upper bounds: a job type or sector whose bit is not set is
  /// certainly not hers).
  ///
  /// The distance D satisfies chord(D) ≤ `reach` (both rounded up), so D ≤ 2R·asin(reach/2)
  /// ≤ R·reach·(1 + reach²/4) (asin y ≤ y + y³ for y ≤ ½); the distance is at least R times
  /// the exact chord, which is within `chordSlack` of the entry's.
  @inline(__always)
  func entryFeatures(_ entry: SeekerEntry, matched: Int, chord2: Float, reach: Float) -> FeatureValues {
    var distance = 1.0
    let chordLow = Double(chord2).squareRoot() * (1 - 1e-6) - Double(SeekerEntry.chordSlack)
    if reach < 1 && chordLow > 0 {
      let limit = Double(reach)
      distance = max(0, 1 - chordLow / (limit * (1 + limit * limit / 4) * (1 + 1e-6)))
    }
    let available = entry.available == nowDay ? today : entry.available
    let preference: Double =
      !entry.hasPreferences
      ? 0.5
      : entry.preferredJobTypes16 & jobTypeBit16 != 0 ? 1 : entry.preferredSectors16 & sectorBit16 != 0 ? 0.5 : 0
    return FeatureValues(
      skills: PairFeatures.skills(matched: matched, preferred: q.preferredCount), distance: distance,
      hours: q.hoursFeature(maxHalfHours: entry.hoursMax2), preference: preference,
      experience: entry.experience16 & jobTypeBit16 != 0 ? 1 : 0,
      start: PairFeatures.start(daysLate: Int(available) - Int(q.start)))
  }

  /// Scores the pending pairs best bound first, until a bound falls below the list's worst
  /// score: the rest cannot enter. Best first, most pairs are never read from their rows.
  /// The pairs come off a binary heap built in place (a sort would allocate), eight at a
  /// time: their rows' skills and their positions are read one after the other, so that the
  /// cache misses overlap, and then each is scored in turn while its bound can still enter.
  mutating func scorePending(_ pending: UnsafeMutableBufferPointer<PendingPair>, count: inout Int) {
    @inline(__always) func siftDown(_ start: Int, _ end: Int) {
      var parent = start
      while true {
        var best = parent
        let left = 2 * parent + 1
        if left < end && pending[left].bound > pending[best].bound { best = left }
        if left + 1 < end && pending[left + 1].bound > pending[best].bound { best = left + 1 }
        if best == parent { return }
        pending.swapAt(parent, best)
        parent = best
      }
    }
    var end = count
    for start in stride(from: end / 2 - 1, through: 0, by: -1) { siftDown(start, end) }
    withUnsafeTemporaryAllocation(of: TakenPair.self, capacity: 8) { next in
      while end > 0 && Double(pending[0].bound) >= topFloor {
        var taken = 0
        while taken < next.count && end > 0 && Double(pending[0].bound) >= topFloor {
          let pair = pending[0]
          let r = rows.baseAddress.unsafelyUnwrapped.advanced(by: Int(pair.slot))
          next[taken] = TakenPair(
            pair: pair, matched: r.pointee.skills.intersectionCount(q.preferred), geo: geo[Int(pair.slot)])
          taken += 1
          end -= 1
          pending.swapAt(0, end)
          siftDown(0, end)
        }
        for i in 0..<taken {
          let pair = next[i].pair
          // Taken best first: once one cannot enter, neither can the rest.
          if Double(pair.bound) < topFloor { break }
          let bound = FeatureValues(
            skills: 1, distance: Double(pair.distance), hours: q.hoursFeature(maxHalfHours: pair.hoursMax2),
            preference: 1, experience: 1, start: PairFeatures.start(daysLate: Int(pair.daysLate)))
          judgeFeasible(Int(pair.slot), bound, matched: next[i].matched, geo: next[i].geo)
        }
      }
    }
    count = 0
  }

  /// Scores a pair its entry told feasible (and counted), from `bound` (`entryFeatures`), the
  /// preferred skills below 256 she holds and her position: reads from the row only her
  /// preferences and experience (and codes beyond the inline bits, if any), and her travel
  /// distance and the haversine once the score could still enter the list.
  @inline(__always)
  mutating func judgeFeasible(_ slot: Int, _ bound: FeatureValues, matched: Int, geo there: GeoRow) {
    let r = rows.baseAddress.unsafelyUnwrapped.advanced(by: slot)
    let overflow = r.pointee.overflow == 0 ? nil : overflows[r.pointee.overflow]
    var features = bound
    features.skills = q.skillsFeature(matched: matched, overflow)
    features.preference = preferenceFeature(r, overflow, jobType: q.jobType, sector: q.sector)
    features.experience = experienceFeature(r, overflow, jobType: q.jobType)
    guard top.admits(score: weights.score(features, total: totalWeight)) else { return }
    let distanceKm = there.distanceKm(to: q.geo)
    features.distance = PairFeatures.distance(distanceKm, limit: min(r.pointee.maxTravelKm, maxKm))
    let score = weights.score(features, total: totalWeight)
    guard top.admits(score: score) else { return }
    top.offer(TopK.Entry(slot: slot, score: score, features: features, distanceKm: distanceKm, failed: 0), ids: ids)
    if top.isFull { topFloor = top.worstScore }
  }

  /// What the row tells from each of its cache lines: the squared chord, eligibility and
  /// wage value (never waived), required skills and accommodations, and the position from
  /// `geo`. Read for the whole batch in a loop of its own that does little else, so that the
  /// rows' misses overlap.
  @inline(__always)
  func rowVerdict(_ slot: Int) -> RowVerdict {
    let r = rows.baseAddress.unsafelyUnwrapped.advanced(by: slot)
    let dx = r.pointee.x - q.x
    let dy = r.pointee.y - q.y
    let dz = r.pointee.z - q.z
    return RowVerdict(
      chord2: dx * dx + dy * dy + dz * dz, geo: geo[slot], banenafspraak: q.banenafspraak,
      registered: r.pointee.registered, wageValue: r.pointee.wageValue, minWageValue: q.minWageValue,
      holdsRequired: !q.requiredUnknown && q.required.isSubset(of: r.pointee.skills),
      offersNeeds: r.pointee.needs.isSubset(of: q.offers))
  }

  /// The rest of the constraints the row's inline bits tell: workdays, hours, education and
  /// start (the row's lines are in the caches by now).
  @inline(__always)
  func rowVerdictRest(_ verdict: inout RowVerdict, _ slot: Int) {
    let r = rows.baseAddress.unsafelyUnwrapped.advanced(by: slot)
    let available = r.pointee.available == nowDay ? today : r.pointee.available
    verdict.failed |= scheduleFailures(
      workdays: r.pointee.workdays, requiredWorkdays: q.workdays, hoursMin: r.pointee.hoursMin,
      hoursMax: r.pointee.hoursMax, vacancyHoursMin: q.hoursMin, vacancyHoursMax: q.hoursMax,
      educationRank: r.pointee.educationRank, minEducationRank: q.minEducationRank,
      daysLate: Int(available) - Int(q.start))
  }

  /// Judges one seeker that passed the filters, from her row's verdict: within reach in the
  /// first pass, beyond it (as a near miss) in the second.
  @inline(__always)
  mutating func judge(_ slot: Int, farPass: Bool, verdict: RowVerdict) {
    if verdict.failed & RowVerdict.neverWaived != 0 { return }
    // Fields are read through the pointer as they are needed, not the row copied whole.
    let r = rows.baseAddress.unsafelyUnwrapped.advanced(by: slot)
    let chord2 = verdict.chord2
    let travelKm = min(r.pointee.maxTravelKm, maxKm)
    let reach = ReachLimit(km: travelKm, chord: min(r.pointee.reachChord, requestChord))
    // Locals, so that the closure does not copy the query.
    let (here, there) = (q.geo, verdict.geo)
    let within = reach.contains(chord2: chord2) { there.distanceKm(to: here) }
    if within == farPass { return }
    let overflow = r.pointee.overflow == 0 ? nil : overflows[r.pointee.overflow]
    if allowance == 1
      && (r.pointee.skills.intersects(visitedSkills)
        || (!visitedSkillsHigh.words.isEmpty && overflow?.first.contains(where: visitedSkillsHigh.contains) == true))
    {
      return
    }
    var failed = verdict.failed | (farPass ? Constraint.distance.bit : 0)
    // The codes beyond the inline bits.
    if !q.requiredHigh.isEmpty && !q.requiredHigh.isSortedSubset(of: overflow?.first ?? []) {
      failed |= Constraint.requiredSkills.bit
    }
    if let overflow, !overflow.second.isSortedSubset(of: q.offersHigh) { failed |= Constraint.accommodations.bit }
    let failures = failed.nonzeroBitCount
    if failures > allowance { return }
    let sharedMax = min(r.pointee.hoursMax, q.hoursMax)
    let available = r.pointee.available == nowDay ? today : r.pointee.available
    let daysLate = Int(available) - Int(q.start)
    if failures == 0 {
      // The near-miss passes leave the matches to the first.
      if allowance == 1 { return }
      feasible += 1
    }

    let skills = q.skillsFeature(r, overflow)
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
      preference: preferenceFeature(r, overflow, jobType: q.jobType, sector: q.sector),
      experience: experienceFeature(r, overflow, jobType: q.jobType),
      start: PairFeatures.start(daysLate: daysLate))
    if !farPass { features.distance = reach.distanceFeatureBound(chord2: chord2) }
    if failures == 0 {
      guard top.admits(score: weights.score(features, total: totalWeight)) else { return }
    } else {
      guard near.admits(score: weights.score(features, total: totalWeight)) else { return }
    }
    let distanceKm = there.distanceKm(to: here)
    features.distance = PairFeatures.distance(distanceKm, limit: travelKm)
    let score = weights.score(features, total: totalWeight)
    let entry = TopK.Entry(slot: slot, score: score, features: features, distanceKm: distanceKm, failed: failed)
    if failures == 0 {
      if top.admits(score: score) {
        top.offer(entry, ids: ids)
        if top.isFull { topFloor = top.worstScore }
      }
    } else {
      if near.admits(score: score) { near.offer(entry, ids: ids) }
    }
  }
}

/// The preference feature of a seeker's row for a vacancy of this job type and sector. A free
/// function of plain values: a method of the scan (or of the query), called from the scan's
/// mutating methods and not inlined, copied the whole scan (800 bytes) or query on every call.
@inline(__always)
func preferenceFeature(
  _ r: UnsafePointer<SeekerRow>, _ overflow: CodeOverflow?, jobType: UInt32, sector: UInt32
) -> Double {
  if !r.pointee.hasPreferences { return 0.5 }
  if r.pointee.preferredJobTypes.contains(jobType) || (overflow?.fourth.sortedContains(jobType) ?? false) {
    return 1
  }
  return sector != noCode
    && (r.pointee.preferredSectors.contains(sector) || (overflow?.fifth.sortedContains(sector) ?? false))
    ? 0.5 : 0
}

/// The experience feature of a seeker's row for a vacancy of this job type.
@inline(__always)
func experienceFeature(_ r: UnsafePointer<SeekerRow>, _ overflow: CodeOverflow?, jobType: UInt32) -> Double {
  r.pointee.experience.contains(jobType) || (overflow?.third.sortedContains(jobType) ?? false) ? 1 : 0
}

/// The skills and hours features, from the vacancy's side.
extension VacancyQuery {
  @inline(__always)
  func skillsFeature(_ r: UnsafePointer<SeekerRow>, _ overflow: CodeOverflow?) -> Double {
    skillsFeature(matched: r.pointee.skills.intersectionCount(preferred), overflow)
  }

  /// The skills feature of a seeker who holds `matched` of the preferred skills below 256.
  @inline(__always)
  func skillsFeature(matched: Int, _ overflow: CodeOverflow?) -> Double {
    var matched = matched
    if let overflow, !preferredHigh.isEmpty { matched += overflow.first.sortedIntersectionCount(preferredHigh) }
    return PairFeatures.skills(matched: matched, preferred: preferredCount)
  }

  /// The hours feature of a seeker whose maximum is `maxHalfHours` half hours (exact).
  @inline(__always)
  func hoursFeature(maxHalfHours: UInt8) -> Double { min(Double(maxHalfHours) / 2, hoursMax) / hoursMax }
}

/// A pair its entry told feasible, waiting to be scored, in 16 bytes (so that a batch of
/// them fits the stack): the score and the distance feature as bounded from the entry
/// (`SeekerScan.entryFeatures`), rounded up to single precision, and what the hours and start
/// features are computed from.
struct PendingPair {
  var bound: Float
  var distance: Float
  var slot: Int32
  /// Days the seeker is available after the start, from −1 (on time: any earlier day gives
  /// the same feature) to 90 (a feasible pair is never later).
  var daysLate: Int8
  var hoursMax2: UInt8

  init(bound: Double, distance: Double, slot: Int, available: Int32, start: Int32, hoursMax2: UInt8) {
    self.bound = roundedUp(bound)
    self.distance = roundedUp(distance)
    self.slot = Int32(slot)
    daysLate = Int8(clamping: max(-1, Int(available) - Int(start)))
    self.hoursMax2 = hoursMax2
  }
}

/// A pair taken off the heap of `PendingPair`s, with the preferred skills below 256 the
/// seeker holds and her position, read from her row and `geo` before it is scored.
struct TakenPair {
  var pair: PendingPair
  var matched: Int
  var geo: GeoRow
}

/// `x` in single precision, rounded up.
@inline(__always)
func roundedUp(_ x: Double) -> Float {
  let nearest = Float(x)
  return Double(nearest) < x ? nearest.nextUp : nearest
}

/// 1 when `x` is negative, else 0.
@inline(__always)
func negative(_ x: Int) -> UInt32 { UInt32(truncatingIfNeeded: UInt(bitPattern: x) >> (Int.bitWidth - 1)) }

/// 1 when the sign of `x` is minus (−0 included; never NaN here), else 0.
@inline(__always)
func negative(_ x: Float) -> UInt32 { x.bitPattern >> 31 }

@inline(__always)
func negative(_ x: Double) -> UInt32 { UInt32(truncatingIfNeeded: x.bitPattern >> 63) }

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
  init(slot: Int, in columns: borrowing VacancyColumns, date: Day) {
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
  init(_ vacancy: Vacancy, vocabulary: borrowing Vocabulary, date: Day) {
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

  /// The number of distinct codes, by bytes.
  private static func distinctCount(_ codes: [String]) -> Int {
    var distinct = 0
    forEachFirstOccurrence(codes.count, key: { ByteKey(codes[$0]) }) { _ in distinct += 1 }
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
      forEachBit(word) { body(UInt32(index * 64 + $0)) }
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
