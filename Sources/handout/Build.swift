#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import ArgumentParser
import Foundation
import HandoutKit

struct Build: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Check the project, then write its static site: every handout in every language, and an index.",
        usage: "handout build [<dir>] [--out <dir>] [--check] [--strict] [<options>]",
        discussion: """
            Runs the same checks as `handout check` first and writes nothing if one fails \
            (an error, or with --strict a warning). Rewrites only files whose content \
            changed, removes the files it wrote before that no longer belong (a manifest in \
            the output folder records them), and never touches a file it did not write.

            With --check, writes nothing, lists what would change, and exits 1 if anything would.
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

    @Argument(help: ArgumentHelp("Project folder (default: the current folder, or the bundled library without a handout.yml).", valueName: "dir"))
    var folder: String?

    @OptionGroup var projectOptions: ProjectOptions
    @OptionGroup var printOptions: PrintOptions

    @Option(name: .long, help: ArgumentHelp("Folder to write the site into (default: the project's output, _site).", valueName: "dir"))
    var out: String?

    @Flag(name: .long, help: "Fail on warnings too.")
    var strict = false

    @Flag(name: .long, help: "Write nothing: list the files that would change, and exit 1 if any would.")
    var check = false

    @Option(name: .long, help: "text or json (the closing summary as data).")
    var format = Format.text

    @Flag(name: .long, help: "Print errors only: no warnings, no summary.")
    var quiet = false

    func run() async throws {
        let started = ContinuousClock.now
        try await reportingInputErrors {
            let printer = try printOptions.printer()
            var project = try projectOptions.loadProject(folder: folder)
            if let out { project.outputPath = out }
            printOptions.apply(to: &project)
            let build = SiteBuild(project: project, options: .init(today: projectOptions.day, strict: strict, dryRun: check, pdf: printer))
            let bar = ProgressBar(shown: !quiet && format == .text && isatty(STDERR_FILENO) != 0)
            let result = try await build.run(progress: { done, total in bar.update(done, of: total) })
            bar.finish()

            let findings = result.report.findings.filter { $0.level == .error || (!quiet && $0.level == .warning) }
            DiagnosticPrinter().print(findings + (result.output?.warnings ?? []))
            let shownFolder = PathDisplay.relative(project.outputPath)
            guard let output = result.output else {
                FileHandle.standardError.write(Data("handout: the site was not built: \(result.report.summary)\n".utf8))
                throw ExitCode(1)
            }
            let elapsed = (ContinuousClock.now - started).components
            let seconds = Double(elapsed.seconds) + Double(elapsed.attoseconds) / 1e18
            let summary = BuildSummary(
                folder: shownFolder, check: check, output: output, report: result.report, pages: result.pageCount, rendered: result.renderedPages,
                checksReused: result.checksReused, seconds: seconds)
            switch format {
            case .json: print(try JSONOutput.encode(summary))
            case .text:
                if !quiet { print(summary.text, terminator: "") }
            }
            if check && output.changed { throw ExitCode(1) }
        }
    }
}

/// The closing summary of a build, as text and as JSON.
struct BuildSummary: Encodable {
    let folder: String
    let check: Bool
    let written: [String]
    let unchanged: Int
    let removed: [String]
    let leftAlone: [String]
    let errors: Int
    let warnings: Int
    /// Pages the site has, and how many were rendered (the others' inputs did not change).
    let pages: Int
    let rendered: Int
    /// Whether the checks' findings were the last build's (no input changed since).
    let checksReused: Bool
    let seconds: Double

    enum CodingKeys: String, CodingKey {
        case folder, check, written, unchanged, removed, errors, warnings, pages, seconds
        case leftAlone = "left_alone"
        case rendered = "rendered_pages"
        case checksReused = "checks_reused"
    }

    init(folder: String, check: Bool, output: OutputWriter.Report, report: Checker.Report, pages: Int, rendered: Int, checksReused: Bool, seconds: Double) {
        self.folder = folder
        self.check = check
        written = output.written
        unchanged = output.unchanged.count
        removed = output.removed
        leftAlone = output.leftAlone
        errors = report.count(.error)
        warnings = report.count(.warning)
        self.pages = pages
        self.rendered = rendered
        self.checksReused = checksReused
        self.seconds = (seconds * 100).rounded() / 100
    }

    /// `--check` lists what would change; a build says what it did, in one line.
    var text: String {
        var lines: [String] = []
        let warningText = "\(warnings) warning" + (warnings == 1 ? "" : "s")
        if check {
            lines += written.map { "would write \(folder)/\($0)" }
            lines += removed.map { "would remove \(folder)/\($0)" }
            let changes = written.count + removed.count
            lines.append(changes == 0
                ? "\(folder) is up to date; \(warningText)"
                : "\(changes) file\(changes == 1 ? "" : "s") would change in \(folder); \(warningText)")
        } else {
            lines.append("\(folder): \(written.count) written, \(unchanged) unchanged, \(removed.count) removed; \(warningText); \(String(format: "%.2f", seconds)) s")
        }
        lines += leftAlone.map { "left alone \(folder)/\($0): changed since handout wrote it" }
        return lines.map { $0 + "\n" }.joined()
    }
}

/// A progress bar on standard error, only on a terminal and only once a build has run for
/// a second; it names no file, so it can never show anything about anyone.
final class ProgressBar: @unchecked Sendable {
    private let shown: Bool
    private let started = ContinuousClock.now
    private let lock = NSLock()
    private var drawn = false

    init(shown: Bool) { self.shown = shown }

    func update(_ done: Int, of total: Int) {
        guard shown, ContinuousClock.now - started > .seconds(1) else { return }
        lock.lock()
        defer { lock.unlock() }
        let width = 30
        let filled = total == 0 ? width : done * width / total
        let bar = String(repeating: "#", count: filled) + String(repeating: " ", count: width - filled)
        FileHandle.standardError.write(Data("\r[\(bar)] \(done)/\(total) pages".utf8))
        drawn = true
    }

    func finish() {
        lock.lock()
        defer { lock.unlock() }
        if drawn { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
    }
}
