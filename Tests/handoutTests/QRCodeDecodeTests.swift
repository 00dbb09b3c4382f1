import Foundation
import Testing

/// Every QR code a page draws, read back as a phone reads paper: `rsvg-convert` (librsvg2-bin)
/// draws the SVG as a PNG and `zbarimg` (zbar-tools) decodes it. `.ci/run` installs both;
/// without them these tests fail and say what to install.
@Suite struct QRCodeDecodeTests {
    /// One partner in a page's listing: its heading, the QR codes drawn in its entry, and the
    /// address the listing gives it (applying online first, else its website).
    struct Entry {
        let name: String
        let codes: [String]
        let address: String?
    }

    static let labels = [
        "en": (website: "Website", apply: "Apply online", listing: "Where to get help"),
        "es": (website: "Sitio web", apply: "Solicitar en línea", listing: "Dónde obtener ayuda"),
    ]

    /// The listing's entries: from its `<h2>` to the national help lines' `<h3>`.
    static func entries(_ html: String, language: String) throws -> [Entry] {
        let labels = labels[language]!
        let start = try #require(html.range(of: "<h2>\(labels.listing)</h2>"))
        let listing = html[start.upperBound...]
        var entries: [Entry] = []
        for block in listing.components(separatedBy: "<h3>").dropFirst() {
            let name = String(block.prefix { $0 != "<" })
            // The national help lines close the listing.
            if block.contains("href=\"tel:211\"") { break }
            func link(_ label: String) -> String? {
                block.firstMatch(of: try! Regex("<li>\(label): <a href=\"([^\"]+)\" title=\"\(label)\">"))
                    .map { String($0.output[1].substring!).replacingOccurrences(of: "&amp;", with: "&") }
            }
            entries.append(Entry(name: name, codes: qrCodes(in: block), address: link(labels.apply) ?? link(labels.website)))
        }
        return entries
    }

    static func qrCodes(in html: String) -> [String] {
        html.matches(of: /<svg class="qr".*?<\/svg>/).map { String($0.output) }
    }

