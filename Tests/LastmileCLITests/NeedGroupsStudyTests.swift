import Foundation
import TestSupport
import Testing

/// A study made by hand whose four tracts fall one in each group, run end to end: the groups, the
/// reasons, and the need score equal the hand calculation written out below.
@Suite struct NeedGroupsStudyTests {
    /// Tract i (1…4) is the square [-70 + (i−1)·0.01, -70 + i·0.01] × [44, 44.01].
    static func square(_ i: Int) -> String {
        let w = -70 + Double(i - 1) * 0.01
        let e = w + 0.01
        return "[[[\(w),44.0],[\(e),44.0],[\(e),44.01],[\(w),44.01],[\(w),44.0]]]"
    }

    static let tracts = ["23001000100", "23001000200", "23001000300", "23001000400"]

    /// Writes the study; `names` replaces the tracts' NAME ("Tract 1" …).
    static func writeStudy(in dir: TemporaryDirectory, names: [String]? = nil) throws {
        let features = tracts.enumerated().map { i, id in
            let name = (names?[i] ?? "Tract \(i + 1)").replacingOccurrences(of: "\"", with: "\\\"")
            return
                #"{"type":"Feature","properties":{"GEOID":"\#(id)","NAME":"\#(name)"},"geometry":{"type":"Polygon","coordinates":\#(square(i + 1))}}"#
        }
        try #"{"type":"FeatureCollection","features":[\#(features.joined(separator: ","))]}"#
            .write(toFile: dir.file("tracts.geojson"), atomically: true, encoding: .utf8)
        // Ten locations per tract. Tract 1: five on copper at 10/1 (unserved), five on fiber; the others all on fiber.
        var bdc =
            "frn,provider_id,brand_name,location_id,technology,max_advertised_download_speed,max_advertised_upload_speed,low_latency,business_residential_code,state_usps,block_geoid,h3_res8_id\n"
        var location = 1_000
        for (t, id) in tracts.enumerated() {
            for k in 0..<10 {
                location += 1
                let copper = t == 0 && k < 5
                bdc +=
                    "0001,100,Example Net,\(location),\(copper ? "10" : "50"),\(copper ? "10,1" : "1000,1000"),1,R,ME,\(id)1001,882a1b16f5fffff\n"
            }
        }
        try bdc.write(toFile: dir.file("bdc.csv"), atomically: true, encoding: .utf8)
        // ACS by tract: households 1,000 each (MOE 50); no internet 300 / 100 / 100 / 100 with MOEs 20 / 10 / 10 / 80;
        // no computer 50 / 50 / 300 / 50; median income 40k / 50k / 30k / 90k.
        // CV of the share (handbook proportion MOE, divided by 1.645 and by the share):
        //   tract 1: √(20² − 0.3²·50²)/1000 = .013229 → CV .0268;  tracts 2, 3: √(10² − 0.1²·50²)/1000 = .008660 → .0526;
        //   tract 4: √(80² − 0.1²·50²)/1000 = .079844 → CV .4854, above 30 %: unreliable.
        let acs = [(300, 20, 50, 40_000), (100, 10, 50, 50_000), (100, 10, 300, 30_000), (100, 80, 50, 90_000)]
        var table =
            "GEO_ID,NAME,B01003_001E,B11001_001E,B19013_001E,B28002_001E,B28002_001M,B28002_013E,B28002_013M,B28003_006E\n"
            + "Geography,Geographic Area Name,Estimate!!Total,Estimate!!Total:,Estimate!!Median household income,Estimate!!Total:,Margin of Error!!Total:,Estimate!!Total:!!No Internet access,Margin of Error!!Total:!!No Internet access,Estimate!!Total:!!No computer\n"
        for (id, (none, noneMOE, noComputer, income)) in zip(tracts, acs) {
            table +=
                "1400000US\(id),\"Census Tract \(id.suffix(4)); Maine\",2500,1000,\(income),1000,50,\(none),\(noneMOE),\(noComputer)\n"
        }
        try table.write(toFile: dir.file("acs.csv"), atomically: true, encoding: .utf8)
        // One tile inside tract 2: 40 tests averaging 10/1 Mbps (below 25/3 and 100/20).
        let tile =
            #"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"quadkey":"0302231010100001","avg_d_kbps":10000,"avg_u_kbps":1000,"avg_lat_ms":30,"tests":40,"devices":12},"geometry":{"type":"Polygon","coordinates":[[[-69.988,44.002],[-69.984,44.002],[-69.984,44.006],[-69.988,44.006],[-69.988,44.002]]]}}]}"#
        try tile.write(toFile: dir.file("tiles.geojson"), atomically: true, encoding: .utf8)
        try """
        [study]
        name = "Four groups"
        area_level = "tract"
        [inputs]
        areas = "tracts.geojson"
        availability = ["bdc.csv"]
        demographics = "acs.csv"
        speed_tests = "tiles.geojson"
        """.write(toFile: dir.file("study.toml"), atomically: true, encoding: .utf8)
    }

