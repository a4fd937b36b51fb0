import Banenmatch

// Small pieces both record generators use: places, quantised numbers, ids, day sets.

extension RandomSource {
  /// A municipality picked in proportion to its inhabitants, and a point spread uniformly
  /// over a disc around its centre, rounded to 4 decimals (about 10 m).
  mutating func location() -> (place: Place, point: GeoPoint) {
    let place = Place.all[Place.byPopulation.pick(&self)]
    var x: Double
    var y: Double
    repeat {  // rejection sampling keeps the disc uniform without trigonometry
      x = 2 * unit() - 1
      y = 2 * unit() - 1
    } while x * x + y * y > 1
    let radius = place.municipality.radiusKm
    let lat = place.municipality.lat + y * radius * place.latDegreesPerKm
    let lon = place.municipality.lon + x * radius * place.lonDegreesPerKm
    return (place, GeoPoint(lat: rounded(lat, decimals: 4), lon: rounded(lon, decimals: 4)))
  }

  /// `count` distinct elements of `elements`, in random order.
  mutating func some<T>(_ count: Int, of elements: [T]) -> [T] {
    distinct(count, of: elements.count).map { elements[$0] }
  }

  /// A set of `count` distinct days among `days`.
  mutating func days(_ count: Int, of days: [Workdays]) -> Workdays {
    some(count, of: days).reduce(into: Workdays()) { $0.formUnion($1) }
  }
}

/// Monday to Friday, and the whole week, as lists of single days.
let weekdays: [Workdays] = [.mon, .tue, .wed, .thu, .fri]
let allDays: [Workdays] = [.mon, .tue, .wed, .thu, .fri, .sat, .sun]

/// `value` rounded half away from zero to `decimals` places.
func rounded(_ value: Double, decimals: Int) -> Double {
  var scale = 1.0
  for _ in 0..<decimals { scale *= 10 }
  return (value * scale).rounded() / scale
}

/// `prefix` and `number` padded with zeros to `width` digits: `S-000042`.
func identifier(_ prefix: String, _ number: Int, width: Int) -> String {
  let digits = String(number)
  return prefix + String(repeating: "0", count: max(0, width - digits.count)) + digits
}

/// The digits ids of `count` records need, at least 6 (`S-000001`, SPEC's example form).
func idWidth(_ count: Int) -> Int { max(6, String(max(count, 1)).count) }

/// The first Monday on or after `day` (1970-01-01 was a Thursday).
func mondayOnOrAfter(_ day: Day) -> Day {
  let weekday = (Int(day.daysSinceEpoch) % 7 + 7 + 3) % 7  // 0 = Monday
  return day.adding(days: (7 - weekday) % 7)
}

/// Appends the elements of `values` not yet in `list`, keeping first-seen order.
func appendNew(_ values: [String], to list: inout [String]) {
  for value in values where !list.contains(value) { list.append(value) }
}
