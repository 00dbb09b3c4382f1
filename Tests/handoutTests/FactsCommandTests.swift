import Foundation
import Testing

/// The facts mechanism through the command line: facts.yml (bundled, then the project's),
/// `{{fact.KEY}}`, state sections, the check rules, `handout list facts`, footer and meta.
/// The bundled facts.yml is replaced by `bundledFacts`, so these tests do not change when
/// the bundled facts do.
@Suite struct FactsCommandTests {
    static let bundledFacts = """
        snap-notice-days:
          value: "10"
          citation: "7 CFR 273.13(a)(1)"
          checked: 2026-11-01
          review_by: 2027-05-01
        medicaid-hearing-days:
          value: { en: "90 days", es: "90 días" }
          citation: "42 CFR 431.221(d)"
          checked: 2026-10-15
          review_by: 2027-04-15
        # Past its review_by, but no template of the test projects uses it: not theirs to review.
        old-unused:
          value: "2025"
          citation: "an old table"
          checked: 2025-01-01
          review_by: 2026-01-01

        """
    let home = try! homeWithFacts(bundledFacts)
    let project = Paths.fixtures + "/facts-project"
    let problems = Paths.fixtures + "/facts-problems"

    func run(_ arguments: [String], in folder: String) throws -> CommandResult {
        try handout(arguments, in: folder, environment: ["HANDOUT_HOME": home])
    }

    // MARK: check

