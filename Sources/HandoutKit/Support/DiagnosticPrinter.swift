#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// Prints diagnostics to standard error, in colour only on a terminal and when NO_COLOR is
/// unset (https://no-color.org).
public struct DiagnosticPrinter: Sendable {
    public var useColor: Bool

    public init(useColor: Bool = DiagnosticPrinter.standardErrorWantsColor) { self.useColor = useColor }

    public static var standardErrorWantsColor: Bool {
        isatty(STDERR_FILENO) != 0 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
    }

    public func format(_ diagnostic: Diagnostic) -> String {
        guard useColor else { return diagnostic.description }
        let color: String
        switch diagnostic.level {
        case .error: color = "\u{1B}[1;31m"
        case .warning: color = "\u{1B}[1;35m"
        case .note: color = "\u{1B}[1;36m"
        }
        let reset = "\u{1B}[0m"
        let rule = diagnostic.rule.map { " [\($0)]" } ?? ""
        let location = ControlCharacters.visible(diagnostic.location), message = ControlCharacters.visible(diagnostic.message)
        return "\u{1B}[1m\(location):\(reset) \(color)\(diagnostic.level.rawValue):\(reset) \(message)\(rule)"
    }

    public func print(_ diagnostics: [Diagnostic]) {
        for diagnostic in diagnostics {
            FileHandle.standardError.write(Data((format(diagnostic) + "\n").utf8))
        }
    }
}
