/// A finding about an input file, printed the way compilers print them so editors can jump
/// to it: `path:line:column: level: message`.
public struct Diagnostic: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Level: String, Sendable, Comparable {
        case note, warning, error

        public static func < (lhs: Level, rhs: Level) -> Bool {
            let order: [Level] = [.note, .warning, .error]
            return order.firstIndex(of: lhs)! < order.firstIndex(of: rhs)!
        }
    }

    public var level: Level
    public var path: String
    public var line: Int?
    public var column: Int?
    public var message: String
    /// The stable id of the `handout check` rule that found it, if any.
    public var rule: String?

    public init(_ level: Level, _ message: String, path: String, line: Int? = nil, column: Int? = nil, rule: String? = nil) {
        self.level = level
        self.message = message
        self.path = path
        self.line = line
        self.column = column
        self.rule = rule
    }

    public var location: String {
        var location = path
        if let line {
            location += ":\(line)"
            if let column { location += ":\(column)" }
        }
        return location
    }

    /// Control characters a message quotes from a file are shown, not sent to the terminal.
    public var description: String {
        ControlCharacters.visible("\(location): \(level.rawValue): \(message)" + (rule.map { " [\($0)]" } ?? ""))
    }
}

/// Thrown when an input cannot be used; carries every problem found, not just the first.
public struct InputErrors: Error, Sendable, CustomStringConvertible {
    public var diagnostics: [Diagnostic]

    public init(_ diagnostics: [Diagnostic]) { self.diagnostics = diagnostics }

    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}

/// Collects diagnostics while a file is read, then either hands back the value or throws them.
/// A class, so the small readers of one file can all write to it.
final class DiagnosticLog {
    private(set) var diagnostics: [Diagnostic] = []
    let path: String

    init(path: String) { self.path = path }

    func add(_ level: Diagnostic.Level, _ message: String, line: Int? = nil, column: Int? = nil) {
        diagnostics.append(Diagnostic(level, message, path: path, line: line, column: column))
    }

    func add(_ found: [Diagnostic]) {
        diagnostics += found
    }

    var hasErrors: Bool { diagnostics.contains { $0.level == .error } }

    /// The diagnostics in file order.
    var sorted: [Diagnostic] {
        diagnostics.enumerated().sorted { a, b in
            let keyA = (a.element.line ?? 0, a.element.column ?? 0, a.offset)
            let keyB = (b.element.line ?? 0, b.element.column ?? 0, b.offset)
            return keyA < keyB
        }.map(\.element)
    }

    /// Throws the errors (with any warnings beside them), in file order, when there are errors.
    func throwIfErrors() throws {
        if hasErrors { throw InputErrors(sorted) }
    }
}
