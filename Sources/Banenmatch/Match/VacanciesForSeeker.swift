extension MatchIndex {
  /// Returns the vacancies that fit the indexed seeker with this id, best first.
  ///
  ///     let top = try index.vacancies(forSeekerID: "S-0001", options: MatchOptions(date: today))
  ///
  /// - Throws: `MatchError.unknownID` when no seeker has this id, `.invalid` for bad options.
  public func vacancies(forSeekerID id: String, options: MatchOptions) throws(MatchError) -> MatchResults {
    guard let slot = seekerColumns.slots[ByteKey(id)] else { throw .unknownID(id) }
    return vacancies(forSeekerAt: slot, search: try prepareVacancySearch(options))
  }

  /// Returns the vacancies that fit the indexed seeker with this id, best first, with options
  /// made ready once for many seekers (`match.batch`).
  ///
  ///     let search = try index.prepareVacancySearch(options)
  ///     for id in ids { let top = try index.vacancies(forSeekerID: id, search: search) }
  ///
  /// - Precondition: `search` was prepared from this index as it is now, with no write since
  ///   (a search prepared before a write, or from another index, traps: its compiled codes
  ///   and slots would be another layout's).
  /// - Throws: `MatchError.unknownID` when no seeker has this id.
  public func vacancies(forSeekerID id: String, search: PreparedVacancySearch) throws(MatchError) -> MatchResults {
    precondition(search.layout === layout, "a search prepared for another layout of the index")
    guard let slot = seekerColumns.slots[ByteKey(id)] else { throw .unknownID(id) }
    return vacancies(forSeekerAt: slot, search: search)
  }

  private func vacancies(forSeekerAt slot: Int, search: PreparedVacancySearch) -> MatchResults {
    vacancies(
      for: SeekerQuery(slot: slot, in: seekerColumns, date: search.options.date), seeker: .indexed(slot), search: search
    )
  }

  /// Checks `options` and compiles their filters against this index, for any number of
  /// vacancy searches while it does not change: a request's filters cost once however many
  /// seekers it ranks, and so does counting the vacancies they admit.
  ///
  /// - Throws: `MatchError.invalid` for bad options.
  public func prepareVacancySearch(_ options: MatchOptions) throws(MatchError) -> PreparedVacancySearch {
    let errors = options.validationErrors(direction: .vacanciesForSeeker)
    if !errors.isEmpty { throw .invalid(ValidationError(errors)) }
    return compiledVacancySearch(options)
  }

  /// `prepareVacancySearch` for options already checked.
  private func compiledVacancySearch(_ options: MatchOptions) -> PreparedVacancySearch {
    let filters = CompiledFilters(options.filters, vocabulary: vocabulary, slots: vacancyColumns.slots)
    var candidates = vacancyColumns.count - filters.excludedSlots.count
    if filters.restrictsVacancies {
      candidates = 0
      for (slot, key) in vacancyColumns.keys.enumerated()
      where filters.admits(region: key.region, employerType: key.employerType, sector: key.sector, jobType: key.jobType)
        && !filters.isExcluded(slot)
      {
        candidates += 1
      }
    }
    return PreparedVacancySearch(options: options, filters: filters, candidates: candidates, layout: layout)
  }

  /// Returns the vacancies that fit `seeker` (indexed or not), best first, with near misses
  /// when asked: SPEC section 3.
  ///
  /// - Complexity: about the number of vacancies within the seeker's reach keyed by one of her
  ///   skills, plus, for near misses, those of the job types (within reach and beyond) whose
  ///   bound could still enter the list, picked best first (sorted once when there are more
  ///   than 128 job types).
  public func vacancies(for seeker: Seeker, options: MatchOptions) throws(MatchError) -> MatchResults {
    var errors = options.validationErrors(direction: .vacanciesForSeeker)
    errors += seeker.validationErrors().map { $0.prefixed(with: "seeker") }
    if !errors.isEmpty { throw .invalid(ValidationError(errors)) }
    return vacancies(
      for: SeekerQuery(seeker, vocabulary: vocabulary, date: options.date), seeker: .given(seeker),
      search: compiledVacancySearch(options))
  }

  /// The seeker query proper. The feasible pairs are within reach and among the vacancies
  /// keyed by one of her skills, or requiring none. Near misses are sought by job type, best
  /// bound first: a job type fixes the preference and experience features and bounds the
  /// skills feature, so once the near misses are full, most job types are never visited. Each
  /// has two groups: within reach (its grid's window, one failure allowed, the feasible pairs
  /// left to the first pass) and beyond reach (which must pass everything but distance, so
  /// hold no required skill she lacks: the far lists of her skills). The exact reach test
  /// splits the two, so no pair is judged twice.
  ///
  /// - Parameter seeker: The seeker's record, asked for only to explain or for near misses.
  func vacancies(for q: SeekerQuery, seeker: QueryRecord<Seeker>, search: PreparedVacancySearch) -> MatchResults {
    let (options, filters) = (search.options, search.filters)
    let travelKm = min(q.maxTravelKm, filters.maxKm)
    // What the scan reads, as locals: the closures below capture these, not `self` (which
    // they would copy whole, every array of the index retained and released, per query).
    let (rowArray, geoArray, idArray, keyArray) = (
      vacancyColumns.rows, vacancyColumns.geo, vacancyColumns.ids, vacancyColumns.keys
    )
    let (overflows, keyGrids) = (vacancyColumns.overflows, vacancyColumns.keyGrids)
    let near = NearMissGroups(
      grids: vacancyColumns.jobTypeGrids, jobTypeBounds: vacancyColumns.jobTypeBounds, far: vacancyColumns.farLists)

    let (top, nearMisses, feasible) = rowArray.withUnsafeBufferPointer { rows in
      geoArray.withUnsafeBufferPointer { geo in
        idArray.withUnsafeBufferPointer { ids in
          keyArray.withUnsafeBufferPointer { keys in
            withUnsafeTemporaryAllocation(of: PendingJudge.self, capacity: PendingJudge.batch) { judges in
              var scan = VacancyScan(
                q: q, rows: rows, geo: geo, ids: ids, keys: keys, overflows: overflows, judges: judges,
                options: options, filters: filters, travelKm: travelKm)
              // The grids through pointers: passed by value, a grid was copied for each visit
              // (about 47 per query).
              if !q.needsUnknown {
                keyGrids.withUnsafeBufferPointer { grids in
                  let first = grids.baseAddress.unsafelyUnwrapped
                  if !grids.isEmpty { scan.visitWithinReach(first) }
                  q.forEachSkill { code in
                    if Int(code) + 1 < grids.count { scan.visitWithinReach(first + Int(code) + 1) }
                  }
                }
              }
              if options.nearMisses > 0 { scan.visitNearMisses(near) }
              scan.top.sort(ids: ids)
              scan.near.sort(ids: ids)
              return (scan.top.entries, scan.near.entries, scan.feasible)
            }
          }
        }
      }
    }

    // Answers come from the rows and code lists, not from records rebuilt whole. Loops, not
    // closures, for the same reason as above.
    let answer = PairAnswers(options: options, travelKm: travelKm)
    let (skills, skillsHigh) = (q.skills, q.skillsHigh)
    func unknown(_ r: VacancyRow) -> UnknownFields {
      PairAnswers.unknownFields(
        educationRank: q.educationRank, wageValue: q.wageValue, minEducationRank: r.minEducationRank,
        minWageValue: r.minWageValue)
    }
    /// The explanations of `entries`, in their order, to `body`. First every entry's preferred
    /// codes (its details: a cache miss of its own), then the skills she holds among them (its
    /// code list: another), each in a loop that does little else, so that those misses are in
    /// flight together (built one at a time, an explanation waited for both before the next).
    func explain(_ entries: [TopK.Entry], _ body: (Int, Explanation) -> Void) {
      guard options.explain, !entries.isEmpty else { return }
      // The preferred skills as the index keeps them: codes into the vocabulary's names.
      let names = vocabulary.skills.codes
      withUnsafeTemporaryAllocation(of: PreferredSkills.self, capacity: entries.count) { found in
        withUnsafeTemporaryAllocation(of: ArraySlice<UInt32>.self, capacity: entries.count) { codes in
          for (k, entry) in entries.enumerated() {
            codes.initializeElement(at: k, to: vacancyColumns.preferredCodes(entry.slot))
          }
          for k in entries.indices {
            let listings = PreferredSkills.Listings.vocabulary(codes: codes.moveElement(from: k), names: names)
            found.initializeElement(
              at: k,
              to: PairAnswers.preferredSkills(listings) { code in
                skills.contains(code) || skillsHigh.sortedContains(code)
              })
          }
        }
        for (k, entry) in entries.enumerated() {
          body(k, answer.explanation(entry, skills: found.moveElement(from: k)))
        }
      }
    }
    var matches: [Match] = []
    matches.reserveCapacity(top.count)
    for entry in top {
      matches.append(
        Match(
          id: vacancyColumns.ids[entry.slot], score: entry.score, unknown: unknown(vacancyColumns.rows[entry.slot]),
          explanation: nil))
    }
    explain(top) { k, explanation in matches[k].explanation = explanation }
    var answers: [NearMiss] = []
    if !nearMisses.isEmpty {
      let education: Education? =
        switch seeker {
        case .indexed(let slot): Education(code: seekerColumns.details[slot].education)
        case .given(let record): record.education
        }
      answers.reserveCapacity(nearMisses.count)
      for entry in nearMisses {
        let r = vacancyColumns.rows[entry.slot]
        let facts = GapFacts(
          seekerHours: HourRange(min: q.hoursMin, max: q.hoursMax),
          vacancyHours: HourRange(min: r.hoursMin, max: r.hoursMax),
          seekerWorkdays: Workdays(rawValue: q.workdays), vacancyWorkdays: Workdays(rawValue: r.workdays),
          education: education, minEducation: Education(code: vacancyColumns.details[entry.slot].minEducation) ?? .none,
          available: q.available, start: r.start == nowDay ? options.date.daysSinceEpoch : r.start)
        let gap = answer.gap(
          entry, facts,
          missingSkills: {
            vocabulary.skills.names(vacancyColumns.requiredCodes(entry.slot)) {
              !(skills.contains($0) || skillsHigh.sortedContains($0))
            }
          },
          missingNeeds: { missingNeeds(of: seeker, offers: r) })
        answers.append(
          NearMiss(
            id: vacancyColumns.ids[entry.slot], score: entry.score, gap: gap, unknown: unknown(r), explanation: nil))
      }
      explain(nearMisses) { k, explanation in answers[k].explanation = explanation }
    }
    return MatchResults(
      matches: matches, nearMisses: answers, candidates: search.candidates, feasible: feasible, indexVersion: version)
  }
}

