// swift-tools-version: 6.1
// Banenmatch: matching of doelgroep-banenafspraak job seekers to vacancies.
// See Docs/Modules.md for what each module is for and what it may import.
import PackageDescription

// Settings shared by every Swift target.
let swiftSettings: [SwiftSetting] = [
  .enableUpcomingFeature("ExistentialAny"),  // SE-0335: `any P` spelled out
  .enableUpcomingFeature("MemberImportVisibility"),  // SE-0444: members only from imported modules
]

let package = Package(
  name: "banenmatch",
  products: [
    .library(name: "Banenmatch", targets: ["Banenmatch"]),
    .library(name: "BanenmatchJSON", targets: ["BanenmatchJSON"]),
    .library(name: "BanenmatchWorker", targets: ["BanenmatchWorker"]),
    .library(name: "BanenmatchGenerate", targets: ["BanenmatchGenerate"]),
    .executable(name: "banenmatch", targets: ["banenmatch"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
  ],
  targets: [
    // The core: records, validation, the index and both queries. Imports neither Foundation nor C
    // (checked by scripts/check-core-imports.sh in `make test`).
    .target(
      name: "Banenmatch",
      dependencies: [],
      swiftSettings: swiftSettings
    ),
    // jansson, Debian's libjansson-dev; `make` installs it when pkg-config cannot find it.
    .systemLibrary(
      name: "CJansson",
      pkgConfig: "jansson",
      providers: [.apt(["libjansson-dev"])]
    ),
    // JSON through jansson: records decoded with field paths, and our JSON writer.
    .target(
      name: "BanenmatchJSON",
      dependencies: ["Banenmatch", "CJansson"],
      swiftSettings: swiftSettings
    ),
    // The JSON-RPC 2.0 worker: framing, dispatch, ordering, cancellation; one file per method.
    .target(
      name: "BanenmatchWorker",
      dependencies: [
        "Banenmatch", "BanenmatchJSON",
        .product(name: "Logging", package: "swift-log"),
      ],
      swiftSettings: swiftSettings
    ),
    // Realistic synthetic data at national scale: the vocabulary, the 35 regions, the generator.
    .target(
      name: "BanenmatchGenerate",
      dependencies: ["Banenmatch", "BanenmatchJSON"],
      swiftSettings: swiftSettings
    ),
    // The command-line tool; one file per subcommand, wiring only.
    .executableTarget(
      name: "banenmatch",
      dependencies: [
        "Banenmatch", "BanenmatchJSON", "BanenmatchGenerate", "BanenmatchWorker",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
        .product(name: "Logging", package: "swift-log"),
      ],
      swiftSettings: swiftSettings
    ),

    // Test support: the reference matcher, a seeded random generator, random records.
    .target(
      name: "BanenmatchTestSupport",
      dependencies: ["Banenmatch"],
      path: "Tests/BanenmatchTestSupport",
      swiftSettings: swiftSettings
    ),
    .testTarget(
      name: "BanenmatchTests",
      dependencies: ["Banenmatch", "BanenmatchTestSupport"],
      swiftSettings: swiftSettings
    ),
    .testTarget(
      name: "BanenmatchJSONTests",
      dependencies: ["Banenmatch", "BanenmatchJSON", "BanenmatchTestSupport"],
      swiftSettings: swiftSettings
    ),
    .testTarget(
      name: "BanenmatchWorkerTests",
      dependencies: ["Banenmatch", "BanenmatchJSON", "BanenmatchWorker"],
      swiftSettings: swiftSettings
    ),
    .testTarget(
      name: "BanenmatchGenerateTests",
      dependencies: ["Banenmatch", "BanenmatchJSON", "BanenmatchGenerate"],
      swiftSettings: swiftSettings
    ),
    // Spawns the built `banenmatch` binary over real pipes.
    .testTarget(
      name: "EndToEndTests",
      dependencies: ["banenmatch", "BanenmatchJSON", "Banenmatch"],
      swiftSettings: swiftSettings
    ),
  ]
)

// The libFuzzer target over the frame reader and the request decoder, only when
// BANENMATCH_FUZZ=1 (`make fuzz`): a normal build never sees it. Built with
// `-sanitize=fuzzer,address -parse-as-library`; its `banenmatch_fuzz_main` (SwiftPM's entry
// point for the target) runs libFuzzer's driver.
if Context.environment["BANENMATCH_FUZZ"] == "1" {
  package.targets.append(
    .executableTarget(
      name: "banenmatch-fuzz",
      dependencies: [
        "Banenmatch", "BanenmatchJSON", "BanenmatchWorker",
        .product(name: "Logging", package: "swift-log"),
      ],
      path: "Fuzz",
      exclude: ["seed-corpus.sh"],
      swiftSettings: swiftSettings + [.enableExperimentalFeature("Extern")]
    ))
}
