/// Escapes a value so that cmark reads it as literal text: every ASCII punctuation mark gets
/// a backslash (CommonMark allows that for all of them), and line breaks and runs of spaces
/// become one space, so a value can never start a heading, a list, a code block, a link,
/// an entity or raw HTML. Control characters are dropped (`ControlCharacters.singleLine`).
public enum MarkdownEscaping {
    public static func escape(_ value: String) -> String {
        if value.utf8.allSatisfy({ $0 < 0x80 }) { return escapeASCII(value) }
        var result = ""
        result.reserveCapacity(value.utf8.count + 8)
        for character in ControlCharacters.singleLine(value) {
            if character.isASCII && character.isPunctuationOrSymbol {
                result.append("\\")
            }
            result.append(character)
        }
        return result
    }
}

extension MarkdownEscaping {
    /// The same for a value that is all ASCII (most are), byte by byte: a packet escapes
    /// hundreds of values, and asking each Character for its Unicode properties cost more
    /// than the rest of the escaping.
    private static func escapeASCII(_ value: String) -> String {
        var result: [UInt8] = []
        result.reserveCapacity(value.utf8.count + 8)
        var pendingSpace = false
        for byte in value.utf8 {
            switch byte {
            case 0x09...0x0D, 0x20:  // whitespace, as Character.isWhitespace has it
                pendingSpace = !result.isEmpty
                continue
            case 0x00...0x08, 0x0E...0x1F, 0x7F:  // control characters: dropped
                continue
            default:
                break
            }
            if pendingSpace {
                result.append(0x20)
                pendingSpace = false
            }
            // ASCII punctuation and symbols: ! to /, : to @, [ to `, { to ~.
            if (0x21...0x2F).contains(byte) || (0x3A...0x40).contains(byte) || (0x5B...0x60).contains(byte) || (0x7B...0x7E).contains(byte) {
                result.append(0x5C)
            }
            result.append(byte)
        }
        return String(decoding: result, as: UTF8.self)
    }
}

private extension Character {
    var isPunctuationOrSymbol: Bool { isPunctuation || isSymbol }
}

/// Characters a value loses on its way into a handout: C0 and C1 control characters and DEL
/// (a NUL, a terminal escape sequence, a stray carriage return in the text version), and the
/// bidirectional embedding, override and isolate characters U+202A–U+202E and U+2066–U+2069,
/// which can reorder the text after them (a phone number shown backwards). Line breaks and
/// tabs stay, for the escaping to turn into spaces; zero-width joiners and the left-to-right
/// and right-to-left marks stay too, since scripts need them and they reorder nothing around
/// them.
public enum ControlCharacters {
    public static func removed(from text: String) -> String {
        guard text.unicodeScalars.contains(where: isRemoved) else { return text }
        var kept = String.UnicodeScalarView()
        kept.append(contentsOf: text.unicodeScalars.lazy.filter { !isRemoved($0) })
        return String(kept)
    }

    /// `text` as one line, as a value enters a handout's HTML and text: without these
    /// characters, each run of white space (line breaks and tabs too) one space, none at
    /// either end. Table cells and report lines that print directory text use it as well, so
    /// a name cannot break a row, move the cursor or reverse the columns after it.
    public static func singleLine(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        var pendingSpace = false
        for character in removed(from: text) {
            if character.isWhitespace {
                pendingSpace = !result.isEmpty
                continue
            }
            if pendingSpace {
                result.append(" ")
                pendingSpace = false
            }
            result.append(character)
        }
        return result
    }

    /// `text` with every such character, and carriage returns, shown as `\u{1b}`: for
    /// messages, which quote what a file says and must not rewrite the terminal they go to.
    public static func visible(_ text: String) -> String {
        func hidden(_ scalar: Unicode.Scalar) -> Bool { scalar != "\n" && scalar != "\t" && (scalar.value < 0x20 || isRemoved(scalar) || scalar.value == 0x85) }
        guard text.unicodeScalars.contains(where: hidden) else { return text }
        var shown = ""
        for scalar in text.unicodeScalars {
            if hidden(scalar) { shown += "\\u{\(String(scalar.value, radix: 16))}" } else { shown.unicodeScalars.append(scalar) }
        }
        return shown
    }

    static func isRemoved(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x85: return false  // whitespace: becomes a space
        case 0x00...0x1F, 0x7F...0x9F: return true
        case 0x202A...0x202E, 0x2066...0x2069: return true
        default: return false
        }
    }
}
