import Foundation
import Testing

/// Ids and language codes are names, never paths; output never goes through a symbolic link.
@Suite struct PathSafetyTests {
    let files = FileManager.default

    /// Every file under `folder`, relative to it.
    func tree(_ folder: String) -> [String] {
        (files.enumerator(atPath: folder)?.allObjects as? [String] ?? []).sorted()
    }

    @Test func aHandoutIDCannotWriteOutsideTheOutputFolder() throws {
        // With the bundled library, `../es/housing-eviction` used to read Templates/es/housing-eviction.md
        // through Templates/en/.. and write out/../es/housing-eviction.en.html.
        let work = try temporaryFolder()
        try files.createDirectory(atPath: work + "/es", withIntermediateDirectories: false)
        let result = try handout(["render", "../es/housing-eviction", "--out", "out"], in: work)
        #expect(result.status == 1)
        #expect(result.stderr == "\(Paths.packageRoot)/Templates: error: \"../es/housing-eviction\" is not a valid handout id: use lowercase letters, digits and dashes, like \"housing-eviction\"\n")
        #expect(result.stdout == "")
        #expect(tree(work) == ["es"])
    }

    @Test func aHandoutIDCannotReadOutsideTheTemplatesFolder() throws {
        let project = try temporaryFolder()
        try files.createDirectory(atPath: project + "/Templates/en", withIntermediateDirectories: true)
        try files.createDirectory(atPath: project + "/private", withIntermediateDirectories: true)
        try "templates: Templates\n".write(toFile: project + "/handout.yml", atomically: true, encoding: .utf8)
        try files.copyItem(atPath: Paths.fixtures + "/clinic/directory.json", toPath: project + "/directory.json")
        try "directory: directory.json\ntemplates: Templates\n".write(toFile: project + "/handout.yml", atomically: true, encoding: .utf8)
        try """
            ---
            title: Session notes
            summary: Not a handout.
            topics: [housing]
            audience: client
            reading_level: 6
            reviewed: 2026-10-01
            sources: [none]
            ---
            SECRET-NOTES
            """.write(toFile: project + "/private/notes.md", atomically: true, encoding: .utf8)
        for id in ["../../private/notes", "../../private/notes.md", "/etc/passwd", "..", "Notes", "notes\n"] {
            let result = try handout(["render", id, "--project", project, "--out", "-"], in: project)
            #expect(result.status == 1, "\(id)")
            #expect(!result.stdout.contains("SECRET"), "\(id)")
            #expect(result.stderr.hasSuffix("is not a valid handout id: use lowercase letters, digits and dashes, like \"housing-eviction\"\n"), "\(id)")
        }
    }

    @Test func projectLanguagesMustBeLanguageCodes() throws {
        let project = try temporaryFolder()
        try files.copyItem(atPath: Paths.fixtures + "/clinic/directory.json", toPath: project + "/directory.json")
        try "directory: directory.json\nlanguages: [en, ../../x, \"es/..\"]\n".write(toFile: project + "/handout.yml", atomically: true, encoding: .utf8)
        let result = try handout(["build", project, "--out", project + "/site", "--today", "2026-11-29"], in: project)
        #expect(result.status == 1)
        #expect(result.stderr == """
            handout.yml:2:17: error: "../../x" is not a language code: use a BCP 47 tag like "en", "es" or "es-419"
            handout.yml:2:26: error: "es/.." is not a language code: use a BCP 47 tag like "en", "es" or "es-419"

            """)
        #expect(tree(project) == ["directory.json", "handout.yml"])
    }

    @Test func aTemplateFileThatIsNotNamedByAnIDIsAnError() throws {
        let project = try temporaryFolder()
        try files.createDirectory(atPath: project + "/Templates/en", withIntermediateDirectories: true)
        try files.copyItem(atPath: Paths.fixtures + "/clinic/Templates/en/eviction.md", toPath: project + "/Templates/en/My Eviction.md")
        try files.copyItem(atPath: Paths.fixtures + "/clinic/directory.json", toPath: project + "/directory.json")
        try "directory: directory.json\ntemplates: Templates\nlanguages: [en]\n".write(toFile: project + "/handout.yml", atomically: true, encoding: .utf8)
        let result = try handout(["check", "--today", "2026-11-29"], in: project)
        #expect(result.status == 1)
        #expect(result.stdout.hasPrefix("""
            Templates/en/My Eviction.md: error: file name: "My Eviction" is not a valid handout id: use lowercase letters, digits and dashes, like "housing-eviction"; the template is skipped [template-invalid]

            """))
    }

    @Test func anOutputFolderThatIsASymbolicLinkIsRefused() throws {
        let work = try temporaryFolder()
        try files.createDirectory(atPath: work + "/elsewhere", withIntermediateDirectories: false)
        try files.createSymbolicLink(atPath: work + "/out", withDestinationPath: work + "/elsewhere")
        for out in ["out", "out/"] {
            let result = try handout(["render", "housing-eviction", "--out", out, "--today", "2026-11-29"], in: work)
            #expect(result.status == 1)
            #expect(result.stderr == "\(out): error: the output folder is a symbolic link; handout never writes through one: give the folder it points to\n")
        }
        let build = try handout(["build", "--out", "out", "--today", "2026-11-29"], in: work)
        #expect(build.status == 1)
        // The end of stderr: the check that runs first may print warnings of its own.
        #expect(build.stderr.hasSuffix("\nout: error: the output folder is a symbolic link; handout never writes through one: give the folder it points to\n")
            || build.stderr == "out: error: the output folder is a symbolic link; handout never writes through one: give the folder it points to\n")
        #expect(tree(work + "/elsewhere") == [])
    }

    @Test func anOutputFileThatIsASymbolicLinkIsRefusedAndLeftAlone() throws {
        let work = try temporaryFolder()
        try files.createDirectory(atPath: work + "/out", withIntermediateDirectories: false)
        try "precious\n".write(toFile: work + "/precious.txt", atomically: true, encoding: .utf8)
        try files.createSymbolicLink(atPath: work + "/out/housing-eviction.en.html", withDestinationPath: work + "/precious.txt")
        let result = try handout(["render", "housing-eviction", "--out", "out", "--today", "2026-11-29"], in: work)
        #expect(result.status == 1)
        #expect(result.stderr == "out/housing-eviction.en.html: error: is a symbolic link; handout never writes through one: remove it, or write to another folder\n")
        #expect(try read(work + "/precious.txt") == "precious\n")
        #expect(try files.destinationOfSymbolicLink(atPath: work + "/out/housing-eviction.en.html") == work + "/precious.txt")
        #expect(tree(work + "/out") == ["housing-eviction.en.html"])
    }
}
