import Banenmatch

/// The employers vacancies belong to: pools per municipality, sized by its inhabitants, with
/// stable ids and synthetic names, so that one employer offers several vacancies.
///
/// Pool sizes give about 980 PO and 360 VO school boards nationally (DOMAIN.md section 6:
/// PO ≈ 1,000, VO ≈ 300–350 boards; at least one of each per municipality), three public
/// employers per municipality, and for each market sector one employer per 25,000 inhabitants.
enum Employers {
  static func employer(
    type: EmployerType, sector: String, place: Place, random: inout RandomSource
  ) -> Vacancy.Employer {
    let town = place.municipality.name
    let population = place.municipality.population  // thousands
    let number = String(place.index + 1)
    let placeTag = String(repeating: "0", count: max(0, 3 - number.count)) + number
    switch type {
    case .schoolbestuurPO:
      let k = random.below(max(1, population / 16))
      return Vacancy.Employer(id: "E-\(placeTag)-PO-\(k + 1)", name: name(poBoards, k, town), type: type)
    case .schoolbestuurVO:
      let k = random.below(max(1, population / 100))
      return Vacancy.Employer(id: "E-\(placeTag)-VO-\(k + 1)", name: name(voBoards, k, town), type: type)
    case .overheid:
      let k = random.below(publicEmployers.count)
      return Vacancy.Employer(id: "E-\(placeTag)-OV-\(k + 1)", name: "\(publicEmployers[k]) \(town)", type: type)
    case .markt:
      let k = random.below(max(1, population / 25))
      let noun = marketNouns.first { $0.sector == sector }?.noun ?? "Bedrijf"
      return Vacancy.Employer(id: "E-\(placeTag)-\(sector)-\(k + 1)", name: "\(noun) \(town) \(k + 1)", type: type)
    }
  }

  /// "Stichting Openbaar Primair Onderwijs Zwolle", then the next kind, then numbered.
  private static func name(_ kinds: [String], _ k: Int, _ town: String) -> String {
    let round = k / kinds.count
    return "\(kinds[k % kinds.count]) \(town)" + (round > 0 ? " \(round + 1)" : "")
  }

  private static let poBoards = [
    "Stichting Openbaar Primair Onderwijs", "Stichting Katholiek Primair Onderwijs",
    "Stichting Christelijk Primair Onderwijs", "Stichting Samenwerkingsscholen",
  ]
  private static let voBoards = [
    "Scholengroep", "Stichting Voortgezet Onderwijs", "Stichting Praktijkonderwijs",
  ]
  private static let publicEmployers = ["Gemeente", "Rijksoverheid, locatie", "Sociaal werkbedrijf"]
  private static let marketNouns: [(sector: String, noun: String)] = [
    ("logistiek", "Distributiecentrum"), ("industrie", "Productiebedrijf"), ("horeca", "Horecagroep"),
    ("detailhandel", "Supermarkt"), ("zorg", "Zorggroep"), ("schoonmaak", "Schoonmaakbedrijf"),
    ("groen", "Hoveniersbedrijf"), ("facilitaire-dienstverlening", "Facilitair bedrijf"),
    ("zakelijke-dienstverlening", "Kantoor"), ("ict", "ICT-bedrijf"), ("kinderopvang", "Kinderopvang"),
    ("recreatie", "Kinderboerderij"), ("afval-en-recycling", "Kringloopbedrijf"), ("techniek", "Fietsenmaker"),
  ]
}
