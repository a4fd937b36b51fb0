import Banenmatch
import BanenmatchJSON

/// `samples/vocabulary.json`: every code of the catalog with its Dutch label and English gloss,
/// the job types with their tasks, hours and typical accommodations, and the regions with their
/// municipalities. Written from `Catalog` and `Region.all`, so the file cannot drift from the
/// generator (a test compares them; `banenmatch generate --vocabulary-out FILE` rewrites it).
///
/// One entry per line, so that a diff shows which code changed.
public enum VocabularyFile {
  /// The file's bytes.
  public static func encode() -> [UInt8] {
    var sections: [(String, [[UInt8]])] = []
    sections.append(("skills", Catalog.skills.map(term)))
    sections.append(("jobTypes", Catalog.jobTypes.map(jobType)))
    sections.append(("accommodations", Catalog.accommodations.map { term($0.term) }))
    sections.append(("sectors", Catalog.sectors.map(term)))
    sections.append(("regions", Region.all.map(region)))
    sections.append(("employerTypes", Catalog.employerTypes.map(term)))
    sections.append(("education", Catalog.education.map(term)))

    var bytes = Array("{\n".utf8)
    for (number, (name, entries)) in sections.enumerated() {
      bytes += Array("  \"\(name)\": [\n".utf8)
      for (index, entry) in entries.enumerated() {
        bytes += Array("    ".utf8) + entry
        bytes += Array((index + 1 < entries.count ? ",\n" : "\n").utf8)
      }
      bytes += Array((number + 1 < sections.count ? "  ],\n" : "  ]\n").utf8)
    }
    bytes += Array("}\n".utf8)
    return bytes
  }

  /// Writes the file to `path`, replacing it.
  public static func write(to path: String) throws(OutputError) {
    try DataSet.write([encode()], to: path)
  }

  /// Every code of each kind, for checks: skills, job types, accommodations, sectors,
  /// regions, employer types, education levels.
  public static var codes: [String: Set<String>] {
    [
      "skills": Set(Catalog.skills.map(\.code)), "jobTypes": Set(Catalog.jobTypes.map(\.code)),
      "accommodations": Set(Catalog.accommodations.map(\.term.code)), "sectors": Set(Catalog.sectors.map(\.code)),
      "regions": Set(Region.all.map(\.code)), "employerTypes": Set(Catalog.employerTypes.map(\.code)),
      "education": Set(Catalog.education.map(\.code)),
    ]
  }

  private static func term(_ term: Term) -> [UInt8] {
    var writer = JSONWriter()
    writer.object { w in w.termFields(term) }
    return writer.bytes
  }

  private static func jobType(_ job: JobType) -> [UInt8] {
    var writer = JSONWriter()
    writer.object { w in
      w.termFields(job.term)
      w.key("sector")
      w.string(job.sector)
      w.key("hours")
      w.object { h in
        h.key("min")
        h.number(job.hours.lowerBound)
        h.key("max")
        h.number(job.hours.upperBound)
      }
      w.key("coreSkills")
      w.strings(job.coreSkills)
      w.key("otherSkills")
      w.strings(job.otherSkills)
      w.key("typicalOffers")
      w.strings(job.typicalOffers)
    }
    return writer.bytes
  }

  private static func region(_ region: Region) -> [UInt8] {
    var writer = JSONWriter(capacity: 2048)
    writer.object { w in
      w.termFields(region.term)
      w.key("cbsCode")
      w.string(region.cbsCode)
      w.key("municipalities")
      w.array { a in
        for m in region.municipalities {
          a.object { o in
            o.key("name")
            o.string(m.name)
            o.key("population")
            o.integer(m.population * 1000)
            o.key("lat")
            o.number(m.lat, decimals: 4)
            o.key("lon")
            o.number(m.lon, decimals: 4)
          }
        }
      }
    }
    return writer.bytes
  }
}

extension JSONWriter {
  fileprivate mutating func termFields(_ term: Term) {
    key("code")
    string(term.code)
    key("label")
    string(term.label)
    key("gloss")
    string(term.gloss)
  }
}
