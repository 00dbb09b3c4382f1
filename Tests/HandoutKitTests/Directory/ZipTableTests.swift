import Foundation
import Testing
@testable import HandoutKit

/// The ZIP table is searched in place (a binary search over its lines), not parsed into a
/// dictionary: these pin what a lookup finds, sorted or not.
@Suite struct ZipTableTests {
    @Test func aLookupFindsTheLineOfItsZipAndNothingForOthers() {
        let table = ZipTable(tsv: "# comment\n00501\tNY\tSuffolk\t40.818\t-73.045\n60623\tIL\tCook\t41.848\t-87.717\n79901\tTX\tEl Paso\n")
        #expect(table.lookup("60623") == ZipTable.Entry(state: "IL", county: "Cook", centroid: Coordinate(latitude: 41.848, longitude: -87.717)))
        #expect(table.lookup("79901") == ZipTable.Entry(state: "TX", county: "El Paso", centroid: nil))
        #expect(table.lookup("00501")?.county == "Suffolk")
        for missing in ["00500", "60622", "60624", "99999", "6062", "606230", "", "# comment"] {
            #expect(table.lookup(missing) == nil, "\(missing)")
        }
    }

    @Test func anUnsortedTableIsSortedAndTheLastLineOfARepeatedZipWins() {
        let table = ZipTable(tsv: "60623\tIL\tCook\n60601\tIL\tCook\n60010\tIL\tLake\n\n60623\tIL\tLater\nno tab here\n60602\tIL\tCook\r\n")
        #expect(table.lookup("60623")?.county == "Later")
        #expect(table.lookup("60010")?.county == "Lake")
        #expect(table.lookup("60602")?.county == "Cook")
        #expect(table.entries(matching: "606*").map(\.county) == ["Cook", "Cook", "Later"])
        #expect(table.entries(matching: "600*").map(\.county) == ["Lake"])
        #expect(table.entries(matching: "7*").isEmpty)
        #expect(table.entries(matching: "60010").map(\.county) == ["Lake"])
    }

    @Test func theBundledTableIsSortedSoLoadingSortsNothing() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let text = try String(contentsOf: root.appendingPathComponent("Resources/zip-codes.tsv"), encoding: .utf8)
        let zips = text.split(separator: "\n").filter { !$0.hasPrefix("#") }.map { $0.prefix(while: { $0 != "\t" }) }
        #expect(zips.count > 40_000)
        #expect(zips == zips.sorted())
        let table = ZipTable(tsv: text)
        #expect(table.lookup("60623")?.state == "IL")
        #expect(table.entries(matching: "606*").count == zips.filter { $0.hasPrefix("606") }.count)
    }
}
