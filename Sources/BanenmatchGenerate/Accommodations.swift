// Accommodations as needs (seeker) and offers (vacancy), after the list in DOMAIN.md section 3
// (autism-at-work guides, UWV workplace provisions): functional, never a diagnosis.
// Need weights and offer rates are this project's assumptions (DOMAIN.md: "candidates 0–4
// needs, vacancies 0–4 offers"), tuned so that the accommodation constraint cuts but does not
// dominate; samples/README.md gives the resulting shares.

extension Catalog {
  public static let accommodations: [Accommodation] = [
    item("jobcoach", "Jobcoach", "job coach on the work floor", need: 30, offer: 500),
    item("vaste-structuur", "Vaste structuur", "fixed structure and daily routine", need: 22, offer: 400),
    item("rustige-werkplek", "Rustige werkplek", "quiet workplace", need: 16, offer: 250),
    item("vaste-begeleider", "Vaste begeleider", "fixed buddy / supervisor", need: 14, offer: 350),
    item("aangepaste-werktijden", "Aangepaste werktijden", "adjusted working hours", need: 14, offer: 300),
    item("prikkelarm", "Prikkelarm", "low-stimulus environment", need: 10, offer: 150),
    item("taakkaart", "Taakkaart", "task card or checklist", need: 10, offer: 300),
    item("stapsgewijze-instructie", "Stapsgewijze instructie", "step-by-step instruction", need: 10, offer: 300),
    item("geen-tijdsdruk", "Geen tijdsdruk", "no time pressure", need: 10, offer: 200),
    item("extra-pauzes", "Extra pauzes", "extra breaks", need: 10, offer: 300),
    item("geleidelijke-opbouw", "Geleidelijke opbouw", "hours built up gradually", need: 8, offer: 300),
    item("visuele-instructies", "Visuele instructies", "visual instructions", need: 8, offer: 200),
    item("geen-klantcontact", "Geen klantcontact", "no customer contact", need: 8, offer: 250),
    item("korte-werkdagen", "Korte werkdagen", "short working days", need: 6, offer: 200),
    item("vaste-diensten", "Vaste diensten", "fixed shifts, no rotating rosters", need: 6, offer: 300),
    item("tilgrens", "Tilgrens", "lifting limit", need: 6, offer: 200),
    item("vaste-werkplek", "Vaste werkplek", "fixed workstation", need: 5, offer: 250),
    item("zittend-werk", "Zittend werk", "seated work", need: 5, offer: 120),
    item("schriftelijke-instructie", "Schriftelijke instructie", "written instructions", need: 4, offer: 250),
    item("rolstoeltoegankelijk", "Rolstoeltoegankelijk", "wheelchair accessible", need: 4, offer: 250),
    item("aangepaste-werkplek", "Aangepaste werkplek", "adapted workstation or chair", need: 4, offer: 120),
    item("vervoersvoorziening", "Vervoersvoorziening", "transport to and from work arranged", need: 3, offer: 80),
    item("geen-telefoon", "Geen telefoonwerk", "no telephone work", need: 3, offer: 250),
    item(
      "beeldschermvergroting", "Beeldschermvergroting", "screen magnification or braille display", need: 1,
      offer: 40),
    item("gebarentolk", "Gebarentolk", "sign language interpreter available", need: 1, offer: 20),
  ]

  private static func item(_ code: String, _ label: String, _ gloss: String, need: Int, offer: Int) -> Accommodation {
    Accommodation(term: Term(code, label, gloss), needWeight: need, offerPerMille: offer)
  }
}
