#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// What a site build keeps in its manifest about itself (`OutputWriter.write(_:keeping:record:)`),
/// so that the next build with nothing changed neither checks nor plans again:
///
/// - the checks' findings, under a fingerprint of everything the checks read (`checks`): every
///   input file's bytes, the tool, the day (a review falls due with the date) and the current
///   folder (findings name files relative to it);
/// - the fingerprint of everything the site's pages are made from (`site`) and how many pages
///   that made. When it matches and every file the manifest lists is still as written, the
///   site is current and nothing is loaded, planned or rendered.
///
/// A record that cannot be read, or whose fingerprints do not match, is ignored: the build
/// then does the work, as if there were none.
struct BuildRecord: Codable, Equatable {
    var checks: String
    var findings: [Finding]
    var site: String
    var pages: Int

    /// A `Diagnostic`, as the manifest keeps it.
    struct Finding: Codable, Equatable {
        var level: String
        var path: String
        var line: Int?
        var column: Int?
        var message: String
        var rule: String?
    }

    init(checks: String, findings: [Diagnostic], site: String, pages: Int) {
        self.checks = checks
        self.findings = findings.map {
            Finding(level: $0.level.rawValue, path: $0.path, line: $0.line, column: $0.column, message: $0.message, rule: $0.rule)
        }
        self.site = site
        self.pages = pages
    }

    /// Nil for anything that is not a whole record written by this format.
    init?(json: Data) {
        guard let record = try? JSONDecoder().decode(BuildRecord.self, from: json), record.diagnostics != nil, record.pages >= 0 else { return nil }
        self = record
    }

    var json: Data { (try? JSONEncoder().encode(self)) ?? Data() }

    /// The findings; nil when one has a level this tool does not know.
    var diagnostics: [Diagnostic]? {
        var diagnostics: [Diagnostic] = []
        for finding in findings {
            guard let level = Diagnostic.Level(rawValue: finding.level) else { return nil }
            diagnostics.append(Diagnostic(level, finding.message, path: finding.path, line: finding.line, column: finding.column, rule: finding.rule))
        }
        return diagnostics
    }

    // MARK: - Fingerprints

    /// Every byte a build reads before it renders, read and hashed without parsing any of it:
    /// the tool, the project's settings (handout.yml as read, with the command's options),
    /// every file in the templates folder (names too: a misnamed one is a finding), the
    /// directory, the taxonomy map, the facts files, the project's layouts, and the bundled
    /// resources (layouts, ZIP table, jargon lists, poverty guidelines).
    static func projectInputs(_ project: Project) -> Fingerprint {
        var fingerprint = Site.toolInputs
        var settings = project
        settings.outputPath = ""  // where the site goes is not what it is made from
        fingerprint.add(contentsOf: settings)
        var reader = FileHasher()
        reader.add(folder: project.templatesPath, depth: 2, to: &fingerprint)
        reader.add(file: project.directoryPath, to: &fingerprint)
        if let map = project.taxonomyMapPath { reader.add(file: map, to: &fingerprint) }
        for path in project.factsPaths { reader.add(file: path, to: &fingerprint) }
        if let layouts = project.layoutsPath { reader.add(folder: layouts, depth: 1, to: &fingerprint) }
        reader.add(folder: project.resourcesPath, depth: 2, to: &fingerprint)
        return fingerprint
    }

    /// The key of the checks' findings: the inputs, the day they are checked on, and the
    /// folder their paths are shown relative to.
    static func checksKey(inputs: Fingerprint, today: Day) -> String {
        var key = inputs
        key.add("checks")
        key.add(today.description)
        key.add(FileManager.default.currentDirectoryPath)
        return key.description
    }

    /// The key of the site's files: the inputs, and whether each page has a PDF beside it.
    static func siteKey(inputs: Fingerprint, pdf: PDFPrinter?) -> String {
        var key = inputs
        key.add("site")
        key.add(contentsOf: pdf as Any)
        return key.description
    }
}

/// Reads input files into a fingerprint through one buffer.
private struct FileHasher {
    private var buffer = [UInt8](repeating: 0, count: 1 << 16)

    /// The file's bytes, or a marker when it cannot be read (a missing file is an input too).
    mutating func add(file path: String, to fingerprint: inout Fingerprint) {
        fingerprint.add(path)
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return fingerprint.add("unreadable") }
        defer { close(descriptor) }
        var size = 0
        while true {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 { return fingerprint.add("unreadable") }
            if count == 0 { break }
            size += count
            buffer.withUnsafeBytes { fingerprint.add(raw: UnsafeRawBufferPointer(rebasing: $0[..<count])) }
        }
        fingerprint.add(String(size))
    }

    /// Every name in `folder` that does not start with "." (the loaders skip those too), in
    /// order, with each file's bytes, and each folder's down to `depth` levels.
    mutating func add(folder: String, depth: Int, to fingerprint: inout Fingerprint) {
        fingerprint.add(folder)
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return fingerprint.add("unreadable") }
        for name in names.sorted() where !name.hasPrefix(".") {
            let path = folder + "/" + name
            var status = stat()
            guard stat(path, &status) == 0 else { fingerprint.add(path); fingerprint.add("unreadable"); continue }
            if status.st_mode & S_IFMT == S_IFDIR {
                if depth > 1 { add(folder: path, depth: depth - 1, to: &fingerprint) } else { fingerprint.add(path + "/") }
            } else {
                add(file: path, to: &fingerprint)
            }
        }
    }
}
