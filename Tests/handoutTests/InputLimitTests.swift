import Foundation
import Testing

/// Inputs past a limit get a clear error with the file and the place, never a crash.
@Suite struct InputLimitTests {
    let files = FileManager.default

    /// A project with the clinic's templates and `directory` as its directory.
    func project(directory: Data, settings: String = "") throws -> String {
        let folder = try temporaryFolder()
        try files.copyItem(atPath: Paths.fixtures + "/clinic/Templates", toPath: folder + "/Templates")
        try directory.write(to: URL(fileURLWithPath: folder + "/directory.json"))
        try ("directory: directory.json\ntemplates: Templates\nlanguages: [en]\n" + settings).write(toFile: folder + "/handout.yml", atomically: true, encoding: .utf8)
        return folder
    }

    func clinicDirectory() throws -> Data {
        try Data(contentsOf: URL(fileURLWithPath: Paths.fixtures + "/clinic/directory.json"))
    }

    func render(_ folder: String) throws -> CommandResult {
        try handout(["render", "eviction", "--today", "2026-11-29", "--out", "-"], in: folder)
    }

    @Test func aDirectoryOverTheSizeLimitIsRefusedBeforeItIsRead() throws {
        let directory = try clinicDirectory()
        let folder = try project(directory: directory, settings: "max_directory_mb: 0.001\n")
        let result = try render(folder)
        #expect(result.status == 1)
        #expect(result.stderr == "directory.json: error: the partner directory is \(directory.count) bytes, more than the limit of 1000 bytes: split it, or raise max_directory_mb in handout.yml\n")
        let check = try handout(["check", "--today", "2026-11-29"], in: folder)
        #expect(check.status == 1)
        #expect(check.stdout.contains("directory.json: error: the partner directory is \(directory.count) bytes, more than the limit of 1000 bytes"))
        // The default, 50 MB, reads it.
        #expect(try render(try project(directory: directory)).status == 0)
        let bad = try project(directory: directory, settings: "max_directory_mb: lots\n")
        #expect(try render(bad).stderr == "handout.yml:4:19: error: max_directory_mb must be a number of megabytes, like 50\n")
    }

    @Test func aFieldOverTheLengthLimit() throws {
        let long = String(repeating: "a", count: 10_001)
        let json = """
            {
              "partners": [
                {
                  "id": "long",
                  "name": "Long",
                  "categories": ["housing"],
                  "website": "https://example.org",
                  "description": "\(long)",
                  "hours": { "en": "Mon", "es": "\(long)" }
                }
              ]
            }
            """
        let folder = try project(directory: Data(json.utf8))
        let result = try render(folder)
        #expect(result.status == 1)
        #expect(result.stderr == """
            directory.json:8:22: error: partner "long": description: is 10001 characters long, more than the limit of 10000: shorten it
            directory.json:9:37: error: partner "long": hours.es: is 10001 characters long, more than the limit of 10000: shorten it

            """)
    }

    @Test func nestingTooDeep() throws {
        let deepJSON = "{\"partners\": " + String(repeating: "[", count: 600) + String(repeating: "]", count: 600) + "}"
        let result = try render(try project(directory: Data(deepJSON.utf8)))
        #expect(result.status == 1)
        #expect(result.stderr == "directory.json:1:525: error: malformed JSON: nested more than 512 levels deep\n")

        // A template whose Markdown nests 20,000 block quotes used to crash the text renderer.
        let folder = try project(directory: try clinicDirectory())
        let template = try read(folder + "/Templates/en/eviction.md")
        let body = template.components(separatedBy: "---\n")
        let deep = "---\n" + body[1] + "---\nIntro.\n\n" + String(repeating: "> ", count: 20_000) + "deep\n"
        try deep.write(toFile: folder + "/Templates/en/eviction.md", atomically: true, encoding: .utf8)
        let rendered = try render(folder)
        #expect(rendered.status == 1)
        #expect(rendered.stderr == "Templates/en/eviction.md:13:201: error: Markdown nested more than 100 levels deep (block quotes, lists or emphasis inside each other): flatten it\n")

        let yaml = try project(directory: try clinicDirectory(), settings: "title: " + String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000) + "\n")
        let project = try render(yaml)
        #expect(project.status == 1)
        #expect(project.stderr.hasPrefix("handout.yml:4:"))
    }

    @Test func invalidUTF8IsReportedWithItsByteOffset() throws {
        var directory = try clinicDirectory()
        let offset = try #require(directory.firstRange(of: Data("Westside".utf8))).lowerBound
        directory[offset + 4] = 0xFF
        let lines = directory[..<offset].filter { $0 == UInt8(ascii: "\n") }.count + 1
        let lineStart = (directory[..<offset].lastIndex(of: UInt8(ascii: "\n")) ?? -1) + 1
        let column = String(decoding: directory[lineStart..<(offset + 4)], as: UTF8.self).unicodeScalars.count + 1
        let result = try render(try project(directory: directory))
        #expect(result.status == 1)
        #expect(result.stderr == "directory.json:\(lines):\(column): error: the partner directory is not UTF-8 text: byte 0xFF at byte offset \(offset + 4) cannot start or continue a character; save the file as UTF-8\n")

        let folder = try project(directory: try clinicDirectory())
        var template = try Data(contentsOf: URL(fileURLWithPath: folder + "/Templates/en/eviction.md"))
        template.append(contentsOf: [0x0A, 0x61, 0xC3, 0x28, 0x0A])
        try template.write(to: URL(fileURLWithPath: folder + "/Templates/en/eviction.md"))
        let templateLines = template.filter { $0 == UInt8(ascii: "\n") }.count
        let rendered = try render(folder)
        #expect(rendered.stderr == "Templates/en/eviction.md:\(templateLines):2: error: the template is not UTF-8 text: byte 0xC3 at byte offset \(template.count - 3) cannot start or continue a character; save the file as UTF-8\n")
    }
}
