#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// One file a command produces: where it goes inside the output folder, and its bytes.
public struct OutputFile: Sendable, Equatable {
    /// Relative to the output folder, `/`-separated, never `..`: "index.en.html", "a/b.txt".
    public let path: String
    /// UTF-8 text, or a PDF.
    public let bytes: [UInt8]

    /// A text file's text.
    public var contents: String { String(decoding: bytes, as: UTF8.self) }

    /// A fingerprint of everything the file was made from, when the command knows it (a site
    /// page): kept in the manifest, so the next run can tell the file is current without
    /// making it again (`OutputWriter.current(_:)`).
    public let inputs: String?

    public init(path: String, contents: String, inputs: String? = nil) {
        self.init(path: path, bytes: Array(contents.utf8), inputs: inputs)
    }

    public init(path: String, bytes: [UInt8], inputs: String? = nil) {
        self.path = path
        self.bytes = bytes
        self.inputs = inputs
    }
}

/// The last step of every command that writes: `render`, `build` and `packet` alike.
/// Each file is written atomically with its mode (`AtomicFile`), only when its bytes or its
/// mode differ from what is there. For a folder the tool owns (`.wholeFolder`), a manifest
/// records what it wrote, so outputs that no longer belong are removed, and a file it did
/// not write is never touched. `dryRun` writes nothing and reports what would change.
/// With a `PDFPrinter` (`--pdf`), each HTML page gets a PDF beside it, `name.pdf`, written
/// by the same rules (mode, atomic, manifest); all are printed before anything is written.
public struct OutputWriter: Sendable {
    public enum Scope: Sendable {
        /// The files are all the tool keeps in the folder: the manifest records them, and
        /// files it wrote before that are no longer among them are removed.
        case wholeFolder
        /// The files are added to the folder (one handout into `handouts/`): no manifest,
        /// nothing removed.
        case addFiles
    }

    public let folder: String
    public let mode: mode_t
    /// The mode of the folders it creates (0700 for a client's packets); nil leaves it to the umask.
    public let folderMode: mode_t?
    public let scope: Scope
    public let dryRun: Bool
    /// Prints a PDF beside each HTML page; nil writes none.
    public let pdf: PDFPrinter?

    /// The manifest's name inside the output folder.
    public static let manifestName = ".handout-manifest.json"

    public init(folder: String, mode: mode_t = 0o600, folderMode: mode_t? = nil, scope: Scope, dryRun: Bool = false, pdf: PDFPrinter? = nil) {
        self.pdf = pdf
        self.folder = folder
        self.mode = mode
        self.folderMode = folderMode
        self.scope = scope
        self.dryRun = dryRun
    }

    /// What a write did (or, in a dry run, would do). Paths are relative to the folder.
    public struct Report: Sendable, Equatable {
        public var written: [String] = []
        public var unchanged: [String] = []
        public var removed: [String] = []
        /// Files the manifest lists that were changed or replaced since the tool wrote them:
        /// no longer the tool's, so left where they are.
        public var leftAlone: [String] = []
        public var warnings: [Diagnostic] = []

        /// The paths of `files` in their order, each page followed by its PDF when one was
        /// written or kept: what a command lists.
        public func paths(of files: [OutputFile]) -> [String] {
            let done = Set(written + unchanged)
            return files.flatMap { file in
                [file.path] + [OutputWriter.pdfPath(of: file.path)].compactMap { $0 }.filter(done.contains)
            }
        }

        /// Whether anything was (or would be) written or removed.
        public var changed: Bool { !written.isEmpty || !removed.isEmpty }
    }

    /// The files among `candidates` (path → the fingerprint of its inputs) that need not be
    /// made again: the manifest records the same inputs for each, and the file is still the
    /// one the tool wrote (its stamp is the one recorded: a file missing, edited, touched or
    /// re-moded since is not current). Only for a folder the tool owns.
    public func current(_ candidates: [String: String]) -> Set<String> {
        var ignored = Report()
        guard scope == .wholeFolder, let previous = readManifest(&ignored) else { return [] }
        var current: Set<String> = []
        for (path, inputs) in candidates where previous.inputs[path] == inputs && previous.files[path] != nil {
            guard let recorded = previous.stamps[path], let stamp = stamp(of: folder + "/" + path), stamp == recorded else { continue }
            current.insert(path)
        }
        return current
    }

