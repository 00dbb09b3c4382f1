import Foundation

/// Reads the fields of one JSON object for the directory loader, reporting wrong types,
/// missing required fields and unknown keys, each at the position of the value (or of the
/// object when the field is missing). Messages name the owner and the field path:
/// `partner "x": phones[0].number: …`.
///
/// A lenient reader (for HSDS, whose real data is messy) reports the same problems as
/// warnings, the value left out, and reads numbers written as strings and the reverse.
struct FieldReader {
    let node: JSONNode
    /// Who owns the fields: `partner "x"`, `region`.
    let owner: String
    /// Where this object sits inside its owner: "" for the owner itself, `phones[0]`.
    let path: String
    let log: DiagnosticLog
    let lenient: Bool

    init(_ node: JSONNode, owner: String, path: String = "", log: DiagnosticLog, lenient: Bool = false) {
        self.node = node
        self.owner = owner
        self.path = path
        self.log = log
        self.lenient = lenient
    }

    /// A reader for an object nested in this one.
    func nested(_ child: JSONNode, field: String) -> FieldReader {
        FieldReader(child, owner: owner, path: fieldPath(field), log: log, lenient: lenient)
    }

    private func fieldPath(_ field: String) -> String { path.isEmpty ? field : "\(path).\(field)" }

    /// Errors, or for a lenient reader warnings about what is left out.
    private func report(_ message: String, at: JSONNode) {
        log.add(lenient ? .warning : .error, message + (lenient ? " (left out)" : ""), line: at.line, column: at.column)
    }

    /// Reports a problem with `field`, at `position` or else at the field's value.
    func fail(_ field: String, _ message: String, at position: JSONNode? = nil) {
        report("\(owner): \(fieldPath(field)): \(message)", at: position ?? value(field) ?? node)
    }

    /// False (after reporting it) when the node is not an object.
    func expectObject() -> Bool {
        if case .object = node.value { return true }
        let subject = path.isEmpty ? owner : "\(owner): \(path)"
        report("\(subject): expected an object, found \(node.typeDescription)", at: node)
        return false
    }

    /// The field's value; `null` counts as absent. A missing required field is reported.
    func value(_ field: String, required: Bool = false) -> JSONNode? {
        if let found = node[field], !found.isNull { return found }
        if required {
            let subject = path.isEmpty ? owner : "\(owner): \(path)"
            log.add(.error, "\(subject): missing required field \"\(field)\"", line: node.line, column: node.column)
        }
        return nil
    }

    func wrongType(_ field: String, expected: String, found: JSONNode) {
        fail(field, "expected \(expected), found \(found.typeDescription)", at: found)
    }

    func string(_ field: String, required: Bool = false) -> String? {
        guard let found = value(field, required: required) else { return nil }
        if lenient, case .number(let number) = found.value { return HandoutContext.number(number) }
        guard case .string(let text) = found.value else {
            wrongType(field, expected: "a string", found: found)
            return nil
        }
        let trimmed = text.trimmedOfSpacesAndNewlines
        if trimmed.isEmpty {
            if required { fail(field, "must not be empty", at: found) }
            return nil
        }
        return withinLimit(trimmed, field: field, at: found)
    }

    /// The longest text a field may hold, in characters: a listing, not a document.
    static let maximumTextLength = 10_000

    /// `text`, or nil after reporting it when it is longer than `maximumTextLength`.
    func withinLimit(_ text: String, field: String, at node: JSONNode) -> String? {
        // No more bytes than the limit means no more characters: most fields skip counting.
        guard text.utf8.count > Self.maximumTextLength else { return text }
        let length = text.count
        guard length > Self.maximumTextLength else { return text }
        fail(field, "is \(length) characters long, more than the limit of \(Self.maximumTextLength): shorten it", at: node)
        return nil
    }

    func bool(_ field: String) -> Bool? {
        guard let found = value(field) else { return nil }
        guard case .bool(let flag) = found.value else {
            wrongType(field, expected: "true or false", found: found)
            return nil
        }
        return flag
    }

    /// A JSON number; a lenient reader also takes one written as a string, but not "inf"
    /// or "nan", which Double(_:) reads and JSON cannot hold.
    func number(_ field: String) -> Double? {
        guard let found = value(field) else { return nil }
        if lenient, case .string(let text) = found.value, let number = Double(text.trimmingCharacters(in: .whitespaces)), number.isFinite {
            return number
        }
        guard case .number(let number) = found.value else {
            wrongType(field, expected: "a number", found: found)
            return nil
        }
        return number
    }

    /// A whole number in `range`, or nil after reporting it: 18.5 or 1e300 years is no age,
    /// and converting it to Int would trap.
    func wholeNumber(_ field: String, in range: ClosedRange<Int>) -> Int? {
        guard let number = number(field) else { return nil }
        guard let whole = Int(exactly: number), range.contains(whole) else {
            fail(field, "\(HandoutContext.number(number)) is not a whole number from \(range.lowerBound) to \(range.upperBound)")
            return nil
        }
        return whole
    }