    @Test func eachTractFallsInItsGroupWithItsScore() throws {
        let dir = try TemporaryDirectory()
        try Self.writeStudy(in: dir)
        let run = try StudyRun(dir.file("study.toml"), in: dir, set: ["risk.draws=100"])
        let folder = run.folder
        let byArea = Dictionary(uniqueKeysWithValues: run.rows.map { ($0["area"]!, $0) })
        #expect(
            Self.tracts.map { byArea[$0]?["need_group"] ?? "-" } == [
                "network_and_adoption", "network", "adoption", "neither",
            ])
        #expect(byArea[Self.tracts[0]]?["network_gap_reasons"] == "unserved or underserved 50 % ≥ 10 %")
        #expect(byArea[Self.tracts[0]]?["adoption_gap_reasons"] == "no internet subscription 30 % ≥ 25 %")
        #expect(byArea[Self.tracts[1]]?["network_gap_reasons"] == "100 % of 40 speed tests below 25/3")
        #expect(byArea[Self.tracts[2]]?["adoption_gap_reasons"] == "no computer 30 % ≥ 25 %")
        let cv = Self.tracts.map { Double(byArea[$0]?["no_internet_share_cv"] ?? "") ?? -1 }
        for (got, want) in zip(
            cv, [0.013229 / 1.645 / 0.3, 0.008660 / 1.645 / 0.1, 0.008660 / 1.645 / 0.1, 0.079844 / 1.645 / 0.1])
        {
            #expect(abs(got - want) < 1e-4, "CV \(got) ≠ \(want)")
        }
        #expect(Self.tracts.map { byArea[$0]?["no_internet_share_unreliable"] } == ["false", "false", "false", "true"])

        // The need score by hand (default weights: unserved 0.30, underserved 0.15, measured shortfall 0.15,
        // no subscription 0.15, covered population 0.15, income 0.10), percentile ranks among the 4 tracts:
        // unserved share 0.5, 0, 0, 0 → 3.5/4, 1.5/4, 1.5/4, 1.5/4; underserved all 0 → 2/4 each;
        // no subscription 0.3, 0.1, 0.1, 0.1 → as unserved; measured shortfall only tract 2 (1 of 1 → 0.5);
        // income 40k, 50k, 30k, 90k → lower ranks higher: 1 − 1.5/4, 1 − 2.5/4, 1 − 0.5/4, 1 − 3.5/4.
        // No covered-population table: that weight drops out everywhere.
        let expected = [
            100 * (0.30 * 0.875 + 0.15 * 0.5 + 0.15 * 0.875 + 0.10 * 0.625) / 0.70,
            100 * (0.30 * 0.375 + 0.15 * 0.5 + 0.15 * 0.5 + 0.15 * 0.375 + 0.10 * 0.375) / 0.85,
            100 * (0.30 * 0.375 + 0.15 * 0.5 + 0.15 * 0.375 + 0.10 * 0.875) / 0.70,
            100 * (0.30 * 0.375 + 0.15 * 0.5 + 0.15 * 0.375 + 0.10 * 0.125) / 0.70,
        ]
        for (id, score) in zip(Self.tracts, expected) {
            let got = try #require(Double(byArea[id]?["need_score"] ?? ""), "\(id)")
            #expect(abs(got - score) < 1e-5, "\(id): \(got) ≠ \(score)")
        }
        #expect(byArea[Self.tracts[0]]?["need_indicators_missing"] == "measured_shortfall;covered_population_share")
        #expect(byArea[Self.tracts[1]]?["need_indicators_missing"] == "covered_population_share")

