import Banenmatch
import BanenmatchJSON

#if canImport(Glibc)
  import Glibc
#endif

/// The `nl` data set of SPEC section 6 (`banenmatch generate --seekers 300000 --vacancies 60000
/// --seed 42`), generated once by `make bench` into `Benchmarks/.data/<name>` and loaded here.
public enum NationalData {
  /// `Benchmarks/.data`, found from this file's location.
  public static var root: String {
    let parts = #filePath.split(separator: "/")
    // …/Benchmarks/Benchmarks/Support/NationalData.swift → …/Benchmarks
    return "/" + parts.dropLast(3).joined(separator: "/") + "/.data"
  }

  /// The directory of a data set: `nl`, or a scale such as `nl-0.25`.
  public static func directory(_ name: String = "nl") -> String { root + "/" + name }

  /// The built `banenmatch` release binary of the parent package.
  public static var binary: String {
    let parts = #filePath.split(separator: "/")
    return "/" + parts.dropLast(4).joined(separator: "/") + "/.build/release/banenmatch"
  }

  /// Loads a data set; stops the benchmark with a clear message when it was not generated.
  public static func load(_ name: String = "nl") -> DataDirectory {
    do {
      return try DataDirectory.load(directory(name))
    } catch {
      fatalError("\(directory(name)) is missing or bad (run `make bench`, which generates it): \(error)")
    }
  }

  /// An index of a data set, whose large queries use every core as the worker's do.
  public static func index(_ name: String = "nl") -> MatchIndex {
    do {
      var index = try load(name).index()
      index.queryThreads = .allCores
      return index
    } catch {
      fatalError("\(name): \(error)")
    }
  }

  /// A fixed sample of `count` ids, spread evenly over the sorted ids.
  public static func sample(_ ids: [String], count: Int) -> [String] {
    let sorted = ids.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    let step = max(1, sorted.count / count)
    return stride(from: 0, to: sorted.count, by: step).prefix(count).map { sorted[$0] }
  }

  /// The date the generator uses as "now" for the `nl` set.
  public static let today = Day(iso: "2026-12-01")!
}
