/// What a grid holds per record: at least the record's slot.
protocol GridEntry: Sendable, SnapshotPlain {
  var slot: Int32 { get set }
}

/// A query's disc — every point within `km` of a centre (radians) — with the trigonometry its
/// windows need, done once however many grids the query visits. Nil `bounds`: the disc cannot
/// be bounded (near a pole, across the antimeridian, infinite), so every entry is visited.
struct GridDisc: Sendable {
  var lat, lon: Double
  /// South, north, west and east limits in radians, with slack for rounding.
  var bounds: (south: Double, north: Double, west: Double, east: Double)?
  /// sin²(θ/2) of the angular radius θ, and cos of the centre's latitude.
  var havRadius: Double
  var cosLat: Double

  init(lat: Double, lon: Double, km: Double) {
    self.lat = lat
    self.lon = lon
    havRadius = 0
    cosLat = 0
    bounds = nil
    guard km.isFinite else { return }
    // Slack for rounding in the haversine: never exclude a point the exact test accepts.
    let angle = km / GeoMath.earthRadiusKm * (1 + 1e-9) + 1e-12
    let south = lat - angle
    let north = lat + angle
    guard south > -Double.pi / 2 + 0.01, north < Double.pi / 2 - 0.01 else { return }
    // The smallest cosine in the band bounds the longitude reach from below.
    let minCos = min(GeoMath.cos(south), GeoMath.cos(north), GeoMath.cos(lat))
    let halfSin = GeoMath.sin(min(angle / 2, Double.pi / 2))
    let reach = halfSin / minCos
    guard reach < 0.99 else { return }
    let dLon = 2 * GeoMath.asin(reach) * (1 + 1e-9) + 1e-12
    guard lon - dLon > -Double.pi, lon + dLon < Double.pi else { return }
    bounds = (south, north, lon - dLon, lon + dLon)
    havRadius = halfSin * halfSin
    cosLat = GeoMath.cos(lat)
  }
}

/// The cells, in absolute row and column numbers, that a query visits: a rectangle around a
/// disc, whose rows each narrow to the columns the disc can reach at their latitudes.
struct GridWindow: Sendable {
  var rows: ClosedRange<Int>
  var columns: ClosedRange<Int>
  /// The disc: centre (radians), sin²(θ/2) of its angular radius θ, and cos of the centre's
  /// latitude.
  var lat, lon: Double
  var havRadius: Double
  var cosLat: Double
}

/// Entries bucketed by position in cells of `cellLat` × `cellLon` radians, stored by cell in
/// one array (row-major cells, each a run of entries) with the start of every cell beside it,
/// over the rectangle of cells where records are: a query's window is one contiguous run of
/// entries per row of cells. The rectangle grows to take in new records; a record that would
/// make it too large for the number of records (one far away from all others) waits in a
/// short list of outsiders that every query also visits.
///
/// Exact by construction: `window` is a superset of every point within the distance, because
/// the great-circle distance is at least R·|Δφ| and at least 2R·asin(√(cos φ₁ cos φ₂)·|sin(Δλ/2)|).
/// When that bound cannot be used (near a pole, across the antimeridian, or when it would
/// visit too many cells) `window` returns nil and the caller visits every entry.
struct CellGrid<Entry: GridEntry>: Sendable {
  /// The finest cell height and width in radians.
  let baseLat: Double
  let baseLon: Double
  /// Cells are 2^shift × 2^shift finest cells: a sparse grid takes coarser cells so that its
  /// rectangle stays small for its number of entries.
  private(set) var shift = 0

  private(set) var rowOrigin = 0
  private(set) var columnOrigin = 0
  private(set) var rows = 0
  private(set) var columns = 0
  /// The entries of cell i (row-major) are `entries[starts[i]..<starts[i + 1]]`.
  private(set) var starts = noCellStarts
  private(set) var entries: ContiguousArray<Entry> = []
  /// Entries whose cell lies outside the rectangle, and (at the same positions) that cell.
  private(set) var outside: ContiguousArray<Entry> = []
  private var outsideCells: ContiguousArray<Cell> = []
  private var outsideAtLastRegrid = 0

