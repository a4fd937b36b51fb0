/// What the inner loop of `seekers(for:)` reads of one seeker, in one row of a few cache
/// lines: position, reach, hours, dates and every set as inline bits.
struct SeekerRow: Sendable {
  /// Unit vector of the position.
  var x, y, z: Double
  var maxTravelKm: Double
  /// `GeoMath.chordLimit(km: maxTravelKm)`: the reach as a chord on the unit sphere.
  var reachChord: Double
  var hoursMin, hoursMax: Double
  /// NaN: unknown.
  var wageValue: Double
  /// `nowDay`: available now.
  var available: Int32
  var region: UInt32
  /// The row's `CodeOverflow` (skills, needs, experience, preferred job types and sectors
  /// beyond the inline bits), or 0.
  var overflow: UInt32
  var workdays: UInt8
  /// `unknownRank`: unknown.
  var educationRank: Int8
  var registered: Bool
  var hasPreferences: Bool
  var skills: Bits256
  var needs: Bits64
  var experience: Bits64
  var preferredJobTypes: Bits64
  var preferredSectors: Bits64
}

/// A seeker's position (radians) for the haversine, read only for the pairs that are kept.
struct GeoRow: Sendable {
  var lat, lon, cosLat: Double

  init(_ point: GeoPoint) {
    lat = point.lat * GeoMath.degreesToRadians
    lon = point.lon * GeoMath.degreesToRadians
    cosLat = GeoMath.cos(lat)
  }

  @inline(__always)
  func distanceKm(to other: GeoRow) -> Double {
    GeoMath.distanceKm(lat1: lat, lon1: lon, cosLat1: cosLat, lat2: other.lat, lon2: other.lon, cosLat2: other.cosLat)
  }
}

/// A seeker in a grid: position and reach in single precision, and the facts most pairs
/// fail on, for a first test that never touches the row. 32 bytes.
struct SeekerEntry: GridEntry {
  var x, y, z: Float
  /// The reach as a chord, rounded up.
  var reach: Float
  var slot: Int32
  /// Skills and needs folded to 32 bits (bit `code % 32` of each): `a ⊆ b` implies
  /// `fold(a) ⊆ fold(b)`.
  var skills: UInt32
  var needs: UInt32
  var workdays: UInt8
  var registered: Bool
  /// `unknownRank`: unknown.
  var educationRank: Int8

  init(slot: Int, row: SeekerRow, overflow: CodeOverflow?) {
    x = Float(row.x)
    y = Float(row.y)
    z = Float(row.z)
    reach = Float(row.reachChord).nextUp
    self.slot = Int32(slot)
    skills = fold32(row.skills.folded) | fold32(overflow?.first ?? [])
    needs = fold32(row.needs.word) | fold32(overflow?.second ?? [])
    workdays = row.workdays
    registered = row.registered
    educationRank = row.educationRank
  }

  /// Whether the seeker is certainly farther from `point` than the smaller of her reach and
  /// `limit` (chords on the unit sphere). Float components are within 6e-8 of the exact ones,
  /// so a slack of 1e-6 (6 m) never rejects a pair the exact test accepts.
  @inline(__always)
  func isBeyond(_ point: FloatPoint, limit: Float) -> Bool {
    let dx = x - point.x
    let dy = y - point.y
    let dz = z - point.z
    let chord = min(reach, limit) + 1e-6
    return dx * dx + dy * dy + dz * dz > chord * chord
  }
}

/// A unit vector in single precision.
struct FloatPoint {
  var x, y, z: Float
  init(x: Double, y: Double, z: Double) {
    self.x = Float(x)
    self.y = Float(y)
    self.z = Float(z)
  }
}

