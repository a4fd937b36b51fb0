/// What a grid holds per record: at least the record's slot.
protocol GridEntry: Sendable {
  var slot: Int32 { get set }
}

/// The cells, in absolute row and column numbers, that a query visits.
struct GridWindow: Sendable {
  var rows: ClosedRange<Int>
  var columns: ClosedRange<Int>

  @inline(__always)
  func contains(row: Int, column: Int) -> Bool { rows.contains(row) && columns.contains(column) }
}

/// Entries bucketed by position in cells of `cellLat` × `cellLon` radians, in a dense
/// directory over the rectangle of cells where records are, so that a query reaches the
/// cells within its distance by index arithmetic alone. The directory grows to take in new
/// records; a record that would make it too large for the number of records (one far away
/// from all others) waits in a short list of outsiders that every query also visits.
///
/// Exact by construction: `window` is a superset of every point within the distance, because
/// the great-circle distance is at least R·|Δφ| and at least 2R·asin(√(cos φ₁ cos φ₂)·|sin(Δλ/2)|).
/// When that bound cannot be used (near a pole, across the antimeridian, or when it would
/// visit too many cells) `window` returns nil and the caller visits every entry.
struct CellGrid<Entry: GridEntry>: Sendable {
  /// Cell height and width in radians.
  let cellLat: Double
  let cellLon: Double

  private(set) var rowOrigin = 0
  private(set) var columnOrigin = 0
  private(set) var rows = 0
  private(set) var columns = 0
  /// Row-major, `rows` × `columns`.
  private(set) var cells: ContiguousArray<ContiguousArray<Entry>> = []
  /// Entries whose cell lies outside the directory, and (at the same positions) that cell.
  private(set) var outside: ContiguousArray<Entry> = []
  private var outsideCells: ContiguousArray<Cell> = []
  private(set) var count = 0
  private var outsideAtLastRegrid = 0

  struct Cell: Sendable {
    var row: Int
    var column: Int
  }

  /// Beyond this many cells a query visits every entry instead.
  static var maxCellsVisited: Int { 1 << 14 }

  /// Cells of `degrees` high and 1.5 × `degrees` wide (at least 0.01°): about square in the
  /// Netherlands.
  init(cellDegrees: Double) {
    cellLat = max(0.01, cellDegrees) * GeoMath.degreesToRadians
    cellLon = cellLat * 1.5
  }

  /// The directory may hold this many cells for `count` records.
  private static func maxCells(for count: Int) -> Int { min(1 << 22, max(1 << 12, 16 * count)) }

  @inline(__always)
  func cell(lat: Double, lon: Double) -> (row: Int, column: Int) {
    (Int((lat / cellLat).rounded(.down)), Int((lon / cellLon).rounded(.down)))
  }

  @inline(__always)
  private func index(row: Int, column: Int) -> Int? {
    let r = row - rowOrigin
    let c = column - columnOrigin
    guard r >= 0, r < rows, c >= 0, c < columns else { return nil }
    return r * columns + c
  }

  // MARK: Writes

  /// Sets up an empty grid's directory over these cells (when that is not too many for
  /// `expected` entries), so that a bulk load appends without regrowing it.
  mutating func prepare(rows: ClosedRange<Int>, columns: ClosedRange<Int>, expected: Int) {
    precondition(count == 0, "prepare an empty grid")
    guard rows.count * columns.count <= Self.maxCells(for: expected) else { return }
    relayout(top: rows.lowerBound, bottom: rows.upperBound, left: columns.lowerBound, right: columns.upperBound)
  }

  /// Adds an entry at this position (radians).
  mutating func insert(_ entry: Entry, lat: Double, lon: Double) {
    let (row, column) = cell(lat: lat, lon: lon)
    count += 1
    if let i = index(row: row, column: column) ?? grow(toTake: row, column) {
      cells[i].append(entry)
    } else {
      outside.append(entry)
      outsideCells.append(Cell(row: row, column: column))
      if outside.count > max(64, 2 * outsideAtLastRegrid) { regrid() }
    }
  }

  /// Removes the entry of `slot`, which was inserted at this position.
  mutating func remove(slot: Int32, lat: Double, lon: Double) {
    let (row, column) = cell(lat: lat, lon: lon)
    if let i = index(row: row, column: column) {
      guard let k = cells[i].firstIndex(where: { $0.slot == slot }) else { return }
      cells[i].swapAt(k, cells[i].count - 1)
      cells[i].removeLast()
    } else {
      guard let k = outside.firstIndex(where: { $0.slot == slot }) else { return }
      outside.swapAt(k, outside.count - 1)
      outside.removeLast()
      outsideCells.swapAt(k, outsideCells.count - 1)
      outsideCells.removeLast()
    }
    count -= 1
  }

