import Foundation
import TestSupport
import Testing

/// A study's speed tests (inputs.speed_tests): three hand-made tiles in Ookla's layout
/// (Tests/IngestTests/Fixtures/ookla_fixed_sagadahoc_2022Q2.geojson), two in Sagadahoc County and one at
/// sea. By hand: 40 tests (10 + 30), 13 devices; download (10 × 50 + 30 × 200) ÷ 40 = 162.5 Mbps, upload
/// (10 × 10 + 30 × 30) ÷ 40 = 25 Mbps, latency (10 × 20 + 30 × 12) ÷ 40 = 14 ms; the 10 tests of the
/// 50/10 tile are below 100/20 (share 0.25), none below 25/3.
@Suite struct SpeedTestsRunTests {
    @Test func tilesAreSummedIntoTheCountyThatHoldsThem() throws {
        let dir = try TemporaryDirectory()
        let tiles = TestPaths.repo("Tests/IngestTests/Fixtures/ookla_fixed_sagadahoc_2022Q2.geojson")
        let study = try SagadahocStudy.write(
            "Sagadahoc measured", moreInputs: ["speed_tests = \"\(tiles)\""], in: dir)
        try SagadahocStudy.run(
            study, in: dir,
            stderr: .containing(
                Warnings.incompleteUniverse,
                "speed tests (inputs.speed_tests): 3 tiles of ookla_fixed_sagadahoc_2022Q2.geojson (fixed, 2022 Q2), 1 outside every study area (left out)",
                "© Ookla, LLC, CC BY-NC-SA 4.0"))
        let rows = try CSVText.records(atPath: SagadahocStudy.output("/results.csv", in: dir))
        let sagadahoc = try #require(rows.first { $0["area"] == "23023" })
        #expect(sagadahoc["speed_tiles"] == "2")
        #expect(sagadahoc["speed_tests"] == "40")
        #expect(sagadahoc["speed_devices"] == "13")
        #expect(sagadahoc["measured_download_mbps"] == "162.500000")
        #expect(sagadahoc["measured_upload_mbps"] == "25.000000")
        #expect(sagadahoc["measured_latency_ms"] == "14.000000")
        #expect(sagadahoc["tests_below_25_3_share"] == "0.000000")
        #expect(sagadahoc["tests_below_100_20_share"] == "0.250000")
        // Counties without a tile: no tests, no means.
        let other = try #require(rows.first { $0["area"] == "23001" })
        #expect(other["speed_tiles"] == "0" && other["measured_download_mbps"] == "")
        // run.json carries the quarter and Ookla's attribution; the tiles are a fingerprinted input.
        let json = try #require(
            try JSONSerialization.jsonObject(
                with: Data(contentsOf: URL(fileURLWithPath: SagadahocStudy.output("/run.json", in: dir))))
                as? [String: Any])
        let speed = try #require(json["speed_tests"] as? [String: Any])
        #expect(speed["quarter"] as? String == "2022 Q2")
        #expect(speed["tiles_read"] as? Int == 3 && speed["tiles_outside_areas"] as? Int == 1)
        #expect((speed["attribution"] as? String)?.contains("CC BY-NC-SA 4.0") == true)
        let inputs = try #require(json["inputs"] as? [[String: Any]])
        #expect(inputs.contains { $0["role"] as? String == "speed_tests" })
        let text = try CommandLineRun.output("pdftotext", [SagadahocStudy.output("/report.pdf", in: dir), "-"])
        #expect(text.contains("CC BY-NC-SA 4.0"))
    }

    @Test func aTileWithoutTestsColumnIs65() throws {
        let dir = try TemporaryDirectory()
        let tiles = try dir.write(
            "tiles.geojson",
            """
            {"type":"FeatureCollection","features":[{"type":"Feature","properties":{"avg_d_kbps":1,"avg_u_kbps":1,
            "avg_lat_ms":1,"devices":1},"geometry":{"type":"Polygon","coordinates":[[[-69.8,43.9],[-69.79,43.9],
            [-69.79,43.91],[-69.8,43.9]]]}}]}
            """)
        let study = try SagadahocStudy.write("Bad tiles", moreInputs: ["speed_tests = \"\(tiles)\""], in: dir)
        try SagadahocStudy.run(
            study, in: dir, expecting: .exit(65),
            stderr: .containing("tiles.geojson", "column 'tests'", "no column 'tests'"))
    }
}
