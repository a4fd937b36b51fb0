import Banenmatch
import BanenmatchJSON

/// `engine.info` → name, version, spec version, limits, counts, the default weights.
struct EngineInfo: ReadMethod {
  static let name = "engine.info"
  public static let version = "0.1.0"
  static let specVersion = "1"

  static func run(params: JSONRef?, context: ReadContext) throws(RPCError) -> JSONWriter {
    _ = try JSONRef.requireObject(params)
    let limits = context.limits
    var writer = JSONWriter()
    writer.object { w in
      w.key("name")
      w.string("banenmatch")
      w.key("version")
      w.string(version)
      w.key("specVersion")
      w.string(specVersion)
      w.key("limits")
      w.object { w in
        w.key("maxMessageBytes")
        w.integer(limits.maxMessageBytes)
        w.key("maxBatch")
        w.integer(limits.maxBatch)
        w.key("maxDepth")
        w.integer(limits.maxDepth)
        w.key("maxLimit")
        w.integer(limits.maxLimit)
      }
      w.key("counts")
      w.object { w in
        w.key("seekers")
        w.integer(context.index.seekerCount)
        w.key("vacancies")
        w.integer(context.index.vacancyCount)
      }
      w.key("defaultWeights")
      w.object { w in
        for feature in Feature.allCases {
          w.key(feature.rawValue)
          w.number(Weights.default[feature])
        }
      }
      w.key("indexVersion")
      w.integer(context.index.version)
    }
    return writer
  }
}

/// `index.stats` → counts of seekers and vacancies, per region and employer type, open
/// positions, vocabulary sizes.
struct IndexStatsMethod: ReadMethod {
  static let name = "index.stats"

  static func run(params: JSONRef?, context: ReadContext) throws(RPCError) -> JSONWriter {
    _ = try JSONRef.requireObject(params)
    let stats = context.index.stats()
    var writer = JSONWriter()
    writer.object { w in
      w.key("seekers")
      w.integer(stats.seekers)
      w.key("vacancies")
      w.integer(stats.vacancies)
      w.key("seekersPerRegion")
      w.object { w in
        for (region, count) in stats.seekersPerRegion {
          w.key(region)
          w.integer(count)
        }
      }
      w.key("vacanciesPerRegion")
      w.object { w in
        for (region, count) in stats.vacanciesPerRegion {
          w.key(region)
          w.integer(count)
        }
      }
      w.key("vacanciesPerEmployerType")
      w.object { w in
        for (type, count) in stats.vacanciesPerEmployerType {
          w.key(type.rawValue)
          w.integer(count)
        }
      }
      w.key("openPositions")
      w.integer(stats.openPositions)
      w.key("vocabulary")
      w.object { w in
        for (space, count) in stats.vocabulary {
          w.key(space)
          w.integer(count)
        }
      }
      w.key("indexVersion")
      w.integer(stats.version)
    }
    return writer
  }
}