  /// Changes the entry of `slot`, which was inserted at this position, in place.
  mutating func update(slot: Int32, lat: Double, lon: Double, _ change: (inout Entry) -> Void) {
    let (row, column) = cell(lat: lat, lon: lon)
    if let i = index(row: row, column: column) {
      guard let k = cells[i].firstIndex(where: { $0.slot == slot }) else { return }
      change(&cells[i][k])
    } else {
      guard let k = outside.firstIndex(where: { $0.slot == slot }) else { return }
      change(&outside[k])
    }
  }

  /// Makes room for cell (row, column) if the directory may grow that far: returns its index.
  private mutating func grow(toTake row: Int, _ column: Int) -> Int? {
    var top = row
    var bottom = row
    var left = column
    var right = column
    if rows > 0 {
      // Grow by a quarter of the current extent on the side that needs it, so that a series
      // of growths stays cheap.
      top = min(row, rowOrigin)
      bottom = max(row, rowOrigin + rows - 1)
      left = min(column, columnOrigin)
      right = max(column, columnOrigin + columns - 1)
      if row < rowOrigin { top -= rows / 4 }
      if row >= rowOrigin + rows { bottom += rows / 4 }
      if column < columnOrigin { left -= columns / 4 }
      if column >= columnOrigin + columns { right += columns / 4 }
    } else {
      top -= 8
      bottom += 8
      left -= 8
      right += 8
    }
    guard (bottom - top + 1) * (right - left + 1) <= Self.maxCells(for: count) else { return nil }
    relayout(top: top, bottom: bottom, left: left, right: right)
    return index(row: row, column: column)
  }

  /// Tries to take every outsider into the directory; failing that, when the outsiders are
  /// most of the entries (the first records were far from the rest), moves the directory to
  /// them.
  private mutating func regrid() {
    outsideAtLastRegrid = outside.count
    var top = outsideCells[0].row
    var bottom = top
    var left = outsideCells[0].column
    var right = left
    for outsider in outsideCells {
      top = min(top, outsider.row)
      bottom = max(bottom, outsider.row)
      left = min(left, outsider.column)
      right = max(right, outsider.column)
    }
    let cap = Self.maxCells(for: count)
    if rows > 0 {
      let all = (
        min(top, rowOrigin), max(bottom, rowOrigin + rows - 1), min(left, columnOrigin),
        max(right, columnOrigin + columns - 1)
      )
      if (all.1 - all.0 + 1) * (all.3 - all.2 + 1) <= cap {
        relayout(top: all.0, bottom: all.1, left: all.2, right: all.3)
        return
      }
      guard 2 * outside.count > count else { return }
    }
    guard (bottom - top + 1) * (right - left + 1) <= cap else { return }
    relayout(top: top, bottom: bottom, left: left, right: right)
  }

  /// A new directory over rows top...bottom and columns left...right: the entries of old
  /// cells outside it become outsiders, and the outsiders inside it move in.
  private mutating func relayout(top: Int, bottom: Int, left: Int, right: Int) {
    let newRows = bottom - top + 1
    let newColumns = right - left + 1
    var newCells = ContiguousArray(repeating: ContiguousArray<Entry>(), count: newRows * newColumns)
    var newOutside = ContiguousArray<Entry>()
    var newOutsideCells = ContiguousArray<Cell>()
    for r in 0..<rows {
      for c in 0..<columns {
        let row = rowOrigin + r
        let column = columnOrigin + c
        if row >= top && row <= bottom && column >= left && column <= right {
          swap(&newCells[(row - top) * newColumns + (column - left)], &cells[r * columns + c])
        } else {
          for entry in cells[r * columns + c] {
            newOutside.append(entry)
            newOutsideCells.append(Cell(row: row, column: column))
          }
        }
      }
    }
    for (entry, cell) in zip(outside, outsideCells) {
      if cell.row >= top && cell.row <= bottom && cell.column >= left && cell.column <= right {
        newCells[(cell.row - top) * newColumns + (cell.column - left)].append(entry)
      } else {
        newOutside.append(entry)
        newOutsideCells.append(cell)
      }
    }
    cells = newCells
    outside = newOutside
    outsideCells = newOutsideCells
    rowOrigin = top
    columnOrigin = left
    rows = newRows
    columns = newColumns
  }

