import Foundation

/// `--shard K/N`: only the rows whose position (from 0) modulo N is K, so N machines can
/// split one caseload without talking to each other.
public struct Shard: Sendable, Equatable {
    public let index: Int
    public let count: Int

    public init?(_ text: String) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let index = Int(parts[0]), let count = Int(parts[1]), count > 0, (0..<count).contains(index) else { return nil }
        self.index = index
        self.count = count
    }

    /// Whether the data row numbered `number` (from 1) is this shard's.
    public func contains(row number: Int) -> Bool { (number - 1) % count == index }
}

/// A whole caseload: one packet per row of a client list, in `<out>/<id>/`. The project,
/// directory, ZIP table and templates are loaded once (in the packet renderer); rows are
/// read one at a time and rendered on all cores, with a bounded number in flight, and each
/// row's report is handed on (in row order) as soon as it is done, never collected, so
/// memory stays flat however long the list is. A bad row is reported and skipped; the
/// others are written. Files are written only when their content changed, mode 0600, in
/// folders 0700.
public struct PacketBatch: Sendable {
    public enum Mode: String, Sendable { case write, dryRun = "dry-run", check }

    public struct Options: Sendable {
        public var out: String
        public var practice: Practice
        public var today: Day
        public var notes: Bool
        /// At most this many partners for each need; nil lists all.
        public var partnerLimit: Int?
        public var shard: Shard?
        public var mode: Mode
        /// How many rows render at once.
        public var concurrency: Int
        /// Prints a PDF beside each packet (`--pdf`); nil writes none.
        public var pdf: PDFPrinter?

        public init(out: String, practice: Practice = Practice(), today: Day, notes: Bool = false, partnerLimit: Int? = PartnerSelection.defaultLimit,
                    shard: Shard? = nil, mode: Mode = .write, concurrency: Int = max(2, ProcessInfo.processInfo.activeProcessorCount * 2),
                    pdf: PDFPrinter? = nil) {
            self.pdf = pdf
            self.partnerLimit = partnerLimit
            self.out = out
            self.practice = practice
            self.today = today
            self.notes = notes
            self.shard = shard
            self.mode = mode
            self.concurrency = concurrency
        }
    }

    /// What happened to one row; rows are named by number, line and id only.
    public struct RowReport: Sendable, Encodable {
        public enum Status: String, Sendable, Encodable {
            case written, unchanged, failed
            /// --dry-run and --check: some file would be written.
            case wouldWrite = "would-write"
        }

        public let row: Int
        public let line: Int
        public let id: String?
        public let status: Status
        /// Paths of the files written (or that would be), relative to the output folder.
        public let changed: [String]
        public let unchanged: [String]
        /// Packets this row's folder held from an earlier run that no longer belong (another language).
        public let removed: [String]
        public let errors: [String]

        init(row: Int, line: Int, id: String?, status: Status, changed: [String] = [], unchanged: [String] = [], removed: [String] = [], errors: [String] = []) {
            self.row = row
            self.line = line
            self.id = id
            self.status = status
            self.changed = changed
            self.unchanged = unchanged
            self.removed = removed
            self.errors = errors
        }

        enum CodingKeys: String, CodingKey { case row, line, id, status, changed, unchanged, removed, errors }

