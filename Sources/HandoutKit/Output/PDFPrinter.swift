#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// `--pdf`: prints a page to PDF with headless Chromium, for the write step to put beside
/// the HTML (`OutputWriter`). Each page is printed from a private temporary folder (0700,
/// removed afterwards, Chromium's profile inside it), with name lookups and background
/// traffic switched off; the page is self-contained anyway and its Content-Security-Policy
/// forbids every load. The PDF comes back with the print time and the temporary folder
/// taken out, so the same page gives the same bytes (and an unchanged PDF is not rewritten).
public struct PDFPrinter: Sendable {
    /// The Chromium (or Chrome) program that prints.
    public let browser: String
    /// How long one page may take before Chromium is stopped.
    public var timeout: Duration = .seconds(120)

    /// The environment variable that names the browser, overriding the search on `PATH`.
    public static let browserVariable = "HANDOUT_CHROMIUM"
    /// Program names searched for on `PATH`, in order.
    static let browserNames = ["chromium", "chromium-browser", "google-chrome-stable", "google-chrome"]

    public init(browser: String) {
        self.browser = browser
    }

    /// The browser named by `HANDOUT_CHROMIUM`, else the first Chromium on `PATH` (or, on
    /// macOS, Google Chrome in /Applications). Throws `MissingProgram` when there is none,
    /// before anything is rendered or written. Also removes the temporary folders a killed
    /// run left (they hold a client's page).
    public static func locate(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> PDFPrinter {
        removeLeftovers()
        if let named = environment[browserVariable], !named.isEmpty {
            guard isProgram(named) else {
                throw MissingProgram(Diagnostic(.error, "\(browserVariable) names \"\(named)\", which is not a program that can run: give the path of Chromium, or unset it to use the chromium on PATH", path: "handout"))
            }
            return PDFPrinter(browser: named)
        }
        var candidates = (environment["PATH"] ?? "").split(separator: ":").flatMap { folder in browserNames.map { "\(folder)/\($0)" } }
        #if os(macOS)
        candidates += ["/Applications/Chromium.app/Contents/MacOS/Chromium", "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome"]
        #endif
        guard let found = candidates.first(where: isProgram) else {
            throw MissingProgram(Diagnostic(.error, "--pdf prints with Chromium, which is not installed: install Debian's package chromium (apt-get install chromium), or set \(browserVariable) to the browser's path", path: "handout"))
        }
        return PDFPrinter(browser: found)
    }

    private static func isProgram(_ path: String) -> Bool {
        var isFolder: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) && !isFolder.boolValue && access(path, X_OK) == 0
    }