    /// What the last complete run left in a folder the tool owns: the record it kept about
    /// itself, and the files the manifest lists with their stamps.
    public struct LastRun: Sendable {
        /// What `write(_:keeping:record:)` was given, as JSON; nil when it was given none.
        public let record: Data?
        fileprivate let files: [String]
        fileprivate let inputs: [String: String]
        fileprivate let stamps: [String: String]
        fileprivate let writer: OutputWriter

        /// Every file the manifest lists, when each was made from known inputs and is still
        /// the file the tool wrote (`current(_:)`); nil when one is not.
        public func untouchedFiles() -> [String]? {
            for path in files {
                guard inputs[path] != nil, let recorded = stamps[path], writer.stamp(of: writer.folder + "/" + path) == recorded else { return nil }
            }
            return files
        }
    }

    /// Nil when there is no manifest, or it cannot be read (`write` says so), or the folder
    /// is not the tool's.
    public func lastRun() -> LastRun? {
        var ignored = Report()
        guard scope == .wholeFolder, let manifest = readManifest(&ignored) else { return nil }
        return LastRun(record: manifest.record, files: manifest.files.keys.sorted(), inputs: manifest.inputs, stamps: manifest.stamps, writer: self)
    }

    /// Writes `files`, and keeps `current` (files `current(_:)` found up to date, not made
    /// again this run) as they are: they count as unchanged and stay in the manifest.
    /// `record` (JSON: what the command wants the next run to know of this one, `lastRun()`)
    /// is kept in the manifest only once every file is written, so a run killed half-way
    /// leaves none.
    public func write(_ files: [OutputFile], keeping current: Set<String> = [], record: Data? = nil) throws -> Report {
        try validate(files)
        var report = Report()
        let manifestFile = scope == .wholeFolder ? readManifest(&report) : nil
        let previous = manifestFile?.files
        let current = manifestFile.map { manifest in current.filter { manifest.files[$0] != nil } } ?? []
        var files = files
        var wouldPrint: [String] = []
        if let pdf {
            let printed: [OutputFile]
            (printed, wouldPrint) = try pdfs(of: files, printer: pdf, previous: previous)
            files += printed
            try validate(files)
        }
        if let previous {
            // A file the tool never wrote must not be overwritten either.
            let inTheWay = files.filter {
                previous[$0.path] == nil && FileManager.default.fileExists(atPath: folder + "/" + $0.path) && fileDiffers(at: $0.path, from: $0.bytes)
            }
            if !inTheWay.isEmpty {
                throw InputErrors(inTheWay.map {
                    Diagnostic(.error, "a file handout did not write is where it would write: move it away, or choose another output folder", path: display($0.path))
                })
            }
        }
        var manifest = (previous ?? [:]).merging(Dictionary(files.map { ($0.path, Self.hash($0.bytes)) }, uniquingKeysWith: { $1 })) { $1 }
        // Inputs and stamps are recorded only once a file is written: until then a killed run
        // leaves the file without them, so the next run makes it again.
        var inputs: [String: String] = [:], stamps: [String: String] = [:]
        for path in current {
            inputs[path] = manifestFile?.inputs[path]
            stamps[path] = manifestFile?.stamps[path]
        }
        if !dryRun {
            try AtomicFile.makeFolder(folder, mode: folderMode)
            // Recorded before writing, so a build killed half-way still knows what it wrote.
            // The last run's record goes too: it spoke for files this run is about to change.
            if scope == .wholeFolder && (manifest != previous || manifestFile?.record != nil) {
                try writeManifest(Manifest(files: manifest, inputs: inputs, stamps: stamps))
            }
            // A run killed mid-write leaves a hidden temporary file; this run clears it away.
            for (subfolder, names) in Dictionary(grouping: files.map(\.path), by: { ($0 as NSString).deletingLastPathComponent }) {
                AtomicFile.removeLeftovers(
                    in: subfolder.isEmpty ? folder : folder + "/" + subfolder,
                    of: Set(names.map { ($0 as NSString).lastPathComponent } + [Self.manifestName]))
            }
        }
        for file in files {
            let target = folder + "/" + file.path
            if dryRun {
                if fileDiffers(at: file.path, from: file.bytes) || !hasMode(target) { report.written.append(file.path) } else { report.unchanged.append(file.path) }
                continue
            }
            try AtomicFile.makeFolder((target as NSString).deletingLastPathComponent, mode: folderMode)
            // AtomicFile rewrites a file whose bytes or mode differ, and only such a file.
            switch try AtomicFile.write(bytes: file.bytes, to: target, mode: mode) {
            case .written: report.written.append(file.path)
            case .unchanged: report.unchanged.append(file.path)
            }
            if let fileInputs = file.inputs, let stamp = stamp(of: target) {
                inputs[file.path] = fileInputs
                stamps[file.path] = stamp
            }
        }
        // A dry run names the PDFs it would print, without printing them.
        report.written += wouldPrint
        report.unchanged += current.sorted()
        guard scope == .wholeFolder, let previous else {
            if scope == .wholeFolder && !dryRun { try writeManifest(Manifest(files: manifest, inputs: inputs, stamps: stamps, record: record)) }
            return report
        }
        let planned = Set(files.map(\.path) + report.written).union(current)
        for (path, recorded) in previous.sorted(by: { $0.key < $1.key }) where !planned.contains(path) {
            manifest[path] = nil
            let target = folder + "/" + path
            var status = stat()
            guard lstat(target, &status) == 0 else { continue }  // already gone
            guard status.st_mode & S_IFMT == S_IFREG, let data = FileManager.default.contents(atPath: target),
                Self.hash(data) == recorded
            else {
                report.leftAlone.append(path)
                continue
            }
            if !dryRun {
                guard unlink(target) == 0 else { throw InputErrors([Diagnostic(.error, "cannot remove an output that no longer belongs: \(String(cString: strerror(errno)))", path: display(path))]) }
                removeEmptyFolders(above: path)
            }
            report.removed.append(path)
        }
        if !dryRun { try writeManifest(Manifest(files: manifest, inputs: inputs, stamps: stamps, record: record)) }
        return report
    }