/// The seekers of the index: records for answers, rows for the inner loop, and two spatial
/// indexes — every seeker by travel class, and per skill the seekers holding it.
struct SeekerColumns: Sendable {
  var records: [Seeker] = []
  var slots: [ByteKey: Int] = [:]
  var rows = ContiguousArray<SeekerRow>()
  var geo = ContiguousArray<GeoRow>()
  var overflows = OverflowTable()
  /// Seekers per region code (the last element counts those without a region).
  var regionCounts: [Int] = [0]
  /// Every seeker, in one layer per travel class with cells a quarter of its distance: a
  /// vacancy query searches each layer within that layer's largest distance.
  var grid = LayeredGrid<SeekerEntry>(bounds: SeekerColumns.travelClasses, cellsPerBound: 4)
  /// Per skill code, the seekers holding it, in coarser layers: a vacancy that requires
  /// skills visits the list of its rarest one.
  var skillGrids: [LayeredGrid<SeekerEntry>] = []

  /// Upper bounds of the travel classes, km.
  static let travelClasses: [Double] = [5, 10, 15, 20, 25, 30, 40, 50, 75, 100, 150, 250]
  /// Upper bounds of the layers of a skill's grid, km: the travel classes.
  static let skillClasses = travelClasses

  /// Records written by `append(_:vocabulary:)` are not in the grids yet: `finishLayout()`
  /// puts them there.
  private(set) var layoutPending = false

  var count: Int { rows.count }

  /// Inserts or replaces the seeker with this id, grids included.
  mutating func upsert(_ seeker: Seeker, vocabulary: inout Vocabulary) {
    finishLayout()
    var seeker = seeker
    let (row, overflow) = Self.row(&seeker, vocabulary: &vocabulary)
    let geoRow = GeoRow(seeker.location)
    if let slot = slots[ByteKey(seeker.id)] {
      detach(slot)
      overflows.remove(rows[slot].overflow)
      records[slot] = seeker
      rows[slot] = row
      rows[slot].overflow = overflows.add(overflow)
      geo[slot] = geoRow
      attach(slot)
    } else {
      let slot = rows.count
      slots[ByteKey(seeker.id)] = slot
      records.append(seeker)
      rows.append(row)
      rows[slot].overflow = overflows.add(overflow)
      geo.append(geoRow)
      attach(slot)
    }
  }

  /// Inserts or replaces the seeker with this id, leaving the grids to `finishLayout()`:
  /// the fast way to load many records.
  mutating func append(_ seeker: Seeker, vocabulary: inout Vocabulary) {
    layoutPending = true
    var seeker = seeker
    let (row, overflow) = Self.row(&seeker, vocabulary: &vocabulary)
    if let slot = slots[ByteKey(seeker.id)] {
      overflows.remove(rows[slot].overflow)
      records[slot] = seeker
      rows[slot] = row
      rows[slot].overflow = overflows.add(overflow)
      geo[slot] = GeoRow(seeker.location)
    } else {
      slots[ByteKey(seeker.id)] = rows.count
      records.append(seeker)
      rows.append(row)
      rows[rows.count - 1].overflow = overflows.add(overflow)
      geo.append(GeoRow(seeker.location))
    }
  }