        // Advertised against measured: tract 2 is all served at 100/20 on paper, and all 40 tests are below.
        let candidates = try CSVText.records(atPath: folder + "/challenge-candidates.csv")
        #expect(candidates.map { $0["area"] } == [Self.tracts[1]])
        #expect(candidates.first?["served_share_fcc"] == "1.0000")
        #expect(candidates.first?["tests_below_100_20_share"] == "1.0000")
        #expect(candidates.first?["measured_download_mbps"] == "10.000")
        let text = try CommandLineRun.output("pdftotext", [folder + "/report.pdf", "-"])
            .split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(
            text.contains(
                "Advertised against measured Of 1 tract with at least 30 speed tests, 1 is at least half served"))
        // The need-groups map hatches tract 4, whose share without internet is unreliable, and says so in its legend.
        #expect(text.contains("ACS share without internet unreliable (CV above 30%) 1 tract"))
    }

    /// Microsoft's ZIP-code usage (the real Maine rows) taken to the tracts by a crosswalk in HUD's
    /// tract-to-ZIP columns (hand-made: the tracts are the test's own).
    @Test func zipCodeUsageReachesTractsByResidentialAddressShares() throws {
        let dir = try TemporaryDirectory()
        try Self.writeStudy(in: dir)
        try """
        TRACT,ZIP,USPS_ZIP_PREF_CITY,USPS_ZIP_PREF_STATE,RES_RATIO,BUS_RATIO,OTH_RATIO,TOT_RATIO
        23001000100,04210,AUBURN,ME,0.6,0.5,0,0.59
        23001000100,04240,LEWISTON,ME,0.4,0.5,1,0.41
        23001000200,04236,GREENE,ME,1,1,0,1
        23001000300,04258,MINOT,ME,0.5,1,0,0.5
        23001000300,00501,HOLTSVILLE,NY,0.5,0,0,0.5

        """.write(toFile: dir.file("TRACT_ZIP.csv"), atomically: true, encoding: .utf8)
        let usage = TestPaths.realData("microsoft-broadband-usage/broadband_data_zipcode_maine.csv")
        let run = try StudyRun(
            dir.file("study.toml"), in: dir,
            set: ["risk.draws=100", "inputs.broadband_usage=\"\(usage)\"", "inputs.zip_crosswalk=\"TRACT_ZIP.csv\""])
        let byArea = Dictionary(uniqueKeysWithValues: run.rows.map { ($0["area"]!, $0) })
        // Microsoft's Maine ZIP rows: 04210 .756, 04240 .859, 04236 .236, 04258 .170 (00501 is not in them).
        // Tract 1: .6 · .756 + .4 · .859 = .7972; tract 2: .236; tract 3: .170 alone (half its addresses);
        // tract 4 is not in the crosswalk: no figure.
        let expected: [Double?] = [0.7972, 0.236, 0.170, nil]
        for (id, want) in zip(Self.tracts, expected) {
            let got = Double(byArea[id]?["microsoft_usage_share"] ?? "")
            if let want {
                #expect(got.map { abs($0 - want) < 1e-6 } == true, "\(id): \(String(describing: got)) ≠ \(want)")
            } else {
                #expect(byArea[id]?["microsoft_usage_share"] == "", "\(id)")
            }
            // The ZIP file has no FCC availability column: no usage gap either.
            #expect(byArea[id]?["microsoft_availability_share"] == "")
        }
        // Tract 2's usage, 23.6 %, is at most 25 %: an adoption gap beside its network gap.
        #expect(byArea[Self.tracts[1]]?["need_group"] == "network_and_adoption")
        #expect(byArea[Self.tracts[1]]?["adoption_gap_reasons"] == "Microsoft usage at broadband speed 24 % ≤ 25 %")
        let text = try CommandLineRun.output("pdftotext", [run.folder + "/report.pdf", "-"])
            .split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(
            text.contains("each tract takes its ZIP codes' figures weighted by the share of its residential addresses"))
        #expect(text.contains("1 tract has no ZIP code with a usage figure"))
    }

    /// Names are data: an area called `<script>…</script>` shows as that text in the atlas and runs nothing.
    @Test func atlasKeepsAScriptInANameAsText() throws {
        let dir = try TemporaryDirectory()
        let evil =
            "</script><script>window.__atlasInjected = true</script><img src=x onerror=\"window.__atlasInjected = true\">"
        try Self.writeStudy(in: dir, names: [evil, "Tract 2", "Tract 3", "Tract 4"])
        let run = try StudyRun(dir.file("study.toml"), in: dir, set: ["risk.draws=100"])
        let seen = try AtlasInBrowser.open(
            run.folder + "/atlas.html", click: Self.tracts[0], search: "script", screenshot: "script-name")
        #expect(!seen.injected)
        #expect(seen.requests == [])
        #expect(seen.errors == [])
        #expect(seen.areas == 4)
        #expect(seen.popup?.hasPrefix(evil) == true, "\(seen.popup ?? "no popup")")
        #expect(seen.search == "\(evil) (\(Self.tracts[0]))")
        // The study's speed tiles give the atlas its measured-download layer.
        #expect(seen.layers.contains("Measured download"))
    }
}
