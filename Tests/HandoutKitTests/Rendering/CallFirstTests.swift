import Testing
@testable import HandoutKit

/// "Who to call first": the first partner of the ranking for each need, once each, with a
/// voice number before any other; no box without partners.
@Suite struct CallFirstTests {
    let directory = try! DirectoryLoader.parse("""
        {"partners": [
          {"id": "near", "name": "Near Legal Aid", "categories": ["housing", "food"],
           "phones": [{"number": "312-555-0101", "type": "text"}, {"number": "312-555-0102", "type": "voice"}],
           "last_verified": "2026-11-01"},
          {"id": "web", "name": "Web Only", "categories": ["benefits"], "website": "https://example.org/web",
           "last_verified": "2026-10-01"},
          {"id": "older", "name": "Older Listing", "categories": ["housing", "benefits"], "phones": [{"number": "312-555-0103"}],
           "last_verified": "2025-01-01"}
        ]}
        """, path: "dir.json")

    func markdown(needs: [String]) -> String? {
        let matches = PartnerSelection.select(directory.partners, for: PartnerQuery(categories: needs))
        return CallFirst.markdown(needs: needs, matches: matches, taxonomy: directory.taxonomy, strings: Strings(language: "en"))
    }

    /// Values are escaped for Markdown like every other value (a backslash before punctuation);
    /// a partner with a web address gets its QR code first.
    @Test func firstPartnerPerNeedOnceWithItsVoiceNumber() {
        #expect(markdown(needs: ["housing", "food", "benefits"]) == """
            ## Who to call first

            - **Near Legal Aid**\\
              [312\\-555\\-0102](tel:+13125550102)\\
              Helps with\\: Housing and Food\\.
            - ![QR code for https\\:\\/\\/example\\.org\\/web](<qr:https\\:\\/\\/example\\.org\\/web>)**Web Only**\\
              [https\\:\\/\\/example\\.org\\/web](https\\:\\/\\/example\\.org\\/web)\\
              Helps with\\: Public benefits\\.

            """)
    }

    @Test func noBoxWithoutAPartner() {
        #expect(markdown(needs: ["immigration"]) == nil)
    }

    @Test func aPracticeNameBecomesAnInertCSSString() {
        #expect(Layout.cssString(#"A"; } body { x: "</style>"#) == #"A\000022\00003B \00007D body \00007B x\00003A \000022\00003C\00002Fstyle\00003E"#)
        #expect(Layout.cssString("Clínica 1") == #"Cl\0000EDnica 1"#)
    }
}