/// A vacancy search's options checked and its filters compiled against one version of an
/// index (`MatchIndex.prepareVacancySearch`): for that layout only, until the next write.
public struct PreparedVacancySearch: Sendable {
  let options: MatchOptions
  let filters: CompiledFilters
  /// The vacancies the filters admit (SPEC's `counts.candidates`).
  let candidates: Int
  let layout: Layout
}

extension MatchIndex {
  /// The seeker's needs that the vacancy with row `r` does not offer, in her order, once each.
  fileprivate func missingNeeds(of seeker: QueryRecord<Seeker>, offers r: VacancyRow) -> [String] {
    let high = r.overflow == 0 ? [] : vacancyColumns.overflows[r.overflow].third
    func offered(_ code: UInt32) -> Bool { r.offers.contains(code) || high.sortedContains(code) }
    switch seeker {
    case .indexed(let slot):
      return vocabulary.accommodations.names(seekerColumns.needCodes(slot)) { !offered($0) }
    case .given(let record):
      return vocabulary.accommodations.lacking(record.needs, has: offered)
    }
  }
}

/// Where a query's own record comes from when an answer needs it (to explain, or for the gaps
/// of near misses): the index, or the request. Not a closure: one that reads the index would
/// copy the whole index (forty-odd references retained and released) on every query.
enum QueryRecord<Record> {
  case indexed(Int)
  case given(Record)
}