  struct Cell: Sendable {
    var row: Int
    var column: Int

    /// The cell that holds this one when cells are 2^by times larger.
    @inline(__always)
    func coarsened(by levels: Int) -> Cell { Cell(row: row >> levels, column: column >> levels) }
  }

  /// Beyond this many cells a query visits every entry instead.
  static var maxCellsVisited: Int { 1 << 14 }
  /// Cells at most 64 times the finest size.
  static var maxShift: Int { 6 }
  /// Rows whose runs' bounds `forEachRun` reads before it visits them.
  static var runBatch: Int { 32 }

  /// Cells of at least `degrees` high and 1.5 × `degrees` wide (at least 0.01°): about
  /// square in the Netherlands.
  init(cellDegrees: Double) {
    baseLat = max(0.01, cellDegrees) * GeoMath.degreesToRadians
    baseLon = baseLat * 1.5
  }

  var count: Int { entries.count + outside.count }
  var cellLat: Double { baseLat * Double(1 << shift) }
  var cellLon: Double { baseLon * Double(1 << shift) }

  /// The rectangle may hold this many cells for `count` records.
  private static func maxCells(for count: Int) -> Int { min(1 << 22, max(1 << 12, 16 * count)) }

  @inline(__always)
  func cell(lat: Double, lon: Double) -> Cell {
    Cell(row: Int((lat / baseLat).rounded(.down)), column: Int((lon / baseLon).rounded(.down))).coarsened(by: shift)
  }

  @inline(__always)
  private func index(_ cell: Cell) -> Int? {
    let r = cell.row - rowOrigin
    let c = cell.column - columnOrigin
    guard r >= 0, r < rows, c >= 0, c < columns else { return nil }
    return r * columns + c
  }

  // MARK: Writes

  /// Fills an empty grid with these entries at once, each at its position (radians), with
  /// the finest cells whose rectangle over all of them is not too large.
  mutating func load(_ items: [(entry: Entry, lat: Double, lon: Double)]) {
    precondition(count == 0, "load an empty grid")
    guard !items.isEmpty else { return }
    let placed = items.map { (cell(lat: $0.lat, lon: $0.lon), $0.entry) }
    for levels in 0...Self.maxShift {
      var bounds = CellBounds()
      for (cell, _) in placed { bounds.add(cell.coarsened(by: levels)) }
      if bounds.cells <= Self.maxCells(for: items.count) {
        shift = levels
        rebuild(
          levels == 0 ? placed : placed.map { ($0.0.coarsened(by: levels), $0.1) }, top: bounds.top,
          bottom: bounds.bottom, left: bounds.left, right: bounds.right)
        return
      }
    }
    // Spread too far even for the coarsest cells: grow from the first, the rest find room
    // or wait outside.
    shift = Self.maxShift
    for (cell, entry) in placed { insert(entry, at: cell.coarsened(by: Self.maxShift)) }
  }

  /// Adds an entry at this position (radians).
  mutating func insert(_ entry: Entry, lat: Double, lon: Double) {
    insert(entry, at: cell(lat: lat, lon: lon))
  }

  private mutating func insert(_ entry: Entry, at cell: Cell) {
    if let i = index(cell) ?? grow(toTake: cell) {
      entries.insert(entry, at: Int(starts[i + 1]))
      shiftStarts(after: i, by: 1)
    } else {
      outside.append(entry)
      outsideCells.append(cell)
      if outside.count > max(64, 2 * outsideAtLastRegrid) { regrid() }
    }
  }

