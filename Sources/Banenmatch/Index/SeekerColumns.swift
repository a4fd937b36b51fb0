/// What the inner loop of `seekers(for:)` reads of one seeker, in one row of a few cache
/// lines: position, reach, hours, dates and every set as inline bits.
struct SeekerRow: OverflowRow, Sendable {
  // First, in 64 bytes, what scoring a pair that the entry told feasible reads
  // (`SeekerScan.judgeFeasible`); then its travel distance, read once the score can enter.
  var skills: Bits256
  var experience: Bits64
  var preferredJobTypes: Bits64
  var preferredSectors: Bits64
  /// The row's `CodeOverflow` (skills, needs, experience, preferred job types and sectors
  /// beyond the inline bits), or 0.
  var overflow: UInt32
  var hasPreferences: Bool
  var workdays: UInt8
  /// `unknownRank`: unknown.
  var educationRank: Int8
  var registered: Bool
  var maxTravelKm: Double
  /// Unit vector of the position.
  var x, y, z: Double
  /// `GeoMath.chordLimit(km: maxTravelKm)`: the reach as a chord on the unit sphere.
  var reachChord: Double
  var hoursMin, hoursMax: Double
  /// NaN: unknown.
  var wageValue: Double
  /// `nowDay`: available now.
  var available: Int32
  var region: UInt32
  var needs: Bits64
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

/// A seeker in a grid: the facts most pairs fail on, for a first test that never touches the
/// row, in 40 bytes.
///
/// Hours, availability and wage value are here too, so that without near misses the entry
/// alone can tell most pairs feasible or not (`SeekerScan.visitWithinReach`); the row is read
/// only for the pairs that might enter the list, and where the entry cannot tell.
///
/// Position, reach and wage value are rounded to fit; every test on them allows for the
/// rounding (`chordSlack`, `reachHigh`/`reachLow`, `wageHigh256`/`wageLow256`), so that no
/// test ever rejects a pair that the exact one accepts, or accepts one that it rejects.
struct SeekerEntry: GridEntry {
  /// The unit vector, each component times 32,767 rounded to the nearest integer: within
  /// 1.6e-5 of the exact one.
  var x, y, z: Int16
  /// The reach as a chord in units of 2⁻²⁰, rounded up; `UInt16.max`: more than 65,534
  /// units (398 km), which the entry does not tell.
  var reachUnits: UInt16
  var slot: Int32
  /// Skills and needs folded to 32 bits (bit `code % 32` of each): `a ⊆ b` implies
  /// `fold(a) ⊆ fold(b)`.
  var skills: UInt32
  var needs: UInt32
  /// The row's `available` (`nowDay`: now).
  var available: Int32
  /// The wage value (percent, 0 to 100) times 256 rounded up; `UInt16.max` when unknown,
  /// which never fails.
  var wage256: UInt16
  var workdays: UInt8
  var registered: Bool
  /// `unknownRank`: unknown.
  var educationRank: Int8
  /// Hours in half hours when `hoursExact` (both whole half hours up to 127.5); else 0 and
  /// 255, which no vacancy's hours fail.
  var hoursMin2: UInt8
  var hoursMax2: UInt8
  /// Bit 0: the hours are exact; bit 1: `wage256` is the wage value times 256 exactly;
  /// bit 2: she states preferences.
  private var flags: UInt8
  /// Preferred job types, experience and preferred sectors folded to 16 bits (bit
  /// `code % 16` of each), which bound the preference and experience features from above.
  var preferredJobTypes16: UInt16
  var experience16: UInt16
  var preferredSectors16: UInt16

  /// The largest error of a chord computed from an entry's position (`chord2(to:)`) against
  /// the exact chord: √3 times the rounding of a component, with room for single precision.
  static var chordSlack: Float { 3e-5 }
  /// The unit of `reachUnits`, a power of two so that it scales exactly.
  static var reachUnit: Double { 0x1p-20 }

