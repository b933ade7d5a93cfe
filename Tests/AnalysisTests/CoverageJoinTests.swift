import GeoModel
import Testing

@testable import Analysis

@Suite struct CoverageJoinTests {
    let counts: [AreaID: ClassCounts] = [
        AreaID("230230001001"): ClassCounts(unserved: 3, underserved: 1, served: 6),
        AreaID("230239703021"): ClassCounts(unserved: 0, underserved: 0, served: 5),
        AreaID("230239999991"): ClassCounts(unserved: 2, underserved: 0, served: 0),  // no shape
    ]
    let areas: [AreaID: CoverageJoin.AreaInfo] = [
        AreaID("230230001001"): .init(name: "Block Group 1", landAreaSquareMiles: 2),
        AreaID("230239703021"): .init(name: "Block Group 1", landAreaSquareMiles: 0.5),
        AreaID("230239703022"): .init(name: "Block Group 2", landAreaSquareMiles: 1),  // no locations
    ]

    @Test func everyMismatchIsReportedAndNothingSilentlyDropped() {
        let demo: [AreaID: DemographicProfile] = [
            AreaID("230230001001"): DemographicProfile(geoid: AreaID("230230001001"), households: 40),
            AreaID("230230001002"): DemographicProfile(geoid: AreaID("230230001002"), households: 10),
        ]
        let j = CoverageJoin(counts: counts, areas: areas, demographics: demo, kind: .census(.blockgroup))
        #expect(j.results.map(\.id.rawValue) == ["230230001001", "230239703021", "230239703022"])
        #expect(j.results[2].counts.locations == 0)
        #expect(j.results[0].households == 40)
        #expect(j.results[0].locationDensity == 5)
        #expect(j.diagnostics.count == 4)
        #expect(j.diagnostics[0].contains("230239999991") && j.diagnostics[0].contains("2 locations"))
        #expect(j.diagnostics[1].contains("230239703022"))
        #expect(j.diagnostics[2].contains("2 areas have no row in the demographics file"))
        #expect(j.diagnostics[3].contains("230230001002"))
    }

    @Test func repeatedNamesGainTheirTract() {
        let j = CoverageJoin(counts: counts, areas: areas, demographics: nil, kind: .census(.blockgroup))
        #expect(j.results.map(\.name) == ["Block Group 1, Tract 1", "Block Group 1, Tract 9703.02", "Block Group 2"])
        #expect(CoverageJoin.tractName("23023970302") == "9703.02")
        #expect(CoverageJoin.tractName("23023000100") == "1")
        #expect(CoverageJoin.tractName("23023000105") == "1.05")
    }

    @Test func withoutAreasEveryCountedAreaIsReported() {
        let j = CoverageJoin(counts: counts, areas: nil, demographics: nil, kind: .census(.blockgroup))
        #expect(j.results.count == 3)
        #expect(j.diagnostics.isEmpty)
    }
}
