import Foundation
import PackagePlugin

/// Compiles the drafting rule files (`Rules/<language>/*`) into the target as string literals.
///
/// Why embed instead of SwiftPM `resources:`: `Bundle.module` looks for a bundle beside the
/// executable (or in the build directory it was built in), and `make install` copies only the
/// binary, so an installed `dateline draft` would stop at a fatal error. A build command with
/// the rule files as inputs re-runs only when one of them changes; the files stay plain data,
/// and a second language is a second folder.
@main
struct EmbedRulesPlugin: BuildToolPlugin {
  func createBuildCommands(context: PluginContext, target: Target) throws
    -> [Command]
  {
    let rules = target.directoryURL.appendingPathComponent("Rules")
    let files = try ruleFiles(under: rules)
    let output = context.pluginWorkDirectoryURL.appendingPathComponent(
      "EmbeddedRules.swift")
    let script = context.package.directoryURL.appendingPathComponent(
      "scripts/embed-rules.sh")
    return [
      .buildCommand(
        displayName: "Embedding the drafting rules",
        executable: URL(fileURLWithPath: "/bin/sh"),
        arguments: [script.path, rules.path, output.path],
        inputFiles: files + [script],
        outputFiles: [output])
    ]
  }

  /// Every regular file one folder below `Rules/` (one folder per language), sorted.
  private func ruleFiles(under rules: URL) throws -> [URL] {
    let manager = FileManager.default
    var files: [URL] = []
    for language in try manager.contentsOfDirectory(atPath: rules.path).sorted()
    {
      let folder = rules.appendingPathComponent(language)
      for name in try manager.contentsOfDirectory(atPath: folder.path).sorted()
      {
        files.append(folder.appendingPathComponent(name))
      }
    }
    return files
  }
}