  /// Removes the entry of `slot`, which was inserted at this position.
  mutating func remove(slot: Int32, lat: Double, lon: Double) {
    let cell = cell(lat: lat, lon: lon)
    if let i = index(cell) {
      guard let k = (Int(starts[i])..<Int(starts[i + 1])).first(where: { entries[$0].slot == slot }) else { return }
      entries.remove(at: k)
      shiftStarts(after: i, by: -1)
    } else {
      guard let k = outside.firstIndex(where: { $0.slot == slot }) else { return }
      outside.swapAt(k, outside.count - 1)
      outside.removeLast()
      outsideCells.swapAt(k, outsideCells.count - 1)
      outsideCells.removeLast()
    }
    if count == 0 { release() }
  }

  /// Gives back the memory of a grid whose last entry left, to be as a new one: a grid per
  /// code (a skill nobody holds any more) kept its rectangle of cells, about 2.5 KB a skill,
  /// so a host writing and removing records with ever new codes grew the index without bound.
  private mutating func release() {
    (shift, rowOrigin, columnOrigin, rows, columns, outsideAtLastRegrid) = (0, 0, 0, 0, 0, 0)
    starts = noCellStarts
    entries = []
    outside = []
    outsideCells = []
  }

  /// Changes the entry of `slot`, which was inserted at this position, in place.
  mutating func update(slot: Int32, lat: Double, lon: Double, _ change: (inout Entry) -> Void) {
    let cell = cell(lat: lat, lon: lon)
    if let i = index(cell) {
      guard let k = (Int(starts[i])..<Int(starts[i + 1])).first(where: { entries[$0].slot == slot }) else { return }
      change(&entries[k])
    } else {
      guard let k = outside.firstIndex(where: { $0.slot == slot }) else { return }
      change(&outside[k])
    }
  }

  private mutating func shiftStarts(after cell: Int, by delta: Int32) {
    starts.withUnsafeMutableBufferPointer { starts in
      for i in (cell + 1)..<starts.count { starts[i] += delta }
    }
  }

  /// Makes room for `cell` if the rectangle may grow that far: returns its index.
  private mutating func grow(toTake cell: Cell) -> Int? {
    var top = cell.row - 8
    var bottom = cell.row + 8
    var left = cell.column - 8
    var right = cell.column + 8
    if rows > 0 {
      // Grow by a quarter of the current extent on the side that needs it, so that a series
      // of growths stays cheap.
      top = min(cell.row, rowOrigin)
      bottom = max(cell.row, rowOrigin + rows - 1)
      left = min(cell.column, columnOrigin)
      right = max(cell.column, columnOrigin + columns - 1)
      if cell.row < rowOrigin { top -= rows / 4 }
      if cell.row >= rowOrigin + rows { bottom += rows / 4 }
      if cell.column < columnOrigin { left -= columns / 4 }
      if cell.column >= columnOrigin + columns { right += columns / 4 }
    }
    guard (bottom - top + 1) * (right - left + 1) <= Self.maxCells(for: count + 1) else { return nil }
    rebuild(allEntries(), top: top, bottom: bottom, left: left, right: right)
    return index(cell)
  }

  /// Tries to take every outsider into the rectangle, with coarser cells if need be; failing
  /// that, when the outsiders are most of the entries (the first records were far from the
  /// rest), moves the rectangle to them.
  private mutating func regrid() {
    outsideAtLastRegrid = outside.count
    let all = allEntries()
    let cap = Self.maxCells(for: count)
    for levels in 0...(Self.maxShift - shift) {
      var bounds = CellBounds()
      for (cell, _) in all { bounds.add(cell.coarsened(by: levels)) }
      if bounds.cells <= cap {
        shift += levels
        rebuild(
          all.map { ($0.0.coarsened(by: levels), $0.1) }, top: bounds.top, bottom: bounds.bottom, left: bounds.left,
          right: bounds.right)
        return
      }
    }
    var outsiders = CellBounds()
    for cell in outsideCells { outsiders.add(cell) }
    if 2 * outside.count > count && outsiders.cells <= cap {
      rebuild(all, top: outsiders.top, bottom: outsiders.bottom, left: outsiders.left, right: outsiders.right)
    }
  }

