// The 31 job types, after the jobs DOMAIN.md section 3 lists (PO-Raad and VO-raad practice
// examples, Baanbrekers; jobs created by market and government employers). The first
// tasks of each are its core: a vacancy requires some of those, and prefers some of the rest.

extension Catalog {
  public static let jobTypes: [JobType] = [
    // School boards (primary and secondary education).
    job(
      "concierge-assistent", "Conciërge-assistent", "assistant caretaker", sector: "onderwijs", 16...28,
      core: ["schoonmaken", "klein-onderhoud", "lokalen-klaarzetten"],
      other: [
        "kopieerwerk", "post-sorteren", "pakketten-aannemen", "plein-schoonhouden", "vaatwasser-bedienen",
        "koffie-zetten", "afval-scheiden", "sleutels-beheren", "meubilair-verplaatsen", "deuren-openen-en-sluiten",
      ],
      offers: ["vaste-structuur", "vaste-begeleider", "taakkaart", "jobcoach"]),
    job(
      "klassenassistent", "Klassenassistent", "classroom assistant", sector: "onderwijs", 16...24,
      core: ["kinderen-begeleiden", "toezicht-houden", "materiaal-klaarzetten"],
      other: [
        "lokalen-klaarzetten", "verzorgende-taken", "lokaal-opruimen", "kring-klaarzetten", "voorlezen",
        "spelletjes-begeleiden", "werkbladen-sorteren",
      ],
      offers: ["vaste-structuur", "vaste-begeleider", "geleidelijke-opbouw"], asksDiploma: true),
    job(
      "onderwijsassistent-ondersteuning", "Onderwijsassistent (ondersteuning)", "teaching support assistant",
      sector: "onderwijs", 12...24,
      core: ["kopieerwerk", "lamineren", "materiaal-klaarzetten"],
      other: [
        "werkbladen-sorteren", "lesmateriaal-voorbereiden", "potloden-slijpen", "knutselmateriaal-klaarzetten",
        "inbinden", "toetsen-sorteren", "prikborden-bijhouden",
      ],
      offers: ["rustige-werkplek", "visuele-instructies", "vaste-structuur"], asksDiploma: true),
    job(
      "schoolassistent", "Schoolassistent kleuters", "care assistant in infant classes", sector: "onderwijs", 16...24,
      core: ["kinderen-begeleiden", "toiletbegeleiding", "fruit-klaarmaken"],
      other: [
        "jassen-en-veters", "omkleden-gym", "kring-klaarzetten", "lokaal-opruimen", "handen-wassen-begeleiden",
        "toezicht-houden",
      ],
      offers: ["vaste-structuur", "vaste-begeleider"]),
    job(
      "kantine", "Kantine", "school canteen", sector: "horeca", 12...24,
      core: ["broodjes-smeren", "kassa", "afwassen"],
      other: [
        "aanvullen", "koffie-zetten", "tafels-afnemen", "hygienecode-toepassen", "eten-uitgeven", "tosti-maken",
        "vaatwasser-bedienen",
      ],
      offers: ["aangepaste-werktijden", "korte-werkdagen", "taakkaart"]),
    job(
      "mediatheek", "Mediatheek", "school library assistant", sector: "onderwijs", 12...20,
      core: ["boeken-uitlenen", "boeken-terugzetten", "labelen"],
      other: ["boeken-kaften", "kopieerwerk", "baliewerk", "tijdschriften-ordenen", "boeken-repareren"],
      offers: ["rustige-werkplek", "prikkelarm", "vaste-werkplek"]),
    job(
      "leermiddelen", "Leermiddelen en boekenfonds", "learning materials and book fund", sector: "onderwijs", 12...24,
      core: ["boekenpakketten-samenstellen", "voorraad-tellen", "sorteren"],
      other: [
        "boeken-uitgeven", "retouren-verwerken", "labelen", "dozen-sjouwen", "inpakken", "handscanner-gebruiken",
      ],
      offers: ["tilgrens", "vaste-structuur", "taakkaart"]),
    job(
      "overblijf", "Tussenschoolse opvang", "lunchtime supervision", sector: "onderwijs", 4...12,
      core: ["toezicht-houden", "kinderen-begeleiden", "tafels-afnemen"],
      other: ["spelmateriaal-uitgeven", "buitenspel-begeleiden", "fruit-klaarmaken", "lokaal-opruimen"],
      offers: ["korte-werkdagen", "aangepaste-werktijden"]),
    job(
      "praktijkinstructie", "Instructieassistent praktijkonderwijs", "workshop instruction assistant",
      sector: "onderwijs", 16...32,
      core: ["machines-voordoen", "werkplaats-opruimen", "gereedschap-beheren"],
      other: [
        "heftruck-rijden", "materiaal-klaarzetten", "veiligheidsregels-toepassen", "klein-onderhoud",
        "zagen-en-schuren",
      ],
      offers: ["vaste-begeleider", "stapsgewijze-instructie"]),
    job(
      "sportassistent", "Sportassistent", "PE and sports assistant", sector: "onderwijs", 12...20,
      core: ["toestellen-klaarzetten", "sportmateriaal-beheren", "zaal-opruimen"],
      other: ["kleedkamers-controleren", "ballen-oppompen", "toezicht-houden", "schoonmaken"],
      offers: ["vaste-structuur", "taakkaart"]),
    // Found at school boards and elsewhere.
    job(
      "schoonmaak", "Schoonmaak", "cleaning", sector: "schoonmaak", 12...25,
      core: ["schoonmaken", "stofzuigen", "sanitair-reinigen"],
      other: [
        "dweilen", "prullenbakken-legen", "ramen-zemen", "afval-scheiden", "schoonmaakmiddelen-doseren",
        "schrobmachine-bedienen", "bureaus-afnemen",
      ],
      offers: ["taakkaart", "aangepaste-werktijden", "geen-klantcontact", "vaste-diensten"]),
    job(
      "administratie", "Administratie", "administrative support", sector: "zakelijke-dienstverlening", 12...24,
      core: ["data-invoer", "archiveren", "scannen"],
      other: [
        "post-sorteren", "telefoon-aannemen", "kopieerwerk", "dossiers-ordenen", "enveloppen-vullen",
        "absentie-registreren", "e-mail-verwerken", "agenda-bijhouden", "facturen-sorteren",
      ],
      offers: ["rustige-werkplek", "zittend-werk", "vaste-werkplek", "prikkelarm"], asksDiploma: true),
    job(
      "ict-ondersteuning", "ICT-ondersteuning", "IT and device support", sector: "ict", 12...24,
      core: ["laptops-beheren", "apparaten-opladen", "storingen-melden"],
      other: [
        "labelen", "laptops-uitgeven", "kabels-beheren", "chromebooks-resetten", "printers-bijvullen",
        "inventaris-bijhouden", "wachtwoorden-resetten",
      ],
      offers: ["rustige-werkplek", "schriftelijke-instructie", "prikkelarm"], asksDiploma: true),
    job(
      "groen-onderhoud", "Groenonderhoud", "grounds and green maintenance", sector: "groen", 24...36,
      core: ["maaien", "snoeien", "zwerfvuil-prikken"],
      other: [
        "blad-ruimen", "onkruid-wieden", "planten", "bosmaaier-gebruiken", "plein-schoonhouden",
        "heggen-knippen", "bestrating-vegen", "composteren",
      ],
      offers: ["vaste-begeleider", "geen-klantcontact", "vaste-structuur"]),
    job(
      "facilitair", "Facilitair", "facility services", sector: "facilitaire-dienstverlening", 16...32,
      core: ["vergaderzalen-klaarzetten", "koffie-zetten", "aanvullen"],
      other: [
        "post-rondbrengen", "klein-onderhoud", "vaatwasser-bedienen", "lampen-vervangen",
        "meubilair-verplaatsen", "pakketten-rondbrengen", "voorraad-tellen", "koffieautomaat-bijvullen",
        "planten-water-geven",
      ],
      offers: ["vaste-structuur", "taakkaart", "vaste-werkplek"]),
    // Market and government employers.
    job(
      "magazijn", "Magazijn", "warehouse", sector: "logistiek", 24...36,
      core: ["orderpicken", "inpakken", "handscanner-gebruiken"],
      other: [
        "labelen", "goederen-ontvangen", "voorraad-tellen", "pallets-stapelen", "palletwagen-rijden",
        "heftruck-rijden", "sorteren", "retouren-verwerken",
      ],
      offers: ["geen-tijdsdruk", "tilgrens", "geen-klantcontact", "vaste-diensten"]),
    job(
      "productie", "Productie en inpak", "production and packing", sector: "industrie", 24...36,
      core: ["inpakken", "sorteren", "assembleren"],
      other: [
        "kwaliteitscontrole", "machine-bedienen", "labelen", "lopende-band-werk", "dozen-vouwen",
        "tellen-en-wegen", "eenvoudig-solderen", "schroeven-en-monteren", "folie-sealen",
      ],
      offers: ["vaste-werkplek", "geen-tijdsdruk", "geen-klantcontact", "vaste-diensten"]),
    job(
      "horeca", "Horeca (spoelkeuken)", "hospitality, dishwashing kitchen", sector: "horeca", 16...32,
      core: ["afwassen", "groente-snijden", "hygienecode-toepassen"],
      other: [
        "vaatwasser-bedienen", "keuken-schoonmaken", "eten-uitgeven", "koelcel-bijvullen", "broodjes-smeren",
        "salades-maken", "afval-wegbrengen",
      ],
      offers: ["geen-klantcontact", "taakkaart", "aangepaste-werktijden"]),
    job(
      "bediening", "Bediening", "waiting staff assistant", sector: "horeca", 12...28,
      core: ["tafels-dekken", "koffie-zetten", "tafels-afnemen"],
      other: [
        "bestellingen-serveren", "gasten-ontvangen", "afwassen", "kassa", "glazen-spoelen",
        "terras-klaarzetten", "bestek-poetsen",
      ],
      offers: ["vaste-begeleider", "aangepaste-werktijden", "extra-pauzes"]),
    job(
      "detailhandel", "Detailhandel", "retail", sector: "detailhandel", 12...24,
      core: ["vakkenvullen", "aanvullen", "spiegelen"],
      other: [
        "emballage", "houdbaarheid-controleren", "prijzen-plaatsen", "winkel-schoonhouden",
        "klanten-wegwijzen", "kassa", "winkelwagens-verzamelen", "bloemen-verzorgen",
      ],
      offers: ["vaste-diensten", "extra-pauzes", "tilgrens"]),
    job(
      "post-en-archief", "Post en archief", "mailroom and archive", sector: "zakelijke-dienstverlening", 20...32,
      core: ["post-sorteren", "scannen", "archiveren"],
      other: [
        "post-rondbrengen", "frankeren", "pakketten-aannemen", "documenten-vernietigen", "enveloppen-vullen",
        "pakketten-rondbrengen", "verzendklaar-maken",
      ],
      offers: ["rustige-werkplek", "vaste-werkplek", "vaste-structuur"]),
    job(
      "digitalisering", "Digitalisering archief", "archive digitisation", sector: "zakelijke-dienstverlening",
      16...32,
      core: ["scannen", "ontnieten", "indexeren"],
      other: ["data-invoer", "scans-controleren", "archiveren", "dossiers-ordenen", "documenten-vernietigen"],
      offers: ["prikkelarm", "rustige-werkplek", "zittend-werk", "beeldschermvergroting"]),
    job(
      "zorg-ondersteuning", "Zorgondersteuning (gastvrouw/gastheer)", "care support, host role", sector: "zorg",
      16...24,
      core: ["koffieronde", "maaltijden-rondbrengen", "tafels-dekken"],
      other: [
        "bewoners-gezelschap-houden", "wandelen-met-bewoners", "afwassen", "was-rondbrengen",
        "activiteiten-ondersteunen", "bedden-opmaken", "lunch-klaarzetten",
      ],
      offers: ["vaste-begeleider", "vaste-structuur", "extra-pauzes"]),
    job(
      "linnenkamer", "Linnenkamer en wasserij", "linen room and laundry", sector: "zorg", 16...32,
      core: ["was-vouwen", "was-sorteren", "wasmachine-bedienen"],
      other: ["strijken", "bedden-opmaken", "linnen-rondbrengen", "kleding-merken", "voorraad-tellen"],
      offers: ["extra-pauzes", "geen-klantcontact", "vaste-werkplek"]),
    job(
      "interne-logistiek", "Interne logistiek (bode)", "internal courier", sector: "zorg", 24...32,
      core: ["post-rondbrengen", "karren-rijden", "vaste-route-lopen"],
      other: ["monsters-bezorgen", "pakketten-aannemen", "bedden-transporteren", "aanvullen", "pakketten-rondbrengen"],
      offers: ["vaste-structuur", "taakkaart"]),
    job(
      "receptie", "Receptie", "reception assistant", sector: "zakelijke-dienstverlening", 12...24,
      core: ["bezoekers-ontvangen", "telefoon-aannemen", "bezoekerspassen-uitgeven"],
      other: ["post-sorteren", "koffie-zetten", "agenda-bijhouden", "pakketten-aannemen", "e-mail-verwerken"],
      offers: ["zittend-werk", "rolstoeltoegankelijk", "aangepaste-werkplek"], asksDiploma: true),
    job(
      "fietsenwerkplaats", "Fietsenwerkplaats", "bicycle workshop assistant", sector: "techniek", 24...32,
      core: ["banden-plakken", "fietsen-poetsen", "onderdelen-sorteren"],
      other: [
        "kettingen-smeren", "gereedschap-beheren", "werkplaats-opruimen", "verlichting-repareren",
        "remmen-afstellen",
      ],
      offers: ["vaste-begeleider", "stapsgewijze-instructie"]),
    job(
      "dierverzorging", "Dierverzorging", "animal care assistant", sector: "recreatie", 16...32,
      core: ["dieren-voeren", "hokken-uitmesten", "drinkbakken-vullen"],
      other: ["stro-verspreiden", "erf-vegen", "bezoekers-wegwijzen", "dieren-borstelen", "voer-klaarmaken"],
      offers: ["vaste-structuur", "vaste-begeleider", "prikkelarm"]),
    job(
      "recycling", "Recycling en milieustraat", "recycling and waste depot", sector: "afval-en-recycling", 24...36,
      core: ["afval-scheiden", "sorteren", "klanten-wegwijzen"],
      other: [
        "terrein-schoonhouden", "kringloopgoederen-prijzen", "heftruck-rijden", "apparaten-demonteren",
        "zwerfvuil-prikken",
      ],
      offers: ["vaste-begeleider", "taakkaart", "tilgrens"]),
    job(
      "kinderopvang", "Kinderopvang", "childcare assistant", sector: "kinderopvang", 12...24,
      core: ["kinderen-begeleiden", "fruit-klaarmaken", "speelgoed-opruimen"],
      other: [
        "tafels-dekken", "spelmateriaal-klaarzetten", "handen-wassen-begeleiden", "bedjes-verschonen",
        "flesjes-klaarmaken", "toezicht-houden",
      ],
      offers: ["vaste-begeleider", "vaste-structuur"], asksDiploma: true),
    job(
      "software-testen", "Software- en datatesten", "software and data testing", sector: "ict", 24...36,
      core: ["testscripts-uitvoeren", "fouten-vastleggen", "data-controleren"],
      other: ["data-invoer", "screenshots-maken", "testdata-invoeren", "testresultaten-noteren", "bugs-reproduceren"],
      offers: ["prikkelarm", "schriftelijke-instructie", "rustige-werkplek", "geen-telefoon"], asksDiploma: true),
  ]

  private static func job(
    _ code: String, _ label: String, _ gloss: String, sector: String, _ hours: ClosedRange<Double>,
    core: [String], other: [String], offers: [String], asksDiploma: Bool = false
  ) -> JobType {
    JobType(
      term: Term(code, label, gloss), sector: sector, hours: hours, coreSkills: core, otherSkills: other,
      typicalOffers: offers, asksDiploma: asksDiploma)
  }
}