    /// A page loads nothing: no source, no stylesheet, no reference inside a drawing.
    static func expectSelfContained(_ html: String, _ name: String) {
        for load in ["<script", " src=", "rel=\"stylesheet\"", "xlink:href", "url(", "<image", "<use"] {
            #expect(!html.contains(load), "\(name): \(load)")
        }
        for svg in qrCodes(in: html) { #expect(!svg.contains("href"), "\(name)") }
    }

    @Test(arguments: ["es", "en"]) func everyCodeInTheBundledEvictionHandoutLeadsToItsPartner(language: String) throws {
        let out = try temporaryFolder()
        let result = try handout(["render", "housing-eviction", "--zip", "60623", "--lang", language, "--today", "2026-12-01", "--out", out])
        #expect(result.status == 0, "\(result.stderr)")
        let html = try read(out + "/housing-eviction.\(language).html")
        let entries = try Self.entries(html, language: language)
        #expect(entries.count >= 2)
        for entry in entries {
            // Every bundled partner has a website; the code leads where the entry says.
            #expect(entry.codes.count == 1, "\(entry.name)")
            #expect(try entry.codes.map(QRReader.decode) == [try #require(entry.address)], "\(entry.name)")
            #expect(entry.codes.first?.contains("aria-label=\"\(language == "es" ? "Código QR de" : "QR code for") \(entry.address!)\"") == true)
        }
        // The "who to call first" box: each partner's code is its listing entry's.
        let box = try #require(html.firstMatch(of: /<section class="call-first">.*?<\/section>/.dotMatchesNewlines()).map { String($0.output) })
        let boxCodes = Self.qrCodes(in: box)
        #expect(!boxCodes.isEmpty)
        for item in box.components(separatedBy: "<li>").dropFirst() {
            let name = try #require(item.firstMatch(of: /<strong>(.*?)<\/strong>/)).output.1
            let entry = try #require(entries.first { $0.name == name }, "\(name)")
            #expect(try Self.qrCodes(in: item).map(QRReader.decode) == [entry.address!], "\(name)")
        }
        // No code anywhere else, nothing loaded, and none in the plain text.
        #expect(Self.qrCodes(in: html).count == entries.count + boxCodes.count)
        Self.expectSelfContained(html, "housing-eviction.\(language).html")
        let text = try read(out + "/housing-eviction.\(language).txt")
        #expect(!text.contains("qr:") && !text.contains("QR"))
    }

    /// The clinic fixture, copied, with `extra` added to its handout.yml and `edit` applied to its
    /// directory.
    func clinic(extra: String = "", edit: (String) -> String = { $0 }) throws -> String {
        let project = try temporaryFolder() + "/clinic"
        try FileManager.default.copyItem(atPath: Paths.fixtures + "/clinic", toPath: project)
        try (try read(project + "/handout.yml") + extra).write(toFile: project + "/handout.yml", atomically: true, encoding: .utf8)
        try edit(try read(project + "/directory.json")).write(toFile: project + "/directory.json", atomically: true, encoding: .utf8)
        return project
    }

    @Test func aPartnerWithoutAnAddressHasNoCodeAndAnAddressFullOfMarkdownSurvives() throws {
        // Characters Markdown would read (parentheses, &, _, *) reach the code unchanged, and
        // the code leads where the link does: both write é as %C3%A9.
        let address = "https://example.org/solicitud?lang=es&zip=60623&ref=(paper)_form*1&para=José#top"
        let project = try clinic { $0.replacingOccurrences(of: "\"https://example.org/apply\"", with: "\"\(address)\"") }
        let out = try temporaryFolder()
        // In Spanish: the partner with the intake address speaks only Spanish.
        let result = try handout(["render", "eviction", "--project", project, "--zip", "60623", "--lang", "es", "--today", "2026-11-29", "--out", out])
        #expect(result.status == 0, "\(result.stderr)")
        let entries = try Self.entries(try read(out + "/eviction.es.html"), language: "es")
        let withCodes = entries.filter { !$0.codes.isEmpty }.map(\.name)
        let withoutAddress = entries.filter { $0.address == nil }.map(\.name)
        #expect(!withCodes.isEmpty && !withoutAddress.isEmpty)
        #expect(Set(withCodes).isDisjoint(with: withoutAddress))
        for entry in entries where entry.address != nil {
            #expect(try entry.codes.map(QRReader.decode) == [entry.address!], "\(entry.name)")
        }
        #expect(entries.contains { $0.address == address.replacingOccurrences(of: "é", with: "%C3%A9") })
    }

    @Test func aSitePageWithABaseURLLeadsToItselfOnline() throws {
        let project = try clinic(extra: "base_url: https://rights.example.org/clinic\n")
        let result = try handout(["build", project, "--today", "2026-11-29", "--quiet"])
        #expect(result.status == 0, "\(result.stderr)")
        for language in ["en", "es"] {
            let html = try read(project + "/_site/eviction.\(language).html")
            let foot = try #require(html.components(separatedBy: "<hr />").last)
            #expect(try Self.qrCodes(in: foot).map(QRReader.decode) == ["https://rights.example.org/clinic/eviction.\(language).html"])
            // The listing's codes still lead to the partners.
            for entry in try Self.entries(html, language: language) where entry.address != nil {
                #expect(try entry.codes.map(QRReader.decode) == [entry.address!], "\(entry.name)")
            }
            Self.expectSelfContained(html, "eviction.\(language).html")
        }
        // Pages other than handouts have none.
        #expect(Self.qrCodes(in: try read(project + "/_site/index.en.html")).isEmpty)
    }

    @Test func aSiteWithoutABaseURLHasNoCodeForThePage() throws {
        let project = try clinic()
        let result = try handout(["build", project, "--today", "2026-11-29", "--quiet"])
        #expect(result.status == 0, "\(result.stderr)")
        let html = try read(project + "/_site/eviction.en.html")
        #expect(Self.qrCodes(in: try #require(html.components(separatedBy: "<hr />").last)).isEmpty)
        #expect(!Self.qrCodes(in: html).isEmpty)
    }
}

/// Reads a QR code drawn as SVG back to its text: rsvg-convert, then zbarimg.
enum QRReader {
    struct Missing: Error, CustomStringConvertible {
        let tool: String, package: String
        var description: String { "\(tool) is not installed: apt-get install -y \(package) (.ci/run installs it)" }
    }

    struct Unreadable: Error, CustomStringConvertible {
        let description: String
    }

    static func tool(_ name: String, package: String) throws -> String {
        let folders = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
        guard let path = folders.map({ "\($0)/\(name)" }).first(where: FileManager.default.isExecutableFile) else {
            throw Missing(tool: name, package: package)
        }
        return path
    }

    static func decode(_ svg: String) throws -> String {
        let rsvg = try tool("rsvg-convert", package: "librsvg2-bin")
        let zbarimg = try tool("zbarimg", package: "zbar-tools")
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try svg.write(toFile: folder + "/code.svg", atomically: false, encoding: .utf8)
        let drawn = try run(rsvg, ["--background-color=white", "-o", "code.png", "code.svg"], in: folder, environment: [:])
        guard drawn.status == 0 else { throw Unreadable(description: "rsvg-convert: \(drawn.stderr)") }
        let read = try run(zbarimg, ["-q", "--raw", "code.png"], in: folder, environment: [:])
        guard read.status == 0 else { throw Unreadable(description: "zbarimg found no code (status \(read.status)) in \(svg)") }
        return read.stdout.hasSuffix("\n") ? String(read.stdout.dropLast()) : read.stdout
    }
}