    // MARK: - Paths

    private func display(_ path: String) -> String { PathDisplay.relative(folder + "/" + path) }

    /// A name inside the folder: relative, no `.` or `..` parts, no empty parts.
    static func isSafe(_ path: String) -> Bool {
        let parts = path.split(separator: "/", omittingEmptySubsequences: false)
        return !path.isEmpty && !parts.contains { $0.isEmpty || $0 == "." || $0 == ".." } && path != manifestName
    }

    private func validate(_ files: [OutputFile]) throws {
        var seen: Set<String> = []
        for file in files {
            guard Self.isSafe(file.path), seen.insert(file.path).inserted else {
                throw InputErrors([Diagnostic(.error, "internal error: output name \"\(file.path)\" is not a plain name inside the folder, or comes twice", path: PathDisplay.relative(folder))])
            }
        }
    }

    private func fileDiffers(at path: String, from bytes: [UInt8]) -> Bool {
        guard let existing = FileManager.default.contents(atPath: folder + "/" + path) else { return true }
        return !existing.elementsEqual(bytes)
    }

    // MARK: - PDF

    /// `page.pdf` beside `page.html`; nil for a file that is not an HTML page.
    public static func pdfPath(of path: String) -> String? {
        path.hasSuffix(".html") ? String(path.dropLast(".html".count)) + ".pdf" : nil
    }

    /// A PDF for each HTML page, `page.html` → `page.pdf`. One the manifest shows was
    /// printed from this very page (the page's bytes unchanged since, the PDF's too) is kept
    /// as it is, without starting Chromium; the others are printed, or in a dry run only
    /// named (`wouldPrint`).
    private func pdfs(of files: [OutputFile], printer: PDFPrinter, previous: [String: String]?) throws -> (printed: [OutputFile], wouldPrint: [String]) {
        var printed: [OutputFile] = []
        var wouldPrint: [String] = []
        for page in files {
            guard let path = Self.pdfPath(of: page.path) else { continue }
            if let previous, previous[page.path] == Self.hash(page.bytes), let recorded = previous[path],
                let existing = FileManager.default.contents(atPath: folder + "/" + path), Self.hash(existing) == recorded
            {
                printed.append(OutputFile(path: path, bytes: Array(existing), inputs: page.inputs))
            } else if dryRun {
                wouldPrint.append(path)
            } else {
                printed.append(OutputFile(path: path, bytes: try printer.print(page.bytes, name: page.path, shownPath: display(page.path)), inputs: page.inputs))
            }
        }
        return (printed, wouldPrint)
    }

