import Foundation
import TestSupport
import Testing

/// results.gpkg opens in QGIS classed and coloured as the report: its `layer_styles` (read back through
/// GDAL) holds the report's maps, the default one with the report's legend, ColorBrewer's colours and
/// breaks equal to quantiles computed apart in Python; columns carry titles and descriptions; the
/// metadata names the run and its inputs.
@Suite struct GeoPackageStyleTests {
    @Test func demoGeoPackageCarriesTheReportsStylesAndColumnDescriptions() throws {
        let dir = try TemporaryDirectory()
        let run = try StudyRun(TestPaths.repo("datasets/demo/study.toml"), in: dir, set: ["risk.draws=100"])
        let gpkg = run.folder + "/results.gpkg"
        let lines = try CommandLineRun.pythonLines(
            TestPaths.repo("Tests/LastmileCLITests/Scripts/gpkg_styles.py"), [gpkg, run.resultsPath])
        let ranges = lines.dropLast().map { $0.split(separator: "|").map(String.init) }
        #expect(ranges.count == 5)
        // ColorBrewer YlOrRd, 5 classes, as published.
        #expect(ranges.map { $0[1] } == ["#ffffb2", "#fecc5c", "#fd8d3c", "#f03b20", "#bd0026"])
        for r in ranges where r.count == 4 {
            #expect(abs(Double(r[2])! - Double(r[3])!) < 1e-5, "break \(r[2]) ≠ python \(r[3])")
        }
        // The labels are the report's legend, in order, on its map page (layout mode: one legend row a
        // line, top to bottom, whatever map labels stand beside it).
        let text = try CommandLineRun.output("pdftotext", ["-layout", run.folder + "/report.pdf", "-"])
        var rest = Substring(text)
        for label in ranges.map({ $0[0] }) {
            let found = try #require(rest.range(of: label + " "), "legend label \(label) not in the report")
            rest = rest[found.upperBound...]
        }
        #expect(
            lines.last
                == "styles:Locations unserved or underserved;Where networks and where demand must be built;Build phases"
        )

        // Titles and descriptions (GeoPackage schema extension), read back with GDAL's SQLite dialect.
        let columns = try CommandLineRun.output(
            "ogrinfo",
            [
                "-q", gpkg, "-sql",
                "SELECT title, description FROM gpkg_data_columns WHERE table_name = 'areas' AND column_name = 'need_score'",
            ])
        #expect(columns.contains("title (String) = Need score"))
        #expect(columns.contains("description (String) = Weighted mean of the need indicators' percentile ranks"))
        let header = try String(contentsOfFile: run.resultsPath, encoding: .utf8).prefix { $0 != "\n" }
        let described = try CommandLineRun.output(
            "ogrinfo",
            [
                "-q", gpkg, "-sql",
                "SELECT count(*) AS n FROM gpkg_data_columns WHERE table_name = 'areas' AND description <> ''",
            ])
        #expect(described.contains("n (Integer) = \(header.split(separator: ",").count)"), "\(described)")

        // The run, the tool and each input with its checksum, as layer metadata.
        let info = try CommandLineRun.output("ogrinfo", ["-so", gpkg, "areas"])
        let id = (run.folder as NSString).lastPathComponent
        #expect(info.contains("LASTMILE_RUN_ID=\(id)"))
        #expect(info.contains("\navailability: bdc_fixed_demo.csv (SHA-256 "))
    }
}
