import ArgumentParser
import Foundation
import HandoutKit

struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Make a new project folder: handout.yml, a partner directory, the bundled templates and layouts.",
        discussion: """
            The folder must be new or empty. Edit handout.yml, directory.json and the \
            templates, then run `handout build DIR`.
            """
    )

    @Argument(help: ArgumentHelp("The new project's folder.", valueName: "dir"))
    var folder: String

    func run() throws {
        try reportingInputErrors {
            guard let root = BundledFiles.root() else {
                throw InputErrors([Diagnostic(.error, "cannot find the bundled library to copy", path: "handout")])
            }
            let files = try ProjectScaffold.create(at: folder, bundledRoot: root)
            let templates = files.filter { $0.hasPrefix("Templates/") }.count
            let layouts = files.filter { $0.hasPrefix("layouts/") }.count
            print("created \(folder): handout.yml, directory.json, \(templates) templates, \(layouts) layout files")
            print("next: edit \(folder)/handout.yml, then run: handout build \(folder)")
        }
    }
}
