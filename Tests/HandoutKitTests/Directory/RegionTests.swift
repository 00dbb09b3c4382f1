import Testing
@testable import HandoutKit

@Suite struct RegionTests {
    let table = ZipTable(tsv: "60623\tIL\tCook\n60601\tIL\tCook\n60010\tIL\tLake\n79901\tTX\tEl Paso\n")

    func partner(_ area: Partner.ServiceArea, state: String? = nil) throws -> Partner {
        var json = #"{"partners": [{"id": "p", "name": "P", "categories": ["housing"], "phones": [{"number": "312-555-0100"}], "service_area": {"#
        var fields: [String] = []
        if !area.zips.isEmpty { fields.append(#""zips": [\#(area.zips.map { "\"\($0)\"" }.joined(separator: ","))]"#) }
        if !area.counties.isEmpty { fields.append(#""counties": [\#(area.counties.map { "\"\($0)\"" }.joined(separator: ","))]"#) }
        if !area.states.isEmpty { fields.append(#""states": [\#(area.states.map { "\"\($0)\"" }.joined(separator: ","))]"#) }
        if area.remote { fields.append(#""remote": true"#) }
        json += fields.joined(separator: ", ") + "}"
        if let state { json += #", "address": {"state": "\#(state)"}"# }
        json += "}]}"
        return try DirectoryLoader.parse(json, path: "d.json").partners[0]
    }

    func area(zips: [String] = [], counties: [String] = [], states: [String] = [], remote: Bool = false) -> Partner.ServiceArea {
        var area = Partner.ServiceArea()
        area.zips = zips
        area.counties = counties
        area.states = states
        area.remote = remote
        return area
    }

    @Test func aCountyRegionTakesPartnersByZipCountyStateAndRemote() throws {
        let cook = Region(counties: ["Cook, IL"])
        #expect(cook.isServed(by: try partner(area(zips: ["606*"])), zipTable: table))
        #expect(cook.isServed(by: try partner(area(zips: ["60623"])), zipTable: table))
        #expect(cook.isServed(by: try partner(area(counties: ["Cook County"]), state: "IL"), zipTable: table))
        #expect(cook.isServed(by: try partner(area(states: ["IL"])), zipTable: table))
        #expect(cook.isServed(by: try partner(area(remote: true)), zipTable: table))
        #expect(!cook.isServed(by: try partner(area(zips: ["60010"])), zipTable: table))
        #expect(!cook.isServed(by: try partner(area(counties: ["Lake, IL"])), zipTable: table))
        #expect(!cook.isServed(by: try partner(area(states: ["TX"])), zipTable: table))
        #expect(!cook.isServed(by: try partner(area(counties: ["Cook"]), state: "GA"), zipTable: table))
    }

    @Test func aZipRegionOverlapsPrefixesEitherWayAndReachesItsCountyAndState() throws {
        let region = Region(zips: ["6062*"])
        #expect(region.isServed(by: try partner(area(zips: ["60623"])), zipTable: table))
        #expect(region.isServed(by: try partner(area(zips: ["60*"])), zipTable: table))
        #expect(region.isServed(by: try partner(area(counties: ["Cook, IL"])), zipTable: table))
        #expect(region.isServed(by: try partner(area(states: ["IL"])), zipTable: table))
        #expect(!region.isServed(by: try partner(area(zips: ["60601"])), zipTable: table))
        #expect(!region.isServed(by: try partner(area(states: ["TX"])), zipTable: table))
    }

    @Test func aStateRegionTakesEveryPlaceInTheState() throws {
        let texas = Region(states: ["tx"])
        #expect(texas.isServed(by: try partner(area(zips: ["79901"])), zipTable: table))
        #expect(texas.isServed(by: try partner(area(counties: ["El Paso, TX"])), zipTable: table))
        #expect(!texas.isServed(by: try partner(area(zips: ["606*"])), zipTable: table))
    }

    @Test func aZipAndARadiusTakeWhatIsNearAndWhatServesTheZip() throws {
        // 60455 is about 9 miles from 60623; 60010 about 31.
        let table = ZipTable(tsv: "60623\tIL\tCook\t41.848\t-87.717\n60455\tIL\tCook\t41.737\t-87.805\n60010\tIL\tLake\t42.158\t-88.157\n")
        let near = Region(center: "60623", radiusMiles: 10)
        #expect(near.isServed(by: try partner(area(zips: ["60455"])), zipTable: table))
        #expect(!near.isServed(by: try partner(area(zips: ["60010"])), zipTable: table))
        #expect(near.isServed(by: try partner(area(counties: ["Cook, IL"])), zipTable: table))
        #expect(!near.isServed(by: try partner(area(states: ["TX"])), zipTable: table))
        #expect(!Region(center: "60623", radiusMiles: 5).isServed(by: try partner(area(zips: ["60455"])), zipTable: table))
    }
}
