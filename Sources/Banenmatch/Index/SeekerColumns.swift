/// The seekers of the index as columns of primitive values, one slot per seeker, for the
/// inner loop of `seekers(for:)`; the records themselves stay beside them for answers.
struct SeekerColumns: Sendable {
  var records: [Seeker] = []
  var slots: [ByteKey: Int] = [:]

  var lat = ContiguousArray<Double>()  // radians
  var lon = ContiguousArray<Double>()  // radians
  var cosLat = ContiguousArray<Double>()
  /// Unit vector of the position, for the chord prefilter of the distance test.
  var unit = ContiguousArray<UnitVector>()
  var maxTravelKm = ContiguousArray<Double>()
  var chordLimit = ContiguousArray<Double>()
  var hoursMin = ContiguousArray<Double>()
  var hoursMax = ContiguousArray<Double>()
  var workdays = ContiguousArray<UInt8>()
  var available = ContiguousArray<Int32>()  // nowDay: available now
  var educationRank = ContiguousArray<Int8>()  // unknownRank: unknown
  var wageValue = ContiguousArray<Double>()  // NaN: unknown
  var registered = ContiguousArray<Bool>()
  var region = ContiguousArray<UInt32>()
  var hasPreferences = ContiguousArray<Bool>()
  var skills = CodeSetColumn()
  var experience = CodeSetColumn()
  var needs = CodeSetColumn()
  var preferredJobTypes = CodeSetColumn()
  var preferredSectors = CodeSetColumn()
  /// Seekers by position, in one layer per travel class (`SeekerColumns.travelClasses`).
  var grid = SlotGrid(cellDegrees: SeekerColumns.travelClasses.map { $0 / 4 / 111.195 })
  /// Seekers by skill: a vacancy's required skills can only be held by the seekers on the
  /// list of each of them.
  var skillPostings = PostingLists<GeoEntry>()

  /// Upper bounds of the travel classes, km: a vacancy query searches each class's layer
  /// within that class's largest distance.
  static let travelClasses: [Double] = [5, 10, 15, 20, 25, 30, 40, 50, 75, 100, 150, 250]

  static func travelClass(_ km: Double) -> Int {
    travelClasses.firstIndex { km <= $0 } ?? travelClasses.count - 1
  }

  var count: Int { records.count }

  /// Inserts or replaces the seeker with this id.
  mutating func upsert(_ seeker: Seeker, vocabulary: inout Vocabulary) {
    var seeker = seeker
    let row = SeekerRow(&seeker, vocabulary: &vocabulary)
    if let slot = slots[ByteKey(seeker.id)] {
      skillPostings.remove(slot, codes: skills.codes(at: slot))
      skillPostings.add(
        GeoEntry(slot: slot, unit: row.unit, chordLimit: GeoMath.chordLimit(km: seeker.maxTravelKm)), codes: row.skills)
      records[slot] = seeker
      lat[slot] = row.lat
      lon[slot] = row.lon
      cosLat[slot] = row.cosLat
      unit[slot] = row.unit
      maxTravelKm[slot] = seeker.maxTravelKm
      chordLimit[slot] = GeoMath.chordLimit(km: seeker.maxTravelKm)
      hoursMin[slot] = seeker.hours.min
      hoursMax[slot] = seeker.hours.max
      workdays[slot] = seeker.workdays.rawValue
      available[slot] = row.available
      educationRank[slot] = row.educationRank
      wageValue[slot] = seeker.wageValue ?? .nan
      registered[slot] = seeker.registered
      region[slot] = row.region
      hasPreferences[slot] = row.hasPreferences
      skills.replace(at: slot, with: row.skills)
      experience.replace(at: slot, with: row.experience)
      needs.replace(at: slot, with: row.needs)
      preferredJobTypes.replace(at: slot, with: row.preferredJobTypes)
      preferredSectors.replace(at: slot, with: row.preferredSectors)
      grid.move(
        slot, lat: row.lat, lon: row.lon, layer: Self.travelClass(seeker.maxTravelKm),
        entry: GeoEntry(slot: slot, unit: row.unit, chordLimit: GeoMath.chordLimit(km: seeker.maxTravelKm)))
    } else {
      slots[ByteKey(seeker.id)] = records.count
      skillPostings.add(
        GeoEntry(slot: records.count, unit: row.unit, chordLimit: GeoMath.chordLimit(km: seeker.maxTravelKm)),
        codes: row.skills)
      records.append(seeker)
      lat.append(row.lat)
      lon.append(row.lon)
      cosLat.append(row.cosLat)
      unit.append(row.unit)
      maxTravelKm.append(seeker.maxTravelKm)
      chordLimit.append(GeoMath.chordLimit(km: seeker.maxTravelKm))
      hoursMin.append(seeker.hours.min)
      hoursMax.append(seeker.hours.max)
      workdays.append(seeker.workdays.rawValue)
      available.append(row.available)
      educationRank.append(row.educationRank)
      wageValue.append(seeker.wageValue ?? .nan)
      registered.append(seeker.registered)
      region.append(row.region)
      hasPreferences.append(row.hasPreferences)
      skills.append(row.skills)
      experience.append(row.experience)
      needs.append(row.needs)
      preferredJobTypes.append(row.preferredJobTypes)
      preferredSectors.append(row.preferredSectors)
      grid.append(
        lat: row.lat, lon: row.lon, layer: Self.travelClass(seeker.maxTravelKm),
        entry: GeoEntry(slot: records.count - 1, unit: row.unit, chordLimit: GeoMath.chordLimit(km: seeker.maxTravelKm))
      )
    }
  }

