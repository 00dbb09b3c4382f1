import Foundation
import Testing

@Suite struct InitCommandTests {
    @Test func initFromAnInstalledBinaryThenBuild() throws {
        // The binary alone in an empty folder, no checkout beside it, HANDOUT_HOME unset.
        let install = try InstalledBinaryTests.Install()
        let created = try install.run(["init", "rights"])
        #expect(created.status == 0)
        #expect(created.stderr == "")
        #expect(created.stdout.hasPrefix("created rights: handout.yml, directory.json, "))
        #expect(created.stdout.hasSuffix(" layout files\nnext: edit rights/handout.yml, then run: handout build rights\n"))
        let project = install.work + "/rights"
        #expect(try FileManager.default.contentsOfDirectory(atPath: project).sorted() == ["Templates", "directory.json", "handout.yml", "layouts"])
        #expect(FileManager.default.fileExists(atPath: project + "/Templates/es/housing-eviction.md"))
        #expect(FileManager.default.fileExists(atPath: project + "/layouts/handout.html"))

        let built = try install.run(["build", "rights", "--today", "2026-11-29"])
        #expect(built.status == 0)
        #expect(built.stdout.hasPrefix("rights/_site: "))
        let home = try read(project + "/_site/index.en.html")
        #expect(home.contains("<title>Know Your Rights</title>"))
        #expect(home.contains("Published by Your Organization (<a href=\"tel:+13125550100\">312-555-0100</a>, <a href=\"https://example.org\">https://example.org</a>)."))

        // An edit to the project's own template shows on the next build.
        let template = project + "/Templates/en/housing-eviction.md"
        try (try read(template)).replacingOccurrences(of: "\ntitle: ", with: "\ntitle: Our ").write(toFile: template, atomically: true, encoding: .utf8)
        #expect(try install.run(["build", "rights", "--today", "2026-11-29", "--quiet"]).status == 0)
        #expect(try read(project + "/_site/housing-eviction.en.html").contains("<h1>Our "))
    }

    @Test func initRefusesAFolderThatIsNotEmpty() throws {
        let folder = try temporaryFolder()
        try "mine".write(toFile: folder + "/notes.txt", atomically: true, encoding: .utf8)
        let result = try handout(["init", folder])
        #expect(result.status == 1)
        #expect(result.stderr == "\(folder): error: the folder is not empty: choose a new folder for the project\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["notes.txt"])
    }
}
