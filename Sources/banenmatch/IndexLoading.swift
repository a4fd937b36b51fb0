import ArgumentParser
import Banenmatch
import BanenmatchJSON

/// How `match` and `serve` load `--data DIR`: from the index snapshot beside it while that
/// matches, else from the JSON Lines (`IndexSnapshotFile`).
struct IndexLoading: ParsableArguments {
  @Flag(
    inversion: .prefixedNo,
    help:
      "Keep the index in DIR/banenmatch-index.snapshot and start from it while the data and the executable are unchanged."
  )
  var snapshot = true

  /// The index of `directory`, and how it was loaded (for the log).
  func load(_ directory: String) throws(DataDirectory.LoadError) -> (MatchIndex, IndexSnapshotFile.Outcome) {
    guard snapshot else {
      return (try DataDirectory.loadIndex(directory), .fromJSONLines(snapshot: "not used (--no-snapshot)"))
    }
    return try IndexSnapshotFile.loadIndex(directory)
  }
}