  /// Every entry with its cell: the rectangle's, then the outsiders.
  private func allEntries() -> [(Cell, Entry)] {
    var all: [(Cell, Entry)] = []
    all.reserveCapacity(count)
    for r in 0..<rows {
      for c in 0..<columns {
        let i = r * columns + c
        for k in Int(starts[i])..<Int(starts[i + 1]) {
          all.append((Cell(row: rowOrigin + r, column: columnOrigin + c), entries[k]))
        }
      }
    }
    for (entry, cell) in zip(outside, outsideCells) { all.append((cell, entry)) }
    return all
  }

  /// Lays out `items` in a rectangle over rows top...bottom and columns left...right, by cell
  /// and then in the order given; those outside it become outsiders.
  private mutating func rebuild(_ items: [(Cell, Entry)], top: Int, bottom: Int, left: Int, right: Int) {
    rowOrigin = top
    columnOrigin = left
    rows = bottom - top + 1
    columns = right - left + 1
    var newStarts = ContiguousArray<Int32>(repeating: 0, count: rows * columns + 1)
    var newOutside = ContiguousArray<Entry>()
    var newOutsideCells = ContiguousArray<Cell>()
    let cellIndices = items.map { index($0.0) ?? -1 }
    for (k, (cell, entry)) in items.enumerated() {
      if cellIndices[k] >= 0 {
        newStarts[cellIndices[k] + 1] += 1
      } else {
        newOutside.append(entry)
        newOutsideCells.append(cell)
      }
    }
    for i in 1..<newStarts.count { newStarts[i] += newStarts[i - 1] }
    let inside = Int(newStarts[newStarts.count - 1])
    var cursor = newStarts
    entries = ContiguousArray(unsafeUninitializedCapacity: inside) { buffer, initialized in
      for (k, (_, entry)) in items.enumerated() where cellIndices[k] >= 0 {
        (buffer.baseAddress! + Int(cursor[cellIndices[k]])).initialize(to: entry)
        cursor[cellIndices[k]] += 1
      }
      initialized = inside
    }
    starts = newStarts
    outside = newOutside
    outsideCells = newOutsideCells
  }

  // MARK: Queries

  /// The cells that can hold a point within `km` of (lat, lon) in radians, or nil when every
  /// entry must be visited.
  func window(lat: Double, lon: Double, km: Double) -> GridWindow? {
    window(GridDisc(lat: lat, lon: lon, km: km))
  }

  /// The cells that can hold a point of `disc`, or nil when every entry must be visited.
  @inline(__always)
  func window(_ disc: GridDisc) -> GridWindow? {
    guard let bounds = disc.bounds else { return nil }
    let first = cell(lat: bounds.south, lon: bounds.west)
    let last = cell(lat: bounds.north, lon: bounds.east)
    guard (last.row - first.row + 1) * (last.column - first.column + 1) <= Self.maxCellsVisited else { return nil }
    return GridWindow(
      rows: first.row...last.row, columns: first.column...last.column, lat: disc.lat, lon: disc.lon,
      havRadius: disc.havRadius, cosLat: disc.cosLat)
  }

