import ArgumentParser
import Foundation
import HandoutKit

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Find what would make a handout fail its reader, without writing anything.",
        usage: "handout check [<dir>] [--format <format>] [--strict] [<options>]",
        discussion: """
            Checks reading level, sentence and paragraph length, jargon and the PEMAT items \
            for every template and language; variables, partials, links and headings; facts \
            that are unknown, due for review or written out instead of used; stale listings, \
            coverage gaps and language gaps in the directory. Each finding has a level, a \
            file:line:column, a rule id and a fix.

            Exit status 1 when there is an error (or, with --strict, a warning).
            """
    )

    @Argument(help: ArgumentHelp("Project folder (default: the current folder, or the bundled library without a handout.yml).", valueName: "dir"))
    var folder: String?

    @OptionGroup var projectOptions: ProjectOptions

    /// The report formats, and `html`: the coverage page.
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json, sarif, html

        var report: CheckReportFormat { CheckReportFormat(rawValue: rawValue) ?? .text }
    }

    @Option(name: .long, help: "text, json, sarif (SARIF 2.1.0, for code scanning), or html (with --coverage: the coverage page).")
    var format = Format.text

    @Flag(name: .long, help: "Fail on warnings too.")
    var strict = false

    @Flag(name: .long, help: "Print which categories each area has partners for, before the findings.")
    var coverage = false

    func validate() throws {
        if format == .html && !coverage { throw ValidationError("--format html prints the coverage page: add --coverage") }
    }

    func run() throws {
        try reportingInputErrors {
            let project: Project
            do {
                project = try projectOptions.loadProject(folder: folder)
            } catch let errors as InputErrors {
                // A broken handout.yml is a finding like any other, in the format asked for.
                let findings = errors.diagnostics.map { finding in
                    var finding = finding
                    finding.rule = "project-config"
                    return finding
                }
                if format == .html {
                    DiagnosticPrinter().print(findings)
                } else {
                    print(try format.report.render(Checker.Report(findings: findings, coverage: nil), toolVersion: Handout.version), terminator: "")
                }
                throw ExitCode(1)
            }
            let checker = Checker(project: project, today: projectOptions.day)
            let checked = checker.run()
            // The page on standard output; the findings, as a compiler prints them, on standard error.
            if format == .html {
                DiagnosticPrinter().print(checked.findings)
                guard let page = checker.coveragePage(checked) else { throw ExitCode(1) }
                print(page, terminator: "")
                if checked.failed(strict: strict) { throw ExitCode(1) }
                return
            }
            // The coverage table goes inside JSON; beside text on standard output; to
            // standard error beside SARIF, so each output stays one valid document.
            let report = Checker.Report(findings: checked.findings, coverage: coverage && format == .json ? checked.coverage : nil)
            if coverage, format != .json, let table = checked.coverage?.table {
                if format == .text { print(table) } else { FileHandle.standardError.write(Data((table + "\n").utf8)) }
            }
            print(try format.report.render(report, toolVersion: Handout.version), terminator: "")
            if report.failed(strict: strict) { throw ExitCode(1) }
        }
    }
}