/// One seeker query's state: the seeker, the vacancies' rows, and the lists being filled.
struct VacancyScan: BatchJudging {
  let q: SeekerQuery
  let rows: UnsafeBufferPointer<VacancyRow>
  let geo: UnsafeBufferPointer<GeoRow>
  let ids: UnsafeBufferPointer<String>
  let keys: UnsafeBufferPointer<VacancyKeys>
  let overflows: OverflowTable
  /// The vacancies waiting to be judged (`enqueue`), at most `PendingJudge.batch`.
  let judges: UnsafeMutableBufferPointer<PendingJudge>
  var judgeCount = 0
  let filters: CompiledFilters
  let restricted: Bool
  let weights: Weights
  let totalWeight: Double
  let today: Int32
  let travelKm: Double
  let reach: ReachLimit
  /// The seeker's reach as a disc, for every grid's window.
  let disc: GridDisc
  /// Failures a pair may have: 0 for the matches, 1 for the near misses (whose pass leaves
  /// the feasible pairs to the first).
  var allowance = 0
  var top: TopK
  var near: TopK
  var feasible = 0

  init(
    q: SeekerQuery, rows: UnsafeBufferPointer<VacancyRow>, geo: UnsafeBufferPointer<GeoRow>,
    ids: UnsafeBufferPointer<String>, keys: UnsafeBufferPointer<VacancyKeys>, overflows: OverflowTable,
    judges: UnsafeMutableBufferPointer<PendingJudge>, options: MatchOptions, filters: CompiledFilters,
    travelKm: Double
  ) {
    self.q = q
    self.rows = rows
    self.geo = geo
    self.ids = ids
    self.keys = keys
    self.overflows = overflows
    self.judges = judges
    self.filters = filters
    restricted = filters.restrictsVacancies
    weights = options.weights
    totalWeight = options.weights.total
    today = options.date.daysSinceEpoch
    self.travelKm = travelKm
    reach = ReachLimit(km: travelKm)
    disc = GridDisc(lat: q.geo.lat, lon: q.geo.lon, km: travelKm)
    top = TopK(capacity: options.limit)
    near = TopK(capacity: options.nearMisses)
  }

  /// The request filters as the entry loops apply them. The loops take it as a local: a
  /// method of the scan itself, called from their closures, copied the whole scan per call.
  var gate: VacancyGate { VacancyGate(filters: filters, keys: keys, restricted: restricted) }

