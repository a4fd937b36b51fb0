extension MatchIndex {
  /// Returns the seekers that fit the indexed vacancy with this id, best first.
  ///
  /// - Throws: `MatchError.unknownID` when no vacancy has this id, `.invalid` for bad options.
  public func seekers(forVacancyID id: String, options: MatchOptions) throws(MatchError) -> MatchResults {
    guard let vacancy = vacancy(id: id) else { throw .unknownID(id) }
    return try seekers(for: vacancy, options: options)
  }

  /// Returns the seekers that fit `vacancy` (indexed or not), best first, with near misses
  /// when asked: SPEC section 3.
  ///
  /// - Complexity: O(*n* log *k*) for *n* seekers and *k* = `limit` + `nearMisses`.
  public func seekers(for vacancy: Vacancy, options: MatchOptions) throws(MatchError) -> MatchResults {
    var errors = options.validationErrors(direction: .seekersForVacancy)
    errors += vacancy.validationErrors().map { $0.prefixed(with: "vacancy") }
    if !errors.isEmpty { throw .invalid(ValidationError(errors)) }

    let query = VacancyQuery(vacancy, options: options, vocabulary: vocabulary)
    let filters = CompiledFilters(options.filters, vocabulary: vocabulary, slots: seekerColumns.slots)
    let s = seekerColumns
    let weights = options.weights
    let totalWeight = weights.total
    let today = options.date.daysSinceEpoch
    let allowance = options.nearMisses > 0 ? 1 : 0
    let ids: (Int) -> String = { s.records[$0].id }
    let vacancyMaxHours = vacancy.hours.max
    var top = TopK(capacity: options.limit)
    var near = TopK(capacity: options.nearMisses)
    var candidates = 0
    var feasible = 0

    let queryUnit = UnitVector(lat: query.lat, lon: query.lon)
    let requestChordLimit = GeoMath.chordLimit(km: filters.maxKm)

    /// Judges one seeker that passed the filters.
    /// - Parameter beyond: The slot lies outside every cell within reach, so `distance` fails
    ///   (known without computing it); the pair can only be a near miss.
    func evaluate(_ slot: Int, beyond known: Bool = false) {
      // The cheapest tests that reject most pairs come first: the chord tells, without
      // trigonometry, most pairs that are out of reach.
      let beyond = known || s.unit[slot].isBeyond(queryUnit, limit: min(s.chordLimit[slot], requestChordLimit))
      if allowance == 0 {
        if beyond { return }
        if query.requiredSignature & ~s.skills.signatures[slot] != 0 || query.requiredUnknown { return }
      }
      // Never waived: eligibility and wage value.
      if vacancy.banenafspraak && !s.registered[slot] { return }
      let wage = s.wageValue[slot]
      if !query.minWageValue.isNaN && !wage.isNaN && wage < query.minWageValue { return }

      var failed: UInt16 = beyond ? Constraint.distance.bit : 0
      var failures = beyond ? 1 : 0
      if query.workdays & ~s.workdays[slot] != 0 {
        failed |= Constraint.workdays.bit
        failures += 1
      }
      let sharedMax = min(s.hoursMax[slot], vacancyMaxHours)
      if max(s.hoursMin[slot], query.hoursMin) > sharedMax {
        failed |= Constraint.hours.bit
        failures += 1
      }
      let rank = s.educationRank[slot]
      if rank != unknownRank && rank < query.minEducationRank {
        failed |= Constraint.education.bit
        failures += 1
      }
      let available = s.available[slot] == nowDay ? today : s.available[slot]
      let daysLate = Int(available) - Int(query.start)
      if daysLate > 90 {
        failed |= Constraint.start.bit
        failures += 1
      }
      if failures > allowance { return }
      if query.requiredUnknown
        || !s.skills.contains(all: query.requiredSkills, signature: query.requiredSignature, at: slot)
      {
        failed |= Constraint.requiredSkills.bit
        failures += 1
        if failures > allowance { return }
      }
      if !s.needs.isSubset(at: slot, of: query.offers, signature: query.offerSignature) {
        failed |= Constraint.accommodations.bit
        failures += 1
        if failures > allowance { return }
      }
      let travelKm = min(s.maxTravelKm[slot], filters.maxKm)
      if !beyond && failures == allowance && latitudeBoundExceeds(s.lat[slot] - query.lat, travelKm) { return }
      let distanceKm = GeoMath.distanceKm(
        lat1: s.lat[slot], lon1: s.lon[slot], cosLat1: s.cosLat[slot],
        lat2: query.lat, lon2: query.lon, cosLat2: query.cosLat)
      if !beyond && distanceKm > travelKm {
        failed |= Constraint.distance.bit
        failures += 1
        if failures > allowance { return }
      }

      let features = FeatureValues(
        skills: query.preferredCount == 0
          ? 1 : Double(s.skills.countMembers(at: slot, in: query.preferredSkills)) / Double(query.preferredCount),
        distance: max(0, 1 - distanceKm / travelKm),
        hours: sharedMax / vacancyMaxHours,
        preference: !s.hasPreferences[slot]
          ? 0.5
          : s.preferredJobTypes.contains(query.jobType, at: slot)
            ? 1 : (query.sector != noCode && s.preferredSectors.contains(query.sector, at: slot)) ? 0.5 : 0,
        experience: s.experience.contains(query.jobType, at: slot) ? 1 : 0,
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

    // Without a region filter only two kinds of seeker can matter. Those within reach: when the
    // vacancy requires skills and no near misses are asked, they are all on the shortest
    // required skill's list, whose entries carry their position and reach; otherwise visit, per
    // travel class, the grid cells within that class's largest distance. And near misses beyond
    // reach, which fail distance alone and so hold every required skill: again that list.
    // With a region filter, scan every seeker.
    let windows = SeekerColumns.travelClasses.enumerated().map {
      s.grid.window(lat: query.lat, lon: query.lon, km: min($1, filters.maxKm), layer: $0)
    }
    let rarest = query.requiredSkills.min {
      s.skillPostings.entries($0).count < s.skillPostings.entries($1).count
    }
    if filters.regions == nil, !windows.contains(where: { $0 == nil }) {
      candidates = s.count - filters.excludedSlots.count
      let unit = (x: Float(queryUnit.x), y: Float(queryUnit.y), z: Float(queryUnit.z))
      let limit = Float(min(requestChordLimit, 2))
      if query.requiredUnknown && options.nearMisses == 0 {
        // No seeker holds a skill the index has never seen: nothing is feasible.
      } else if let rarest, options.nearMisses == 0 {
        for entry in s.skillPostings.entries(rarest) where !entry.isBeyond(unit, limit: limit) {
          if !filters.isExcluded(Int(entry.slot)) { evaluate(Int(entry.slot)) }
        }
      } else {
        for (layer, window) in windows.enumerated() {
          s.grid.forEach(in: window!, layer: layer) { entry in
            let far = entry.isBeyond(unit, limit: limit)
            if far && allowance == 0 { return }
            let slot = Int(entry.slot)
            if !filters.isExcluded(slot) { evaluate(slot, beyond: far) }
          }
        }
        // Beyond reach, a seeker lacking a required skill the index has never seen fails twice.
        if options.nearMisses > 0 && !query.requiredUnknown {
          func isBeyond(_ slot: Int) -> Bool { !s.grid.isInside(slot, windows[s.grid.layer(of: slot)]!) }
          if let rarest {
            for entry in s.skillPostings.entries(rarest) {
              let slot = Int(entry.slot)
              if isBeyond(slot) && !filters.isExcluded(slot) { evaluate(slot, beyond: true) }
            }
          } else {
            for slot in 0..<s.count where isBeyond(slot) && !filters.isExcluded(slot) { evaluate(slot, beyond: true) }
          }
        }
      }
    } else {
      for slot in 0..<s.count {
        if let regions = filters.regions, !regions.contains(s.region[slot]) { continue }
        if filters.isExcluded(slot) { continue }
        candidates += 1
        evaluate(slot)
      }
    }

    func answer(for entry: TopK.Entry) -> PairAnswers {
      PairAnswers(options: options, travelKm: min(s.maxTravelKm[entry.slot], filters.maxKm))
    }
    return MatchResults(
      matches: top.sorted(ids: ids).map {
        answer(for: $0).match($0, seeker: s.records[$0.slot], vacancy: vacancy, idOf: .seeker)
      },
      nearMisses: near.sorted(ids: ids).map {
        answer(for: $0).nearMiss($0, seeker: s.records[$0.slot], vacancy: vacancy, idOf: .seeker)
      },
      candidates: candidates, feasible: feasible, indexVersion: version)
  }
}

/// A vacancy as the query side of `seekers(for:)`. Codes the index has never seen cannot be
/// held by any seeker.
struct VacancyQuery {
  var lat, lon, cosLat: Double
  var hoursMin: Double
  var workdays: UInt8
  var start: Int32
  var minEducationRank: Int8
  var minWageValue: Double
  var jobType: UInt32
  var sector: UInt32
  var requiredSkills: [UInt32]
  var requiredSignature: UInt64
  /// A required skill no seeker in the index has: the constraint fails everywhere.
  var requiredUnknown: Bool
  var preferredSkills: CodeBits
  /// |preferred|, each code once, including codes the index has never seen.
  var preferredCount: Int
  var offers: CodeBits
  var offerSignature: UInt64

  init(_ vacancy: Vacancy, options: MatchOptions, vocabulary: Vocabulary) {
    lat = vacancy.location.lat * GeoMath.degreesToRadians
    lon = vacancy.location.lon * GeoMath.degreesToRadians
    cosLat = GeoMath.cos(lat)
    hoursMin = vacancy.hours.min
    workdays = vacancy.workdays.rawValue
    start = (vacancy.startDate ?? options.date).daysSinceEpoch
    minEducationRank = Int8(vacancy.minEducation.rank)
    minWageValue = vacancy.minWageValue ?? .nan
    jobType = vocabulary.jobTypes.lookup(vacancy.jobType)
    sector = vacancy.sector.map { vocabulary.sectors.lookup($0) } ?? noCode
    let required = vacancy.requiredSkills.map { vocabulary.skills.lookup($0) }
    requiredUnknown = required.contains(CodeTable.absent)
    requiredSkills = required.filter { $0 != CodeTable.absent }.sorted().uniqued()
    requiredSignature = CodeSetColumn.signature(of: requiredSkills)
    preferredSkills = CodeBits(
      vacancy.preferredSkills.map { vocabulary.skills.lookup($0) }, capacity: vocabulary.skills.count)
    preferredCount = Set(vacancy.preferredSkills.map(ByteKey.init)).count
    let offerCodes = vacancy.offers.map { vocabulary.accommodations.lookup($0) }.filter { $0 != CodeTable.absent }
    offers = CodeBits(offerCodes, capacity: vocabulary.accommodations.count)
    offerSignature = CodeSetColumn.signature(of: offerCodes)
  }
}
