#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import ArgumentParser
import Foundation
import HandoutKit

struct Packet: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "packet",
        abstract: "One packet for a client's needs (several handouts, one partner listing), or one per row of a client list.",
        discussion: """
            For one client: `handout packet --need housing --need benefits --zip 60623` (one handout \
            per need: the first, by id, whose main topic it is) or `handout packet ID ID …`. Writes \
            <out>/packet.<lang>.html, .txt and .sms.txt (and with --pdf, .pdf), mode 0600.

            For a caseload: `handout packet --clients FILE --out DIR` (CSV with a header row, or \
            JSON): columns id, name, language, zip, needs (separated by ";"), and optional \
            household_size, annual_income, county, state. Writes DIR/<id>/ (folders 0700) for each \
            row; a row without an id is named row-<n>. A bad row is reported by line and column and \
            skipped; the others are written. Exit status 1 when any row failed, or with --check \
            when a file would change.
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

    @Argument(help: ArgumentHelp("Handout ids, in order (default: one per --need).", valueName: "id"), completion: Completions.templateIDs)
    var handoutIDs: [String] = []

    @OptionGroup var projectOptions: ProjectOptions
    @OptionGroup var clientOptions: ClientOptions
    @OptionGroup var person: ClientPersonOptions
    @OptionGroup var practiceOptions: PracticeOptions
    @OptionGroup var printOptions: PrintOptions

    @Flag(name: .long, help: "Add ruled lines headed \"Notes\" for the printed page.")
    var notes = false

    @Option(name: .long, help: ArgumentHelp("A client list (CSV or .json): one packet per row.", valueName: "file"), completion: .file())
    var clients: String?

    @Option(name: .long, help: ArgumentHelp("Folder to write into.", valueName: "dir"), completion: .directory)
    var out = "packets"

    @Option(name: .long, help: ArgumentHelp("With --clients: only rows whose position (from 0) modulo N is K.", valueName: "K/N"))
    var shard: String?

    @Flag(name: .long, help: "With --clients: list what would be written, by id, and write nothing.")
    var dryRun = false

    @Flag(name: .long, help: "With --clients: write nothing; exit 1 if any file would change.")
    var check = false

    @Option(name: .long, help: "With --clients: text or json (the report on standard output).")
    var format = Format.text

    func validate() throws {
        if clients != nil {
            if clientOptions.anyGiven || person.clientName != nil || person.lang != "en" || !handoutIDs.isEmpty {
                throw ValidationError("--clients takes each client's details from the file: leave out the client options and handout ids")
            }
            if dryRun && check { throw ValidationError("--dry-run and --check: choose one") }
            if let shard, Shard(shard) == nil { throw ValidationError("--shard must be K/N with 0 <= K < N, like 0/2") }
        } else {
            if handoutIDs.isEmpty && clientOptions.need.isEmpty {
                throw ValidationError("name handouts by id, or give --need (or --clients FILE for a caseload)")
            }
            if shard != nil || dryRun || check || format != .text {
                throw ValidationError("--shard, --dry-run, --check and --format go with --clients")
            }
        }
    }

    func run() async throws {
        // With --pdf, a missing Chromium stops the command here, before anything is written.
        var printer: PDFPrinter?
        try reportingInputErrors { printer = try printOptions.printer() }
        try reportingInputErrors {
            var project = try projectOptions.loadProject()
            printOptions.apply(to: &project)
            let directory = try projectOptions.loadDirectory(for: project)
            if clients == nil {
                try clientOptions.checkNeeds(directory)
                let zipTable = try clientOptions.zipTable(project: project)
                let packets = PacketRenderer(renderer: try HandoutRenderer(project: project, directory: directory, zipTable: zipTable))
                let packet = try packets.render(PacketRequest(
                    handoutIDs: handoutIDs, client: clientOptions.client(person), practice: practiceOptions.practice,
                    location: clientOptions.location(table: zipTable), today: projectOptions.day, notes: notes,
                    partnerLimit: clientOptions.partnerLimit(project: project)))
                let writer = OutputWriter(folder: out, mode: 0o600, folderMode: 0o700, scope: .addFiles, pdf: printer)
                let files = packet.files.map { OutputFile(path: $0.name, contents: $0.contents) }
                let output = try writer.write(files)
                for name in output.paths(of: files) {
                    let path = (out as NSString).appendingPathComponent(name)
                    print(output.written.contains(name) ? "wrote \(path)" : "unchanged \(path)")
                }
            }
        }
        if let clients { try await runBatch(clients, printer: printer) }
    }

    private func runBatch(_ clients: String, printer: PDFPrinter?) async throws {
        let batch: PacketBatch
        let list: ClientList
        do {
            var project = try projectOptions.loadProject()
            printOptions.apply(to: &project)
            let directory = try projectOptions.loadDirectory(for: project)
            let zipTable = try ZipTable(contentsOf: project.resourcesPath + "/zip-codes.tsv")
            let packets = PacketRenderer(renderer: try HandoutRenderer(project: project, directory: directory, zipTable: zipTable))
            list = try ClientList(path: clients)
            let mode: PacketBatch.Mode = dryRun ? .dryRun : check ? .check : .write
            batch = PacketBatch(packets: packets, zipTable: zipTable, options: PacketBatch.Options(
                out: out, practice: practiceOptions.practice, today: projectOptions.day, notes: notes,
                partnerLimit: clientOptions.partnerLimit(project: project), shard: shard.flatMap(Shard.init), mode: mode, pdf: printer))
        } catch let errors as InputErrors {
            DiagnosticPrinter().print(errors.diagnostics)
            throw ExitCode(1)
        }
        let progress = ProgressLine.onTerminal()
        var showProgress: (@Sendable (PacketBatch.Progress) -> Void)?
        if let progress { showProgress = { progress.show($0) } }
        // Each row is printed (or, for the text report, counted) as the batch hands it on,
        // so a caseload of any length is never held whole.
        let shown = PathDisplay.relative(out)
        let wouldBe = dryRun || check
        let json = BatchJSON(out: out, mode: batch.options.mode.rawValue)
        var removed: [String] = []
        let report = await batch.run(list, progress: showProgress) { row in
            switch format {
            case .json:
                json.printRow(row)
            case .text where wouldBe:
                for file in row.changed { print("would write " + (shown as NSString).appendingPathComponent(file)) }
                removed += row.removed
            case .text:
                break
            }
        }
        progress?.finish()
        DiagnosticPrinter().print(report.diagnostics)
        let summary = report.summary
        switch format {
        case .json:
            json.finish(summary)
        case .text:
            for file in removed { print("would remove " + (shown as NSString).appendingPathComponent(file)) }
            var line = "\(summary.packets) packet\(summary.packets == 1 ? "" : "s"), \(summary.failed) row\(summary.failed == 1 ? "" : "s") failed: "
                + "\(summary.changedFiles) files \(wouldBe ? "would be written" : "written"), \(summary.unchangedFiles) unchanged"
            if summary.removedFiles > 0 { line += ", \(summary.removedFiles) \(wouldBe ? "would be removed" : "removed")" }
            print(line + ", in \(shown)")
        }
        let changed = summary.changedFiles > 0 || summary.removedFiles > 0
        if summary.failed > 0 || report.diagnostics.contains(where: { $0.level == .error }) || (check && changed) { throw ExitCode(1) }
    }
}

/// The JSON report, printed a row at a time: the same text JSONOutput gives for the whole
/// object `{"mode", "out", "rows": [...], "summary"}`, without holding every row.
final class BatchJSON {
    private let out: String
    private let mode: String
    private var rows = 0

    init(out: String, mode: String) {
        self.out = out
        self.mode = mode
    }

    private struct Head: Encodable { let mode: String, out: String }
    private struct Whole: Encodable { let mode: String, out: String, rows: [PacketBatch.RowReport], summary: PacketBatch.Summary }

    func printRow(_ row: PacketBatch.RowReport) {
        if rows == 0 {
            // The opening of the object, as the encoder writes it, up to the rows.
            guard let head = try? JSONOutput.encode(Head(mode: mode, out: out)) else { return }
            print(head.dropLast(2) + ",\n  \"rows\" : [")
        } else {
            print(",")
        }
        rows += 1
        print(Self.indent((try? JSONOutput.encode(row)) ?? "{}", by: "    ", first: true), terminator: "")
    }

    func finish(_ summary: PacketBatch.Summary) {
        guard rows > 0 else {
            // No row: the encoder's own way of writing an empty list.
            print((try? JSONOutput.encode(Whole(mode: mode, out: out, rows: [], summary: summary))) ?? "{}")
            return
        }
        print("\n  ],\n  \"summary\" : " + Self.indent((try? JSONOutput.encode(summary)) ?? "{}", by: "  ", first: false) + "\n}")
    }

    /// Every line of `text` indented, the first one too when `first`.
    private static func indent(_ text: String, by prefix: String, first: Bool) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
            .map { index, line in index == 0 && !first ? String(line) : prefix + line }.joined(separator: "\n")
    }
}

/// "packets: 120 done, 2 failed" on standard error, rewritten in place; only on a terminal,
/// so a pipe or a log file gets nothing extra. It names no row and no client.
final class ProgressLine: @unchecked Sendable {
    private let lock = NSLock()
    private var lastDrawn = Date.distantPast

    static func onTerminal() -> ProgressLine? { isatty(STDERR_FILENO) != 0 ? ProgressLine() : nil }

    func show(_ progress: PacketBatch.Progress) {
        lock.lock()
        defer { lock.unlock() }
        guard Date().timeIntervalSince(lastDrawn) > 0.1 else { return }
        lastDrawn = Date()
        FileHandle.standardError.write(Data("\rpackets: \(progress.done) done, \(progress.failed) failed".utf8))
    }

    func finish() {
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    }
}
