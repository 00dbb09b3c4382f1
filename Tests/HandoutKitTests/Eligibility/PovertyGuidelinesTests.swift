import Foundation
import Testing
@testable import HandoutKit

/// The bundled table against the published 2026 HHS poverty guidelines (91 FR 1797,
/// January 15, 2026; the figures as printed on the ASPE page), and the arithmetic on top.
@Suite struct PovertyGuidelinesTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().path
    let guidelines = try! PovertyGuidelines(contentsOf: Self.root + "/Resources/poverty-guidelines.tsv")
    let day = Day("2026-11-29")!

    /// Persons 1-8 and each additional person, from the publication, typed in by hand.
    static let published: [(PovertyGuidelines.Region, [Int], Int)] = [
        (.contiguous, [15_960, 21_640, 27_320, 33_000, 38_680, 44_360, 50_040, 55_720], 5_680),
        (.alaska, [19_950, 27_050, 34_150, 41_250, 48_350, 55_450, 62_550, 69_650], 7_100),
        (.hawaii, [18_360, 24_890, 31_420, 37_950, 44_480, 51_010, 57_540, 64_070], 6_530),
    ]

    @Test func everyRowMatchesThePublishedTable() throws {
        for (region, amounts, additional) in Self.published {
            let table = try #require(guidelines.table(on: day, region: region))
            #expect(table.year == 2026)
            #expect(table.effective == Day("2026-01-13"))
            for (index, amount) in amounts.enumerated() {
                #expect(table.guideline(householdSize: index + 1) == amount, "\(region) \(index + 1)")
            }
            #expect(table.guideline(householdSize: 9) == amounts[7] + additional)
            #expect(table.guideline(householdSize: 12) == amounts[7] + 4 * additional)
        }
    }

    @Test func incomeAsAPercentOfPovertyInEachTable() {
        // An income exactly at the guideline is 100%; twice it, 200%.
        #expect(guidelines.percent(of: Household(size: 1, annualIncome: 15_960), state: "IL", on: day) == 100)
        #expect(guidelines.percent(of: Household(size: 4, annualIncome: 66_000), state: "TX", on: day) == 200)
        #expect(guidelines.percent(of: Household(size: 4, annualIncome: 66_000), state: "DC", on: day) == 200)
        #expect(guidelines.percent(of: Household(size: 2, annualIncome: 27_050), state: "AK", on: day) == 100)
        #expect(guidelines.percent(of: Household(size: 6, annualIncome: 83_175), state: "ak", on: day) == 150)
        #expect(guidelines.percent(of: Household(size: 3, annualIncome: 47_130), state: "HI", on: day) == 150)
        #expect(guidelines.percent(of: Household(size: 10, annualIncome: 77_130), state: "HI", on: day) == 100)
        // The same income is a smaller share of Alaska's higher guideline.
        let illinois = guidelines.percent(of: Household(size: 3, annualIncome: 40_000), state: "IL", on: day)!
        let alaska = guidelines.percent(of: Household(size: 3, annualIncome: 40_000), state: "AK", on: day)!
        #expect(abs(illinois - 146.41) < 0.01)
        #expect(abs(alaska - 117.13) < 0.01)
        // No state: the contiguous table.
        #expect(guidelines.percent(of: Household(size: 1, annualIncome: 7_980), state: nil, on: day) == 50)
    }

    @Test func theYearIsChosenByTheDate() throws {
        let two = try PovertyGuidelines(tsv: """
            year\teffective\tregion\t1\t2\t3\t4\t5\t6\t7\t8\teach_additional
            2026\t2026-01-13\tcontiguous\t15960\t21640\t27320\t33000\t38680\t44360\t50040\t55720\t5680
            2027\t2027-01-15\tcontiguous\t16000\t22000\t28000\t34000\t40000\t46000\t52000\t58000\t6000
            """, path: "t.tsv")
        #expect(two.table(on: Day("2026-12-31")!, region: .contiguous)?.year == 2026)
        #expect(two.table(on: Day("2027-01-15")!, region: .contiguous)?.year == 2027)
        // Before every table took effect: the earliest there is.
        #expect(two.table(on: Day("2025-06-01")!, region: .contiguous)?.year == 2026)
        #expect(two.table(on: Day("2027-06-01")!, region: .alaska) == nil)
    }

    @Test func aMalformedTableIsAnErrorWithItsLine() {
        #expect(throws: InputErrors.self) {
            try PovertyGuidelines(tsv: "year\teffective\tregion\n2026\tsoon\tcontiguous\t1\n", path: "t.tsv")
        }
        do {
            _ = try PovertyGuidelines(tsv: "# c\nheader\n2026\t2026-01-13\tmars\t1\t2\t3\t4\t5\t6\t7\t8\t9\n", path: "t.tsv")
        } catch let errors as InputErrors {
            #expect(errors.diagnostics.map(\.location) == ["t.tsv:3:1"])
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test func partnersAboveTheirIncomeLimitAreLeftOut() throws {
        let directory = try DirectoryLoader.parse("""
            {"partners": [
              {"id": "limit-200", "name": "Two Hundred", "categories": ["housing"], "email": "a@example.org",
               "service_area": {"states": ["IL"]}, "eligibility": {"max_income_fpl_percent": 200}},
              {"id": "limit-125", "name": "A Hundred Twenty-Five", "categories": ["housing"], "email": "a@example.org",
               "service_area": {"states": ["IL"]}, "eligibility": {"max_income_fpl_percent": 125}},
              {"id": "no-limit", "name": "No Limit", "categories": ["housing"], "email": "a@example.org",
               "service_area": {"states": ["IL"]}}
            ]}
            """, path: "dir.json")
        let query = PartnerQuery(categories: ["housing"], location: ClientLocation(state: "IL"))
        func offer(_ income: Double?, limit: Int? = nil) -> PartnerOffer {
            var query = query
            query.limit = limit
            return PartnerOffer.make(directory, query: query, household: income.map { Household(size: 4, annualIncome: $0) }, guidelines: guidelines, today: day)
        }
        // 150% of 33,000: above 125, within 200.
        let middle = offer(49_500)
        #expect(middle.offered.map(\.partner.id) == ["no-limit", "limit-200"])
        // The per-need cap counts only the partners the household can use.
        #expect(offer(nil, limit: 1).offered.map(\.partner.id) == ["limit-125"])
        #expect(offer(49_500, limit: 1).offered.map(\.partner.id) == ["no-limit"])
        #expect(middle.leftOutByIncome.map(\.id) == ["limit-125"])
        #expect(middle.incomePercent == 150)
        // Exactly at a limit is within it.
        #expect(offer(66_000).leftOutByIncome.map(\.id) == ["limit-125"])
        #expect(offer(66_001).leftOutByIncome.map(\.id) == ["limit-125", "limit-200"])
        // No household given: nobody is left out.
        #expect(offer(nil).leftOutByIncome.isEmpty && offer(nil).offered.count == 3)
    }
}