  /// The columns of `row` that can hold a point of the window's disc, or nil when none can.
  ///
  /// By the haversine, a point at latitude φ within the disc has
  /// sin²(Δλ/2) ≤ (sin²(θ/2) − sin²(Δφ/2)) / (cos φ₀ cos φ). Over the row's band this is at most
  /// the same with Δφ the band's least distance to φ₀ and cos φ the band's least cosine; the
  /// bounds used (sin x ≥ x − x³/6, asin y ≤ y + y³ for y ≤ ½, and slack for rounding) only
  /// widen it.
  @inline(__always)
  private func columns(of row: Int, in window: GridWindow) -> ClosedRange<Int>? {
    let south = Double(row) * cellLat
    let north = south + cellLat
    let gap = window.lat < south ? south - window.lat : window.lat > north ? window.lat - north : 0
    let half = gap / 2
    let sinHalf = max(0, half - half * half * half / 6)
    let room = window.havRadius - sinHalf * sinHalf * (1 - 1e-12)
    guard room > 0 else { return nil }
    // Within ±0.01 rad of a pole the window is nil, so the band's cosines are positive; the
    // cosine over the band is least at the edge farther from the equator, bounded below by
    // cos of that edge minus slack.
    let edge = max(abs(south), abs(north))
    // cos x ≥ 1 − x²/2 + x⁴/24 − x⁶/720 for |x| ≤ π (the series stopped after a negative
    // term), within 1e-4 of cos x here, and cheaper than the cosine itself.
    let e2 = edge * edge
    let cosEdge = 1 - e2 / 2 * (1 - e2 / 12 * (1 - e2 / 30)) - 1e-12
    let y = (room / (window.cosLat * cosEdge)).squareRoot() * (1 + 1e-9) + 1e-12
    guard y < 0.5 else { return window.columns }
    let dLon = 2 * (y + y * y * y)
    let first = max(window.columns.lowerBound, cell(lat: 0, lon: window.lon - dLon).column)
    let last = min(window.columns.upperBound, cell(lat: 0, lon: window.lon + dLon).column)
    return first <= last ? first...last : nil
  }

  /// Calls `body` with the entries of the window's cells, one run per row of cells (every
  /// entry when `window` is nil), and with the outsiders, wherever they are: the caller's own
  /// distance test sorts them out.
  ///
  /// Up to `runBatch` rows at a time: first the rows' cells in `starts`, then their bounds read
  /// from `starts` in a loop that does nothing else, then their runs. Each row's bounds are a
  /// cache line of their own (a miss, more often than not); read in the loop that visited the
  /// runs, each waited for the run before it, and now they are in flight together (DevTimer:
  /// about 15 % off the medians of both plain queries).
  @inline(__always)
  func forEachRun(in window: GridWindow?, _ body: (UnsafeBufferPointer<Entry>) -> Void) {
    let firstRow = max(window?.rows.lowerBound ?? rowOrigin, rowOrigin)
    let lastRow = min(window?.rows.upperBound ?? Int.max, rowOrigin + rows - 1)
    if firstRow <= lastRow {
      entries.withUnsafeBufferPointer { entries in
        starts.withUnsafeBufferPointer { starts in
          withUnsafeTemporaryAllocation(of: Int32.self, capacity: 2 * Self.runBatch) { runs in
            var row = firstRow
            while row <= lastRow {
              var count = 0
              while row <= lastRow && count < Self.runBatch {
                defer { row += 1 }
                var firstColumn = columnOrigin
                var lastColumn = columnOrigin + columns - 1
                if let window {
                  guard let reach = self.columns(of: row, in: window) else { continue }
                  firstColumn = max(firstColumn, reach.lowerBound)
                  lastColumn = min(lastColumn, reach.upperBound)
                  if firstColumn > lastColumn { continue }
                }
                // Positions in `starts`: at most 2²² (`maxCells`), which an Int32 holds.
                let base = (row - rowOrigin) * columns - columnOrigin
                runs[2 * count] = Int32(truncatingIfNeeded: base + firstColumn)
                runs[2 * count + 1] = Int32(truncatingIfNeeded: base + lastColumn + 1)
                count += 1
              }
              // The loads alone, in a loop of their own, so that the processor has them in
              // flight together.
              for k in 0..<(2 * count) { runs[k] = starts[Int(runs[k])] }
              for k in 0..<count {
                let (from, to) = (Int(runs[2 * k]), Int(runs[2 * k + 1]))
                if from < to { body(UnsafeBufferPointer(rebasing: entries[from..<to])) }
              }
            }
          }
        }
      }
    }
    if !outside.isEmpty { outside.withUnsafeBufferPointer(body) }
  }
}

/// The `starts` of every grid without cells, shared: an empty grid allocates nothing.
private let noCellStarts: ContiguousArray<Int32> = [0]

