import Foundation
import Testing

@Suite struct BuildCommandTests {
    /// The summary line without its seconds, which vary.
    func summary(_ stdout: String) -> String {
        stdout.replacingOccurrences(of: #"; [0-9]+\.[0-9]{2} s\n"#, with: "; _ s\n", options: .regularExpression)
    }

    /// A copy of the clinic fixture that a test may change.
    func clinicCopy() throws -> String {
        let folder = try temporaryFolder() + "/clinic"
        try FileManager.default.copyItem(atPath: Paths.fixtures + "/clinic", toPath: folder)
        return folder
    }

    func files(in folder: String) throws -> [String: Data] {
        var result: [String: Data] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: folder) {
            result[name] = FileManager.default.contents(atPath: folder + "/" + name)
        }
        return result
    }

    @Test func buildsEveryHandoutInEveryLanguageAndOnlyRewritesWhatChanged() throws {
        let out = try temporaryFolder()
        try "mine".write(toFile: out + "/notes.txt", atomically: true, encoding: .utf8)
        let first = try handout(["build", Paths.fixtures + "/clinic", "--today", "2026-11-29", "--out", out])
        #expect(first.status == 0)
        // Warnings are printed but do not stop the build without --strict.
        let warnings = first.stderr.split(separator: "\n")
        #expect(warnings.count == 8 && warnings.allSatisfy { $0.contains(": warning: ") })
        #expect(first.stderr.contains("clinic/directory.json:48:5: warning: partner \"english-only\": no last_verified date: check the listing and add the date [stale-listing]\n"))
        #expect(summary(first.stdout) == "\(out): 22 written, 0 unchanged, 0 removed; 8 warnings; _ s\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: out).sorted() == [
            ".handout-manifest.json", "404.html",
            "eviction.en.html", "eviction.en.txt", "eviction.es.html", "eviction.es.txt", "index.en.html", "index.es.html",
            "index.html", "notes.txt",
            "partners-benefits.en.html", "partners-benefits.es.html", "partners-family-safety.en.html", "partners-family-safety.es.html",
            "partners-food.en.html", "partners-food.es.html", "partners-housing.en.html", "partners-housing.es.html",
            "partners.en.html", "partners.es.html",
            "repairs.en.html", "repairs.en.txt", "repairs.es.html", "repairs.es.txt",
        ].sorted())
        #expect(try read(out + "/notes.txt") == "mine")
        let attributes = try FileManager.default.attributesOfItem(atPath: out + "/eviction.es.html")
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o644)
        #expect(try read(out + "/index.es.html").contains("<li><a href=\"eviction.es.html\">Si recibe un aviso de desalojo</a>: Un aviso no es lo mismo que un desalojo. No ignore los papeles de la corte. (<a href=\"eviction.es.txt\">texto simple</a>)</li>"))
        #expect(try read(out + "/repairs.es.html").contains("<p class=\"note\" lang=\"es\">"))

        let second = try handout(["build", Paths.fixtures + "/clinic", "--today", "2026-11-29", "--out", out, "--quiet"])
        #expect(second.status == 0)
        #expect(second.stdout == "" && second.stderr == "")
        let third = try handout(["build", Paths.fixtures + "/clinic", "--today", "2026-11-29", "--out", out])
        #expect(summary(third.stdout) == "\(out): 0 written, 22 unchanged, 0 removed; 8 warnings; _ s\n")
        // Nothing changed, so no page is rendered again: the manifest holds each file's inputs.
        let fourth = try handout(["build", Paths.fixtures + "/clinic", "--today", "2026-11-29", "--out", out, "--format", "json"])
        let report = try #require(try JSONSerialization.jsonObject(with: Data(fourth.stdout.utf8)) as? [String: Any])
        #expect(report["pages"] as? Int == 18 && report["rendered_pages"] as? Int == 0)
        #expect(report["unchanged"] as? Int == 22)
    }

    /// A build's exit status and what it printed on standard error: its findings, and why it
    /// stopped.
    func outcome(_ result: CommandResult) -> String { "exit \(result.status)\n\(result.stderr)" }

    func report(_ result: CommandResult) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    }

    @Test func aRebuildWithNothingChangedReusesTheFindingsAndAnyChangedInputChecksAgain() throws {
        let project = try clinicCopy()
        func build(_ extra: [String] = [], today: String = "2026-11-29", out: String? = nil) throws -> CommandResult {
            try handout(["build", project, "--today", today, "--out", out ?? project + "/_site"] + extra)
        }
        // What a build of the project as it is prints, made in a fresh folder.
        func fresh(_ extra: [String] = [], today: String = "2026-11-29") throws -> String {
            outcome(try build(extra, today: today, out: try temporaryFolder()))
        }
        /// Builds twice: the first checks (an input changed), the second reuses its findings,
        /// and both print what a fresh build prints.
        func expectChecksThenReuse(today: String = "2026-11-29", _ comment: Comment) throws {
            let checked = try build(["--format", "json"], today: today)
            #expect(try report(checked)["checks_reused"] as? Bool == false, comment)
            let reused = try build(["--format", "json"], today: today)
            let summary = try report(reused)
            #expect(summary["checks_reused"] as? Bool == true && summary["rendered_pages"] as? Int == 0, comment)
            #expect(summary["written"] as? [String] == [] && summary["unchanged"] as? Int == 22, comment)
            let expected = try fresh(today: today)
            #expect(outcome(checked) == expected && outcome(reused) == expected, comment)
        }

        try expectChecksThenReuse("the first build")
        #expect(try outcome(build()).contains("clinic/directory.json:48:5: warning: partner \"english-only\": no last_verified date"))
        // The same findings stop a --strict build, reused or not, with the same words.
        let strict = try build(["--strict"]), freshStrict = try fresh(["--strict"])
        #expect(strict.status == 1 && outcome(strict) == freshStrict)
        #expect(strict.stderr.hasSuffix("handout: the site was not built: 0 errors, 8 warnings, 2 notes\n"))

        let template = project + "/Templates/en/repairs.md"
        try (try read(template) + "\nCall us today.\n").write(toFile: template, atomically: true, encoding: .utf8)
        try expectChecksThenReuse("a template changed")

        let directory = try read(project + "/directory.json").replacingOccurrences(of: "312-555-0150", with: "312-555-0159")
        try directory.write(toFile: project + "/directory.json", atomically: true, encoding: .utf8)
        try expectChecksThenReuse("the directory changed")

        // A facts file of the project's own, with a fact due for review before the 29th.
        try """
            clinic-hours:
              value: "9 to 5"
              citation: "The clinic's front desk"
              checked: 2026-01-05
              review_by: 2026-06-01

            """.write(toFile: project + "/facts.yml", atomically: true, encoding: .utf8)
        try expectChecksThenReuse("a facts file was added")
        #expect(try outcome(build()).contains("facts.yml:5:14: warning: fact \"clinic-hours\": review was due 2026-06-01"))

        // The day is an input of the checks (the review is not due in May), not of the pages.
        try expectChecksThenReuse(today: "2026-05-01", "another day")
        #expect(try !outcome(build(today: "2026-05-01")).contains("clinic-hours"))
        try expectChecksThenReuse("the first day again")
    }

    @Test func aCorruptOrForeignRecordInTheManifestIsNeverTrusted() throws {
        let out = try temporaryFolder()
        let arguments = ["build", Paths.fixtures + "/clinic", "--today", "2026-11-29", "--out", out]
        let first = try handout(arguments)
        #expect(first.status == 0)
        let manifestPath = out + "/.handout-manifest.json"
        var manifest = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: manifestPath))) as? [String: Any])
        let record = try #require(manifest["build"] as? [String: Any])
        var findings = try #require(record["findings"] as? [[String: Any]])
        #expect(findings.count == 10 && findings[0]["level"] as? String == "warning")
        findings[0]["level"] = "fatal"
        func with(_ key: String, _ value: Any) -> [String: Any] {
            var changed = record
            changed[key] = value
            return changed
        }
        let tampered: [(Comment, Any)] = [
            ("another build's record: no findings, under another key", with("checks", "fnv1a64:0123456789abcdef").merging(["findings": []]) { $1 }),
            ("a level this tool does not know", with("findings", findings)),
            ("findings that are not a list", with("findings", "none")),
            ("no fingerprint", with("checks", NSNull())),
            ("not a record at all", 5),
        ]
        for (comment, value) in tampered {
            manifest["build"] = value
            try JSONSerialization.data(withJSONObject: manifest).write(to: URL(fileURLWithPath: manifestPath))
            let again = try handout(arguments + ["--format", "json"])
            #expect(outcome(again) == outcome(first), comment)
            #expect(try report(again)["checks_reused"] as? Bool == false, comment)
            #expect(try report(again)["unchanged"] as? Int == 22, comment)
        }
    }

    @Test func aMissingOrEditedOutputIsMadeAgainWhateverTheManifestSays() throws {
        let out = try temporaryFolder()
        #expect(try handout(["build", Paths.fixtures + "/clinic", "--today", "2026-11-29", "--out", out]).status == 0)
        let original = try read(out + "/eviction.en.txt")
        // Same size, other bytes: an edit the file's size alone would not show.
        try String(original.reversed()).write(toFile: out + "/eviction.en.txt", atomically: true, encoding: .utf8)
        try FileManager.default.removeItem(atPath: out + "/index.es.html")
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: out + "/repairs.es.html")
        let again = try handout(["build", Paths.fixtures + "/clinic", "--today", "2026-11-29", "--out", out, "--format", "json"])
        let report = try #require(try JSONSerialization.jsonObject(with: Data(again.stdout.utf8)) as? [String: Any])
        #expect((report["written"] as? [String])?.sorted() == ["eviction.en.txt", "index.es.html", "repairs.es.html"])
        #expect(report["rendered_pages"] as? Int == 3)
        #expect(try read(out + "/eviction.en.txt") == original)
    }

    @Test func noClockOnAPageTwoBuildsAreByteIdenticalOnAnyDay() throws {
        let (a, b) = (try temporaryFolder(), try temporaryFolder())
        #expect(try handout(["build", "--today", "2026-11-29", "--out", a], in: NSTemporaryDirectory()).status == 0)
        #expect(try handout(["build", "--today", "2026-11-30", "--out", b], in: NSTemporaryDirectory()).status == 0)
        var (first, second) = (try files(in: a), try files(in: b))
        #expect(first.count > 70)
        // The manifests agree too, but for the stamps (size, time, inode) of the files written,
        // and the build's record, whose findings were checked on another day.
        let manifests = try [a, b].map { folder in
            var manifest = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: folder + "/.handout-manifest.json"))) as? [String: Any])
            #expect((manifest["stamps"] as? [String: String])?.count == first.count - 1)
            manifest["stamps"] = nil
            #expect((manifest["build"] as? [String: Any])?["pages"] as? Int == 70)
            manifest["build"] = nil
            return manifest as NSDictionary
        }
        #expect(manifests[0] == manifests[1])
        first[".handout-manifest.json"] = nil
        second[".handout-manifest.json"] = nil
        #expect(first == second)
        // A day later the same folder is up to date.
        let again = try handout(["build", "--today", "2026-11-30", "--out", a, "--format", "json"], in: NSTemporaryDirectory())
        let report = try #require(try JSONSerialization.jsonObject(with: Data(again.stdout.utf8)) as? [String: Any])
        #expect(report["written"] as? [String] == [])
        #expect(report["unchanged"] as? Int == first.count)  // every file (the manifest is left out of `first`)
        // The handout's dates are its inputs': reviewed, and the newest listing it shows.
        let text = try read(a + "/housing-eviction.en.txt")
        #expect(text.range(of: #"\nFacts reviewed: [A-Z][a-z]+ [0-9]+, 2026\.\n\nPartner listings checked: [A-Z][a-z]+ [0-9]+, 2026\.\n"#, options: .regularExpression) != nil)
        #expect(!text.contains("Prepared"))
    }

    @Test func changingOnePartnersPhoneRewritesExactlyThePagesThatShowIt() throws {
        let project = try clinicCopy()
        let out = project + "/_site"
        #expect(try handout(["build", project, "--today", "2026-11-29"]).status == 0)
        let showing = try files(in: out).filter { String(decoding: $0.value, as: UTF8.self).contains("312-555-0150") }.keys.sorted()
        // Both handouts in both languages, and the directory pages of the partner's categories.
        #expect(showing == ["eviction.en.html", "eviction.en.txt", "eviction.es.html", "eviction.es.txt",
                            "partners-family-safety.en.html", "partners-family-safety.es.html",
                            "partners-housing.en.html", "partners-housing.es.html",
                            "repairs.en.html", "repairs.en.txt", "repairs.es.html", "repairs.es.txt"])
        let directory = try read(project + "/directory.json").replacingOccurrences(of: "312-555-0150", with: "312-555-0159")
        try directory.write(toFile: project + "/directory.json", atomically: true, encoding: .utf8)

        let check = try handout(["build", project, "--today", "2026-11-29", "--check", "--quiet"])
        #expect(check.status == 1)
        #expect(check.stdout == "")
        let dry = try handout(["build", project, "--today", "2026-11-29", "--check"])
        #expect(dry.stdout == showing.map { "would write \(out)/\($0)\n" }.sorted().joined() + "12 files would change in \(out); 8 warnings\n"
            || dry.stdout.split(separator: "\n").dropLast().sorted() == showing.map { "would write \(out)/\($0)" })
        let build = try handout(["build", project, "--today", "2026-11-29", "--format", "json"])
        let report = try #require(try JSONSerialization.jsonObject(with: Data(build.stdout.utf8)) as? [String: Any])
        #expect((report["written"] as? [String])?.sorted() == showing)
        #expect(report["removed"] as? [String] == [])
        // Rendered again: the 8 pages that show the partner (4 handouts, 4 category pages) and
        // the 2 partner directory pages, which count every partner; none of the other 8.
        #expect(report["pages"] as? Int == 18 && report["rendered_pages"] as? Int == 10)
        // And the folder is what a clean build makes, byte for byte.
        let clean = try temporaryFolder()
        #expect(try handout(["build", project, "--today", "2026-11-29", "--out", clean]).status == 0)
        var built = try files(in: out), fresh = try files(in: clean)
        built[".handout-manifest.json"] = nil
        fresh[".handout-manifest.json"] = nil
        #expect(built.count == 22 && built == fresh)
    }

    @Test func aRemovedTemplatesPagesAreRemovedAndForeignFilesLeftAlone() throws {
        let project = try clinicCopy()
        let out = project + "/_site"
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        try "mine".write(toFile: out + "/notes.txt", atomically: true, encoding: .utf8)
        let extra = try read(project + "/Templates/en/repairs.md").replacingOccurrences(of: "title: ", with: "title: Extra ")
        try extra.write(toFile: project + "/Templates/en/extra.md", atomically: true, encoding: .utf8)
        #expect(try handout(["build", project, "--today", "2026-11-29"]).status == 0)
        #expect(try read(out + "/index.en.html").contains("extra.en.html"))
        // A file the tool wrote, then someone changed, is theirs now.
        try "edited by hand".write(toFile: out + "/extra.es.txt", atomically: true, encoding: .utf8)
        try FileManager.default.removeItem(atPath: project + "/Templates/en/extra.md")

        let check = try handout(["build", project, "--today", "2026-11-29", "--check"])
        #expect(check.status == 1)
        #expect(check.stdout.contains("would remove \(out)/extra.en.html\n"))
        #expect(FileManager.default.fileExists(atPath: out + "/extra.en.html"))

        let before = try FileManager.default.contentsOfDirectory(atPath: out)
        let build = try handout(["build", project, "--today", "2026-11-29"])
        #expect(build.status == 0)
        // The three home pages change; the other pages stay as they were.
        #expect(summary(build.stdout).hasPrefix("\(out): 3 written, 19 unchanged, 3 removed; "))
        #expect(build.stdout.hasSuffix("left alone \(out)/extra.es.txt: changed since handout wrote it\n"))
        let left = try FileManager.default.contentsOfDirectory(atPath: out).sorted()
        #expect(left == before.filter { !["extra.en.html", "extra.en.txt", "extra.es.html"].contains($0) }.sorted())
        #expect(try read(out + "/notes.txt") == "mine")
        #expect(try read(out + "/extra.es.txt") == "edited by hand")
        #expect(!(try read(out + "/index.en.html")).contains("extra"))
    }

    @Test func checkWritesNothingAndExitsOneOnlyWhenSomethingWouldChange() throws {
        let out = try temporaryFolder() + "/site"
        let before = try handout(["build", Paths.fixtures + "/clinic", "--today", "2026-11-29", "--out", out, "--check"])
        #expect(before.status == 1)
        #expect(before.stdout.hasSuffix("22 files would change in \(out); 8 warnings\n"))
        #expect(!FileManager.default.fileExists(atPath: out))
        #expect(try handout(["build", Paths.fixtures + "/clinic", "--today", "2026-11-29", "--out", out, "--quiet"]).status == 0)
        let after = try handout(["build", Paths.fixtures + "/clinic", "--today", "2026-11-30", "--out", out, "--check"])
        #expect(after.status == 0)
        #expect(after.stdout == "\(out) is up to date; 8 warnings\n")
    }

    @Test func aFailingCheckWritesNothing() throws {
        let out = try temporaryFolder()
        let result = try handout(["build", Paths.fixtures + "/check-project", "--today", "2026-11-29", "--out", out])
        #expect(result.status == 1)
        #expect(result.stderr.hasSuffix("handout: the site was not built: 4 errors, 23 warnings, 5 notes\n"))
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

    @Test func everyTemplateAndDirectoryErrorIsReportedTogether() throws {
        let project = try clinicCopy()
        // A missing summary in the front matter, a broken link in the body of the same file,
        // and an error in the directory: all three in one run.
        let eviction = try read(project + "/Templates/en/eviction.md")
        let lines = eviction.split(separator: "\n", omittingEmptySubsequences: false)
        let broken = lines.filter { !$0.hasPrefix("summary:") }.joined(separator: "\n") + "\nSee [the other one](nowhere.md).\n"
        try broken.write(toFile: project + "/Templates/en/eviction.md", atomically: true, encoding: .utf8)
        let directory = try read(project + "/directory.json").replacingOccurrences(of: "\"+1 773 555 0110\"", with: "\"+1 555\"")
        try directory.write(toFile: project + "/directory.json", atomically: true, encoding: .utf8)
        let result = try handout(["build", project, "--today", "2026-11-29"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("eviction.md:1: error: front matter: missing required key \"summary\" [template-invalid]\n"))
        #expect(result.stderr.contains(": error: link to \"nowhere.md\", but there is no handout \"nowhere\" [broken-link]\n"))
        #expect(result.stderr.contains("directory.json:10:21: error: partner \"westside-tenants\": phones[0].number: \"+1 555\" is not a valid phone number [directory-invalid]\n"))
        #expect(!FileManager.default.fileExists(atPath: project + "/_site"))
    }
}
