/// Building JSON values in code and writing them out, keys in the order given: what
/// `handout directory convert` writes. Positions of built values are 0.
extension JSONNode {
    static func string(_ text: String) -> JSONNode { JSONNode(value: .string(text), line: 0, column: 0) }
    static func number(_ number: Double) -> JSONNode { JSONNode(value: .number(number), line: 0, column: 0) }
    static func bool(_ flag: Bool) -> JSONNode { JSONNode(value: .bool(flag), line: 0, column: 0) }
    static func array(_ elements: [JSONNode]) -> JSONNode { JSONNode(value: .array(elements), line: 0, column: 0) }

    /// An object of the members whose value is not nil, in order.
    static func object(_ members: KeyValuePairs<String, JSONNode?>) -> JSONNode {
        object(members.map { ($0.key, $0.value) })
    }

    static func object(_ members: [(String, JSONNode?)]) -> JSONNode {
        let kept = members.compactMap { key, value in value.map { JSONNode.Member(key: key, keyLine: 0, keyColumn: 0, value: $0) } }
        return JSONNode(value: .object(kept), line: 0, column: 0)
    }

    /// Two-space indentation; an object or array that fits in `width` columns stays on one
    /// line (`{ "number": "+1 773 555 0110", "type": "voice" }`), as people write directories.
    func serialized(width: Int = 100) -> String { write(indent: 0, width: width) + "\n" }

    private func write(indent: Int, width: Int) -> String {
        switch value {
        case .null: return "null"
        case .bool(let flag): return flag ? "true" : "false"
        case .number(let number): return Self.format(number)
        case .string(let text): return Self.quote(text)
        case .array(let elements):
            if elements.isEmpty { return "[]" }
            if let line = compact(), indent + line.count <= width, indent > 2 || elements.allSatisfy(\.isScalar) { return line }
            let pad = String(repeating: " ", count: indent + 2)
            return "[\n" + elements.map { pad + $0.write(indent: indent + 2, width: width) }.joined(separator: ",\n")
                + "\n" + String(repeating: " ", count: indent) + "]"
        case .object(let members):
            if members.isEmpty { return "{}" }
            if indent > 4, let line = compact(), indent + line.count <= width { return line }
            let pad = String(repeating: " ", count: indent + 2)
            return "{\n" + members.map { pad + Self.quote($0.key) + ": " + $0.value.write(indent: indent + 2, width: width) }
                .joined(separator: ",\n") + "\n" + String(repeating: " ", count: indent) + "}"
        }
    }

    private var isScalar: Bool {
        switch value {
        case .array, .object: return false
        default: return true
        }
    }

    /// One line, or nil when the value holds an object inside an array (phones stay one a line).
    private func compact() -> String? {
        switch value {
        case .array(let elements):
            let parts = elements.compactMap { $0.compact() }
            return parts.count == elements.count ? "[" + parts.joined(separator: ", ") + "]" : nil
        case .object(let members):
            let parts = members.compactMap { member in member.value.compact().map { Self.quote(member.key) + ": " + $0 } }
            return parts.count == members.count ? "{ " + parts.joined(separator: ", ") + " }" : nil
        default:
            return write(indent: 0, width: 0)
        }
    }

    /// 200 → "200", 41.8445 → "41.8445".
    static func format(_ number: Double) -> String {
        if number == number.rounded(), abs(number) < 1e15 { return String(Int(number)) }
        return String(number)
    }

    static func quote(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
