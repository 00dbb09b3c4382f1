import Testing
@testable import HandoutKit

@Suite struct NearestNameTests {
    /// Two names one edit away: the same one is suggested whatever order they come in
    /// (a Set's order changes from run to run).
    @Test func equallyNearNamesAreBrokenByByteOrder() {
        let candidates = ["housing", "hearing", "heating"]
        for order in [candidates, candidates.reversed(), [candidates[1], candidates[0], candidates[2]]] {
            #expect(NearestName.suggestion(for: "heaing", among: order) == "hearing")
        }
        #expect(NearestName.suggestion(for: "housng", among: Set(candidates)) == "housing")
    }
}