  init(slot: Int, row: SeekerRow, overflow: CodeOverflow?) {
    func component(_ value: Double) -> Int16 { Int16((value * 32767).rounded()) }
    x = component(row.x)
    y = component(row.y)
    z = component(row.z)
    let units = (row.reachChord / Self.reachUnit).rounded(.up)
    reachUnits = units < Double(UInt16.max) ? UInt16(units) : .max
    self.slot = Int32(slot)
    skills = fold32(row.skills.folded) | fold32(overflow?.first ?? [])
    needs = fold32(row.needs.word) | fold32(overflow?.second ?? [])
    available = row.available
    var wageExact = true
    if row.wageValue.isNaN {
      wage256 = .max
    } else {
      // Validated from 0 to 100: at most 25,600.
      let scaled = row.wageValue * 256
      wage256 = UInt16(scaled.rounded(.up))
      wageExact = Double(wage256) == scaled
    }
    workdays = row.workdays
    registered = row.registered
    educationRank = row.educationRank
    let (min2, max2) = (row.hoursMin * 2, row.hoursMax * 2)
    let hoursExact =
      min2 >= 0 && min2 <= max2 && max2 <= 255 && min2 == min2.rounded(.down) && max2 == max2.rounded(.down)
    hoursMin2 = hoursExact ? UInt8(min2) : 0
    hoursMax2 = hoursExact ? UInt8(max2) : 255
    flags = (hoursExact ? 1 : 0) | (wageExact ? 2 : 0) | (row.hasPreferences ? 4 : 0)
    preferredJobTypes16 = fold16(row.preferredJobTypes.word, overflow?.fourth ?? [])
    experience16 = fold16(row.experience.word, overflow?.third ?? [])
    preferredSectors16 = fold16(row.preferredSectors.word, overflow?.fifth ?? [])
  }

  @inline(__always)
  var hasPreferences: Bool { flags & 4 != 0 }

  @inline(__always)
  var hoursExact: Bool { flags & 1 != 0 }

  /// An upper bound of the wage value times 256 (+∞ in effect when unknown: 65,535).
  @inline(__always)
  var wageHigh256: Double { Double(wage256) }

  /// A lower bound of the wage value times 256 (65,535 when unknown, which never fails).
  @inline(__always)
  var wageLow256: Double { Double(flags & 2 != 0 ? wage256 : wage256 &- 1) }

  /// An upper bound of the reach as a chord (+∞ when the entry does not tell).
  @inline(__always)
  var reachHigh: Float { reachUnits == .max ? .infinity : Float(reachUnits) * Float(Self.reachUnit) }

  /// A lower bound of the reach as a chord.
  @inline(__always)
  var reachLow: Float { Float(max(reachUnits, 1) - 1) * Float(Self.reachUnit) }

  /// `registered` as 0 or 1.
  @inline(__always)
  var registeredBit: UInt8 { unsafeBitCast(registered, to: UInt8.self) }

  /// The education rank as an unsigned byte: unknown (−1) becomes 255, which no minimum
  /// exceeds.
  @inline(__always)
  var educationRank8: UInt8 { UInt8(bitPattern: educationRank) }

  /// The squared chord to `point` from the rounded position, in single precision: the chord
  /// is within `chordSlack` of the exact one.
  @inline(__always)
  func chord2(to point: FloatPoint) -> Float {
    let scale: Float = 1 / 32767
    let dx = Float(x) * scale - point.x
    let dy = Float(y) * scale - point.y
    let dz = Float(z) * scale - point.z
    return dx * dx + dy * dy + dz * dz
  }

