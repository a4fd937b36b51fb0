/// A labour-market region (*arbeidsmarktregio*) and its municipalities.
///
///     let friesland = Region.all.first { $0.code == "friesland" }!
///     friesland.cbsCode  // "AM02"
public struct Region: Sendable {
  /// The code records carry: kebab-case of the region's name (`friesland`, `groot-amsterdam`).
  public let code: String
  /// CBS code of the region (`AM02`).
  public let cbsCode: String
  public let label: String
  public let municipalities: [Municipality]

  public var term: Term { Term(code, label, "\(label) labour-market region (\(cbsCode))") }
  /// Inhabitants of the listed municipalities, in thousands.
  public var population: Int { municipalities.reduce(0) { $0 + $1.population } }

  init(_ code: String, _ cbsCode: String, _ label: String, _ municipalities: [Municipality]) {
    self.code = code
    self.cbsCode = cbsCode
    self.label = label
    self.municipalities = municipalities
  }
}

/// A municipality (*gemeente*): its name, inhabitants and the coordinates of its main town.
public struct Municipality: Sendable {
  public let name: String
  /// Inhabitants on 1 January 2024 in thousands, rounded (CBS; see samples/README.md).
  public let population: Int
  /// Main town centre, WGS 84.
  public let lat: Double
  public let lon: Double

  init(_ name: String, _ population: Int, _ lat: Double, _ lon: Double) {
    self.name = name
    self.population = population
    self.lat = lat
    self.lon = lon
  }

  /// How far around the centre records are spread, in km: about 2.5 km for a village of
  /// 10,000, up to 8 km for a big city.
  var radiusKm: Double { min(8, 1.5 + 0.9 * Double(population / 10).squareRoot()) }
}

/// One municipality of the flattened list, with its region.
struct Place: Sendable {
  let municipality: Municipality
  let regionIndex: Int
  /// Index in `Place.all`: stable for a given catalog, used in employer ids.
  let index: Int
  /// Degrees of latitude and longitude per km at this place (no libm: a short series).
  let latDegreesPerKm: Double
  let lonDegreesPerKm: Double

  /// Every municipality of every region, in catalog order.
  static let all: [Place] = {
    var places: [Place] = []
    for (regionIndex, region) in Region.all.enumerated() {
      for municipality in region.municipalities {
        let latDegreesPerKm = 1 / 111.195  // 6371 km · π / 180
        let lonDegreesPerKm = latDegreesPerKm / cosDegrees(municipality.lat)
        places.append(
          Place(
            municipality: municipality, regionIndex: regionIndex, index: places.count,
            latDegreesPerKm: latDegreesPerKm, lonDegreesPerKm: lonDegreesPerKm))
      }
    }
    return places
  }()

  /// Picks a municipality in proportion to its inhabitants.
  static let byPopulation = WeightTable(all.map(\.municipality.population))
}

/// cos of an angle in degrees between 0 and 90, by its Taylor series: exact arithmetic only,
/// so every machine gets the same bits (libm's cos may differ in the last place).
func cosDegrees(_ degrees: Double) -> Double {
  let x = degrees * (Double.pi / 180)
  let x2 = x * x
  var term = 1.0
  var sum = 1.0
  for n in stride(from: 2, through: 24, by: 2) {
    term = -term * x2 / Double((n - 1) * n)
    sum += term
  }
  return sum
}
