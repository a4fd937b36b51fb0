/// Plain-text columns for a terminal: each column as wide as its widest cell (in characters),
/// numbers right-aligned.
struct TextTable {
  enum Alignment { case left, right }

  var headers: [String]
  var alignments: [Alignment]
  var rows: [[String]] = []
  /// Lines printed under a row, indented, outside the columns.
  var notes: [Int: [String]] = [:]

  init(_ columns: [(String, Alignment)]) {
    headers = columns.map(\.0)
    alignments = columns.map(\.1)
  }

  mutating func add(_ row: [String], notes rowNotes: [String] = []) {
    if !rowNotes.isEmpty { notes[rows.count] = rowNotes }
    rows.append(row)
  }

  func render(indent: String = "  ") -> String {
    var widths = headers.map(\.count)
    for row in rows {
      for (column, cell) in row.enumerated() { widths[column] = max(widths[column], cell.count) }
    }
    func line(_ cells: [String]) -> String {
      var text = indent
      for (column, cell) in cells.enumerated() {
        let padding = String(repeating: " ", count: widths[column] - cell.count)
        let isLast = column == cells.count - 1
        switch alignments[column] {
        case .left: text += isLast ? cell : cell + padding
        case .right: text += padding + cell
        }
        if !isLast { text += "  " }
      }
      return text
    }
    var lines = [line(headers)]
    for (index, row) in rows.enumerated() {
      lines.append(line(row))
      for note in notes[index] ?? [] { lines.append(indent + "     " + note) }
    }
    return lines.joined(separator: "\n")
  }
}

/// A cell text cut to `width` characters with an ellipsis.
func truncated(_ text: String, _ width: Int) -> String {
  text.count <= width ? text : String(text.prefix(width - 1)) + "…"
}

/// `value` with exactly `decimals` places (no exponent), for tables.
func fixed(_ value: Double, _ decimals: Int) -> String {
  let rounded = Rounding.round(value, decimals: decimals)
  var scale = 1
  for _ in 0..<decimals { scale *= 10 }
  let units = Int((abs(rounded) * Double(scale)).rounded())
  let whole = units / scale
  let fraction = String(units % scale)
  let sign = rounded < 0 && units != 0 ? "-" : ""
  guard decimals > 0 else { return sign + String(whole) }
  return sign + String(whole) + "." + String(repeating: "0", count: decimals - fraction.count) + fraction
}
