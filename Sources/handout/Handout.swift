import ArgumentParser
import HandoutKit

@main
struct Handout: AsyncParsableCommand {
    /// The release: what `scripts/release.sh` names its tarball by, and what reports carry.
    static let version = "0.1.0"

    static let configuration = CommandConfiguration(
        commandName: "handout",
        abstract: "Personalized handouts about patient rights and legal resources, with the local partners that fit each client.",
        discussion: """
            Exit status: 0 on success, 1 when the inputs have errors, 64 and above for usage \
            errors, 69 when --pdf is given and Chromium is not installed.

            Nothing about a client is written to a file name, a log line or an error message.
            """,
        version: "\(version) (library reviewed \(BundledFiles.reviewed ?? "never"))",
        subcommands: [Init.self, Render.self, Packet.self, List.self, Check.self, Build.self, DirectoryCommand.self]
    )
}