  // MARK: Queries

  /// The cells that can hold a point within `km` of (lat, lon) in radians, or nil when every
  /// entry must be visited.
  func window(lat: Double, lon: Double, km: Double) -> GridWindow? {
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
    let (firstRow, firstColumn) = cell(lat: south, lon: lon - dLon)
    let (lastRow, lastColumn) = cell(lat: north, lon: lon + dLon)
    guard (lastRow - firstRow + 1) * (lastColumn - firstColumn + 1) <= Self.maxCellsVisited else { return nil }
    return GridWindow(rows: firstRow...lastRow, columns: firstColumn...lastColumn)
  }

  /// Calls `body` with the entries of each cell in the window (every cell when `window` is
  /// nil), and with the outsiders, wherever they are: the caller's own distance test sorts
  /// them out.
  @inline(__always)
  func forEachCell(in window: GridWindow?, _ body: (UnsafeBufferPointer<Entry>) -> Void) {
    guard count > 0 else { return }
    let firstRow = max(window?.rows.lowerBound ?? rowOrigin, rowOrigin)
    let lastRow = min(window?.rows.upperBound ?? Int.max, rowOrigin + rows - 1)
    let firstColumn = max(window?.columns.lowerBound ?? columnOrigin, columnOrigin)
    let lastColumn = min(window?.columns.upperBound ?? Int.max, columnOrigin + columns - 1)
    if firstRow <= lastRow && firstColumn <= lastColumn {
      cells.withUnsafeBufferPointer { directory in
        for row in firstRow...lastRow {
          let base = (row - rowOrigin) * columns - columnOrigin
          for column in firstColumn...lastColumn {
            directory[base + column].withUnsafeBufferPointer(body)
          }
        }
      }
    }
    if !outside.isEmpty { outside.withUnsafeBufferPointer(body) }
  }
}

/// Grids of the same entries in layers, each with cells sized to the largest distance its
/// records are searched with.
struct LayeredGrid<Entry: GridEntry>: Sendable {
  /// The upper bound, km, of each layer's distances; the last layer takes everything above.
  let bounds: [Double]
  private(set) var layers: [CellGrid<Entry>]

  /// Layers whose cells are `bound / cellsPerBound` km high.
  init(bounds: [Double], cellsPerBound: Double) {
    self.bounds = bounds
    layers = bounds.map { CellGrid(cellDegrees: $0 / cellsPerBound / 111.195) }
  }

  @inline(__always)
  func layer(forKm km: Double) -> Int {
    var layer = 0
    while layer < bounds.count - 1 && km > bounds[layer] { layer += 1 }
    return layer
  }

  var count: Int { layers.reduce(0) { $0 + $1.count } }

  mutating func insert(_ entry: Entry, lat: Double, lon: Double, km: Double) {
    layers[layer(forKm: km)].insert(entry, lat: lat, lon: lon)
  }

  /// Sets up each empty layer's directory over its bounds, for a bulk load.
  mutating func prepare(_ bounds: [CellBounds]) {
    for (layer, cells) in bounds.enumerated() where cells.count > 0 {
      layers[layer].prepare(rows: cells.top...cells.bottom, columns: cells.left...cells.right, expected: cells.count)
    }
  }

  mutating func remove(slot: Int32, lat: Double, lon: Double, km: Double) {
    layers[layer(forKm: km)].remove(slot: slot, lat: lat, lon: lon)
  }

  mutating func update(slot: Int32, lat: Double, lon: Double, km: Double, _ change: (inout Entry) -> Void) {
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

  mutating func add(_ cell: (row: Int, column: Int)) {
    top = min(top, cell.row)
    bottom = max(bottom, cell.row)
    left = min(left, cell.column)
    right = max(right, cell.column)
    count += 1
  }
}

/// The order in which a bulk load numbers records: by cell of about 5 km, row by row, so that
/// the records of a query's window lie in a few runs of memory.
enum SpatialOrder {
  static let cellLat = 0.05 * GeoMath.degreesToRadians
  static let cellLon = 0.075 * GeoMath.degreesToRadians

  /// The slots sorted by cell, then by slot.
  static func slots(_ geo: ContiguousArray<GeoRow>) -> [Int] {
    let keys = geo.map { g in
      Int((g.lat / cellLat).rounded(.down) + 4000) << 32 | Int((g.lon / cellLon).rounded(.down) + 4000)
    }
    return geo.indices.sorted { keys[$0] != keys[$1] ? keys[$0] < keys[$1] : $0 < $1 }
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
