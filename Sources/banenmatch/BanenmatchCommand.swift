import ArgumentParser

@main
struct BanenmatchCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "banenmatch",
    abstract: "Matches doelgroep-banenafspraak job seekers to vacancies, with reasons.",
    subcommands: [MatchCommand.self, ServeCommand.self, GenerateCommand.self, ValidateCommand.self])
}
