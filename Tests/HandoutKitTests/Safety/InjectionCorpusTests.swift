import Foundation
import Testing
@testable import HandoutKit

/// The injection corpus (Fixtures/injection-corpus/payloads.json): each payload goes into
/// every text field of the directory, every client field and handout.yml's text fields at
/// once; a personalized handout (English and Spanish) and the site are rendered, and
///
/// - the HTML has the same elements and attributes, in the same order, as the same render
///   with a harmless value (only optional parts may be missing), and every link is http,
///   https, tel, mailto, relative or emptied;
/// - the text version holds the payload literally, with control characters removed, at least
///   as often as the harmless render holds the harmless value, and no control character.
///
/// Run it alone: `swift test --filter InjectionCorpusTests`.
@Suite struct InjectionCorpusTests {
    struct Payload: Decodable, CustomTestStringConvertible, Sendable {
        let name: String
        let payload: String
        var testDescription: String { name }
    }

    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
    static let corpus = root + "/Tests/HandoutKitTests/Fixtures/injection-corpus"
    static let payloads: [Payload] = {
        let data = FileManager.default.contents(atPath: corpus + "/payloads.json") ?? Data()
        return (try? JSONDecoder().decode([Payload].self, from: data)) ?? []
    }()
    static let today = Day("2026-11-29")!
    static let benign = "Benign text"

    @Test func theCorpusHasAtLeastFiftyPayloads() {
        #expect(Self.payloads.count >= 50)
        #expect(Self.payloads.contains { $0.payload.count == 10_000 })
    }

    // MARK: - Rendering with the payload everywhere

    /// Every output of one project: personalized handouts (HTML and text, both languages) and
    /// the site's pages.
    struct Outputs: Sendable {
        var html: [String: String] = [:]
        var text: [String: String] = [:]
    }

    static func directoryJSON(_ value: String) throws -> String {
        let partner: [String: Any] = [
            "id": "corpus-partner",
            "name": value,
            "categories": ["housing", "corpus"],
            "description": ["en": value, "es": value],
            "phones": [["number": "+1 312 555 0100", "type": "voice", "label": value], ["number": "312-555-0101", "type": "text", "label": ["es": value]]],
            "website": "https://example.org/help",
            "intake_url": "https://example.org/apply?a=1&b=2",
            "email": "intake@example.org",
            "address": ["street": value, "city": value, "state": "IL", "zip": "60623"],
            "service_area": ["zips": ["606*"], "counties": [value], "states": ["IL"], "remote": true],
            "languages": ["en", "es"],
            "interpretation": true,
            "hours": value,
            "fees": ["en": value],
            "eligibility": ["max_income_fpl_percent": 200, "notes": value],
            "alert": value,
            "what_to_bring": [value, ["es": value]],
            "last_verified": "2026-10-01",
        ]
        let directory: [String: Any] = [
            "region": ["name": value],
            "categories": [["id": "corpus", "labels": ["en": value, "es": value]]],
            "partners": [partner],
        ]
        let data = try JSONSerialization.data(withJSONObject: directory, options: [.prettyPrinted, .sortedKeys])
        return String(decoding: data, as: UTF8.self)
    }