  /// The feasible pairs in one grid's cells within reach. The entry tells, without the row,
  /// most pairs that fail (`EntryFacts`; required skills folded to 64 bits, accommodations
  /// with codes below 64).
  mutating func visitWithinReach(_ grid: UnsafePointer<CellGrid<VacancyEntry>>) {
    guard grid.pointee.count > 0 else { return }
    let gate = gate
    let facts = EntryFacts(q, today: today, chord: reach.chord)
    grid.pointee.forEachRun(in: grid.pointee.window(disc)) { entries in
      for entry in entries {
        if facts.lacksSkillsOrOffers(entry) { continue }
        if facts.neverWaivedFail(entry.tests) || facts.failures(entry.tests) != 0 { continue }
        if entry.isBeyond(facts.point, limit: facts.limit) { continue }
        let slot = Int(entry.slot)
        if gate.passes(slot) { enqueue(slot, farPass: false) }
      }
    }
    judgePending(farPass: false)
  }

  /// The near misses, job type by job type, best bound first, until the list is full and no
  /// group's bound can enter it.
  mutating func visitNearMisses(_ groups: NearMissGroups) {
    allowance = 1
    let count = 2 * groups.jobTypeBounds.count
    // Group 2j is job type j within reach, 2j + 1 beyond it. The bounds are picked best first
    // from a buffer on the stack: most queries visit a few of the sixty-odd groups, so a
    // selection is cheaper than a sort, and allocates nothing. Past `selectionLimit` groups
    // (job types written by hosts by the thousand) they are sorted once instead: a selection
    // per visit would cost the square of their number.
    withUnsafeTemporaryAllocation(of: Double.self, capacity: count) { bounds in
      groups.bounds(into: bounds, for: q, weights: weights, totalWeight: totalWeight, jobTypes: filters.jobTypes)
      if count > NearMissGroups.selectionLimit {
        var order = (0..<count).filter { bounds[$0] > -.infinity }
        order.sort { bounds[$0] != bounds[$1] ? bounds[$0] > bounds[$1] : $0 < $1 }
        for group in order {
          if near.excludes(bound: bounds[group]) { return }
          visitNearGroup(group, groups)
        }
        return
      }
      while true {
        var best = -1
        var bound = -Double.infinity
        for group in 0..<count where bounds[group] > bound {
          best = group
          bound = bounds[group]
        }
        if best < 0 || near.excludes(bound: bound) { return }
        bounds[best] = -.infinity
        visitNearGroup(best, groups)
      }
    }
  }

  /// Near-miss group `group`: job type `group / 2`, within reach when even, beyond it when odd.
  private mutating func visitNearGroup(_ group: Int, _ groups: NearMissGroups) {
    let jobType = group / 2
    let features = groups.features(jobType, far: group % 2 == 1, for: q)
    if group % 2 == 0 {
      visitNearWithinReach(groups.grids[jobType], best: features)
      return
    }
    let (skills, skillsHigh) = (q.skills, q.skillsHigh)
    // Through pointers, as the key grids: passed by value, a far list was copied per visit
    // (its arrays retained and released, about 79 times per query).
    groups.far.withUnsafeBufferPointer { far in
      far[jobType].lists.withUnsafeBufferPointer { lists in
        for k in lists.indices where lists[k].required.areHeld(by: skills, high: skillsHigh) {
          visitBeyondReach(lists.baseAddress.unsafelyUnwrapped + k, best: features)
        }
      }
    }
  }

  /// One job type's near misses within reach: pairs the entry tells fail at most one
  /// constraint, and whose bound from the entry (distance from its position, start from its
  /// day, the rest the group's) could enter the list.
  mutating func visitNearWithinReach(_ grid: CellGrid<NearEntry>, best: FeatureValues) {
    guard grid.count > 0 else { return }
    let gate = gate
    let facts = EntryFacts(q, today: today, chord: reach.chord)
    let km = travelKm
    grid.forEachRun(in: grid.window(nearDisc(best: best))) { nearEntries in
      for near in nearEntries {
        let entry = near.entry
        if facts.neverWaivedFail(entry.tests) { continue }
        let failures =
          (entry.requiredFold & ~facts.skillFold != 0 ? 1 : 0) + (facts.lacksOffers(entry.tests) ? 1 : 0)
          + facts.failures(entry.tests)
        if failures > 1 { continue }
        if entry.isBeyond(facts.point, limit: facts.limit) { continue }
        var bound = best
        bound.skills = min(best.skills, near.skillsBound(facts.skillFold))
        bound.distance = entry.distanceFeatureBound(facts.point, km: km)
        bound.start = facts.startFeature(entry.tests)
        if self.near.excludes(bound: weights.score(bound, total: totalWeight)) { continue }
        let slot = Int(entry.slot)
        if gate.passes(slot) { enqueue(slot, farPass: false) }
      }
    }
    judgePending(farPass: false)
  }

