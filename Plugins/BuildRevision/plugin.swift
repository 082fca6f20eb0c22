import Foundation
import PackagePlugin

/// Writes `BuildRevision.revision` (the git commit) into the target before every build.
///
/// Why a prebuild command: it runs on every build, so the revision follows new commits
/// without a clean build; the script writes only when the text changes, so an unchanged
/// revision recompiles nothing. It runs /bin/sh (a system tool, as prebuild commands
/// require) with scripts/revision.sh, which falls back to REVISION (filled in by
/// `git archive`) and then to "unknown", so a tarball without git still builds.
@main
struct BuildRevisionPlugin: BuildToolPlugin {
  func createBuildCommands(context: PluginContext, target: Target) throws
    -> [Command]
  {
    let package = context.package.directoryURL
    let output = context.pluginWorkDirectoryURL.appendingPathComponent(
      "BuildRevision.swift")
    return [
      .prebuildCommand(
        displayName: "Recording the git revision",
        executable: URL(fileURLWithPath: "/bin/sh"),
        arguments: [
          package.appendingPathComponent("scripts/revision.sh").path,
          package.path, output.path,
        ],
        outputFilesDirectory: context.pluginWorkDirectoryURL)
    ]
  }
}
