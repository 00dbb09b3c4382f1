import Foundation
import PackagePlugin

/// Compiles the bundled library (the package's Templates/ and Resources/ folders, whole)
/// into HandoutKit, so a `handout` binary copied anywhere carries its templates, layouts and
/// data tables; scripts/embed-library.sh writes the Swift source.
///
/// SwiftPM runs plugins when it plans a build: a fresh build, or after Package.swift or a
/// target's folder changes. A build command would have to list the library's files, and a
/// file removed before the next plan would fail the build ("missing inputs"); a prebuild
/// command lists nothing, so the copy is at worst one plan old. That only shows in a binary
/// copied out of the checkout (one inside it reads the checkout's files, see BundledFiles),
/// and scripts/release.sh builds in a clean folder.
@main
struct EmbedLibrary: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let root = context.package.directoryURL
        let output = context.pluginWorkDirectoryURL.appendingPathComponent("Generated")
        return [
            .prebuildCommand(
                displayName: "Embedding the bundled library",
                executable: URL(fileURLWithPath: "/bin/sh"),
                arguments: [root.appendingPathComponent("scripts/embed-library.sh").path, root.path, output.path],
                outputFilesDirectory: output)
        ]
    }
}
