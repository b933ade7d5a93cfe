import Testing

@testable import GeoModel

/// Number agreement of what Lastmile prints: the area nouns and the other counted nouns, by hand.
@Suite struct EnglishTests {
    @Test func pluralsOfTheAreaNouns() {
        #expect(English.plural("county") == "counties")
        #expect(English.plural("tract") == "tracts")
        #expect(English.plural("block group") == "block groups")
        #expect(English.plural("block") == "blocks")
        #expect(English.plural("state") == "states")
        #expect(English.plural("place") == "places")
        #expect(English.plural("area") == "areas")
        #expect(English.plural("County") == "Counties")
        // Every census level: the plural the pages print.
        #expect(AreaLevel.allCases.map(\.pluralName) == ["states", "counties", "tracts", "block groups", "blocks"])
    }

    @Test func pluralsOfOtherCountedNouns() {
        #expect(English.plural("phase") == "phases")
        #expect(English.plural("year") == "years")
        #expect(English.plural("survey") == "surveys")
        #expect(English.plural("class") == "classes")
        #expect(English.plural("census") == "censuses")
        #expect(English.plural("box") == "boxes")
        #expect(English.plural("community anchor institution") == "community anchor institutions")
        #expect(English.plural("") == "")
    }

    @Test func countsAgreeWithTheirNoun() {
        #expect(English.counted(1, "area") == "1 area")
        #expect(English.counted(2, "area") == "2 areas")
        #expect(English.counted(0, "area") == "0 areas")
        #expect(English.counted(1, "county") == "1 county")
        #expect(English.counted(16, "county") == "16 counties")
        #expect(English.counted(1, "block group") == "1 block group")
        #expect(English.counted(21, "block group") == "21 block groups")
        #expect(English.counted(1, "phase") == "1 phase")
        #expect(English.counted(-1, "year") == "-1 years")
        #expect(English.noun("location", count: 1) == "location")
        #expect(English.noun("location", count: 1_204) == "locations")
    }
}