  /// Removes the seeker with this id; the last slot moves into its place. False if absent.
  mutating func remove(id: String) -> Bool {
    guard let slot = slots.removeValue(forKey: ByteKey(id)) else { return false }
    let last = records.count - 1
    skillPostings.remove(slot, codes: skills.codes(at: slot))
    if slot != last {
      slots[ByteKey(records[last].id)] = slot
      skillPostings.renumber(last, to: slot, codes: skills.codes(at: last))
    }
    records.swapAt(slot, last)
    records.removeLast()
    func drop<T>(_ column: inout ContiguousArray<T>) {
      column.swapAt(slot, last)
      column.removeLast()
    }
    drop(&lat)
    drop(&lon)
    drop(&cosLat)
    drop(&unit)
    drop(&maxTravelKm)
    drop(&chordLimit)
    drop(&hoursMin)
    drop(&hoursMax)
    drop(&workdays)
    drop(&available)
    drop(&educationRank)
    drop(&wageValue)
    drop(&registered)
    drop(&region)
    drop(&hasPreferences)
    skills.swapRemove(at: slot)
    experience.swapRemove(at: slot)
    needs.swapRemove(at: slot)
    preferredJobTypes.swapRemove(at: slot)
    preferredSectors.swapRemove(at: slot)
    grid.swapRemove(slot)
    return true
  }
}

/// A seeker's derived values, computed once per upsert.
struct SeekerRow {
  var lat, lon, cosLat: Double
  var unit: UnitVector
  var available: Int32
  var educationRank: Int8
  var region: UInt32
  var hasPreferences: Bool
  var skills, experience, needs, preferredJobTypes, preferredSectors: [UInt32]

  /// Also replaces the seeker's codes by the vocabulary's shared copies.
  init(_ seeker: inout Seeker, vocabulary: inout Vocabulary) {
    lat = seeker.location.lat * GeoMath.degreesToRadians
    lon = seeker.location.lon * GeoMath.degreesToRadians
    cosLat = GeoMath.cos(lat)
    unit = UnitVector(lat: lat, lon: lon)
    available = seeker.availableFrom?.daysSinceEpoch ?? nowDay
    educationRank = seeker.education.map { Int8($0.rank) } ?? unknownRank
    if seeker.region != nil { region = vocabulary.regions.intern(sharing: &seeker.region!) } else { region = noCode }
    hasPreferences = !(seeker.preferences?.isEmpty ?? true)
    skills = vocabulary.skills.internSet(sharing: &seeker.skills)
    experience = vocabulary.jobTypes.internSet(sharing: &seeker.experience)
    needs = vocabulary.accommodations.internSet(sharing: &seeker.needs)
    if seeker.preferences != nil {
      preferredJobTypes = vocabulary.jobTypes.internSet(sharing: &seeker.preferences!.jobTypes)
      preferredSectors = vocabulary.sectors.internSet(sharing: &seeker.preferences!.sectors)
    } else {
      preferredJobTypes = []
      preferredSectors = []
    }
  }
}
