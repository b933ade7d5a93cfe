import GeoModel
import Testing

@testable import Maps

/// Legend counts name the areas in the right number: "1 county", "16 counties".
@Suite struct AreaNounTests {
    @Test func levelNounsCountTheirAreas() {
        #expect(AreaNoun(AreaLevel.county).counted(16) == "16 counties")
        #expect(AreaNoun(AreaLevel.county).counted(1) == "1 county")
        #expect(AreaNoun.tracts.counted(1) == "1 tract")
        #expect(AreaNoun.tracts.counted(3) == "3 tracts")
        #expect(AreaNoun.blockGroups.counted(2) == "2 block groups")
        #expect(AreaNoun(AreaLevel.block).counted(0) == "0 blocks")
        #expect(AreaNoun(AreaLevel.state).counted(1) == "1 state")
        #expect(AreaNoun.areas.counted(1) == "1 area")
        #expect(AreaNoun.areas.counted(2) == "2 areas")
        #expect(AreaNoun("place").counted(4) == "4 places")
        #expect(
            LegendEntry(classIndex: 0, color: .black, label: "x", count: 1, noun: .counties).countText == "1 county")
    }
}
