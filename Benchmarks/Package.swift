// swift-tools-version:6.1
import PackageDescription

// Benchmarks for dateline's core (parse, sort, filter, search) at 10k and 100k records,
// with ordo-one/benchmark: time and allocations. A separate package so the normal build
// and CI never fetch or build the benchmark dependencies.
//   cd Benchmarks && swift package benchmark
let package = Package(
  name: "DatelineBenchmarks",
  platforms: [.macOS(.v13)],
  dependencies: [
    .package(path: ".."),
    .package(
      url: "https://github.com/ordo-one/benchmark", exact: "1.38.1",
      traits: ["MallocInterposer"]),
  ],
  targets: [
    .executableTarget(
      name: "DatelineBenchmarks",
      dependencies: [
        .product(name: "Benchmark", package: "benchmark"),
        .product(name: "DatelineCore", package: "main"),
        .product(name: "DatelineSynth", package: "main"),
      ],
      path: "Benchmarks/DatelineBenchmarks",
      plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
    )
  ]
)