    /// For a dry run, as AtomicFile decides: true when the file does not exist yet (it will
    /// get the mode) or has exactly `mode`.
    private func hasMode(_ target: String) -> Bool {
        var status = stat()
        guard lstat(target, &status) == 0 else { return true }
        return status.st_mode & 0o7777 == mode
    }

    private func removeEmptyFolders(above path: String) {
        var parts = path.split(separator: "/").dropLast()
        while !parts.isEmpty {
            guard rmdir(folder + "/" + parts.joined(separator: "/")) == 0 else { return }
            parts = parts.dropLast()
        }
    }

    /// The size, modification time, inode and mode of the file at `path`, as the manifest
    /// keeps them, the way `git` and `make` tell a file changed without reading it; nil when
    /// there is no regular file.
    fileprivate func stamp(of path: String) -> String? {
        var status = stat()
        guard lstat(path, &status) == 0, status.st_mode & S_IFMT == S_IFREG else { return nil }
        #if canImport(Darwin)
        let modified = status.st_mtimespec
        #else
        let modified = status.st_mtim
        #endif
        return "\(status.st_size):\(modified.tv_sec).\(modified.tv_nsec):\(status.st_ino):\(String(status.st_mode & 0o7777, radix: 8))"
    }

    // MARK: - Manifest

    /// What the manifest holds: every file the tool wrote with a fingerprint of its bytes, to
    /// tell its own files from files changed since; and, for files made from known inputs,
    /// the fingerprint of those inputs and the file's stamp (`stamp(of:)`), so a later run can
    /// skip making a file whose inputs did not change; and the command's record of the run
    /// as a whole (`write(_:keeping:record:)`), as JSON.
    struct Manifest {
        var files: [String: String]
        var inputs: [String: String] = [:]
        var stamps: [String: String] = [:]
        var record: Data?
    }

    /// `{"build": {…}, "files": {"path": "fnv1a64:…"}, "generator": "handout", "inputs": {…}, "stamps": {…}}`.
    private func readManifest(_ report: inout Report) -> Manifest? {
        let path = folder + "/" + Self.manifestName
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
            let files = object["files"] as? [String: String]
        else {
            report.warnings.append(Diagnostic(.warning, "the manifest cannot be read, so no old output is removed; delete it to start afresh", path: PathDisplay.relative(path)))
            return nil
        }
        // A name that is not a plain path inside the folder is never acted on.
        let safe = files.filter { Self.isSafe($0.key) }
        return Manifest(
            files: safe,
            inputs: (object["inputs"] as? [String: String] ?? [:]).filter { safe[$0.key] != nil },
            stamps: (object["stamps"] as? [String: String] ?? [:]).filter { safe[$0.key] != nil },
            record: (object["build"] as? [String: Any]).flatMap { try? JSONSerialization.data(withJSONObject: $0) })
    }

    private func writeManifest(_ manifest: Manifest) throws {
        var object: [String: Any] = ["generator": "handout", "files": manifest.files]
        // Only files still in the manifest keep their inputs.
        let inputs = manifest.inputs.filter { manifest.files[$0.key] != nil }
        if !inputs.isEmpty {
            object["inputs"] = inputs
            object["stamps"] = manifest.stamps.filter { inputs[$0.key] != nil }
        }
        if let record = manifest.record, let value = try? JSONSerialization.jsonObject(with: record) as? [String: Any] { object["build"] = value }
        let data = try JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
        try AtomicFile.write(String(decoding: data, as: UTF8.self) + "\n", to: folder + "/" + Self.manifestName, mode: mode)
    }

    /// FNV-1a, 64 bits: enough to notice a changed file, not a security measure.
    static func hash<Bytes: Sequence>(_ bytes: Bytes) -> String where Bytes.Element == UInt8 {
        var value: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            value ^= UInt64(byte)
            value &*= 0x0000_0100_0000_01b3
        }
        return "fnv1a64:" + String(value, radix: 16)
    }

    static func hash(_ text: String) -> String { hash(text.utf8) }
}