    func array(_ field: String, required: Bool = false) -> [JSONNode]? {
        guard let found = value(field, required: required) else { return nil }
        guard case .array(let elements) = found.value else {
            wrongType(field, expected: "an array", found: found)
            return nil
        }
        return elements
    }

    /// An array of strings, with the position of each; other elements are reported.
    func strings(_ field: String, required: Bool = false) -> [(text: String, node: JSONNode)] {
        guard let elements = array(field, required: required) else { return [] }
        var result: [(String, JSONNode)] = []
        for (offset, element) in elements.enumerated() {
            if case .string(let text) = element.value {
                result.append((text, element))
            } else {
                wrongType("\(field)[\(offset)]", expected: "a string", found: element)
            }
        }
        return result
    }

    /// A text a client reads: a string (English), or an object of language code → string.
    func localizedText(_ field: String, required: Bool = false) -> LocalizedText? {
        guard let found = value(field, required: required) else { return nil }
        let text = localizedText(found, field: field)
        if text == nil, required, case .string = found.value { fail(field, "must not be empty", at: found) }
        return text
    }

    func localizedText(_ found: JSONNode, field: String) -> LocalizedText? {
        switch found.value {
        case .string(let text):
            let trimmed = text.trimmedOfSpacesAndNewlines
            return trimmed.isEmpty ? nil : withinLimit(trimmed, field: field, at: found).map { LocalizedText($0) }
        case .object(let members):
            var texts: [String: String] = [:]
            for member in members {
                let at = "\(field).\(member.key)"
                if let problem = LanguageCode.problem(member.key) {
                    fail(at, problem, at: member.value)
                    continue
                }
                guard case .string(let text) = member.value.value else {
                    wrongType(at, expected: "a string", found: member.value)
                    continue
                }
                if texts[member.key] != nil { fail(at, "given twice", at: member.value); continue }
                let trimmed = text.trimmedOfSpacesAndNewlines
                if !trimmed.isEmpty, let kept = withinLimit(trimmed, field: at, at: member.value) { texts[member.key] = kept }
            }
            if members.isEmpty { fail(field, "give the text, or a text for at least one language", at: found) }
            return LocalizedText(texts)
        default:
            wrongType(field, expected: "a string or an object of language → text", found: found)
            return nil
        }
    }

    func object(_ field: String) -> FieldReader? {
        guard let found = value(field) else { return nil }
        let reader = nested(found, field: field)
        return reader.expectObject() ? reader : nil
    }

    /// An http or https URL.
    func url(_ field: String) -> String? {
        guard let text = string(field) else { return nil }
        guard WebAddress.isHTTP(text) else {
            fail(field, "\"\(text)\" is not an http or https URL")
            return nil
        }
        return text
    }

    /// An address with one @ and a dot after it.
    func email(_ field: String) -> String? {
        guard let text = string(field) else { return nil }
        guard Self.isEmailAddress(text) else {
            fail(field, "\"\(text)\" is not an email address")
            return nil
        }
        return text
    }

    /// One "@" with text before it, and after it a dot with text on both sides; no white
    /// space. Printable ASCII is checked byte by byte; anything else goes to the pattern
    /// (ICU's idea of white space), which costs a millisecond to compile.
    static func isEmailAddress(_ text: String) -> Bool {
        let bytes = text.utf8
        guard bytes.allSatisfy({ (0x20...0x7E).contains($0) }) else {
            return text.range(of: "^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$", options: .regularExpression) != nil
        }
        let parts = bytes.split(separator: UInt8(ascii: "@"), omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, !bytes.contains(UInt8(ascii: " ")) else { return false }
        let domain = parts[1]
        return domain.dropFirst().dropLast().contains(UInt8(ascii: "."))
    }

    /// Reports every key that is not in `known` (with the nearest known name) and every key
    /// written twice.
    func finish(known: [String]) {
        guard case .object(let members) = node.value else { return }
        let subject = path.isEmpty ? owner : "\(owner): \(path)"
        var seen: Set<String> = []
        for member in members {
            let at = JSONNode(value: .null, line: member.keyLine, column: member.keyColumn)
            if !seen.insert(member.key).inserted {
                report("\(subject): field \"\(member.key)\" is given twice", at: at)
            } else if !known.contains(member.key) {
                report("\(subject): " + NearestName.describe("unknown field \"\(member.key)\"", name: member.key, among: known), at: at)
            }
        }
    }
}

extension JSONNode {
    var isNull: Bool { if case .null = value { return true }; return false }
}

/// The one rule for web addresses in directories and on the command line.
public enum WebAddress {
    /// An http or https URL with a host: the only links a handout may print.
    public static func isHTTP(_ text: String) -> Bool {
        let lowered = text.lowercased()
        guard lowered.hasPrefix("http://") || lowered.hasPrefix("https://"), let url = URL(string: text) else { return false }
        return url.host?.isEmpty == false
    }
}
