extension MatchIndex {
  /// Returns the vacancies that fit the indexed seeker with this id, best first.
  ///
  ///     let top = try index.vacancies(forSeekerID: "S-0001", options: MatchOptions(date: today))
  ///
  /// - Throws: `MatchError.unknownID` when no seeker has this id, `.invalid` for bad options.
  public func vacancies(forSeekerID id: String, options: MatchOptions) throws(MatchError) -> MatchResults {
    guard let seeker = seeker(id: id) else { throw .unknownID(id) }
    return try vacancies(for: seeker, options: options)
  }

  /// Returns the vacancies that fit `seeker` (indexed or not), best first, with near misses
  /// when asked: SPEC section 3.
  ///
  /// - Complexity: O(*n* log *k*) for *n* vacancies and *k* = `limit` + `nearMisses`.
  public func vacancies(for seeker: Seeker, options: MatchOptions) throws(MatchError) -> MatchResults {
    var errors = options.validationErrors(direction: .vacanciesForSeeker)
    errors += seeker.validationErrors().map { $0.prefixed(with: "seeker") }
    if !errors.isEmpty { throw .invalid(ValidationError(errors)) }

    let query = SeekerQuery(seeker, options: options, vocabulary: vocabulary)
    let filters = CompiledFilters(options.filters, vocabulary: vocabulary, slots: vacancyColumns.slots)
    let v = vacancyColumns
    let weights = options.weights
    let totalWeight = weights.total
    let today = options.date.daysSinceEpoch
    let travelKm = min(seeker.maxTravelKm, filters.maxKm)
    let allowance = options.nearMisses > 0 ? 1 : 0
    let ids: (Int) -> String = { v.records[$0].id }
    var top = TopK(capacity: options.limit)
    var near = TopK(capacity: options.nearMisses)
    var candidates = 0
    var feasible = 0

    let queryUnit = UnitVector(lat: query.lat, lon: query.lon)
    let chordLimit = GeoMath.chordLimit(km: travelKm)

    /// Judges one vacancy that passed the filters.
    /// - Parameter beyond: The slot lies outside every cell within reach, so `distance` fails
    ///   (known without computing it); the pair can only be a near miss.
    func evaluate(_ slot: Int, beyond known: Bool = false) {
      // The cheapest tests that reject most pairs come first: the chord tells, without
      // trigonometry, most pairs that are out of reach.
      let beyond = known || v.unit[slot].isBeyond(queryUnit, limit: chordLimit)
      if allowance == 0 {
        if beyond { return }
        if v.requiredSkills.signatures[slot] & ~query.skillSignature != 0 { return }
      }
      // Never waived: eligibility and wage value.
      if v.banenafspraak[slot] && !query.registered { return }
      let minWage = v.minWageValue[slot]
      if !minWage.isNaN && !query.wageValue.isNaN && query.wageValue < minWage { return }

      var failed: UInt16 = beyond ? Constraint.distance.bit : 0
      var failures = beyond ? 1 : 0
      if v.workdays[slot] & ~query.workdays != 0 {
        failed |= Constraint.workdays.bit
        failures += 1
      }
      let vacancyMaxHours = v.hoursMax[slot]
      let sharedMax = min(query.hoursMax, vacancyMaxHours)
      if max(query.hoursMin, v.hoursMin[slot]) > sharedMax {
        failed |= Constraint.hours.bit
        failures += 1
      }
      if query.educationRank != unknownRank && query.educationRank < v.minEducationRank[slot] {
        failed |= Constraint.education.bit
        failures += 1
      }
      let startDay = v.start[slot] == nowDay ? today : v.start[slot]
      let daysLate = Int(query.available) - Int(startDay)
      if daysLate > 90 {
        failed |= Constraint.start.bit
        failures += 1
      }
      if failures > allowance { return }
      if !v.requiredSkills.isSubset(at: slot, of: query.skills, signature: query.skillSignature) {
        failed |= Constraint.requiredSkills.bit
        failures += 1
        if failures > allowance { return }
      }
      if query.needsUnknown || !v.offers.contains(all: query.needs, signature: query.needSignature, at: slot) {
        failed |= Constraint.accommodations.bit
        failures += 1
        if failures > allowance { return }
      }
      if !beyond && failures == allowance && latitudeBoundExceeds(v.lat[slot] - query.lat, travelKm) { return }
      let distanceKm = GeoMath.distanceKm(
        lat1: query.lat, lon1: query.lon, cosLat1: query.cosLat,
        lat2: v.lat[slot], lon2: v.lon[slot], cosLat2: v.cosLat[slot])
      if !beyond && distanceKm > travelKm {
        failed |= Constraint.distance.bit
        failures += 1
        if failures > allowance { return }
      }

      let preferred = v.preferredSkills.count(at: slot)
      let jobType = v.jobType[slot]
      let sector = v.sector[slot]
      let features = FeatureValues(
        skills: preferred == 0
          ? 1 : Double(v.preferredSkills.countMembers(at: slot, in: query.skills)) / Double(preferred),
        distance: max(0, 1 - distanceKm / travelKm),
        hours: sharedMax / vacancyMaxHours,
        preference: !query.hasPreferences
          ? 0.5
          : query.preferredJobTypes.contains(jobType)
            ? 1 : (sector != noCode && query.preferredSectors.contains(sector)) ? 0.5 : 0,
        experience: query.experience.contains(jobType) ? 1 : 0,
        start: max(0, 1 - Double(max(0, daysLate)) / 90))
      let score = weights.score(features, total: totalWeight)
      let entry = TopK.Entry(slot: slot, score: score, features: features, distanceKm: distanceKm, failed: failed)
      if failures == 0 {
        feasible += 1
        if top.admits(score: score) { top.offer(entry, ids: ids) }
      } else if near.admits(score: score) {
        near.offer(entry, ids: ids)
      }
    }

    // Without candidate filters only the vacancies within reach can match: visit the grid
    // cells around the seeker. Near misses beyond them fail distance alone, so they pass
    // requiredSkills: visit only the vacancies keyed by one of the seeker's skills (or
    // requiring none). With candidate filters, scan every vacancy.
    if !filters.restrictsVacancies, let window = v.grid.window(lat: query.lat, lon: query.lon, km: travelKm) {
      candidates = v.count - filters.excludedSlots.count
      let unit = (x: Float(queryUnit.x), y: Float(queryUnit.y), z: Float(queryUnit.z))
      let limit = Float(chordLimit)
      v.grid.forEach(in: window) { entry in
        let far = entry.isBeyond(unit, limit: limit)
        if far && allowance == 0 { return }
        let slot = Int(entry.slot)
        if !filters.isExcluded(slot) { evaluate(slot, beyond: far) }
      }
      if options.nearMisses > 0 {
        func visitBeyond(_ entries: [SlotEntry]) {
          for entry in entries {
            let slot = Int(entry.slot)
            if !v.grid.isInside(slot, window) && !filters.isExcluded(slot) { evaluate(slot, beyond: true) }
          }
        }
        visitBeyond(v.requiredKeys.empty)
        for code in query.skillCodes { visitBeyond(v.requiredKeys.entries(code)) }
      }
    } else {
      for slot in 0..<v.count {
        if let regions = filters.regions, !regions.contains(v.region[slot]) { continue }
        if filters.employerTypes & (1 << v.employerType[slot]) == 0 { continue }
        if let sectors = filters.sectors, !sectors.contains(v.sector[slot]) { continue }
        if let jobTypes = filters.jobTypes, !jobTypes.contains(v.jobType[slot]) { continue }
        if filters.isExcluded(slot) { continue }
        candidates += 1

        evaluate(slot)
      }
    }

    let answer = PairAnswers(options: options, travelKm: travelKm)
    return MatchResults(
      matches: top.sorted(ids: ids).map { answer.match($0, seeker: seeker, vacancy: v.records[$0.slot]) },
      nearMisses: near.sorted(ids: ids).map { answer.nearMiss($0, seeker: seeker, vacancy: v.records[$0.slot]) },
      candidates: candidates, feasible: feasible, indexVersion: version)
  }
}

