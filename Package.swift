// swift-tools-version:6.1
import PackageDescription

let package = Package(
  name: "dateline",
  products: [
    .executable(name: "dateline", targets: ["dateline"]),
    .library(name: "DatelineCore", targets: ["DatelineCore"]),
    .library(name: "DatelineSynth", targets: ["DatelineSynth"]),
    .executable(name: "dateline-synth", targets: ["dateline-synth"]),
  ],
  dependencies: [
    .package(
      url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
  ],
  targets: [
    // Pure model: loading, validation, dates, queries, text. No terminal code.
    .target(name: "DatelineCore", dependencies: ["CDatelineScan"]),
    // The scan's byte classification with SSE2 (one inline C function; see its header).
    .target(name: "CDatelineScan"),
    // The UI as a pure state machine and renderer; knows nothing of curses.
    .target(name: "DatelineUI", dependencies: ["DatelineCore"]),
    // ncursesw through a shim header that turns on the wide-character API.
    .systemLibrary(name: "CNcursesw", path: "Sources/CNcursesw"),
    // The only target that imports CNcursesw: draws Frames, reads keys.
    .target(name: "DatelineCurses", dependencies: ["CNcursesw", "DatelineUI"]),
    .executableTarget(
      name: "dateline",
      dependencies: [
        "DatelineCore", "DatelineUI", "DatelineCurses", "DatelineConfig",
        "DatelineDraft",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ],
      // The release binary carries the Swift runtime and Foundation in itself: loading and
      // relocating a dozen shared libraries (ICU among them) was ~4.5 ms of every start,
      // a tenth of the 100k first screen (docs/performance.md). Debug builds and the
      // tests link them as before.
      // CoreFoundation and ICU are named after the static Foundation that needs them
      // (the objects were compiled against the shared one, which names neither).
      linkerSettings: [
        .unsafeFlags(
          [
            "-static-stdlib", "-Xlinker", "-lCoreFoundation", "-Xlinker",
            "-l_FoundationICU", "-Xlinker", "-l_FoundationCShims", "-Xlinker",
            "-l_FoundationCollections",
          ], .when(configuration: .release))
      ],
      plugins: ["BuildRevision"]
    ),
    // config.toml (TOMLKit) into settings and warnings with their lines; no file I/O.
    .target(
      name: "DatelineConfig",
      dependencies: [
        "DatelineCore", "DatelineUI",
        .product(name: "TOMLKit", package: "TOMLKit"),
      ]
    ),
    .testTarget(
      name: "DatelineConfigTests",
      dependencies: ["DatelineConfig", "DatelineUI"], exclude: ["Fixtures"]),
    // Writes the git revision for `dateline --version` before every build.
    .plugin(name: "BuildRevision", capability: .buildTool()),
    // Draft records from article text: dates, parties, attributions; rules are data files
    // (Rules/<language>/), compiled in by the EmbedRules plugin. No terminal, no network.
    .target(
      name: "DatelineDraft", dependencies: ["DatelineCore"], exclude: ["Rules"],
      plugins: ["EmbedRules"]),
    .plugin(name: "EmbedRules", capability: .buildTool()),
    .testTarget(
      name: "DatelineDraftTests",
      dependencies: ["DatelineDraft", "DatelineCore"],
      exclude: ["Golden", "Eval", "HeldOutDev", "HeldOut"]),
    // Deterministic synthetic corpora (clean or corrupted) for benchmarks and load tests.
    .target(name: "DatelineSynth", dependencies: ["DatelineCore"]),
    .executableTarget(name: "dateline-synth", dependencies: ["DatelineSynth"]),
    // The fast loader against the reference loader on generated (and broken) corpora.
    .testTarget(
      name: "DatelineLoadTests",
      dependencies: ["DatelineCore", "DatelineSynth", "DatelineUI"]),
    .testTarget(
      name: "DatelineCoreTests",
      dependencies: ["DatelineCore", "CDatelineScan"], exclude: ["Fixtures"]),
    .testTarget(
      name: "DatelineUITests", dependencies: ["DatelineUI", "DatelineCore"],
      exclude: ["Golden"]),
    .testTarget(
      name: "DatelineCLITests",
      dependencies: ["DatelineCore", "DatelineSynth", "DatelineUI", "dateline"]),
    // What tests of the browse loop share: ScriptedScreen (keys in, frames out).
    .target(name: "DatelineTestSupport", dependencies: ["DatelineUI"]),
    // The browse loop itself (BrowseSession) on a ScriptedScreen, in XCTest.
    .testTarget(
      name: "DatelineLoopTests",
      dependencies: [
        "dateline", "DatelineTestSupport", "DatelineUI", "DatelineCore",
        "DatelineConfig",
      ]),
  ],
  swiftLanguageModes: [.v6]
)
