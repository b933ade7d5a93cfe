import Foundation
import TestSupport
import Testing

/// Who serves the area today, from the real all-technology Sagadahoc file of the June 2022 round
/// (datasets/real/fcc-bdc-maine-jun2022). Expected per-provider figures from
/// `python3 Tests/IngestTests/Fixtures/provider_counts.py <the file>` (the csv module): distinct
/// locations, locations advertised at ≥ 25/3 and ≥ 100/20, locations served under bead-2022, the most
/// frequent brand and the top speeds.
@Suite struct ProvidersCommandTests {
    static let sagadahoc = SagadahocStudy.availability

    @Test func providerTableEqualsAnIndependentCount() throws {
        let dir = try TemporaryDirectory()
        try SagadahocStudy.run(try SagadahocStudy.write("Sagadahoc providers", in: dir), in: dir)
        let lines = try String(contentsOfFile: SagadahocStudy.output("/providers.csv", in: dir), encoding: .utf8)
            .split(separator: "\n")
        #expect(
            lines.first
                == "scope,provider_id,label,brands,technologies,locations,locations_25_3,locations_100_20,locations_served,max_download_mbps,max_upload_mbps"
        )
        let studyRows = lines.filter { $0.hasPrefix("study,") }.map { line -> String in
            let f = line.split(separator: ",", omittingEmptySubsequences: false)
            return [f[1], f[5], f[6], f[7], f[8], "\(f[9])/\(f[10])", "|", f[2]].joined(separator: " ")
        }
        #expect(
            studyRows == [
                "130335 13200 1232 33 33 2000/2000 | Consolidated Communications",
                "130317 13179 13179 13179 13179 1200/35 | Xfinity",
                "130235 1584 1584 1584 1584 1000/35 | Charter Communications Inc",
                "130745 282 282 282 282 100/100 | O.P.E.N.",
                "130122 152 19 6 6 1000/1000 | Great Works Internet",
                "131378 63 0 0 0 10/1 | Mid-Maine TelPlus LLC",
                "130993 42 42 32 32 5000/5000 | FirstLight Fiber",
                "131386 1 0 0 0 0/0 | TPx Communications",
                "400048 1 1 1 0 150/150 | TK Networks",
            ])
        // One county: its rows equal the study's.
        #expect(lines.filter { $0.hasPrefix("23023,") }.count == 9)

        // locations.csv: one row per location; its classes equal python's
        // (Tests/IngestTests/Fixtures/bead_location_classes.py, run here as the independent reader).
        let locationRows = try String(
            contentsOfFile: SagadahocStudy.output("/locations.csv", in: dir), encoding: .utf8
        ).split(separator: "\n")
        #expect(
            locationRows.first
                == "location_id,block_geoid,area,h3_res8_id,class,best_technology,best_download_mbps,best_upload_mbps,providers_at_100_20,funded,funded_program,anchor,business_residential"
        )
        let ours = locationRows.dropFirst().map { line -> String in
            let f = line.split(separator: ",", omittingEmptySubsequences: false)
            return "\(f[0]) \(f[4])"
        }
        let python = try CommandLineRun.output(
            "python3", [TestPaths.repo("Tests/IngestTests/Fixtures/bead_location_classes.py"), Self.sagadahoc]
        )
        .split(separator: "\n").map(String.init)
        #expect(ours.count == 16_188)
        #expect(ours == python)
        #expect(ours.filter { $0.hasSuffix(" unserved") }.count == 1_116)
        // Line 2 of the file: Charter cable 1000/35 (its only row) at location 1102817937, block 230239701003007, cell 882a34d62bfffff.
        #expect(
            locationRows.contains {
                $0 == "1102817937,230239701003007,23023,882a34d62bfffff,served,40,1000,35,1,0,,0,R"
            })

        let text = try CommandLineRun.output("pdftotext", [SagadahocStudy.output("/report.pdf", in: dir), "-"])
            .split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(text.contains("Who serves the area today"))
        // The ranked table: 6 providers serve Sagadahoc at 100/20 under bead-2022 (the six with
        // locations_served > 0 above), then its need score (50: the only county with locations ranks in the
        // middle of itself on every indicator).
        #expect(text.contains("Unserved + Providers Need underserved at 100/20 score 8.0% 6 50 2 23001"))
        #expect(text.contains("1 23023 Sagadahoc County Locations Unserved Underserved Served 16,188 1,116 174 14,898"))
    }

    /// `classify --by location` prints locations.csv's rows (areas are blocks), in both formats.
    @Test func classifyByLocation() throws {
        let csv = try CommandLineRun.lastmile(["classify", Self.sagadahoc, "--by", "location"])
        let rows = csv.stdout.split(separator: "\n")
        #expect(rows.count == 16_188 + 1)
        #expect(rows.contains("1102817937,230239701003007,230239701003007,882a34d62bfffff,served,40,1000,35,1,0,,0,R"))
        let python = try CommandLineRun.output(
            "python3", [TestPaths.repo("Tests/IngestTests/Fixtures/bead_location_classes.py"), Self.sagadahoc])
        #expect(
            rows.dropFirst().map { l -> String in
                let f = l.split(separator: ",", omittingEmptySubsequences: false)
                return "\(f[0]) \(f[4])"
            }
                == python.split(separator: "\n").map(String.init))
        let json = try CommandLineRun.lastmile(["classify", Self.sagadahoc, "--by", "location", "--format", "json"])
        let objects = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        #expect(objects.count == 16_188)
        let charter = try #require(objects.first { $0["location_id"] as? Int == 1_102_817_937 })
        #expect(charter["class"] as? String == "served" && charter["best_download_mbps"] as? Int == 1000)
    }
}