    /// A YAML double-quoted scalar holding exactly `value`.
    static func yamlQuoted(_ value: String) -> String {
        var quoted = "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": quoted += "\\\""
            case "\\": quoted += "\\\\"
            case _ where scalar.value >= 0x20 && scalar.value < 0x7F: quoted.unicodeScalars.append(scalar)
            case _ where scalar.value <= 0xFFFF: quoted += String(format: "\\u%04X", scalar.value)
            default: quoted += String(format: "\\U%08X", scalar.value)
            }
        }
        return quoted + "\""
    }

    static func render(_ value: String) async throws -> Outputs {
        let folder = NSTemporaryDirectory() + "injection-corpus-" + UUID().uuidString
        let files = FileManager.default
        try files.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? files.removeItem(atPath: folder) }
        try files.copyItem(atPath: corpus + "/Templates", toPath: folder + "/Templates")
        try directoryJSON(value).write(toFile: folder + "/directory.json", atomically: false, encoding: .utf8)
        let quoted = yamlQuoted(value)
        try """
            title: \(quoted)
            organization: \(quoted)
            languages: [en, es]
            directory: directory.json
            templates: Templates
            contact: { name: \(quoted), phone: "+1 312 555 0100", website: "https://example.org" }

            """.write(toFile: folder + "/handout.yml", atomically: false, encoding: .utf8)

        let project = try Project.load(folder: folder, bundledRoot: root)
        let directory = try DirectoryLoader.load(path: project.directoryPath)
        let renderer = try HandoutRenderer(project: project, directory: directory)
        var outputs = Outputs()
        for language in ["en", "es"] {
            let request = RenderRequest(
                templateID: "everything",
                client: Client(name: value, language: language, zip: value, needs: ["housing", value]),
                practice: Practice(name: value, phone: PhoneNumber("+1 312 555 0199"), website: "https://example.org/clinic", practitioner: value),
                today: today)
            let handout = try renderer.render(request)
            outputs.html["render." + language + ".html"] = handout.html
            outputs.text["render." + language + ".txt"] = handout.text
        }
        let build = try await SiteBuild(project: project, options: .init(today: today)).run()
        #expect(build.output != nil, "the site was not built: \(build.report.findings.filter { $0.level == .error })")
        for name in try files.contentsOfDirectory(atPath: project.outputPath) {
            let contents = try String(contentsOfFile: project.outputPath + "/" + name, encoding: .utf8)
            if name.hasSuffix(".html") { outputs.html["site/" + name] = contents }
            if name.hasSuffix(".txt") { outputs.text["site/" + name] = contents }
        }
        return outputs
    }

    /// The harmless render, once for all payloads.
    static let benignOutputs = Task { try await render(benign) }

    // MARK: - The checks

    @Test(arguments: payloads)
    func aPayloadStaysText(_ payload: Payload) async throws {
        let benign = try await Self.benignOutputs.value
        let outputs = try await Self.render(payload.payload)
        #expect(outputs.html.keys.sorted() == benign.html.keys.sorted())
        #expect(outputs.text.keys.sorted() == benign.text.keys.sorted())

        for (name, html) in outputs.html {
            let tags = HTMLSkeleton.tags(html)
            let expected = HTMLSkeleton.tags(benign.html[name] ?? "")
            #expect(HTMLSkeleton.isSubsequence(tags, of: expected),
                "\(name): elements or attributes the layout did not put there: \(HTMLSkeleton.difference(tags, expected))")
            for url in HTMLSkeleton.urls(html) {
                #expect(HTMLSkeleton.isAllowed(url), "\(name): live URL \(url.debugDescription)")
            }
        }

        let literal = Self.normalized(ControlCharacters.removed(from: payload.payload))
        for (name, text) in outputs.text {
            let forbidden = text.unicodeScalars.filter { $0 != "\n" && ($0.value < 0x20 || ControlCharacters.isRemoved($0)) }
            #expect(forbidden.isEmpty, "\(name): control characters \(forbidden.map { String($0.value, radix: 16) })")
            guard !literal.isEmpty else { continue }
            let wanted = Self.occurrences(of: Self.benign, in: Self.normalized(benign.text[name] ?? ""))
            let found = Self.occurrences(of: literal, in: Self.normalized(text))
            #expect(found >= wanted, "\(name): the payload appears \(found) times, the harmless value \(wanted) times")
        }
    }

    /// Fields with a format of their own refuse a payload with a directory error at its line
    /// and column, rather than printing it.
    @Test(arguments: payloads)
    func aPayloadInAFieldWithAFormatIsADirectoryError(_ payload: Payload) throws {
        let fields = ["website", "intake_url", "id", "languages", "phones", "last_verified", "email"]
        for field in fields {
            var partner: [String: Any] = [
                "id": "p", "name": "Partner", "categories": ["housing"], "website": "https://example.org",
            ]
            switch field {
            case "languages": partner[field] = [payload.payload]
            case "phones": partner[field] = [["number": payload.payload]]
            default: partner[field] = payload.payload
            }
            let data = try JSONSerialization.data(withJSONObject: ["partners": [partner]], options: [.prettyPrinted, .sortedKeys])
            do {
                _ = try DirectoryLoader.parse(String(decoding: data, as: UTF8.self), path: "d.json")
                // Only an email-like payload may pass as an email.
                #expect(field == "email" && payload.payload.contains("@"), "\(field) accepted \(payload.name)")
            } catch let errors as InputErrors {
                let diagnostic = try #require(errors.diagnostics.first)
                #expect(diagnostic.line != nil && diagnostic.column != nil, "\(field): \(diagnostic)")
                #expect(diagnostic.message.contains(field == "phones" ? "phones[0].number" : field), "\(diagnostic)")
            }
        }
    }

    @Test(arguments: payloads)
    func aPayloadAsTheClientsLanguageIsRefused(_ payload: Payload) throws {
        let project = Project.bundled(root: Self.root)
        let renderer = try HandoutRenderer(project: project, directory: try DirectoryLoader.load(path: project.directoryPath))
        #expect(throws: InputErrors.self) {
            try renderer.render(RenderRequest(templateID: "housing-eviction", client: Client(language: payload.payload), today: Self.today))
        }
    }

    /// Whitespace runs (where the text version wraps) as one space. A byte-order mark is
    /// left out: the YAML reader drops it wherever it stands in handout.yml.
    static func normalized(_ text: String) -> String {
        text.replacingOccurrences(of: "\u{FEFF}", with: "").split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    static func occurrences(of needle: String, in haystack: String) -> Int {
        haystack.components(separatedBy: needle).count - 1
    }
}

