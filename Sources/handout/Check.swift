import ArgumentParser
import Foundation
import HandoutKit

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Find what would make a handout fail its reader, without writing anything.",
        discussion: """
            Checks reading level, sentence and paragraph length, jargon and the PEMAT items for
            every template and language; variables, partials, links and headings; stale
            listings, coverage gaps and language gaps in the directory. Each finding has a level,
            a file:line:column, a rule id and a fix.
            Exit status 1 when there is an error (or, with --strict, a warning).
            """
    )

    @Argument(help: ArgumentHelp("Project folder (default: the current folder, or the bundled library without a handout.yml).", valueName: "dir"))
    var folder: String?

    @Option(name: .long, help: ArgumentHelp("Partner directory, overriding the project's.", valueName: "file"))
    var directory: String?

    @Option(name: .long, help: ArgumentHelp("Take this date as today (YYYY-MM-DD), for stale listings.", valueName: "date"))
    var today: String?

    @Option(name: .long, help: "text, json or sarif (SARIF 2.1.0, for code scanning).")
    var format = CheckReportFormat.text

    @Flag(name: .long, help: "Fail on warnings too.")
    var strict = false

    @Flag(name: .long, help: "Print which categories each area has partners for, before the findings.")
    var coverage = false

    func validate() throws {
        if let today, Day(today) == nil { throw ValidationError("--today must be a date written YYYY-MM-DD") }
    }

    func run() throws {
        try reportingInputErrors {
            let options = try ProjectOptions.parse(["--project", folder ?? FileManager.default.currentDirectoryPath])
            let project: Project
            do {
                project = try options.loadProject()
            } catch let errors as InputErrors {
                var findings = errors.diagnostics
                for index in findings.indices { findings[index].rule = "project-config" }
                print(try format.render(Checker.Report(findings: findings, coverage: nil), toolVersion: Handout.configuration.version), terminator: "")
                throw ExitCode(1)
            }
            let report = Checker(project: project, directoryPath: directory, today: today.flatMap(Day.init) ?? Day.now()).run()
            if coverage, let table = report.coverage?.table {
                print(table)
            }
            print(try format.render(report, toolVersion: Handout.configuration.version), terminator: "")
            if report.failed(strict: strict) { throw ExitCode(1) }
        }
    }
}

extension CheckReportFormat: ExpressibleByArgument {}
