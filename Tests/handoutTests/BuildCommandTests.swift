import Foundation
import Testing

@Suite struct BuildCommandTests {
    @Test func buildsEveryHandoutInEveryLanguageAndOnlyRewritesWhatChanged() throws {
        let out = try temporaryFolder()
        try "mine".write(toFile: out + "/notes.txt", atomically: true, encoding: .utf8)
        let first = try handout(["build", Paths.fixtures + "/clinic", "--today", "2026-11-29", "--out", out])
        #expect(first.status == 0)
        // Warnings are printed but do not stop the build without --strict.
        let warnings = first.stderr.split(separator: "\n")
        #expect(warnings.count == 8 && warnings.allSatisfy { $0.contains(": warning: ") })
        #expect(first.stderr.contains("clinic/directory.json:48:5: warning: partner \"english-only\": no last_verified date: check the listing and add the date [stale-listing]\n"))
        #expect(first.stdout == "11 files written, 0 unchanged, in \(out)\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: out).sorted() == [
            "eviction.en.html", "eviction.en.txt", "eviction.es.html", "eviction.es.txt", "index.en.html", "index.es.html",
            "index.html", "notes.txt", "repairs.en.html", "repairs.en.txt", "repairs.es.html", "repairs.es.txt",
        ].sorted())
        #expect(try read(out + "/notes.txt") == "mine")
        let attributes = try FileManager.default.attributesOfItem(atPath: out + "/eviction.es.html")
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o644)
        #expect(try read(out + "/index.es.html").contains("<li><a href=\"eviction.es.html\">Si recibe un aviso de desalojo</a>: Un aviso no es lo mismo que un desalojo. No ignore los papeles de la corte.</li>"))
        #expect(try read(out + "/repairs.es.html").contains("<p class=\"note\" lang=\"es\">"))

        let second = try handout(["build", Paths.fixtures + "/clinic", "--today", "2026-11-29", "--out", out])
        #expect(second.stdout == "0 files written, 11 unchanged, in \(out)\n")
    }

    @Test func aFailingCheckWritesNothing() throws {
        let out = try temporaryFolder()
        let result = try handout(["build", Paths.fixtures + "/check-project", "--today", "2026-11-29", "--out", out])
        #expect(result.status == 1)
        #expect(result.stderr.hasSuffix("handout: the site was not built: 4 errors, 18 warnings, 4 notes\n"))
        #expect(result.stderr.contains("Templates/en/messy.md:23:32: error: link to \"nowhere.md\", but there is no handout \"nowhere\" [broken-link]\n"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: out) == [])
    }

    @Test func warningsStopTheBuildOnlyUnderStrict() throws {
        let out = try temporaryFolder()
        let strict = try handout(["build", "--strict", "--today", "2026-11-29", "--out", out,
            "--directory", Paths.packageRoot + "/Resources/directory-problems.json"], in: NSTemporaryDirectory())
        #expect(strict.status == 1)
        #expect(try FileManager.default.contentsOfDirectory(atPath: out) == [])
    }
}