/// Just enough of an HTML tokenizer to list the start tags of a page, with their attributes,
/// the way a browser would find them: text between tags is skipped, as are comments, the
/// doctype and the contents of `<style>`.
enum HTMLSkeleton {
    struct Tag: Equatable, CustomStringConvertible {
        let name: String
        let attributes: [(name: String, value: String)]
        static func == (a: Tag, b: Tag) -> Bool { a.name == b.name && a.attributes.map(\.name) == b.attributes.map(\.name) }
        var description: String { "<\(([name] + attributes.map(\.name)).joined(separator: " "))>" }
    }

    static func tags(_ html: String) -> [Tag] {
        let bytes = Array(html.utf8)
        var tags: [Tag] = []
        var index = 0
        func at(_ offset: Int) -> UInt8? { index + offset < bytes.count ? bytes[index + offset] : nil }
        func isLetter(_ byte: UInt8?) -> Bool { byte.map { (65...90).contains($0) || (97...122).contains($0) } ?? false }
        func isSpace(_ byte: UInt8) -> Bool { [9, 10, 12, 13, 32].contains(byte) }
        func skip(past marker: String) {
            let needle = Array(marker.utf8)
            while index < bytes.count && !bytes[index...].starts(with: needle) { index += 1 }
            index += needle.count
        }
        while index < bytes.count {
            guard bytes[index] == UInt8(ascii: "<") else { index += 1; continue }
            if bytes[index...].starts(with: Array("<!--".utf8)) { skip(past: "-->"); continue }
            if at(1) == UInt8(ascii: "!") || at(1) == UInt8(ascii: "?") { skip(past: ">"); continue }
            if at(1) == UInt8(ascii: "/") && isLetter(at(2)) { skip(past: ">"); continue }
            guard isLetter(at(1)) else { index += 1; continue }
            index += 1
            var name = ""
            while index < bytes.count, !isSpace(bytes[index]), bytes[index] != UInt8(ascii: ">"), bytes[index] != UInt8(ascii: "/") {
                name.unicodeScalars.append(Unicode.Scalar(bytes[index]))
                index += 1
            }
            var attributes: [(String, String)] = []
            while index < bytes.count, bytes[index] != UInt8(ascii: ">") {
                if isSpace(bytes[index]) || bytes[index] == UInt8(ascii: "/") { index += 1; continue }
                var attribute = [UInt8]()
                while index < bytes.count, !isSpace(bytes[index]), ![UInt8(ascii: ">"), UInt8(ascii: "=")].contains(bytes[index]) {
                    attribute.append(bytes[index])
                    index += 1
                }
                var value = [UInt8]()
                if at(0) == UInt8(ascii: "=") {
                    index += 1
                    if let quote = at(0), quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") {
                        index += 1
                        while index < bytes.count, bytes[index] != quote { value.append(bytes[index]); index += 1 }
                        index += 1
                    } else {
                        while index < bytes.count, !isSpace(bytes[index]), bytes[index] != UInt8(ascii: ">") { value.append(bytes[index]); index += 1 }
                    }
                }
                attributes.append((String(decoding: attribute, as: UTF8.self).lowercased(), String(decoding: value, as: UTF8.self)))
            }
            index += 1
            name = name.lowercased()
            tags.append(Tag(name: name, attributes: attributes))
            if name == "style" || name == "script" { skip(past: "</" + name) }
        }
        return tags
    }

    /// Whether every tag of `tags` is in `expected`, in order (an optional part may be absent).
    static func isSubsequence(_ tags: [Tag], of expected: [Tag]) -> Bool {
        var remaining = expected[...]
        for tag in tags {
            guard let found = remaining.firstIndex(of: tag) else { return false }
            remaining = remaining[(found + 1)...]
        }
        return true
    }

    /// The first tag that breaks the order, with the two before it, for the failure message.
    static func difference(_ tags: [Tag], _ expected: [Tag]) -> [String] {
        var remaining = expected[...]
        for (offset, tag) in tags.enumerated() {
            guard let found = remaining.firstIndex(of: tag) else { return tags[max(0, offset - 2)...offset].map(\.description) }
            remaining = remaining[(found + 1)...]
        }
        return []
    }

    /// Every value of an attribute that loads or links something.
    static func urls(_ html: String) -> [String] {
        tags(html).flatMap { tag in
            tag.attributes.filter { ["href", "src", "action", "formaction", "srcset", "poster", "data"].contains($0.name) }.map(\.value)
        }
    }

    /// Relative, emptied, or http, https, tel or mailto. HTML entities are decoded first, as a
    /// browser would.
    static func isAllowed(_ url: String) -> Bool {
        let decoded = url.replacingOccurrences(of: "&amp;", with: "&").replacingOccurrences(of: "&#58;", with: ":")
            .replacingOccurrences(of: "&colon;", with: ":").trimmingCharacters(in: .whitespacesAndNewlines)
        guard let colon = decoded.firstIndex(of: ":") else { return true }
        let scheme = decoded[..<colon]
        // A colon after a slash, a question mark or a hash is not a scheme's.
        if scheme.contains(where: { "/?#".contains($0) }) { return true }
        return ["http", "https", "tel", "mailto"].contains(scheme.lowercased())
    }
}