/// A seeker as the query side of `vacancies(for:)`: its sets as bit words over the index's
/// vocabulary. Codes the index has never seen cannot be offered or required by any vacancy.
struct SeekerQuery {
  var lat, lon, cosLat: Double
  var hoursMin, hoursMax: Double
  var workdays: UInt8
  var available: Int32
  var educationRank: Int8
  var wageValue: Double
  var registered: Bool
  var hasPreferences: Bool
  var skills: CodeBits
  /// The seeker's skills known to the index, sorted, each once.
  var skillCodes: [UInt32]
  var skillSignature: UInt64
  var needs: [UInt32]
  var needSignature: UInt64
  /// A need no vacancy in the index offers: the accommodations constraint fails everywhere.
  var needsUnknown: Bool
  var experience: CodeBits
  var preferredJobTypes: CodeBits
  var preferredSectors: CodeBits

  init(_ seeker: Seeker, options: MatchOptions, vocabulary: Vocabulary) {
    lat = seeker.location.lat * GeoMath.degreesToRadians
    lon = seeker.location.lon * GeoMath.degreesToRadians
    cosLat = GeoMath.cos(lat)
    hoursMin = seeker.hours.min
    hoursMax = seeker.hours.max
    workdays = seeker.workdays.rawValue
    available = (seeker.availableFrom ?? options.date).daysSinceEpoch
    educationRank = seeker.education.map { Int8($0.rank) } ?? unknownRank
    wageValue = seeker.wageValue ?? .nan
    registered = seeker.registered
    hasPreferences = !(seeker.preferences?.isEmpty ?? true)
    skillCodes = seeker.skills.map { vocabulary.skills.lookup($0) }.filter { $0 != CodeTable.absent }.sorted()
      .uniqued()
    skills = CodeBits(skillCodes, capacity: vocabulary.skills.count)
    skillSignature = CodeSetColumn.signature(of: skillCodes)
    let needCodes = seeker.needs.map { vocabulary.accommodations.lookup($0) }
    needsUnknown = needCodes.contains(CodeTable.absent)
    needs = needCodes.filter { $0 != CodeTable.absent }.sorted().uniqued()
    needSignature = CodeSetColumn.signature(of: needs)
    let jobTypes = vocabulary.jobTypes
    experience = CodeBits(seeker.experience.map { jobTypes.lookup($0) }, capacity: jobTypes.count)
    preferredJobTypes = CodeBits(
      (seeker.preferences?.jobTypes ?? []).map { jobTypes.lookup($0) }, capacity: jobTypes.count)
    preferredSectors = CodeBits(
      (seeker.preferences?.sectors ?? []).map { vocabulary.sectors.lookup($0) }, capacity: vocabulary.sectors.count)
  }
}