  /// After `append`: numbers the slots in the order of their position (so that seekers near
  /// each other are near each other in memory, which is what a query reads), and builds the
  /// grids and counts anew.
  mutating func finishLayout() {
    guard layoutPending else { return }
    layoutPending = false
    let layout = LayeredGrid<SeekerEntry>(bounds: Self.travelClasses, cellsPerBound: 4)
    let order = SpatialOrder.slots(
      rows.indices.map { slot in
        let layer = layout.layer(forKm: rows[slot].maxTravelKm)
        return SpatialOrder.key(layer: layer, layout.layers[layer].cell(lat: geo[slot].lat, lon: geo[slot].lon))
      })
    permute(&records, order)
    permute(&rows, order)
    permute(&geo, order)
    for slot in records.indices { slots[ByteKey(records[slot].id)] = slot }

    regionCounts = [0]
    for row in rows { regionCounts[regionIndex(row.region)] += 1 }
    grid = LayeredGrid(bounds: Self.travelClasses, cellsPerBound: 4)
    var gridItems = Array(
      repeating: [(entry: SeekerEntry, lat: Double, lon: Double)](), count: Self.travelClasses.count)
    var holders: [[Int32]] = []
    for slot in rows.indices {
      let item = (
        entry: SeekerEntry(slot: slot, row: rows[slot], overflow: overflow(slot)), lat: geo[slot].lat,
        lon: geo[slot].lon
      )
      gridItems[grid.layer(forKm: rows[slot].maxTravelKm)].append(item)
      for code in skillCodes(slot) {
        while holders.count <= Int(code) { holders.append([]) }
        holders[Int(code)].append(Int32(slot))
      }
    }
    grid.load(gridItems)
    gridItems = []
    skillGrids = holders.map { slots in
      var skillGrid = LayeredGrid<SeekerEntry>(bounds: Self.skillClasses, cellsPerBound: 2)
      var items = Array(repeating: [(entry: SeekerEntry, lat: Double, lon: Double)](), count: Self.skillClasses.count)
      for slot in slots.lazy.map(Int.init) {
        items[skillGrid.layer(forKm: rows[slot].maxTravelKm)].append(
          (
            entry: SeekerEntry(slot: slot, row: rows[slot], overflow: overflow(slot)), lat: geo[slot].lat,
            lon: geo[slot].lon
          ))
      }
      skillGrid.load(items)
      return skillGrid
    }
  }

  /// Removes the seeker with this id; the last slot moves into its place. False if absent.
  mutating func remove(id: String) -> Bool {
    finishLayout()
    guard let slot = slots.removeValue(forKey: ByteKey(id)) else { return false }
    let last = rows.count - 1
    detach(slot)
    overflows.remove(rows[slot].overflow)
    if slot != last {
      renumber(last, to: slot)
      slots[ByteKey(records[last].id)] = slot
    }
    records.swapAt(slot, last)
    records.removeLast()
    rows.swapAt(slot, last)
    rows.removeLast()
    geo.swapAt(slot, last)
    geo.removeLast()
    return true
  }

  /// The slot's overflow record, if it has one.
  func overflow(_ slot: Int) -> CodeOverflow? {
    rows[slot].overflow == 0 ? nil : overflows[rows[slot].overflow]
  }

  /// The seeker's skill codes: inline bits and overflow.
  func skillCodes(_ slot: Int) -> [UInt32] {
    let row = rows[slot]
    return row.skills.members + (row.overflow == 0 ? [] : overflows[row.overflow].first)
  }

  /// Adds `slot` to the grids and counts.
  private mutating func attach(_ slot: Int) {
    let row = rows[slot]
    let g = geo[slot]
    let entry = SeekerEntry(slot: slot, row: row, overflow: overflow(slot))
    grid.insert(entry, lat: g.lat, lon: g.lon, km: row.maxTravelKm)
    for code in skillCodes(slot) {
      while skillGrids.count <= Int(code) {
        skillGrids.append(LayeredGrid(bounds: Self.skillClasses, cellsPerBound: 2))
      }
      skillGrids[Int(code)].insert(entry, lat: g.lat, lon: g.lon, km: row.maxTravelKm)
    }
    regionCounts[regionIndex(row.region)] += 1
  }

  /// Takes `slot` out of the grids and counts.
  private mutating func detach(_ slot: Int) {
    let row = rows[slot]
    let g = geo[slot]
    grid.remove(slot: Int32(slot), lat: g.lat, lon: g.lon, km: row.maxTravelKm)
    for code in skillCodes(slot) {
      skillGrids[Int(code)].remove(slot: Int32(slot), lat: g.lat, lon: g.lon, km: row.maxTravelKm)
    }
    regionCounts[regionIndex(row.region)] -= 1
  }