/// Grids of the same entries in layers, each with cells sized to the largest distance its
/// records are searched with.
struct LayeredGrid<Entry: GridEntry>: Sendable {
  /// The upper bound, km, of each layer's distances; the last layer takes everything above.
  let bounds: [Double]
  let cellsPerBound: Double
  /// None until the first entry, and none again once the last has left: the index keeps a
  /// grid per skill ever written, and twelve empty layers cost more than a kilobyte.
  private(set) var layers: [CellGrid<Entry>] = []

  /// Layers whose cells are `bound / cellsPerBound` km high.
  init(bounds: [Double], cellsPerBound: Double) {
    self.bounds = bounds
    self.cellsPerBound = cellsPerBound
  }

  /// Layer `layer` as a new, empty grid (which tells the cell of a position).
  func emptyLayer(_ layer: Int) -> CellGrid<Entry> {
    CellGrid(cellDegrees: bounds[layer] / cellsPerBound / 111.195)
  }

  private mutating func makeLayers() {
    if layers.isEmpty { layers = bounds.indices.map(emptyLayer) }
  }

  @inline(__always)
  func layer(forKm km: Double) -> Int {
    var layer = 0
    while layer < bounds.count - 1 && km > bounds[layer] { layer += 1 }
    return layer
  }

  var count: Int { layers.reduce(0) { $0 + $1.count } }

  mutating func insert(_ entry: Entry, lat: Double, lon: Double, km: Double) {
    makeLayers()
    layers[layer(forKm: km)].insert(entry, lat: lat, lon: lon)
  }

  /// Fills empty layers at once: `items[layer]` are that layer's entries.
  mutating func load(_ items: [[(entry: Entry, lat: Double, lon: Double)]]) {
    guard items.contains(where: { !$0.isEmpty }) else { return }
    makeLayers()
    for (layer, layerItems) in items.enumerated() { layers[layer].load(layerItems) }
  }

  mutating func remove(slot: Int32, lat: Double, lon: Double, km: Double) {
    guard !layers.isEmpty else { return }
    layers[layer(forKm: km)].remove(slot: slot, lat: lat, lon: lon)
    if count == 0 { layers = [] }
  }

  mutating func update(slot: Int32, lat: Double, lon: Double, km: Double, _ change: (inout Entry) -> Void) {
    guard !layers.isEmpty else { return }
    layers[layer(forKm: km)].update(slot: slot, lat: lat, lon: lon, change)
  }
}

/// The smallest rectangle of cells holding some points, and how many.
struct CellBounds {
  var top = Int.max
  var bottom = Int.min
  var left = Int.max
  var right = Int.min
  var count = 0

  mutating func add<Entry>(_ cell: CellGrid<Entry>.Cell) {
    top = min(top, cell.row)
    bottom = max(bottom, cell.row)
    left = min(left, cell.column)
    right = max(right, cell.column)
    count += 1
  }

  /// The number of cells in the rectangle (0 when empty).
  var cells: Int { count == 0 ? 0 : (bottom - top + 1) * (right - left + 1) }
}

/// The order in which a bulk load numbers records: by layer, then by cell row by row, as a
/// grid stores them, so that the rows a query reads lie in a few runs of memory in the order
/// it reads them.
enum SpatialOrder {
  /// A sort key for a record in `layer` at `cell`.
  static func key<Entry>(layer: Int, _ cell: CellGrid<Entry>.Cell) -> Int {
    layer << 48 | (cell.row + 1 << 23) << 24 | (cell.column + 1 << 23)
  }

  /// The slots sorted by key, then by slot.
  static func slots(_ keys: [Int]) -> [Int] {
    // Pairs side by side sort faster than slots compared through `keys`.
    var pairs = keys.enumerated().map { (key: $0.element, slot: $0.offset) }
    pairs.sort { $0.key != $1.key ? $0.key < $1.key : $0.slot < $1.slot }
    return pairs.map(\.slot)
  }
}