  /// The disc within which a near miss within reach, whose features are at most `best`
  /// (distance 1), could still enter the full list: one farther scores at most the bound less
  /// the distance points it loses, 100·w·d/(D·Σw), which must leave it no lower than the worst
  /// kept score. The whole reach while the list is not full.
  func nearDisc(best: FeatureValues) -> GridDisc {
    let pointsPerReach = 100 * weights.distance / totalWeight
    guard near.isFull, pointsPerReach > 0 else { return disc }
    // Slack for rounding, in points (a score's rounding is below 1e-12 of them) and in km:
    // never leave out a pair the computed scores admit, however small the distance weight.
    let room = weights.score(best, total: totalWeight) - near.worstScore + 1e-9
    let km = travelKm * (room / pointsPerReach) * (1 + 1e-9) + 1e-6
    return km < travelKm ? GridDisc(lat: q.geo.lat, lon: q.geo.lon, km: km) : disc
  }

  /// Near misses beyond reach in one far list: they fail distance, so must pass every other
  /// constraint too. The list's bit sets leave out most that do not (accommodations, workdays
  /// and eligibility); the entry tells most of the rest.
  mutating func visitBeyondReach(_ list: UnsafePointer<EntryList>, best: FeatureValues) {
    // A need no vacancy offers fails accommodations everywhere: a second failure.
    if q.needsUnknown { return }
    var best = best
    best.skills = min(best.skills, list.pointee.bound.skills(q))
    best.hours = min(best.hours, list.pointee.bound.hours(q))
    if near.excludes(bound: weights.score(best, total: totalWeight)) { return }
    let gate = gate
    let facts = EntryFacts(q, today: today, chord: reach.chord)
    let count = list.pointee.preferredCount
    list.pointee.forEachCandidate(needs: facts.needs, workdays: facts.workdays, registered: facts.registered) { entry in
      considerBeyondReach(entry, best: best, preferredCount: count, facts: facts, gate: gate)
    }
    judgePending(farPass: true)
  }

  /// One entry of a far list (whose required skills she holds): judged if the entry cannot
  /// tell that it fails a constraint, and its bound could enter the near misses. `judge` turns
  /// away the few within reach.
  @inline(__always)
  mutating func considerBeyondReach(
    _ entry: FarEntry, best: FeatureValues, preferredCount: UInt32, facts: EntryFacts, gate: VacancyGate
  ) {
    let tests = entry.tests
    if facts.lacksOffers(tests) || facts.neverWaivedFail(tests) || facts.failures(tests) != 0 { return }
    var bound = best
    bound.skills = min(
      best.skills, preferredSkillsBound(fold: entry.preferredFold, count: preferredCount, skills: facts.skillFold))
    bound.start = facts.startFeature(entry.tests)
    if self.near.excludes(bound: weights.score(bound, total: totalWeight)) { return }
    let slot = Int(entry.slot)
    if gate.passes(slot) { enqueue(slot, farPass: true) }
  }

  /// What the row tells from each of its cache lines: the squared chord, eligibility and
  /// wage value (never waived), required skills and accommodations, and the position from
  /// `geo`. Read for the whole batch in a loop of its own that does little else, so that the
  /// rows' misses overlap.
  @inline(__always)
  func rowVerdict(_ slot: Int) -> RowVerdict {
    let r = rows.baseAddress.unsafelyUnwrapped.advanced(by: slot)
    let dx = q.x - r.pointee.x
    let dy = q.y - r.pointee.y
    let dz = q.z - r.pointee.z
    return RowVerdict(
      chord2: dx * dx + dy * dy + dz * dz, geo: geo[slot], banenafspraak: r.pointee.banenafspraak,
      registered: q.registered, wageValue: q.wageValue, minWageValue: r.pointee.minWageValue,
      holdsRequired: r.pointee.required.isSubset(of: q.skills),
      offersNeeds: !q.needsUnknown && q.needs.isSubset(of: r.pointee.offers))
  }

  /// The rest of the constraints the row's inline bits tell: workdays, hours, education and
  /// start (the row's lines are in the caches by now).
  @inline(__always)
  func rowVerdictRest(_ verdict: inout RowVerdict, _ slot: Int) {
    let r = rows.baseAddress.unsafelyUnwrapped.advanced(by: slot)
    let startDay = r.pointee.start == nowDay ? today : r.pointee.start
    verdict.failed |= scheduleFailures(
      workdays: q.workdays, requiredWorkdays: r.pointee.workdays, hoursMin: q.hoursMin, hoursMax: q.hoursMax,
      vacancyHoursMin: r.pointee.hoursMin, vacancyHoursMax: r.pointee.hoursMax, educationRank: q.educationRank,
      minEducationRank: r.pointee.minEducationRank, daysLate: Int(q.available) - Int(startDay))
  }