  /// The grids' entries of slot `old` name `new` from now on.
  private mutating func renumber(_ old: Int, to new: Int) {
    let row = rows[old]
    let g = geo[old]
    grid.update(slot: Int32(old), lat: g.lat, lon: g.lon, km: row.maxTravelKm) { $0.slot = Int32(new) }
    for code in skillCodes(old) {
      skillGrids[Int(code)].update(slot: Int32(old), lat: g.lat, lon: g.lon, km: row.maxTravelKm) {
        $0.slot = Int32(new)
      }
    }
  }

  /// The index in `regionCounts` of a region code, growing the counts as needed.
  private mutating func regionIndex(_ region: UInt32) -> Int {
    if region == noCode { return 0 }
    let index = Int(region) + 1
    if index >= regionCounts.count { regionCounts += Array(repeating: 0, count: index + 1 - regionCounts.count) }
    return index
  }

  /// Seekers whose region has this code.
  func count(inRegion region: UInt32) -> Int {
    let index = Int(region) + 1
    return region != noCode && index < regionCounts.count ? regionCounts[index] : 0
  }

  /// A seeker's row and overflow, with its codes interned; also replaces the seeker's codes
  /// by the vocabulary's shared copies.
  static func row(_ seeker: inout Seeker, vocabulary: inout Vocabulary) -> (SeekerRow, CodeOverflow) {
    let unit = UnitVector(point: seeker.location)
    let region: UInt32
    if seeker.region != nil { region = vocabulary.regions.intern(sharing: &seeker.region!) } else { region = noCode }
    let skills = vocabulary.skills.internSet(sharing: &seeker.skills)
    let experience = vocabulary.jobTypes.internSet(sharing: &seeker.experience)
    let needs = vocabulary.accommodations.internSet(sharing: &seeker.needs)
    var jobTypes: [UInt32] = []
    var sectors: [UInt32] = []
    if seeker.preferences != nil {
      jobTypes = vocabulary.jobTypes.internSet(sharing: &seeker.preferences!.jobTypes)
      sectors = vocabulary.sectors.internSet(sharing: &seeker.preferences!.sectors)
    }
    let row = SeekerRow(
      x: unit.x, y: unit.y, z: unit.z, maxTravelKm: seeker.maxTravelKm,
      reachChord: GeoMath.chordLimit(km: seeker.maxTravelKm),
      hoursMin: seeker.hours.min, hoursMax: seeker.hours.max, wageValue: seeker.wageValue ?? .nan,
      available: seeker.availableFrom?.daysSinceEpoch ?? nowDay, region: region, overflow: 0,
      workdays: seeker.workdays.rawValue, educationRank: seeker.education.map { Int8($0.rank) } ?? unknownRank,
      registered: seeker.registered, hasPreferences: !(seeker.preferences?.isEmpty ?? true),
      skills: Bits256(skills), needs: Bits64(needs), experience: Bits64(experience),
      preferredJobTypes: Bits64(jobTypes), preferredSectors: Bits64(sectors))
    let overflow = CodeOverflow(
      first: CodeOverflow.high(skills, limit: Bits256.limit), second: CodeOverflow.high(needs, limit: Bits64.limit),
      third: CodeOverflow.high(experience, limit: Bits64.limit),
      fourth: CodeOverflow.high(jobTypes, limit: Bits64.limit),
      fifth: CodeOverflow.high(sectors, limit: Bits64.limit))
    return (row, overflow)
  }
}

extension Bits256 {
  /// The codes in this set, ascending.
  var members: [UInt32] {
    var codes: [UInt32] = []
    forEachMember { codes.append($0) }
    return codes
  }
}

/// Bit `code % 32` of each code in a 64-bit fold (bit `code % 64`).
@inline(__always)
func fold32(_ word: UInt64) -> UInt32 { UInt32(truncatingIfNeeded: word) | UInt32(truncatingIfNeeded: word >> 32) }

/// Bit `code % 32` of each code.
func fold32(_ codes: [UInt32]) -> UInt32 { codes.reduce(0) { $0 | 1 << ($1 & 31) } }