extension ContiguousArray {
  /// Keeps the elements at the positions `gone` does not flag, in their order.
  mutating func keep(unflagged gone: [Bool]) {
    var kept = 0
    for i in indices where !gone[i] {
      if kept != i { swapAt(kept, i) }
      kept += 1
    }
    removeLast(count - kept)
  }
}

/// Where each element goes when `permute(_:_:)` puts `array[order[i]]` at i: `moved[old]`.
func destinations(_ order: [Int]) -> [Int] {
  var moved = [Int](repeating: 0, count: order.count)
  for (new, old) in order.enumerated() { moved[old] = new }
  return moved
}

extension Dictionary where Value == Int {
  /// Renumbers every value v to `moved[v]` in place: no key is hashed again.
  mutating func renumberValues(_ moved: [Int]) {
    var i = values.startIndex
    while i != values.endIndex {
      values[i] = moved[values[i]]
      values.formIndex(after: &i)
    }
  }
}

/// Puts `array[order[i]]` at `i` for every i, in place, by following cycles (moves, no
/// copies).
func permute<C: MutableCollection & RandomAccessCollection>(_ array: inout C, _ order: [Int]) where C.Index == Int {
  var done = [Bool](repeating: false, count: order.count)
  for start in order.indices where !done[start] {
    var i = start
    while true {
      done[i] = true
      let next = order[i]
      if next == start { break }
      array.swapAt(i, next)
      i = next
    }
  }
}

// MARK: - Snapshots

extension CellGrid {
  func write(to writer: inout SnapshotWriter<some SnapshotSink>) {
    for value in [baseLat, baseLon] { writer.scalar(value) }
    for value in [shift, rowOrigin, columnOrigin, rows, columns, outsideAtLastRegrid] { writer.scalar(value) }
    writer.array(starts)
    writer.plain(entries)
    writer.plain(outside)
    writer.plain(outsideCells)
  }

  /// A grid as written, its cells' starts checked against its entries.
  init(from reader: SnapshotReader<some SnapshotSource>) throws(SnapshotError) {
    baseLat = try reader.scalar(Double.self)
    baseLon = try reader.scalar(Double.self)
    shift = try reader.scalar(Int.self)
    rowOrigin = try reader.scalar(Int.self)
    columnOrigin = try reader.scalar(Int.self)
    rows = try reader.scalar(Int.self)
    columns = try reader.scalar(Int.self)
    outsideAtLastRegrid = try reader.scalar(Int.self)
    starts = try reader.array(ContiguousArray<Int32>.self)
    entries = try reader.array(ContiguousArray<Entry>.self)
    outside = try reader.array(ContiguousArray<Entry>.self)
    outsideCells = try reader.array(ContiguousArray<Cell>.self)
    let (cells, overflow) = rows.multipliedReportingOverflow(by: columns)
    guard baseLat > 0, baseLon > 0, (0...Self.maxShift).contains(shift), rows >= 0, columns >= 0, !overflow,
      starts.count - 1 == cells, starts.first == 0, starts.last == Int32(truncatingIfNeeded: entries.count),
      zip(starts, starts.dropFirst()).allSatisfy({ $0 <= $1 }), outside.count == outsideCells.count
    else { throw SnapshotError("a grid whose cells do not hold its entries") }
  }
}

extension LayeredGrid {
  func write(to writer: inout SnapshotWriter<some SnapshotSink>) {
    writer.array(bounds)
    writer.scalar(cellsPerBound)
    writer.grids(layers)
  }

  init(from reader: SnapshotReader<some SnapshotSource>) throws(SnapshotError) {
    bounds = try reader.array([Double].self)
    cellsPerBound = try reader.scalar(Double.self)
    layers = try reader.grids(Entry.self)
    guard !bounds.isEmpty, layers.isEmpty || layers.count == bounds.count else {
      throw SnapshotError("a layered grid with \(layers.count) layers for \(bounds.count) bounds")
    }
  }
}

extension CellGrid.Cell: SnapshotPlain {
  static var fieldBytes: FieldBytes { FieldBytes(Self.self, [field(\Self.row), field(\Self.column)]) }
}
