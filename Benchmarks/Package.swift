// swift-tools-version: 6.1
// The benchmark suite (package-benchmark), a package of its own so that `make test` never
// builds it. Run with `make bench` from the repository root.
import PackageDescription

import class Foundation.ProcessInfo
import struct Foundation.URL

// SwiftPM names a path dependency after its folder, which is wherever the repository was
// cloned; find that name so the products below resolve in any checkout.
let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
let core = root.lastPathComponent.lowercased()

let package = Package(
  name: "BanenmatchBenchmarks",
  platforms: [.macOS(.v15)],
  dependencies: [
    .package(path: ".."),
    // The default traits need swift-runtime-interposer, which this machine lacks (PROTOCOL.md §6).
    .package(url: "https://github.com/ordo-one/benchmark", exact: "1.38.1", traits: ["MallocInterposer"]),
  ],
  targets: [
    // Shared: the `nl` data set, generated once and cached in Benchmarks/.data (not committed).
    .target(
      name: "BenchmarkData",
      dependencies: [
        .product(name: "Banenmatch", package: core),
        .product(name: "BanenmatchJSON", package: core),
      ],
      path: "Benchmarks/Support"
    ),
    .executableTarget(
      name: "MatchBenchmarks",
      dependencies: [
        "BenchmarkData",
        .product(name: "Benchmark", package: "benchmark"),
        .product(name: "Banenmatch", package: core),
        .product(name: "BanenmatchJSON", package: core),
      ],
      path: "Benchmarks/MatchBenchmarks",
      plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
    ),
    .executableTarget(
      name: "JSONBenchmarks",
      dependencies: [
        "BenchmarkData",
        .product(name: "Benchmark", package: "benchmark"),
        .product(name: "Banenmatch", package: core),
        .product(name: "BanenmatchJSON", package: core),
      ],
      path: "Benchmarks/JSONBenchmarks",
      plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
    ),
    .executableTarget(
      name: "WorkerBenchmarks",
      dependencies: [
        "BenchmarkData",
        .product(name: "Benchmark", package: "benchmark"),
        .product(name: "Banenmatch", package: core),
        .product(name: "BanenmatchJSON", package: core),
      ],
      path: "Benchmarks/WorkerBenchmarks",
      plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
    ),
    .executableTarget(
      name: "BatchBenchmarks",
      dependencies: [
        "BenchmarkData",
        .product(name: "Benchmark", package: "benchmark"),
        .product(name: "Banenmatch", package: core),
        .product(name: "BanenmatchJSON", package: core),
        .product(name: "BanenmatchWorker", package: core),
      ],
      path: "Benchmarks/BatchBenchmarks",
      plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
    ),
    // Not a benchmark: a driver for `profile.sh` (callgrind), one query shape after the load.
    .executableTarget(
      name: "ProfileDriver",
      dependencies: [
        "BenchmarkData",
        .product(name: "Banenmatch", package: core),
      ],
      path: "Tools/ProfileDriver"
    ),
    // Not a benchmark: a developer's stopwatch with a digest of every answer (Tools/DevTimer).
    .executableTarget(
      name: "DevTimer",
      dependencies: [
        "BenchmarkData",
        .product(name: "Banenmatch", package: core),
        .product(name: "BanenmatchJSON", package: core),
      ],
      path: "Tools/DevTimer"
    ),
    .executableTarget(
      name: "ScalingBenchmarks",
      dependencies: [
        "BenchmarkData",
        .product(name: "Benchmark", package: "benchmark"),
        .product(name: "Banenmatch", package: core),
        .product(name: "BanenmatchJSON", package: core),
      ],
      path: "Benchmarks/ScalingBenchmarks",
      plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
    ),
  ]
)
