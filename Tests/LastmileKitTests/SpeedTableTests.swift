import Foundation
import GeoIO
import TestSupport
import Testing

@testable import LastmileKit

/// Ookla's fixed tiles of Hawaii, 2023 Q4 (datasets/real/ookla-tiles-hawaii), over the 351 Hawaii tracts:
/// tiles, tests, devices and the tests-weighted mean download of every tract equal those of
/// `Tests/IngestTests/Fixtures/ookla_by_area.py`, a second implementation (json module, its own
/// even-odd test, each tile at its rectangle's centre).
@Suite struct SpeedTableTests {
    static let tiles = TestPaths.realData("ookla-tiles-hawaii/fixed_hawaii-state_ookla_2023Q4.geojson")
    static let tracts = TestPaths.realData("tiger-tracts-hawaii/tracts_2015_st15.geojson")

    @Test func everyTractEqualsAnIndependentJoin() throws {
        let (areas, join) = try SpeedTable.join(tiles: Self.tiles, areas: Self.tracts, idField: "GEOID")
        let python = try CommandLineRun.output(
            "python3",
            [TestPaths.repo("Tests/IngestTests/Fixtures/ookla_by_area.py"), Self.tiles, Self.tracts, "GEOID"]
        )
        .split(separator: "\n").map { $0.split(separator: " ").map(String.init) }
        #expect(areas.count == 351)
        #expect(python.count == 351)
        for (area, expected) in zip(areas, python) {
            let m = try #require(join.byArea[area.id])
            #expect(area.id.rawValue == expected[0])
            #expect("\(m.tiles) \(m.tests) \(m.devices)" == expected[1...3].joined(separator: " "), "\(area.id)")
            if let mean = m.meanDownloadMbps {
                #expect(abs(mean - Double(expected[4])!) < 5e-7, "\(area.id)")
            } else {
                #expect(expected[4] == "-", "\(area.id)")
            }
        }
        #expect(join.tilesRead == 4_432)
        #expect(join.tilesOutside == 10)
    }

    @Test func theCSVCarriesTheQuarterAndOokla() throws {
        let csv = try SpeedTable.text(tiles: Self.tiles, areas: Self.tracts, idField: "GEOID", json: false)
        let rows = CSVText.records(csv)
        #expect(rows.count == 351)
        #expect(
            rows.allSatisfy {
                $0["source"]
                    == "Speed tests: fixed_hawaii-state_ookla_2023Q4.geojson (fixed, 2023 Q4). Speedtest® by Ookla® Global Fixed and Mobile Network Performance Maps, © Ookla, LLC, CC BY-NC-SA 4.0"
            })
        #expect(SpeedTestTiles.quarter(fromName: "2023-07-01_performance_mobile_tiles.zip") == "2023 Q3")
        #expect(SpeedTestTiles.kind(fromName: "2023-07-01_performance_mobile_tiles.zip") == "mobile")
    }
}
