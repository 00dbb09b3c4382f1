import ArgumentParser
import Foundation
import HandoutKit

struct Build: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check the project, then write its static site: every handout in every language, and an index.",
        usage: "handout build [<dir>] [--out <dir>] [--strict] [<options>]",
        discussion: """
            Runs the same checks as `handout check` first and writes nothing if one fails \
            (an error, or with --strict a warning). Rewrites only files whose content \
            changed, and never removes a file it did not write.
            """
    )

    @Argument(help: ArgumentHelp("Project folder (default: the current folder, or the bundled library without a handout.yml).", valueName: "dir"))
    var folder: String?

    @OptionGroup var projectOptions: ProjectOptions

    @Option(name: .long, help: ArgumentHelp("Folder to write the site into (default: the project's output, _site).", valueName: "dir"))
    var out: String?

    @Flag(name: .long, help: "Fail on warnings too.")
    var strict = false

    func run() throws {
        try reportingInputErrors {
            var project = try projectOptions.loadProject(folder: folder)
            if let out { project.outputPath = out }
            let report = Checker(project: project, today: projectOptions.day).run()
            DiagnosticPrinter().print(report.findings.filter { $0.level != .note })
            if report.failed(strict: strict) {
                FileHandle.standardError.write(Data("handout: the site was not built: \(report.summary)\n".utf8))
                throw ExitCode(1)
            }
            let directory = try projectOptions.loadDirectory(for: project)
            let result = try SiteBuilder(project: project, directory: directory, today: projectOptions.day).build()
            print("\(result.written.count) files written, \(result.unchanged.count) unchanged, in \(PathDisplay.relative(project.outputPath))")
        }
    }
}