        /// Empty lists are left out, so a row reads as what happened to it.
        public func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(row, forKey: .row)
            try container.encode(line, forKey: .line)
            try container.encodeIfPresent(id, forKey: .id)
            try container.encode(status, forKey: .status)
            for (key, list) in [(CodingKeys.changed, changed), (.unchanged, unchanged), (.removed, removed), (.errors, errors)] where !list.isEmpty {
                try container.encode(list, forKey: key)
            }
        }
    }

    /// The whole batch in counts; the rows themselves went to `run`'s `row` handler.
    public struct Report: Sendable {
        public let out: String
        public let mode: String
        public private(set) var summary = Summary()
        public var diagnostics: [Diagnostic] = []

        init(out: String, mode: String, diagnostics: [Diagnostic] = []) {
            self.out = out
            self.mode = mode
            self.diagnostics = diagnostics
        }

        mutating func count(_ row: RowReport) {
            summary.rows += 1
            if row.status == .failed { summary.failed += 1 } else { summary.packets += 1 }
            summary.changedFiles += row.changed.count
            summary.unchangedFiles += row.unchanged.count
            summary.removedFiles += row.removed.count
        }
    }

    public struct Summary: Sendable, Encodable, Equatable {
        public var rows = 0, packets = 0, failed = 0
        public var changedFiles = 0, unchangedFiles = 0, removedFiles = 0
        enum CodingKeys: String, CodingKey {
            case rows, packets, failed
            case changedFiles = "changed_files", unchangedFiles = "unchanged_files", removedFiles = "removed_files"
        }
    }

    /// Rows done so far, for a progress line.
    public struct Progress: Sendable {
        public let done: Int
        public let failed: Int
    }

    public let packets: PacketRenderer
    public let zipTable: ZipTable
    public let options: Options

    public init(packets: PacketRenderer, zipTable: ZipTable, options: Options) {
        self.packets = packets
        self.zipTable = zipTable
        self.options = options
    }

    /// Renders every row; `row` gets each row's report, in row order, as soon as it and
    /// the rows before it are done.
    public func run(_ list: ClientList, progress: (@Sendable (Progress) -> Void)? = nil, row handle: (RowReport) -> Void = { _ in }) async -> Report {
        var report = Report(out: options.out, mode: options.mode.rawValue)
        var seen: [String: Int] = [:]
        let taxonomy = packets.renderer.directory.taxonomy
        if options.mode == .write {
            do {
                try AtomicFile.makeFolder(options.out, mode: 0o700)
            } catch let errors as InputErrors {
                report.diagnostics = errors.diagnostics
                return report
            } catch {}
        }
        // Rows done before an earlier one, held until it is: at most about as many as render at once.
        var waiting: [Int: (RowReport, [Diagnostic])] = [:]
        var nextToHand = 0, sequence = 0
        func record(_ position: Int, _ row: RowReport, _ problems: [Diagnostic]) {
            waiting[position] = (row, problems)
            while let (row, problems) = waiting.removeValue(forKey: nextToHand) {
                report.count(row)
                report.diagnostics += problems
                handle(row)
                nextToHand += 1
            }
            progress?(Progress(done: report.summary.rows, failed: report.summary.failed))
        }
        func failure(_ failure: ClientRowFailure) -> (RowReport, [Diagnostic]) {
            (RowReport(row: failure.number, line: failure.line, id: failure.id, status: .failed, errors: failure.diagnostics.map(\.description)),
             failure.diagnostics)
        }

        await withTaskGroup(of: (Int, RowReport, [Diagnostic]).self) { group in
            var inFlight = 0
            while let result = list.next(taxonomy: taxonomy) {
                let number: Int
                switch result {
                case .success(let row): number = row.number
                case .failure(let rowFailure): number = rowFailure.number
                }
                if let shard = options.shard, !shard.contains(row: number) { continue }
                let position = sequence
                sequence += 1
                switch result {
                case .failure(let rowFailure):
                    let (row, problems) = failure(rowFailure)
                    record(position, row, problems)
                case .success(let row):
                    if let first = seen[row.id] {
                        let problem = Diagnostic(.error, "row \(row.number) (id \"\(row.id)\"): id: row \(first) has the same id; each row needs its own", path: list.displayPath, line: row.line, column: 1)
                        let (failed, problems) = failure(ClientRowFailure(number: row.number, line: row.line, id: row.id, diagnostics: [problem]))
                        record(position, failed, problems)
                        continue
                    }
                    seen[row.id] = row.number
                    if inFlight >= options.concurrency, let done = await group.next() {
                        inFlight -= 1
                        record(done.0, done.1, done.2)
                    }
                    let displayPath = list.displayPath
                    group.addTask {
                        let (report, problems) = self.packet(for: row, displayPath: displayPath)
                        return (position, report, problems)
                    }
                    inFlight += 1
                }
            }
            for await done in group { record(done.0, done.1, done.2) }
        }
        report.diagnostics.sort { ($0.line ?? 0, $0.column ?? 0) < ($1.line ?? 0, $1.column ?? 0) }
        return report
    }

    /// Renders and writes one row's packet; any error becomes the row's failure.
    private func packet(for row: ClientRow, displayPath: String) -> (RowReport, [Diagnostic]) {
        let location = ClientLocation.resolve(zip: row.client.zip, county: row.county, state: row.state, table: zipTable)
        let request = PacketRequest(
            client: row.client, practice: options.practice, location: location, today: options.today, notes: options.notes,
            partnerLimit: options.partnerLimit)
        do {
            let packet = try packets.render(request)
            // The row's folder is the tool's: a manifest there lets a rerun remove the packet
            // of a language the client no longer reads, and nothing else.
            let writer = OutputWriter(
                folder: options.out + "/" + row.id, mode: 0o600, folderMode: 0o700, scope: .wholeFolder, dryRun: options.mode != .write,
                pdf: options.pdf)
            let output = try writer.write(packet.files.map { OutputFile(path: $0.name, contents: $0.contents) })
            func relative(_ paths: [String]) -> [String] { paths.map { row.id + "/" + $0 } }
            let status: RowReport.Status = !output.changed ? .unchanged : (options.mode == .write ? .written : .wouldWrite)
            return (RowReport(
                row: row.number, line: row.line, id: row.id, status: status, changed: relative(output.written),
                unchanged: relative(output.unchanged), removed: relative(output.removed), errors: []), output.warnings)
        } catch {
            // Errors from rendering name templates and files, never the client; say which row.
            let problems = ((error as? InputErrors)?.diagnostics ?? [Diagnostic(.error, "\(error)", path: displayPath)]).map { diagnostic in
                Diagnostic(.error, "row \(row.number) (id \"\(row.id)\"): \(diagnostic.location): \(diagnostic.message)", path: displayPath, line: row.line, column: 1)
            }
            return (RowReport(row: row.number, line: row.line, id: row.id, status: .failed, errors: problems.map(\.description)), problems)
        }
    }
}