  /// Whether the seeker is certainly farther from `point` than the smaller of her reach and
  /// `limit` (chords on the unit sphere).
  @inline(__always)
  func isBeyond(_ point: FloatPoint, limit: Float) -> Bool {
    let chord = min(reachHigh, limit) + Self.chordSlack
    return chord2(to: point) > chord * chord
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

/// What a seeker's row leaves out, for answers and for giving the record back: her position
/// in degrees, education level, whether she stated preferences, and where her code lists
/// start in the pool (in this order: skills, experience, needs, preferred job types, sectors).
struct SeekerDetails: ListedDetails, Sendable {
  var location: GeoPoint
  var listStart: UInt32
  var skills, experience, needs, jobTypes, sectors: UInt32
  /// `Education.code`, or `Education.unknownCode`.
  var education: UInt8
  var hasPreferences: Bool

  var listCount: Int { Int(skills) + Int(experience) + Int(needs) + Int(jobTypes) + Int(sectors) }
}

/// The seekers of the index: ids and details to give records and answers back, rows for the
/// inner loop, and two spatial indexes — every seeker by travel class, and per skill the
/// seekers holding it.
struct SeekerColumns: RecordColumns, Sendable {
  var ids = ContiguousArray<String>()
  var details = ContiguousArray<SeekerDetails>()
  /// Every seeker's code lists in their original order, repeats kept.
  var lists = CodeListPool()
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
    if let slot = slots[ByteKey(seeker.id)] {
      detach(slot)
      store(seeker, at: slot, vocabulary: &vocabulary)
      attach(slot)
    } else {
      slots[ByteKey(seeker.id)] = rows.count
      store(seeker, at: rows.count, vocabulary: &vocabulary)
      attach(rows.count - 1)
    }
  }

  /// Inserts or replaces the seeker with this id, leaving the grids to `finishLayout()`:
  /// the fast way to load many records.
  mutating func append(_ seeker: Seeker, vocabulary: inout Vocabulary) {
    layoutPending = true
    if let slot = slots[ByteKey(seeker.id)] {
      store(seeker, at: slot, vocabulary: &vocabulary)
    } else {
      slots[ByteKey(seeker.id)] = rows.count
      store(seeker, at: rows.count, vocabulary: &vocabulary)
    }
  }

  /// Writes slot `slot`'s columns, or appends them when it is `count`.
  private mutating func store(_ seeker: Seeker, at slot: Int, vocabulary: inout Vocabulary) {
    let (row, overflow, codeLists, seekerDetails) = Self.columns(seeker, vocabulary: &vocabulary)
    var newDetails = seekerDetails
    if slot < rows.count {
      overflows.remove(rows[slot].overflow)
      lists.release(details[slot].listCount)
    }
    newDetails.listStart = lists.store(codeLists)
    var newRow = row
    newRow.overflow = overflows.add(overflow)
    if slot == rows.count {
      ids.append(seeker.id)
      details.append(newDetails)
      rows.append(newRow)
      geo.append(GeoRow(seeker.location))
    } else {
      ids[slot] = seeker.id
      details[slot] = newDetails
      rows[slot] = newRow
      geo[slot] = GeoRow(seeker.location)
    }
    if lists.isWasteful { compactLists() }
  }

  /// Copies every slot's lists to a fresh pool, leaving out those no slot refers to.
  private mutating func compactLists() {
    let starts = lists.compact(details.lazy.map { ($0.listStart, $0.listCount) })
    for slot in details.indices { details[slot].listStart = starts[slot] }
  }

  /// The seeker at `slot`, as it was written.
  func record(_ slot: Int, vocabulary: Vocabulary) -> Seeker {
    let row = rows[slot]
    let d = details[slot]
    var reader = CodeListReader(lists, from: d.listStart, count: d.listCount)
    let skills = reader.next(d.skills, vocabulary.skills)
    let experience = reader.next(d.experience, vocabulary.jobTypes)
    let needs = reader.next(d.needs, vocabulary.accommodations)
    let jobTypes = reader.next(d.jobTypes, vocabulary.jobTypes)
    let sectors = reader.next(d.sectors, vocabulary.sectors)
    return Seeker(
      id: ids[slot], region: row.region == noCode ? nil : vocabulary.regions.codes[Int(row.region)],
      location: d.location, maxTravelKm: row.maxTravelKm, hours: HourRange(min: row.hoursMin, max: row.hoursMax),
      workdays: Workdays(rawValue: row.workdays),
      availableFrom: row.available == nowDay ? nil : Day(daysSinceEpoch: row.available),
      education: Education(code: d.education), skills: skills, experience: experience, needs: needs,
      preferences: d.hasPreferences ? Seeker.Preferences(jobTypes: jobTypes, sectors: sectors) : nil,
      wageValue: row.wageValue.isNaN ? nil : row.wageValue, registered: row.registered)
  }

  /// After `append`: numbers the slots in the order of their position (so that seekers near
  /// each other are near each other in memory, which is what a query reads), and builds the
  /// grids and counts anew.
  mutating func finishLayout(parallel: ParallelFor = serially) {
    guard layoutPending else { return }
    layoutPending = false
    let layout = LayeredGrid<SeekerEntry>(bounds: Self.travelClasses, cellsPerBound: 4)
    let cells = layout.bounds.indices.map(layout.emptyLayer)
    let order = SpatialOrder.slots(
      rows.indices.map { slot in
        let layer = layout.layer(forKm: rows[slot].maxTravelKm)
        return SpatialOrder.key(layer: layer, cells[layer].cell(lat: geo[slot].lat, lon: geo[slot].lon))
      })
    // The columns move on the threads `parallel` offers, each column on one; the ids keep
    // their places in `slots`, only the slot numbers change.
    ids.withUnsafeMutableBufferPointer { ids in
      details.withUnsafeMutableBufferPointer { details in
        rows.withUnsafeMutableBufferPointer { rows in
          geo.withUnsafeMutableBufferPointer { geo in
            let columns = UncheckedSendable((ids, details, rows, geo))
            parallel(4) { column in
              var (ids, details, rows, geo) = columns.value
              switch column {
              case 0: permute(&ids, order)
              case 1: permute(&details, order)
              case 2: permute(&rows, order)
              default: permute(&geo, order)
              }
            }
          }
        }
      }
    }
    slots.renumberValues(destinations(order))

    regionCounts = [0]
    for row in rows { regionCounts[regionIndex(row.region)] += 1 }
    grid = LayeredGrid(bounds: Self.travelClasses, cellsPerBound: 4)
    var gridItems = Array(
      repeating: [(entry: SeekerEntry, lat: Double, lon: Double)](), count: Self.travelClasses.count)
    var holders: [[Int32]] = []
    // Each seeker's entry once: the skill grids copy it.
    let entries = rows.indices.map { SeekerEntry(slot: $0, row: rows[$0], overflow: overflow($0)) }
    for slot in rows.indices {
      let item = (entry: entries[slot], lat: geo[slot].lat, lon: geo[slot].lon)
      gridItems[grid.layer(forKm: rows[slot].maxTravelKm)].append(item)
      forEachSkillCode(slot) { code in
        while holders.count <= Int(code) { holders.append([]) }
        holders[Int(code)].append(Int32(slot))
      }
    }
    grid.load(gridItems)
    gridItems = []
    // The skill grids are independent of each other: built on the threads `parallel` offers.
    let sharedRows = rows
    let sharedGeo = geo
    let sharedHolders = holders
    var built = [LayeredGrid<SeekerEntry>](
      repeating: LayeredGrid(bounds: Self.skillClasses, cellsPerBound: 2), count: holders.count)
    built.withUnsafeMutableBufferPointer { buffer in
      // Each part writes only its own codes' grids.
      let grids = UncheckedSendable(buffer)
      let parts = 8
      parallel(parts) { part in
        let grids = grids.value
        for code in stride(from: part, to: sharedHolders.count, by: parts) {
          var items = Array(
            repeating: [(entry: SeekerEntry, lat: Double, lon: Double)](), count: Self.skillClasses.count)
          for slot in sharedHolders[code].lazy.map(Int.init) {
            items[grids[code].layer(forKm: sharedRows[slot].maxTravelKm)].append(
              (entry: entries[slot], lat: sharedGeo[slot].lat, lon: sharedGeo[slot].lon))
          }
          grids[code].load(items)
        }
      }
    }
    skillGrids = built
  }

  mutating func layOutAnew() {
    layoutPending = true
    finishLayout()
  }

  /// Removes the seeker with this id; the last slot moves into its place. False if absent.
  mutating func remove(id: String) -> Bool {
    finishLayout()
    guard let slot = slots.removeValue(forKey: ByteKey(id)) else { return false }
    let last = rows.count - 1
    detach(slot)
    release(slot)
    if slot != last {
      renumber(last, to: slot)
      slots[ByteKey(ids[last])] = slot
    }
    ids.swapAt(slot, last)
    ids.removeLast()
    details.swapAt(slot, last)
    details.removeLast()
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

  /// The seeker's needs in their order, as codes (repeats kept).
  func needCodes(_ slot: Int) -> ArraySlice<UInt32> {
    let d = details[slot]
    return lists.codes(from: d.listStart + d.skills + d.experience, count: Int(d.needs))
  }

  /// The seeker's skill codes: inline bits and overflow.
  func skillCodes(_ slot: Int) -> [UInt32] {
    var codes: [UInt32] = []
    forEachSkillCode(slot) { codes.append($0) }
    return codes
  }

  /// Calls `body` with each of the seeker's skill codes (inline bits, then overflow), making
  /// no array.
  @inline(__always)
  func forEachSkillCode(_ slot: Int, _ body: (UInt32) -> Void) {
    let row = rows[slot]
    row.skills.forEachMember(body)
    if row.overflow != 0 { for code in overflows[row.overflow].first { body(code) } }
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

  /// A seeker's row, overflow, code lists and details, with her codes interned.
  static func columns(
    _ seeker: Seeker, vocabulary: inout Vocabulary
  ) -> (SeekerRow, CodeOverflow, [UInt32], SeekerDetails) {
    let unit = UnitVector(point: seeker.location)
    let region = seeker.region.map { vocabulary.regions.intern($0) } ?? noCode
    var lists: [UInt32] = []
    lists.reserveCapacity(
      seeker.skills.count + seeker.experience.count + seeker.needs.count
        + (seeker.preferences.map { $0.jobTypes.count + $0.sectors.count } ?? 0))
    let skills = lists.appendInterned(seeker.skills, &vocabulary.skills)
    let experience = lists.appendInterned(seeker.experience, &vocabulary.jobTypes)
    let needs = lists.appendInterned(seeker.needs, &vocabulary.accommodations)
    let jobTypes = lists.appendInterned(seeker.preferences?.jobTypes ?? [], &vocabulary.jobTypes)
    let sectors = lists.appendInterned(seeker.preferences?.sectors ?? [], &vocabulary.sectors)
    let row = SeekerRow(
      skills: Bits256(lists[skills]), experience: Bits64(lists[experience]),
      preferredJobTypes: Bits64(lists[jobTypes]), preferredSectors: Bits64(lists[sectors]), overflow: 0,
      hasPreferences: !(seeker.preferences?.isEmpty ?? true), workdays: seeker.workdays.rawValue,
      educationRank: seeker.education.map { Int8($0.rank) } ?? unknownRank, registered: seeker.registered,
      maxTravelKm: seeker.maxTravelKm, x: unit.x, y: unit.y, z: unit.z,
      reachChord: GeoMath.chordLimit(km: seeker.maxTravelKm), hoursMin: seeker.hours.min,
      hoursMax: seeker.hours.max, wageValue: seeker.wageValue ?? .nan,
      available: seeker.availableFrom?.daysSinceEpoch ?? nowDay, region: region, needs: Bits64(lists[needs]))
    let overflow = CodeOverflow(
      first: CodeOverflow.high(lists[skills], limit: Bits256.limit),
      second: CodeOverflow.high(lists[needs], limit: Bits64.limit),
      third: CodeOverflow.high(lists[experience], limit: Bits64.limit),
      fourth: CodeOverflow.high(lists[jobTypes], limit: Bits64.limit),
      fifth: CodeOverflow.high(lists[sectors], limit: Bits64.limit))
    let details = SeekerDetails(
      location: seeker.location, listStart: 0, skills: UInt32(seeker.skills.count),
      experience: UInt32(seeker.experience.count), needs: UInt32(seeker.needs.count),
      jobTypes: UInt32(seeker.preferences?.jobTypes.count ?? 0),
      sectors: UInt32(seeker.preferences?.sectors.count ?? 0),
      education: seeker.education?.code ?? Education.unknownCode, hasPreferences: seeker.preferences != nil)
    return (row, overflow, lists, details)
  }
}

/// Bit `code % 32` of each code in a 64-bit fold (bit `code % 64`).
@inline(__always)
func fold32(_ word: UInt64) -> UInt32 { UInt32(truncatingIfNeeded: word) | UInt32(truncatingIfNeeded: word >> 32) }

/// Bit `code % 32` of each code.
func fold32(_ codes: [UInt32]) -> UInt32 { codes.reduce(0) { $0 | 1 << ($1 & 31) } }

/// Bit `code % 16` of each code in `word` (codes below 64) and in `high`.
func fold16(_ word: UInt64, _ high: [UInt32]) -> UInt16 {
  var folded = UInt16(truncatingIfNeeded: word) | UInt16(truncatingIfNeeded: word >> 16)
  folded |= UInt16(truncatingIfNeeded: word >> 32) | UInt16(truncatingIfNeeded: word >> 48)
  return high.reduce(folded) { $0 | 1 << UInt16($1 & 15) }
}

/// A value handed to other threads where the code guarantees they touch disjoint parts of it.
struct UncheckedSendable<Value>: @unchecked Sendable {
  let value: Value
  init(_ value: Value) { self.value = value }
}

// MARK: - Snapshots

extension SeekerColumns {
  /// The laid-out columns and grids (`slots` is made again from the ids on reading).
  func write(to writer: inout SnapshotWriter<some SnapshotSink>) {
    precondition(!layoutPending, "lay out the seekers before a snapshot")
    writeRecords(to: &writer)
    writer.array(regionCounts)
    grid.write(to: &writer)
    writer.items(skillGrids) { grid, writer in grid.write(to: &writer) }
  }

  init(from reader: SnapshotReader<some SnapshotSource>) throws(SnapshotError) {
    self.init()
    try readRecords(from: reader)
    regionCounts = try reader.array([Int].self)
    grid = try LayeredGrid(from: reader)
    skillGrids = try reader.items(bytes: 64) { reader throws(SnapshotError) in try LayeredGrid(from: reader) }
  }
}

extension RecordColumns where Row: SnapshotPlain, Details: SnapshotPlain {
  /// What both kinds of record hold: ids, details, code lists, rows, positions and overflow.
  func writeRecords(to writer: inout SnapshotWriter<some SnapshotSink>) {
    writer.strings(ids)
    writer.plain(details)
    lists.write(to: &writer)
    writer.plain(rows)
    writer.plain(geo)
    overflows.write(to: &writer)
  }

  /// Reads what `writeRecords` wrote, checks that the columns are as long as the ids and that
  /// every record's code lists are in the pool, and numbers the slots by id again.
  mutating func readRecords(from reader: SnapshotReader<some SnapshotSource>) throws(SnapshotError) {
    ids = try reader.strings()
    details = try reader.array(ContiguousArray<Details>.self)
    lists = try CodeListPool(from: reader)
    rows = try reader.array(ContiguousArray<Row>.self)
    geo = try reader.array(ContiguousArray<GeoRow>.self)
    overflows = try OverflowTable(from: reader)
    guard details.count == ids.count, rows.count == ids.count, geo.count == ids.count,
      details.allSatisfy({ Int($0.listStart) + $0.listCount <= lists.pool.count })
    else { throw SnapshotError("columns of different lengths") }
    slots = [:]
    slots.reserveCapacity(ids.count)
    for (slot, id) in ids.enumerated() where slots.updateValue(slot, forKey: ByteKey(id)) != nil {
      throw SnapshotError("an id written twice")
    }
  }
}

extension SeekerRow: SnapshotPlain {
  static let fieldBytes = FieldBytes(
    Self.self,
    [
      field(\Self.skills), field(\Self.experience), field(\Self.preferredJobTypes), field(\Self.preferredSectors),
      field(\Self.overflow),
      field(\Self.hasPreferences), field(\Self.workdays), field(\Self.educationRank), field(\Self.registered),
      field(\Self.maxTravelKm),
      field(\Self.x), field(\Self.y), field(\Self.z), field(\Self.reachChord), field(\Self.hoursMin),
      field(\Self.hoursMax),
      field(\Self.wageValue), field(\Self.available), field(\Self.region), field(\Self.needs),
    ])
}

extension GeoRow: SnapshotPlain {
  static let fieldBytes = FieldBytes(Self.self, [field(\Self.lat), field(\Self.lon), field(\Self.cosLat)])
}

extension SeekerEntry: SnapshotPlain {
  static let fieldBytes = FieldBytes(
    Self.self,
    [
      field(\Self.x), field(\Self.y), field(\Self.z), field(\Self.reachUnits), field(\Self.slot), field(\Self.skills),
      field(\Self.needs),
      field(\Self.available), field(\Self.wage256), field(\Self.workdays), field(\Self.registered),
      field(\Self.educationRank),
      field(\Self.hoursMin2), field(\Self.hoursMax2), field(\Self.flags), field(\Self.preferredJobTypes16),
      field(\Self.experience16),
      field(\Self.preferredSectors16),
    ])
}

extension SeekerDetails: SnapshotPlain {
  static let fieldBytes = FieldBytes(
    Self.self,
    [
      fields(\Self.location), field(\Self.listStart), field(\Self.skills), field(\Self.experience), field(\Self.needs),
      field(\Self.jobTypes), field(\Self.sectors), field(\Self.education), field(\Self.hasPreferences),
    ])
}