    /// `html` printed to PDF. `name` is the page's file name (`packet.es.html`): the page is
    /// printed under that name, so its links to itself and to the pages beside it stay
    /// relative in the PDF. `shownPath` names the page in an error.
    public func print(_ html: [UInt8], name: String, shownPath: String) throws -> [UInt8] {
        func failure(_ message: String) -> InputErrors {
            InputErrors([Diagnostic(.error, "Chromium could not print the page to PDF: \(message)", path: shownPath)])
        }
        let folder = try Self.makePrivateFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let page = folder + "/" + ((name as NSString).lastPathComponent)
        let pdf = folder + "/page.pdf"
        guard FileManager.default.createFile(atPath: page, contents: Data(html), attributes: [.posixPermissions: 0o600]) else {
            throw failure("cannot write the page into a temporary folder")
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: browser)
        process.arguments = Self.arguments(profile: folder + "/profile", pdf: pdf, page: page)
        // Chromium's own files (profile, certificates, crash reports) go into the temporary
        // folder and are removed with it; nothing is left in the home folder.
        var environment = ProcessInfo.processInfo.environment
        for variable in ["HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_DATA_HOME"] { environment[variable] = folder }
        process.environment = environment
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        let finished = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in finished.signal() }
        do {
            try process.run()
        } catch {
            throw failure("cannot start \(browser): \(error.localizedDescription)")
        }
        let seconds = Double(timeout.components.seconds)
        if finished.wait(timeout: .now() + seconds) == .timedOut {
            process.terminate()
            if finished.wait(timeout: .now() + 10) == .timedOut {
                kill(process.processIdentifier, SIGKILL)
                finished.wait()
            }
            throw failure("it took more than \(Int(seconds)) seconds and was stopped")
        }
        guard process.terminationReason == .exit, process.terminationStatus == 0,
            let data = FileManager.default.contents(atPath: pdf), data.starts(with: Array("%PDF-".utf8))
        else {
            throw failure("\(browser) ended with status \(process.terminationStatus) and no PDF")
        }
        return Self.normalize(Array(data), pageFolder: folder)
    }

    /// Headless printing with nothing else: no header or footer of Chromium's own (its date
    /// and the page's address), no name lookups, no background traffic, no first-run work.
    static func arguments(profile: String, pdf: String, page: String) -> [String] {
        [
            "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
            "--user-data-dir=" + profile, "--no-first-run", "--no-default-browser-check",
            "--disable-extensions", "--disable-sync", "--disable-default-apps",
            "--disable-background-networking", "--disable-component-update", "--disable-domain-reliability",
            "--disable-breakpad", "--host-resolver-rules=MAP * ~NOTFOUND",
            "--no-pdf-header-footer", "--print-to-pdf=" + pdf,
            URL(fileURLWithPath: page).absoluteString,
        ]
    }

    /// Where the printing folders go: the temporary folder, if its path is plain (the path
    /// is taken out of the PDF's links byte for byte), else /tmp.
    static var temporaryBase: String {
        let base = NSTemporaryDirectory()
        guard !base.isEmpty, base.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "/._-".contains($0)) }) else { return "/tmp/" }
        return base.hasSuffix("/") ? base : base + "/"
    }

    /// A new folder only this user can enter, in the temporary folder:
    /// `handout-pdf.<pid>.<random>`, so a later run can tell one whose process is gone.
    static func makePrivateFolder() throws -> String {
        let base = temporaryBase
        var template = (base + "handout-pdf.\(getpid()).XXXXXX").utf8CString
        guard template.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) }) != nil else {
            throw InputErrors([Diagnostic(.error, "cannot make a temporary folder to print in: \(String(cString: strerror(errno)))", path: base)])
        }
        return template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
    }

    /// Removes this user's printing folders whose process is no longer running: what a run
    /// killed while Chromium printed left behind. A folder of a running process is left alone.
    static func removeLeftovers() {
        let base = temporaryBase
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: base) else { return }
        for entry in entries where entry.hasPrefix("handout-pdf.") {
            let parts = entry.split(separator: ".")
            var status = stat()
            guard parts.count == 3, let pid = pid_t(parts[1]), pid > 0, kill(pid, 0) != 0, errno == ESRCH,
                lstat(base + entry, &status) == 0, status.st_mode & S_IFMT == S_IFDIR, status.st_uid == geteuid()
            else { continue }
            try? FileManager.default.removeItem(atPath: base + entry)
        }
    }

    /// The PDF with the two things that differ from one printing of a page to the next
    /// replaced by spaces of the same length, so every byte offset in it still holds:
    /// the print time (`/CreationDate` and `/ModDate`) and the temporary folder in the
    /// links to the pages beside it (`file:///tmp/handout-pdf.x/eviction.es.html` becomes
    /// `eviction.es.html`, which a PDF reader opens beside the PDF).
    static func normalize(_ pdf: [UInt8], pageFolder: String) -> [UInt8] {
        var bytes = pdf
        for key in ["/CreationDate (", "/ModDate ("] {
            for start in occurrences(of: Array(key.utf8), in: bytes) {
                guard let end = closingParenthesis(in: bytes, from: start + key.utf8.count) else { continue }
                for index in start...end { bytes[index] = UInt8(ascii: " ") }
            }
        }
        // The folder's path has nothing a URL escapes (`makePrivateFolder`).
        let prefix = Array(("(file://" + pageFolder + (pageFolder.hasSuffix("/") ? "" : "/")).utf8)
        for start in occurrences(of: prefix, in: bytes).reversed() {
            guard let end = closingParenthesis(in: bytes, from: start + prefix.count) else { continue }
            // "(file:///…/name)" becomes "(name)" followed by spaces up to the old ")".
            let name = Array(bytes[(start + prefix.count)..<end])
            let replacement = [UInt8(ascii: "(")] + name + [UInt8(ascii: ")")]
            bytes.replaceSubrange(start...end, with: replacement + Array(repeating: UInt8(ascii: " "), count: end - start + 1 - replacement.count))
        }
        return bytes
    }

    private static func occurrences(of pattern: [UInt8], in bytes: [UInt8]) -> [Int] {
        guard !pattern.isEmpty, bytes.count >= pattern.count else { return [] }
        var found: [Int] = []
        var index = 0
        while index <= bytes.count - pattern.count {
            if bytes[index] == pattern[0] && bytes[index..<(index + pattern.count)].elementsEqual(pattern) {
                found.append(index)
                index += pattern.count
            } else {
                index += 1
            }
        }
        return found
    }

    /// The `)` that ends a PDF literal string whose text starts at `start` (a `\)` is text).
    private static func closingParenthesis(in bytes: [UInt8], from start: Int) -> Int? {
        var index = start
        while index < bytes.count {
            switch bytes[index] {
            case UInt8(ascii: "\\"): index += 2
            case UInt8(ascii: ")"): return index
            case UInt8(ascii: "("), UInt8(ascii: "\n"), UInt8(ascii: "\r"): return nil  // not a plain one-line string: leave it
            default: index += 1
            }
        }
        return nil
    }
}

/// A program a command needs is not installed (Chromium for `--pdf`): the command stops
/// before it renders or writes anything, and exits 69 (EX_UNAVAILABLE), so a script can
/// tell it from bad input (1) and from a usage error (64).
public struct MissingProgram: Error, Sendable, CustomStringConvertible {
    public static let exitCode: Int32 = 69
    public let diagnostic: Diagnostic

    public init(_ diagnostic: Diagnostic) { self.diagnostic = diagnostic }

    public var description: String { diagnostic.description }
}
