import Foundation
import TestSupport
import Testing

/// `--public`: small per-area counts suppressed in every output, the report says so, and no
/// location-level data anywhere in the run folder.
@Suite struct PublicEditionTests {
    @Test func demoPublicEdition() throws {
        let out = try TemporaryDirectory()
        let r = try CommandLineRun.lastmile(["demo", "--public", "--out", out.path, "--format", "json", "-q"])
        let obj = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        let dir = try #require(obj["output_directory"] as? String)

        // results.csv: all 54 areas; every published class count is 0 or ≥ 11; no area shows its total
        // with exactly one class hidden; no class is hidden in exactly one area.
        let csv = try String(contentsOfFile: dir + "/results.csv", encoding: .utf8)
        let lines = csv.split(separator: "\n")
        let header = CSVText.fields(lines[0])
        let rows = lines.dropFirst().map(CSVText.fields)
        #expect(rows.count == 54)
        #expect(header.last == "counts_suppressed")
        let cols = ["unserved", "underserved", "served"].map { header.firstIndex(of: $0)! }
        let loc = header.firstIndex(of: "locations")!
        var hiddenPerClass = [0, 0, 0]
        var suppressedAreas = 0
        for row in rows {
            for (k, c) in cols.enumerated() {
                if row[c].isEmpty {
                    hiddenPerClass[k] += 1
                } else {
                    #expect(Int(row[c])! == 0 || Int(row[c])! >= 11, "\(row)")
                }
            }
            if !row[loc].isEmpty { #expect(Int(row[loc])! >= 11) }
            let hidden = cols.filter { row[$0].isEmpty }.count
            #expect(!(hidden == 1 && !row[loc].isEmpty), "\(row)")
            #expect((hidden > 0) == (row.last == "true"))
            if hidden > 0 { suppressedAreas += 1 }
        }
        #expect(hiddenPerClass.allSatisfy { $0 != 1 }, "\(hiddenPerClass)")
        #expect(suppressedAreas > 0)

        // run.json and the report say so.
        let run = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: dir + "/run.json")))
                as? [String: Any])
        let pub = try #require(run["public"] as? [String: Any])
        #expect(pub["suppression_threshold"] as? Int == 11)
        #expect(pub["areas_with_suppressed_counts"] as? Int == suppressedAreas)
        let text = try CommandLineRun.run("pdftotext", ["-layout", dir + "/report.pdf", "-"])
        #expect(text.stdout.contains("Public edition: per-area counts from 1 to 10 locations are suppressed"))

        // The GeoPackage holds one layer of features, `areas`, with the same NULLs (ogrinfo as independent
        // reader), and QGIS's styles table; no `locations`.
        let info = try CommandLineRun.run(
            "ogrinfo",
            ["-ro", "-q", "-sql", "SELECT count(*) AS n FROM areas WHERE unserved IS NULL", dir + "/results.gpkg"])
        #expect(info.stdout.contains("n (Integer) = \(hiddenPerClass[0])"), "\(info.stdout)")
        let layers = try CommandLineRun.run("ogrinfo", ["-ro", "-q", dir + "/results.gpkg"])
        #expect(
            layers.stdout.split(separator: "\n") == ["1: areas (Multi Polygon)", "2: layer_styles (None)"],
            "\(layers.stdout)")

        // locations.csv keeps the public BDC location data (ids, blocks, classes), never a Fabric field.
        let locationsHeader = try String(contentsOfFile: dir + "/locations.csv", encoding: .utf8).prefix { $0 != "\n" }
        #expect(locationsHeader.hasPrefix("location_id,block_geoid,area,h3_res8_id,class"))
        #expect(!locationsHeader.contains("latitude") && !locationsHeader.contains("address"))
        // No FCC location id appears in any other text output, the PDF text, or the GeoPackage dump.
        let ids = Set(
            try String(contentsOfFile: TestPaths.repo("datasets/demo/locations.csv"), encoding: .utf8)
                .split(separator: "\n").dropFirst().map { String($0.split(separator: ",")[0]) })
        var texts = [text.stdout, try CommandLineRun.run("ogrinfo", ["-ro", "-al", dir + "/results.gpkg"]).stdout]
        for f in FileManager.default.enumerator(atPath: dir)?.allObjects as? [String] ?? []
        where (f.hasSuffix(".csv") || f.hasSuffix(".json") || f.hasSuffix(".svg")) && f != "locations.csv" {
            texts.append(try String(contentsOfFile: dir + "/" + f, encoding: .utf8))
        }
        for t in texts {
            let tokens = Set(t.split(whereSeparator: { !$0.isNumber }).map(String.init))
            #expect(tokens.isDisjoint(with: ids), "\(tokens.intersection(ids).prefix(5))")
        }
    }

    @Test func studyOptionAndThreshold() throws {
        let out = try TemporaryDirectory()
        let r = try CommandLineRun.lastmile([
            "run", "datasets/demo/study.toml", "--out", out.path, "--format", "json", "-q",
            "--set", "report.public=true", "--set", "report.suppression_threshold=50",
        ])
        let obj = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        let run = try #require(
            try JSONSerialization.jsonObject(
                with: Data(contentsOf: URL(fileURLWithPath: (obj["output_directory"] as! String) + "/run.json")))
                as? [String: Any])
        #expect((run["public"] as? [String: Any])?["suppression_threshold"] as? Int == 50)
        try CommandLineRun.lastmile(
            ["run", "datasets/demo/study.toml", "--out", out.path, "--suppress-below", "5"],
            expecting: .exit(64),
            stderr: .containing("--suppress-below applies to --public outputs"))
    }
}
