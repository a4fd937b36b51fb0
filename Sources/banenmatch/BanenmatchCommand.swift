import ArgumentParser

#if canImport(Glibc)
  import Glibc
#endif

@main
struct BanenmatchCommand: ParsableCommand {
  /// The worker's first act, before parsing its arguments: a SIGTERM that arrives while it
  /// starts ends it at once with exit code 0, as one during the load does (nothing is in flight
  /// yet), instead of killing it by the signal.
  static func main() {
    if CommandLine.arguments.dropFirst().first == "serve" { signal(SIGTERM) { _ in _exit(0) } }
    main(nil)
  }

  static let configuration = CommandConfiguration(
    commandName: "banenmatch",
    abstract: "Matches doelgroep-banenafspraak job seekers to vacancies, with reasons.",
    subcommands: [MatchCommand.self, ServeCommand.self, GenerateCommand.self, ValidateCommand.self])
}
