import ArgumentParser
import BanenmatchGenerate
import BanenmatchJSON

struct ValidateCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "validate",
    abstract: "Checks JSON Lines files of seekers or vacancies and names each bad line and field.",
    discussion: """
      Prints FILE:LINE: field.path: message for every bad line (at most 100 per file), then a summary
      per file. The kind of a file is detected from its first non-blank line (a vacancy has
      "employer" or "jobType") unless --kind is given. A repeated id is a bad line. Exit status: 0
      when every file is valid, 1 otherwise.
      """)

  @Argument(help: "JSON Lines files, one record a line.")
  var files: [String]

  @Option(help: "Check every file as seekers or vacancies instead of detecting the kind.")
  var kind: Kind?

  enum Kind: String, ExpressibleByArgument, CaseIterable {
    case seekers, vacancies
  }

  func validate() throws {
    if files.isEmpty { throw ValidationError("Give at least one file.") }
  }

  func run() throws {
    var allValid = true
    for file in files {
      let bytes: [UInt8]
      do {
        bytes = try JSONLines.read(file: file)
      } catch {
        print("\(file): cannot read: \(error.message)")
        allValid = false
        continue
      }
      let check = RecordFileCheck(bytes: bytes, file: file, kind: kind.map { RecordKind(rawValue: $0.rawValue)! })
      for line in check.report { print(line) }
      allValid = allValid && check.isValid
    }
    if !allValid { throw ExitCode(1) }
  }
}