  /// Judges one vacancy that passed the filters, from its row's verdict. In the first pass
  /// (`farPass` false) only pairs within reach count; in the second only those beyond it, as
  /// near misses.
  @inline(__always)
  mutating func judge(_ slot: Int, farPass: Bool, verdict: RowVerdict) {
    if verdict.failed & RowVerdict.neverWaived != 0 { return }
    // Fields are read through the pointer as they are needed, not the row copied whole.
    let r = rows.baseAddress.unsafelyUnwrapped.advanced(by: slot)
    let chord2 = verdict.chord2
    // A local, so that the closure does not copy the query.
    let here = q.geo
    let there = verdict.geo
    let within = reach.contains(chord2: chord2) { here.distanceKm(to: there) }
    if within == farPass { return }
    var failed = verdict.failed | (farPass ? Constraint.distance.bit : 0)
    // The codes beyond the inline bits.
    let overflow = r.pointee.overflow == 0 ? nil : overflows[r.pointee.overflow]
    if let overflow, !overflow.first.isSortedSubset(of: q.skillsHigh) { failed |= Constraint.requiredSkills.bit }
    if !q.needsHigh.isEmpty && !q.needsHigh.isSortedSubset(of: overflow?.third ?? []) {
      failed |= Constraint.accommodations.bit
    }
    let failures = failed.nonzeroBitCount
    if failures > allowance { return }
    if failures == 0 {
      // The near-miss pass leaves the matches to the first.
      if allowance == 1 { return }
      feasible += 1
    }
    let sharedMax = min(q.hoursMax, r.pointee.hoursMax)
    let startDay = r.pointee.start == nowDay ? today : r.pointee.start
    let daysLate = Int(q.available) - Int(startDay)

    var matched = r.pointee.preferred.intersectionCount(q.skills)
    if let overflow, !q.skillsHigh.isEmpty { matched += overflow.second.sortedIntersectionCount(q.skillsHigh) }
    let skills = PairFeatures.skills(matched: matched, preferred: Int(r.pointee.preferredCount))
    // The skills feature alone, every other at its best, turns most pairs away from a full
    // list before the rest is computed.
    let best = weights.score(
      FeatureValues(skills: skills, distance: farPass ? 0 : 1, hours: 1, preference: 1, experience: 1, start: 1),
      total: totalWeight)
    if failures == 0 ? top.excludes(bound: best) : near.excludes(bound: best) { return }
    var features = FeatureValues(
      skills: skills,
      distance: 0,
      hours: sharedMax / r.pointee.hoursMax,
      preference: !q.hasPreferences
        ? 0.5
        : q.prefersJobType(r.pointee.jobType)
          ? 1 : (r.pointee.sector != noCode && q.prefersSector(r.pointee.sector)) ? 0.5 : 0,
      experience: q.hasExperience(r.pointee.jobType) ? 1 : 0,
      start: PairFeatures.start(daysLate: daysLate))
    // The chord bounds the distance feature, so most pairs are turned away from a full list
    // before the haversine; a near miss beyond reach scores 0 for distance.
    if !farPass { features.distance = reach.distanceFeatureBound(chord2: chord2) }
    if failures == 0 {
      guard top.admits(score: weights.score(features, total: totalWeight)) else { return }
    } else {
      guard near.admits(score: weights.score(features, total: totalWeight)) else { return }
    }
    let distanceKm = q.geo.distanceKm(to: there)
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

/// The seeker's side of the tests a vacancy's entry can tell: position and reach, required
/// skills (folded) and accommodations (codes below 64), eligibility and wage value (never
/// waived), workdays, hours, education and start. Each fails only pairs that certainly fail
/// (the entry rounds hours and the wage minimum outwards).
struct EntryFacts {
  let point: FloatPoint
  /// Her reach as a chord, in single precision.
  let limit: Float
  let skillFold: UInt64
  let needs: UInt64
  let registered: Bool
  let workdays: UInt8
  /// Unknown: `Int8.max`, which no minimum exceeds.
  let educationRank: Int8
  let hoursMin2, hoursMax2: Double
  /// NaN when unknown: compares false.
  let wage256: Double
  let available: Int
  let today: Int32

  init(_ q: SeekerQuery, today: Int32, chord: Double) {
    point = FloatPoint(x: q.x, y: q.y, z: q.z)
    limit = Float(chord)
    skillFold = q.skills.folded
    needs = q.needs.word
    registered = q.registered
    workdays = q.workdays
    educationRank = q.educationRank == unknownRank ? .max : q.educationRank
    hoursMin2 = q.hoursMin * 2
    hoursMax2 = q.hoursMax * 2
    wage256 = q.wageValue * 256
    available = Int(q.available)
    self.today = today
  }

  /// Required skills or accommodations certainly fail.
  @inline(__always)
  func lacksSkillsOrOffers(_ entry: VacancyEntry) -> Bool {
    entry.requiredFold & ~skillFold != 0 || lacksOffers(entry.tests)
  }

  /// Accommodations certainly fail: a need below 64 not offered.
  @inline(__always)
  func lacksOffers(_ tests: EntryTests) -> Bool { needs & ~tests.offers != 0 }

  /// Eligibility or wage value certainly fails.
  @inline(__always)
  func neverWaivedFail(_ tests: EntryTests) -> Bool {
    (tests.banenafspraak && !registered) || wage256 < Double(tests.minWage256)
  }

  /// The start feature, exact: the entry has the row's day.
  @inline(__always)
  func startFeature(_ tests: EntryTests) -> Double {
    let start = tests.start == nowDay ? today : tests.start
    return PairFeatures.start(daysLate: available - Int(start))
  }

  /// How many of workdays, hours, education and start certainly fail.
  @inline(__always)
  func failures(_ tests: EntryTests) -> Int {
    let start = tests.start == nowDay ? today : tests.start
    return (tests.workdays & ~workdays != 0 ? 1 : 0)
      + (hoursMin2 > Double(tests.hoursMax2) || Double(tests.hoursMin2) > hoursMax2 ? 1 : 0)
      + (educationRank < tests.minEducationRank ? 1 : 0) + (available - Int(start) > 90 ? 1 : 0)
  }
}

/// The vacancies by job type, for a seeker's near misses: each job type's grid (within reach)
/// and far lists (beyond reach), and the bound of its skills and hours features.
struct NearMissGroups {
  let grids: [CellGrid<NearEntry>]
  let jobTypeBounds: [GroupBound]
  let far: [FarLists]

  /// The best features any pair of job type `jobType` can have, within reach or beyond it
  /// (`far`, which scores 0 for distance).
  @inline(__always)
  func features(_ jobType: Int, far: Bool, for q: SeekerQuery) -> FeatureValues {
    let code = UInt32(jobType)
    let anySector = !q.preferredSectors.isEmpty || !q.preferredSectorsHigh.isEmpty
    return FeatureValues(
      skills: jobTypeBounds[jobType].skills(q), distance: far ? 0 : 1, hours: jobTypeBounds[jobType].hours(q),
      preference: !q.hasPreferences ? 0.5 : q.prefersJobType(code) ? 1 : anySector ? 0.5 : 0,
      experience: q.hasExperience(code) ? 1 : 0, start: 1)
  }

  /// The most groups picked best first by a selection; more are sorted.
  static var selectionLimit: Int { 256 }

  /// The bound of each group: job type j within reach at 2j, beyond it at 2j + 1, and −∞ for
  /// the job types the filter leaves out or no vacancy has had.
  func bounds(
    into bounds: UnsafeMutableBufferPointer<Double>, for q: SeekerQuery, weights: Weights, totalWeight: Double,
    jobTypes: CodeBits?
  ) {
    for jobType in jobTypeBounds.indices {
      if jobTypeBounds[jobType].isEmpty || jobTypes.map({ !$0.contains(UInt32(jobType)) }) == true {
        bounds[2 * jobType] = -.infinity
        bounds[2 * jobType + 1] = -.infinity
        continue
      }
      var best = features(jobType, far: false, for: q)
      bounds[2 * jobType] = weights.score(best, total: totalWeight)
      best.distance = 0
      bounds[2 * jobType + 1] = weights.score(best, total: totalWeight)
    }
  }
}

/// The request filters over the vacancies' keys.
struct VacancyGate {
  let filters: CompiledFilters
  let keys: UnsafeBufferPointer<VacancyKeys>
  let restricted: Bool

  @inline(__always)
  func passes(_ slot: Int) -> Bool {
    if filters.isExcluded(slot) { return false }
    if !restricted { return true }
    let key = keys[slot]
    return filters.admits(region: key.region, employerType: key.employerType, sector: key.sector, jobType: key.jobType)
  }
}

/// A seeker as the query side of `vacancies(for:)`, with her sets as inline bits over the
/// index's vocabulary. Codes the index has never seen cannot be offered or required by any
/// vacancy, so they are left out (except a need, which then fails everywhere).
struct SeekerQuery {
  var x, y, z: Double
  var geo: GeoRow
  var maxTravelKm: Double
  var hoursMin, hoursMax: Double
  /// NaN: unknown.
  var wageValue: Double
  /// The day she is available, "now" resolved to the request's date.
  var available: Int32
  var workdays: UInt8
  var educationRank: Int8
  var registered: Bool
  var hasPreferences: Bool
  var skills = Bits256()
  /// Skill codes from 256 up, sorted; likewise for the other sets from 64 up.
  var skillsHigh: [UInt32] = []
  var needs = Bits64()
  var needsHigh: [UInt32] = []
  /// A need no vacancy in the index offers: the accommodations constraint fails everywhere.
  var needsUnknown = false
  var experience = Bits64()
  var experienceHigh: [UInt32] = []
  var preferredJobTypes = Bits64()
  var preferredJobTypesHigh: [UInt32] = []
  var preferredSectors = Bits64()
  var preferredSectorsHigh: [UInt32] = []

  /// An indexed seeker: her row as it is.
  init(slot: Int, in columns: borrowing SeekerColumns, date: Day) {
    let row = columns.rows[slot]
    x = row.x
    y = row.y
    z = row.z
    geo = columns.geo[slot]
    maxTravelKm = row.maxTravelKm
    hoursMin = row.hoursMin
    hoursMax = row.hoursMax
    wageValue = row.wageValue
    available = row.available == nowDay ? date.daysSinceEpoch : row.available
    workdays = row.workdays
    educationRank = row.educationRank
    registered = row.registered
    hasPreferences = row.hasPreferences
    skills = row.skills
    needs = row.needs
    experience = row.experience
    preferredJobTypes = row.preferredJobTypes
    preferredSectors = row.preferredSectors
    if row.overflow != 0 {
      let overflow = columns.overflows[row.overflow]
      skillsHigh = overflow.first
      needsHigh = overflow.second
      experienceHigh = overflow.third
      preferredJobTypesHigh = overflow.fourth
      preferredSectorsHigh = overflow.fifth
    }
  }

  /// Any seeker, her codes looked up in the index's vocabulary.
  init(_ seeker: Seeker, vocabulary: borrowing Vocabulary, date: Day) {
    let unit = UnitVector(point: seeker.location)
    x = unit.x
    y = unit.y
    z = unit.z
    geo = GeoRow(seeker.location)
    maxTravelKm = seeker.maxTravelKm
    hoursMin = seeker.hours.min
    hoursMax = seeker.hours.max
    wageValue = seeker.wageValue ?? .nan
    available = (seeker.availableFrom ?? date).daysSinceEpoch
    workdays = seeker.workdays.rawValue
    educationRank = seeker.education.map { Int8($0.rank) } ?? unknownRank
    registered = seeker.registered
    hasPreferences = !(seeker.preferences?.isEmpty ?? true)
    for code in seeker.skills {
      let number = vocabulary.skills.lookup(code)
      if number < Bits256.limit {
        skills.insert(number)
      } else if number != CodeTable.absent {
        skillsHigh.append(number)
      }
    }
    for code in seeker.needs {
      let number = vocabulary.accommodations.lookup(code)
      if number == CodeTable.absent { needsUnknown = true } else { Self.add(number, &needs, &needsHigh) }
    }
    for code in seeker.experience { Self.add(vocabulary.jobTypes.lookup(code), &experience, &experienceHigh) }
    for code in seeker.preferences?.jobTypes ?? [] {
      Self.add(vocabulary.jobTypes.lookup(code), &preferredJobTypes, &preferredJobTypesHigh)
    }
    for code in seeker.preferences?.sectors ?? [] {
      Self.add(vocabulary.sectors.lookup(code), &preferredSectors, &preferredSectorsHigh)
    }
    skillsHigh.sortAndUnique()
    needsHigh.sortAndUnique()
    experienceHigh.sortAndUnique()
    preferredJobTypesHigh.sortAndUnique()
    preferredSectorsHigh.sortAndUnique()
  }

  private static func add(_ number: UInt32, _ bits: inout Bits64, _ high: inout [UInt32]) {
    if number < Bits64.limit {
      bits.word |= 1 << UInt64(number)
    } else if number != CodeTable.absent {
      high.append(number)
    }
  }

  @inline(__always)
  func prefersJobType(_ code: UInt32) -> Bool {
    preferredJobTypes.contains(code) || (!preferredJobTypesHigh.isEmpty && preferredJobTypesHigh.sortedContains(code))
  }

  @inline(__always)
  func prefersSector(_ code: UInt32) -> Bool {
    preferredSectors.contains(code) || (!preferredSectorsHigh.isEmpty && preferredSectorsHigh.sortedContains(code))
  }

  @inline(__always)
  func hasExperience(_ code: UInt32) -> Bool {
    experience.contains(code) || (!experienceHigh.isEmpty && experienceHigh.sortedContains(code))
  }

  /// Calls `body` with each of her skill codes known to the index, ascending.
  func forEachSkill(_ body: (UInt32) -> Void) {
    skills.forEachMember(body)
    for code in skillsHigh { body(code) }
  }
}

extension Bits256 {
  /// Calls `body` with each member, ascending.
  @inline(__always)
  func forEachMember(_ body: (UInt32) -> Void) {
    forEachBit(w0) { body(UInt32($0)) }
    forEachBit(w1) { body(64 + UInt32($0)) }
    forEachBit(w2) { body(128 + UInt32($0)) }
    forEachBit(w3) { body(192 + UInt32($0)) }
  }
}

extension Array where Element == UInt32 {
  /// Sorts and drops repeats, in place.
  mutating func sortAndUnique() {
    guard count > 1 else { return }
    sort()
    self = uniqued()
  }
}
