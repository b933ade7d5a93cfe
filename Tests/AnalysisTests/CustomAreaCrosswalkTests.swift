import GeoModel
import Testing

@testable import Analysis

/// Custom areas by location, and how census units reach them (hand-counted examples).
@Suite struct CustomAreaCrosswalkTests {
    // Block group 230010001001 holds locations 1–3, block group 230010001002 locations 4–6, tract
    // 23001000200's block group 230010002001 locations 7–8. Ward A holds 1, 2, 4; ward B holds 3, 5, 7;
    // location 6 and 8 lie in no ward.
    static let blocks: [Int64: UInt64] = [
        1: 230_010_001_001_000, 2: 230_010_001_001_001, 3: 230_010_001_001_002,
        4: 230_010_001_002_000, 5: 230_010_001_002_001, 6: 230_010_001_002_002,
        7: 230_010_002_001_000, 8: 230_010_002_001_001,
    ]
    static let grouping = AreaGrouping(
        custom: [AreaID("A"), AreaID("B")], areaOfLocation: [1: 0, 2: 0, 4: 0, 3: 1, 5: 1, 7: 1])

    @Test func locationsOutsideEveryAreaAreLeftOut() {
        #expect(Self.grouping.key(location: 6, block: Self.blocks[6]!) == nil)
        #expect(Self.grouping.key(location: 3, block: Self.blocks[3]!).map(Self.grouping.id) == AreaID("B"))
        var table = LocationTable(profile: .bead2022)
        for (id, block) in Self.blocks.sorted(by: { $0.key < $1.key }) {
            table.add(
                locationID: id, block: block, technology: 50, download: id <= 2 ? 1000 : 50,
                upload: id <= 2 ? 1000 : 10,
                lowLatency: true, businessResidential: .residential)
        }
        let counts = table.counts(by: Self.grouping)
        #expect(counts.keys.sorted() == [AreaID("A"), AreaID("B")])
        #expect(counts[AreaID("A")] == ClassCounts(unserved: 0, underserved: 1, served: 2))
        #expect(counts[AreaID("B")] == ClassCounts(unserved: 0, underserved: 3, served: 0))
        // The census grouping of the same table: by GEOID prefix, every location counted.
        #expect(table.counts(by: AreaGrouping(census: .tract)).values.reduce(0) { $0 + $1.locations } == 8)
    }

    @Test func eachUnitGoesWholeToTheAreaWithMostOfItsLocations() {
        let map = CustomAreaCrosswalk(grouping: Self.grouping, blocks: Self.blocks, level: .blockgroup)
        // 230010001001: A 2, B 1 → A. 230010001002: A 1, B 1 → tie, the lower id A. 230010002001: B 1 → B.
        #expect(
            map.areaOfUnit == [
                AreaID("230010001001"): AreaID("A"), AreaID("230010001002"): AreaID("A"),
                AreaID("230010002001"): AreaID("B"),
            ])
        #expect(map.straddlingUnits == 2)
        // Ward A: 2 locations in the first block group, 1 in the second; ward B: 1 in each of three.
        #expect(map.unitOfArea == [AreaID("A"): AreaID("230010001001"), AreaID("B"): AreaID("230010001001")])
        let tracts = CustomAreaCrosswalk(grouping: Self.grouping, blocks: Self.blocks, level: .tract)
        #expect(tracts.unitOfArea[AreaID("B")] == AreaID("23001000100"))
        #expect(tracts.areaOfUnit[AreaID("23001000200")] == AreaID("B"))
    }
}
