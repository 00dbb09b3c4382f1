import Foundation

/// A phone number as a directory writes it ("+1 312 555 0100", "(312) 555-0100", "988"),
/// checked and turned into a display form and a `tel:` link.
public struct PhoneNumber: Sendable, Equatable {
    /// Digits only, with the country code for North American numbers.
    public let digits: String
    /// An extension to dial after the number ("ext. 12"), if any.
    public let extensionDigits: String?

    /// Accepts digits with spaces, dots, dashes and parentheses, an optional leading `+`;
    /// 10 digits (North American), 11 starting with 1, 7 to 15 after a `+`, or a 3-digit
    /// N11 service number such as 211 or 988.
    public init?(_ text: String) {
        var trimmed = text.trimmedOfSpaces
        var extensionDigits: String?
        // Every extension has an "x" ("x12", "ext. 12"): most numbers skip the pattern.
        if trimmed.utf8.contains(where: { $0 | 0x20 == UInt8(ascii: "x") }), let match = trimmed.firstMatch(of: Self.extensionPattern) {
            extensionDigits = String(match.output.1)
            trimmed = String(trimmed[..<match.range.lowerBound])
        }
        self.extensionDigits = extensionDigits
        // Byte by byte: every allowed character is ASCII, so any other byte rejects the text.
        var body = Array(trimmed.utf8)[...]
        let plus = body.first == UInt8(ascii: "+")
        if plus { body = body.dropFirst() }
        guard !body.isEmpty, body.allSatisfy(Self.allowed.contains),
            body.count(where: { $0 == UInt8(ascii: "(") }) == body.count(where: { $0 == UInt8(ascii: ")") })
        else { return nil }
        let digits = String(decoding: body.filter { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }, as: UTF8.self)
        switch (plus, digits.count) {
        case (false, 3) where digits.hasSuffix("11") || digits == "988":
            self.digits = String(digits)
        case (false, 10):
            guard Self.isNorthAmerican(Substring(digits)) else { return nil }
            self.digits = "1" + digits
        case (_, 11) where digits.first == "1":
            guard Self.isNorthAmerican(digits.dropFirst()) else { return nil }
            self.digits = String(digits)
        case (true, 7...15) where digits.first != "1":
            self.digits = String(digits)
        default:
            return nil
        }
    }

    private static let allowed = Array("0123456789 .-()".utf8)

    /// " x12", " ext. 12", " ext 12" at the end of a number.
    nonisolated(unsafe) private static let extensionPattern = try! Regex<(Substring, Substring)>(#"(?i)\s*(?:x|ext\.?)\s*([0-9]{1,6})$"#)

    /// Area code and exchange may not start with 0 or 1.
    private static func isNorthAmerican(_ ten: Substring) -> Bool {
        let chars = Array(ten)
        return chars.count == 10 && chars[0] >= "2" && chars[3] >= "2"
    }

    private var isNorthAmerican: Bool { digits.count == 11 && digits.first == "1" }

    /// "312-555-0100" for North American numbers (one token, so text never breaks inside it),
    /// "988" for service numbers, "+44 20 7946 0958" left as digits with a plus otherwise.
    public var display: String {
        let number: String
        if isNorthAmerican {
            let d = Array(digits.dropFirst())
            number = String(d[0..<3]) + "-" + String(d[3..<6]) + "-" + String(d[6..<10])
        } else {
            number = digits.count == 3 ? digits : "+" + digits
        }
        return number + (extensionDigits.map { " ext. " + $0 } ?? "")
    }

    /// RFC 3966: `tel:+13125550100;ext=12`.
    public var telURL: String {
        (digits.count == 3 ? "tel:" + digits : "tel:+" + digits) + (extensionDigits.map { ";ext=" + $0 } ?? "")
    }
}
