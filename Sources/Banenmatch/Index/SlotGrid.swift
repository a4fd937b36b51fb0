/// Slots bucketed by position in cells (by default 0.1° latitude × 0.15° longitude, about
/// 11 × 10 km in the Netherlands), so that a query visits only the cells that can hold a
/// record within its travel distance. Records searched with different distances live in
/// different layers, each with cells sized to its distance.
///
/// Exact by construction: the cells visited are a superset of every point within the
/// distance, because the great-circle distance is at least R·|Δφ| and at least
/// 2R·asin(√(cos φ₁ cos φ₂)·|sin(Δλ/2)|). When that bound cannot be used (near a pole, across
/// the antimeridian, or when it would visit too many cells) `forEach` says so and the caller
/// scans everything.
struct SlotGrid: Sendable {
  /// The rows and columns of cells a query visits.
  typealias Window = (rows: ClosedRange<Int>, columns: ClosedRange<Int>)

  /// Cell height and width per layer, in radians.
  let cellLat: [Double]
  let cellLon: [Double]
  /// Beyond this many cells a query scans every slot instead.
  static let maxCellsVisited = 4096

  /// One layer of 0.1° × 0.15° cells.
  init() { self.init(cellDegrees: [0.1]) }

  /// A layer per entry, with cells `degrees` high and 1.5 × `degrees` wide (at least 0.01°).
  init(cellDegrees: [Double]) {
    cellLat = cellDegrees.map { max(0.01, $0) * GeoMath.degreesToRadians }
    cellLon = cellLat.map { $0 * 1.5 }
  }

  /// Each cell's entries: the slot with its position and reach, so that a query can reject
  /// most far-away records without touching the columns.
  private(set) var cells: [Int: [GeoEntry]] = [:]
  /// The cell key of each slot.
  private var keys = ContiguousArray<Int>()

  var count: Int { keys.count }

  func row(_ lat: Double, layer: Int) -> Int { Int((lat / cellLat[layer]).rounded(.down)) }
  func column(_ lon: Double, layer: Int) -> Int { Int((lon / cellLon[layer]).rounded(.down)) }
  /// With cells of at least 0.01°, rows and columns lie within ±27,000.
  static func key(layer: Int, row: Int, column: Int) -> Int { layer << 32 | (row + 30_000) << 16 | (column + 30_000) }
  func key(lat: Double, lon: Double, layer: Int) -> Int {
    Self.key(layer: layer, row: row(lat, layer: layer), column: column(lon, layer: layer))
  }

  /// Adds the next slot (`count`, which `entry` names) at this position (radians).
  mutating func append(lat: Double, lon: Double, layer: Int = 0, entry: GeoEntry) {
    precondition(Int(entry.slot) == keys.count, "grid slots are appended in order")
    let key = key(lat: lat, lon: lon, layer: layer)
    cells[key, default: []].append(entry)
    keys.append(key)
  }

  /// Puts `slot` (which `entry` names) at a new position, or updates its entry in place.
  mutating func move(_ slot: Int, lat: Double, lon: Double, layer: Int = 0, entry: GeoEntry) {
    let key = key(lat: lat, lon: lon, layer: layer)
    if key == keys[slot], let index = cells[key]?.firstIndex(where: { $0.slot == Int32(slot) }) {
      cells[key]![index] = entry
      return
    }
    detach(slot)
    cells[key, default: []].append(entry)
    keys[slot] = key
  }

  /// Removes `slot`; the last slot takes its number, as in the columns' swap-remove.
  mutating func swapRemove(_ slot: Int) {
    detach(slot)
    let last = keys.count - 1
    if slot != last {
      let lastKey = keys[last]
      if let index = cells[lastKey]?.firstIndex(where: { $0.slot == Int32(last) }) {
        cells[lastKey]![index].slot = Int32(slot)
      }
      keys[slot] = lastKey
    }
    keys.removeLast()
  }

  private mutating func detach(_ slot: Int) {
    let key = keys[slot]
    guard let index = cells[key]?.firstIndex(where: { $0.slot == Int32(slot) }) else { return }
    cells[key]!.remove(at: index)
    if cells[key]!.isEmpty { cells[key] = nil }
  }

  /// The cell rows and columns that can hold a point within `km` of (lat, lon), or nil when
  /// every slot must be scanned.
  func window(lat: Double, lon: Double, km: Double, layer: Int = 0) -> Window? {
    guard km.isFinite else { return nil }
    // Slack for rounding in the haversine: never exclude a point the exact test accepts.
    let angle = km / GeoMath.earthRadiusKm * (1 + 1e-9) + 1e-12
    let south = lat - angle
    let north = lat + angle
    guard south > -Double.pi / 2 + 0.01, north < Double.pi / 2 - 0.01 else { return nil }
    // The smallest cosine in the band bounds the longitude reach from below.
    let minCos = min(GeoMath.cos(south), GeoMath.cos(north), GeoMath.cos(lat))
    let reach = GeoMath.sin(min(angle / 2, Double.pi / 2)) / minCos
    guard reach < 0.99 else { return nil }
    let dLon = 2 * GeoMath.asin(reach) * (1 + 1e-9) + 1e-12
    guard lon - dLon > -Double.pi, lon + dLon < Double.pi else { return nil }
    let rows = row(south, layer: layer)...row(north, layer: layer)
    let columns = column(lon - dLon, layer: layer)...column(lon + dLon, layer: layer)
    guard rows.count * columns.count <= Self.maxCellsVisited else { return nil }
    return (rows, columns)
  }

  /// Calls `body` with every entry of `layer` in the window's cells.
  @inline(__always)
  func forEach(in window: Window, layer: Int = 0, _ body: (GeoEntry) -> Void) {
    for row in window.rows {
      for column in window.columns {
        guard let entries = cells[Self.key(layer: layer, row: row, column: column)] else { continue }
        for entry in entries { body(entry) }
      }
    }
  }

  /// The layer of `slot`.
  func layer(of slot: Int) -> Int { keys[slot] >> 32 }

  /// Whether `slot`'s cell lies inside the window.
  func isInside(_ slot: Int, _ window: Window) -> Bool {
    let key = keys[slot]
    return window.rows.contains((key >> 16 & 0xFFFF) - 30_000) && window.columns.contains((key & 0xFFFF) - 30_000)
  }
}