    @Test func aFactPastReviewByFailsStrict() throws {
        let before = try run(["check", "--strict", "--today", "2026-12-01"], in: project)
        #expect(before.stdout == "0 errors, 0 warnings, 0 notes\n")
        #expect(before.status == 0)

        let after = try run(["check", "--strict", "--today", "2026-12-02"], in: project)
        #expect(after.stdout == """
            facts.yml:6:14: warning: fact "snap-notice-days": review was due 2026-12-01, 1 day ago: check it against 7 CFR 273.13(a)(1), then update value, checked and review_by [fact-review-due]
            0 errors, 1 warning, 0 notes

            """)
        #expect(after.status == 1)
        // A warning, so it fails only under --strict.
        #expect(try run(["check", "--today", "2026-12-02"], in: project).status == 0)
    }

    @Test func aHandoutReviewedLongerAgoThanTheProjectAllowsIsDue() throws {
        // handout.yml sets review_after_days: 90; both templates say reviewed: 2026-11-01.
        let result = try run(["check", "--today", "2027-01-31"], in: project)
        #expect(result.stdout == """
            Templates/en/benefits.md:7:1: warning: reviewed 2026-11-01, 91 days ago (more than 90): check every fact against its source, then update reviewed [handout-review-due]
            Templates/es/benefits.md:7:1: warning: reviewed 2026-11-01, 91 days ago (more than 90): check every fact against its source, then update reviewed [handout-review-due]
            facts.yml:6:14: warning: fact "snap-notice-days": review was due 2026-12-01, 61 days ago: check it against 7 CFR 273.13(a)(1), then update value, checked and review_by [fact-review-due]
            0 errors, 3 warnings, 0 notes

            """)
    }

    @Test func unknownMissingLanguageStateSpecificAndWrittenOutFacts() throws {
        let result = try run(["check", "--today", "2026-11-29"], in: problems)
        #expect(result.stdout == """
            Templates/en/problems.md:3:1: warning: "10" is the value of fact "snap-notice-days": write {{fact.snap-notice-days}}, so the handout changes when the fact does [fact-not-used]
            Templates/en/problems.md:13:35: error: unknown fact "snap-notice-dayz" (did you mean "snap-notice-days"?): add it to facts.yml or fix the key [unknown-fact]
            Templates/en/problems.md:14:22: error: fact "ga-answer-days" is the rule in GA only: use it inside {{#state.GA}}…{{/state.GA}}, so clients elsewhere never read it [state-specific-fact]
            Templates/en/problems.md:15:16: warning: "$25" is the value of fact "appeal-fee": write {{fact.appeal-fee}}, so the handout changes when the fact does [fact-not-used]
            Templates/en/problems.md:15:37: warning: "$25" is the value of fact "appeal-fee": write {{fact.appeal-fee}}, so the handout changes when the fact does [fact-not-used]
            Templates/en/problems.md:15:67: warning: "10" is the value of fact "snap-notice-days": write {{fact.snap-notice-days}}, so the handout changes when the fact does [fact-not-used]
            Templates/es/problems.md:13:13: error: fact "medicaid-hearing-days" has no "es" value: add es: to its value in facts.yml [fact-missing-language]
            Templates/es/problems.md:15:1: warning: a state section names one state by its two-letter code in capitals, like {{#state.GA}}: "state.ga" never renders [unknown-variable]
            3 errors, 5 warnings, 0 notes

            """)
        #expect(result.status == 1)
    }

    @Test func aBrokenFactsFileIsAFindingAtItsLineAndColumn() throws {
        let folder = try temporaryFolder()
        try FileManager.default.copyItem(atPath: project + "/Templates", toPath: folder + "/Templates")
        try FileManager.default.copyItem(atPath: project + "/directory.json", toPath: folder + "/directory.json")
        try "directory: directory.json\ntemplates: Templates\n".write(toFile: folder + "/handout.yml", atomically: true, encoding: .utf8)
        try """
            snap-notice-days:
              value: "10"
              citation: "7 CFR 273.13(a)(1)"
              checked: 2026-13-01
              reviewby: 2027-05-01
            Bad_Key:
              value: "1"
            spanish-only:
              value: { es: "10 días" }
              citation: "x"
              checked: 2026-01-01
              review_by: 2027-01-01
              state: Georgia

            """.write(toFile: folder + "/facts.yml", atomically: true, encoding: .utf8)
        let result = try run(["check", "--today", "2026-11-29"], in: folder)
        #expect(result.stdout == """
            facts.yml:1:1: error: fact "snap-notice-days": missing review_by [facts-invalid]
            facts.yml:4:12: error: fact "snap-notice-days": checked must be a date, YYYY-MM-DD [facts-invalid]
            facts.yml:5:3: error: fact "snap-notice-days": unknown key "reviewby" (did you mean "review_by"?) [facts-invalid]
            facts.yml:6:1: error: "Bad_Key" is not a valid fact key: use lowercase letters, digits and dashes, like "snap-notice-days" [facts-invalid]
            facts.yml:9:10: error: fact "spanish-only": value needs an en text [facts-invalid]
            facts.yml:13:10: error: fact "spanish-only": state must be a two-letter state code in capitals, like GA [facts-invalid]
            6 errors, 0 warnings, 0 notes

            """)
        #expect(result.status == 1)
        let render = try run(["render", "benefits", "--out", "-"], in: folder)
        #expect(render.status == 1)
        #expect(render.stderr.hasPrefix("facts.yml:1:1: error: fact \"snap-notice-days\": missing review_by\n"))
    }

    // MARK: render

    @Test func renderRefusesAnUnknownFactAndWritesNothing() throws {
        let out = try temporaryFolder()
        let result = try run(["render", "problems", "--out", out], in: problems)
        #expect(result.status == 1)
        #expect(result.stderr == """
            Templates/en/problems.md:13:35: error: unknown fact "snap-notice-dayz" (did you mean "snap-notice-days"?): add it to facts.yml or fix the key
            Templates/en/problems.md:14:22: error: fact "ga-answer-days" is the rule in GA only: use it inside {{#state.GA}}…{{/state.GA}}, so clients elsewhere never read it

            """)
        #expect(try FileManager.default.contentsOfDirectory(atPath: out).isEmpty)
    }

    @Test func factsFillTheTextAndAStateSectionShowsOnlyInThatState() throws {
        let georgia = try run(["render", "benefits", "--state", "GA", "--out", "-", "--today", "2026-11-29"], in: project)
        #expect(georgia.status == 0)
        // A fact in the summary (front matter) too.
        #expect(georgia.stdout.hasPrefix("""
            If your benefits are cut
            ========================

            You can ask for a hearing. Act fast, some deadlines are only 10 days.

            """))
        #expect(georgia.stdout.contains("""
            The agency must send you a notice 10 days before it cuts your SNAP
            benefits. You have 90 days to ask for a Medicaid hearing.

            In Georgia, you have 7 days to answer an eviction case.

            What to do next
            """))
        #expect(!georgia.stdout.contains("Legal aid can tell you the rules where you live."))

        // 60623 is in Illinois: the general rule, never Georgia's.
        let illinois = try run(["render", "benefits", "--zip", "60623", "--lang", "es", "--out", "-", "--today", "2026-11-29"], in: project)
        #expect(illinois.stdout.contains("""
            La agencia debe enviarle un aviso 10 días antes de cortar sus beneficios
            de SNAP. Usted tiene 90 días para pedir una audiencia de Medicaid.

            La ayuda legal le puede decir las reglas donde usted vive.

            Qué hacer después
            """))
        #expect(!illinois.stdout.contains("Georgia"))
    }

    @Test func theFooterAndMetaGiveTheEarliestCheckOfTheFactsUsed() throws {
        // reviewed 2026-11-01; facts checked 2026-06-01 (the project's snap-notice-days),
        // 2026-10-15 and 2026-11-15: the earliest is the one a reader can rely on.
        let out = try temporaryFolder()
        let result = try run(["render", "benefits", "--out", out, "--today", "2026-11-29"], in: project)
        #expect(result.status == 0)
        let text = try read(out + "/benefits.en.txt")
        #expect(text.hasSuffix("""
            Prepared on November 29, 2026.

            Facts reviewed: June 1, 2026.

            Sources: 7 CFR 273.13(a)(1).

            """))
        let html = try read(out + "/benefits.en.html")
        #expect(html.contains("<meta name=\"handout-facts-checked\" content=\"2026-06-01\">\n"))

        // The static site carries the same date, from its inputs alone.
        let site = try temporaryFolder()
        #expect(try run(["build", "--out", site, "--today", "2026-11-29"], in: project).status == 0)
        #expect(try read(site + "/benefits.es.html").contains("<meta name=\"handout-facts-checked\" content=\"2026-06-01\">\n"))
        #expect(try !read(site + "/benefits.en.html").contains("Georgia"))
        // The home page lists each handout with its summary, facts filled in.
        #expect(try read(site + "/index.es.html").contains("algunos plazos son de solo 10 días."))
    }

    // MARK: list facts

    @Test func listFactsSortedByReviewDateWithTheProjectsOverride() throws {
        let result = try run(["list", "facts"], in: project)
        #expect(result.status == 0)
        // snap-notice-days comes from the project's facts.yml (checked 2026-06-01), not the
        // bundled one (2026-11-01); medicaid-hearing-days from the bundled one.
        #expect(result.stdout == """
            KEY                    VALUE (EN)  CHECKED     REVIEW BY   USED BY           CITATION
            old-unused             2025        2025-01-01  2026-01-01  -                 an old table
            snap-notice-days       10          2026-06-01  2026-12-01  benefits (en es)  7 CFR 273.13(a)(1)
            medicaid-hearing-days  90 days     2026-10-15  2027-04-15  benefits (en es)  42 CFR 431.221(d)
            ga-answer-days         7           2026-11-15  2027-11-15  benefits (en es)  O.C.G.A. 44-7-51
            4 facts, 1 not used by any handout

            """)
    }

    @Test func listFactsAsJSON() throws {
        let result = try run(["list", "facts", "--format", "json"], in: problems)
        #expect(result.status == 0)
        #expect(result.stdout == """
            [
              {
                "checked" : "2025-01-01",
                "citation" : "an old table",
                "key" : "old-unused",
                "review_by" : "2026-01-01",
                "used_by" : [

                ],
                "value" : "2025"
              },
              {
                "checked" : "2026-10-15",
                "citation" : "42 CFR 431.221(d)",
                "key" : "medicaid-hearing-days",
                "review_by" : "2027-04-15",
                "used_by" : [
                  {
                    "id" : "problems",
                    "languages" : [
                      "es"
                    ]
                  }
                ],
                "value" : "90 days",
                "values" : {
                  "en" : "90 days"
                }
              },
              {
                "checked" : "2026-11-01",
                "citation" : "7 CFR 273.13(a)(1)",
                "key" : "snap-notice-days",
                "review_by" : "2027-05-01",
                "used_by" : [

                ],
                "value" : "10"
              },
              {
                "checked" : "2026-11-15",
                "citation" : "45 CFR 149.620",
                "key" : "appeal-fee",
                "review_by" : "2027-11-15",
                "used_by" : [

                ],
                "value" : "$25"
              },
              {
                "checked" : "2026-11-15",
                "citation" : "O.C.G.A. 44-7-51",
                "key" : "ga-answer-days",
                "review_by" : "2027-11-15",
                "state" : "GA",
                "used_by" : [
                  {
                    "id" : "problems",
                    "languages" : [
                      "en"
                    ]
                  }
                ],
                "value" : "7"
              }
            ]

            """)
    }
}
