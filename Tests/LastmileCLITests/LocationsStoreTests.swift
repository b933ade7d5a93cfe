import Foundation
import TestSupport
import Testing

/// The run store's `locations` table holds locations.csv's rows: read back with the sqlite3 shell, the
/// real Sagadahoc June 2022 run's table gives the run's locations.csv, row for row.
@Suite struct LocationsStoreTests {
    @Test func theStoredLocationsAreLocationsCSV() throws {
        let dir = try TemporaryDirectory()
        let study = try SagadahocStudy.write("Sagadahoc locations", in: dir)
        try SagadahocStudy.run(study, in: dir)
        let csv = try String(contentsOfFile: SagadahocStudy.output("/locations.csv", in: dir), encoding: .utf8)
        let stored = try CommandLineRun.run(
            "sqlite3",
            [
                "-csv", "-header", dir.file("runs.sqlite"),
                """
                SELECT location_id, block_geoid, area_id AS area, h3_res8_id,
                   CASE class WHEN 0 THEN 'unserved' WHEN 1 THEN 'underserved' ELSE 'served' END
                       || CASE WHEN funded = 1 AND class <> 2 THEN '_funded' ELSE '' END AS class,
                   best_technology, printf('%g', best_download_mbps) AS best_download_mbps,
                   printf('%g', best_upload_mbps) AS best_upload_mbps, providers_at_100_20, funded,
                   funded_program, anchor,
                   business_residential
                FROM locations ORDER BY location_id;
                """,
            ])
        #expect(stored.status == 0)
        // Compared as records: the shell quotes a cell with a space ("R X"), locations.csv does not need to.
        let fromStore = CSVText.records(stored.stdout.replacingOccurrences(of: "\r\n", with: "\n"))
        let written = CSVText.records(csv)
        #expect(fromStore.count == 16_188)
        #expect(fromStore == written)
        #expect(fromStore.filter { $0["class"] == "unserved" }.count == 1_116)
    }
}
