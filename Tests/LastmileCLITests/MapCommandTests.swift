import Foundation
import TestSupport
import Testing

/// `lastmile map` as an analyst calls it: stdout, stderr, exit code and the files written.
@Suite struct MapCommandTests {
    /// Five 0.5° squares in Alabama, GeoJSON feature ids as in the us-counties-fips file.
    static let counties: String = {
        let ids = ["01001", "01003", "01005", "01007", "01009"]
        let features = ids.enumerated().map { i, id in
            let x = -87.5 + 0.5 * Double(i)
            return """
                {"type":"Feature","id":"\(id)","properties":{"NAME":"County \(i + 1)"},"geometry":{"type":"Polygon",\
                "coordinates":[[[\(x),32.0],[\(x + 0.5),32.0],[\(x + 0.5),32.5],[\(x),32.5],[\(x),32.0]]]}}
                """
        }
        return #"{"type":"FeatureCollection","features":["# + features.joined(separator: ",") + "]}"
    }()

    /// Microsoft's layout: integer `COUNTY ID` without leading zeros, headers and values padded with
    /// spaces, " -   " for a missing value, CRLF line ends, and one row for a county not on the map.
    static let usage =
        "ST,COUNTY ID,COUNTY NAME, BROADBAND USAGE \r\n"
        + "AL,1001,County 1,0.391\r\n"
        + "AL,1003,County 2, -   \r\n"
        + "AL,1005,County 3, 0.2 \r\n"
        + "AL,1007,County 4,0.5\r\n"
        + "AL,99999,Elsewhere,0.1\r\n"

    /// Writes the fixtures; returns (geojson, csv, directory).
    static func fixtures() throws -> (String, String, TemporaryDirectory) {
        let dir = try TemporaryDirectory()
        return (try dir.write("counties.geojson", counties), try dir.write("usage.csv", usage), dir)
    }

    static func joinArgs(_ geo: String, _ csv: String) -> [String] {
        ["map", geo, "--id", "id", "--join", csv, "--join-key", "COUNTY ID", "--field", "BROADBAND USAGE"]
    }

    @Test func oneCallWritesPNGPDFAndSVGAndCountsNoData() throws {
        let (geo, csv, dir) = try Self.fixtures()
        let png = dir.file("m.png")
        let pdf = dir.file("m.pdf")
        let svg = dir.file("m.svg")
        let r = try CommandLineRun.lastmile(
            Self.joinArgs(geo, csv) + ["--width-px", "800", "--out", png, "--out", pdf, "--out", svg])
        // Counted with awk: awk -F, 'NR>1{k=sprintf("%05d",$2); gsub(/[ \r]/,"",$4); v[k]=$4}
        //   END{for(i=1001;i<=1009;i+=2){k=sprintf("%05d",i); if(!(k in v)||v[k]=="-") n++}; print n}'
        // → 2 (01003 has " -   ", 01009 has no row); rows 5, matched 4 (01001–01007), 99999 matches nothing.
        #expect(r.stdout.contains("areas: 5, with data: 3, no data: 2"), "\(r.stdout)")
        #expect(r.stdout.contains("join: 5 rows, 4 areas matched, 1 row matched no area"), "\(r.stdout)")
        // PNG: the signature, and IHDR's width (bytes 16–19, big-endian) = --width-px.
        let pngData = try Data(contentsOf: URL(fileURLWithPath: png))
        #expect(Array(pngData.prefix(8)) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        let width = pngData[16..<20].reduce(0) { $0 << 8 | Int($1) }
        #expect(width == 800)
        // PDF: one page, 720 pt wide (QuickMap.canvasWidth), as pdfinfo reads it.
        let info = try CommandLineRun.run("pdfinfo", [pdf])
        #expect(info.status == 0)
        #expect(info.stdout.contains("Pages:           1"))
        #expect(info.stdout.range(of: #"Page size:\s+720 x \d+"#, options: .regularExpression) != nil, "\(info.stdout)")
        // SVG: an <svg> root sized in points.
        let svgText = try String(contentsOfFile: svg, encoding: .utf8)
        #expect(svgText.range(of: #"<svg[^>]*width="720pt""#, options: .regularExpression) != nil)
        // Written atomically: nothing but the three files is left in the folder.
        let left = try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted()
        #expect(left == ["counties.geojson", "m.pdf", "m.png", "m.svg", "usage.csv"])
    }

    @Test func theTextOfThePDFHasTitleLegendAndNoData() throws {
        let (geo, csv, dir) = try Self.fixtures()
        let pdf = dir.file("m.pdf")
        try CommandLineRun.lastmile(
            Self.joinArgs(geo, csv) + ["--title", "Usage test", "--percent", "--ookla", "--out", pdf])
        let text = try CommandLineRun.run("pdftotext", ["-layout", pdf, "-"]).stdout
        #expect(text.contains("Usage test"))
        #expect(text.contains("No data"))
        #expect(text.contains("2 areas"))
        #expect(text.contains("50.0%"))  // the top break: the largest value, 0.5
        // --ookla appends Ookla's attribution and licence to the source line.
        #expect(text.contains("Source: counties.geojson; usage.csv."))
        #expect(text.contains("CC BY-NC-SA 4.0"))
    }

    @Test func aMissingFieldIsExit65NamingFileAndColumn() throws {
        let (geo, csv, dir) = try Self.fixtures()
        var args = Self.joinArgs(geo, csv)
        args[args.count - 1] = "BROADBAND SPEED"
        try CommandLineRun.lastmile(
            args + ["--out", dir.file("m.png")],
            expecting: .exit(65), stderr: .containing("usage.csv", "BROADBAND SPEED"))
        #expect(!FileManager.default.fileExists(atPath: dir.file("m.png")))
    }

    @Test func aMissingJoinKeyOrIdColumnIsExit65() throws {
        let (geo, csv, dir) = try Self.fixtures()
        try CommandLineRun.lastmile(
            [
                "map", geo, "--id", "id", "--join", csv, "--join-key", "FIPS",
                "--field", "BROADBAND USAGE", "--out", dir.file("m.png"),
            ],
            expecting: .exit(65), stderr: .containing("usage.csv", "FIPS"))
        try CommandLineRun.lastmile(
            [
                "map", geo, "--id", "GEOID", "--join", csv, "--join-key", "COUNTY ID",
                "--field", "BROADBAND USAGE", "--out", dir.file("m.png"),
            ],
            expecting: .exit(65), stderr: .containing("counties.geojson", "GEOID"))
    }

    @Test func anUnwritableOutputIsExit74() throws {
        let (geo, csv, dir) = try Self.fixtures()
        _ = try withExtendedLifetime(dir) {
            try CommandLineRun.lastmile(
                Self.joinArgs(geo, csv) + ["--out", "/nonexistent-dir/m.pdf"],
                expecting: .exit(74), stderr: .containing("/nonexistent-dir/m.pdf"))
        }
    }

    /// `--palette=-YlOrRd` and `--reverse-palette` draw the same map, with the colours the other way
    /// round from the plain palette's (SVG fills as cairo writes them, rgb percentages).
    @Test func aPaletteIsReversedByALeadingMinusOrAFlag() throws {
        let (geo, csv, dir) = try Self.fixtures()
        func fills(_ extra: [String], _ name: String) throws -> [String] {
            try CommandLineRun.lastmile(Self.joinArgs(geo, csv) + extra + ["--out", dir.file(name)])
            let svg = try String(contentsOfFile: dir.file(name), encoding: .utf8)
            let regex = try NSRegularExpression(pattern: #"fill:(rgb\([^)]*\))"#)
            return regex.matches(in: svg, range: NSRange(svg.startIndex..., in: svg)).map {
                (svg as NSString).substring(with: $0.range(at: 1))
            }
        }
        let plain = try fills([], "plain.svg")
        let minus = try fills(["--palette=-YlOrRd"], "minus.svg")
        let flag = try fills(["--palette", "YlOrRd", "--reverse-palette"], "flag.svg")
        #expect(minus == flag)
        #expect(minus != plain)
        // The same colours, given to the classes the other way round.
        #expect(Set(minus) == Set(plain))
    }

    @Test func badOptionsAreExit64() throws {
        let (geo, csv, dir) = try Self.fixtures()
        let base = Self.joinArgs(geo, csv)
        let cases: [([String], String)] = [
            (["--out", dir.file("m.jpg")], ".png, .pdf or .svg"),
            (["--scheme", "kmeans", "--out", dir.file("m.png")], "--scheme"),
            (["--scheme", "manual", "--out", dir.file("m.png")], "--breaks"),
            (["--scheme", "manual", "--breaks", "0.5,0.2", "--out", dir.file("m.png")], "ascending"),
            (["--palette", "rainbow", "--out", dir.file("m.png")], "--palette"),
            (["--palette=--YlOrRd", "--out", dir.file("m.png")], "--palette"),
            (["--classes", "12", "--out", dir.file("m.png")], "--classes"),
            (["--crs", "EPSG:999999", "--out", dir.file("m.png")], "EPSG:999999"),
            (["--crs", "EPSG:4326", "--out", dir.file("m.png")], "projected CRS in metres"),
            ([], "--out"),
        ]
        for (extra, message) in cases {
            try CommandLineRun.lastmile(base + extra, expecting: .exit(64), stderr: .containing(message))
        }
    }

    @Test func manualBreaksClassifyAsGiven() throws {
        let (geo, csv, dir) = try Self.fixtures()
        let r = try CommandLineRun.lastmile(
            Self.joinArgs(geo, csv) + [
                "--scheme", "manual", "--breaks", "0.25,0.45",
                "--out", dir.file("m.svg"),
            ])
        // Values .391, .2, .5: ≤ .25 → .2; ≤ .45 → .391; above → the maximum .5 is appended as a break.
        #expect(r.stdout.contains("classes: ≤ 0.25: 1, ≤ 0.45: 1, ≤ 0.5: 1"), "\(r.stdout)")
    }

    @Test func allUSCountiesJoinedToMicrosoftUsage() throws {
        let dir = try TemporaryDirectory()
        let r = try CommandLineRun.lastmile([
            "map", TestPaths.realData("us-counties-fips/geojson-counties-fips.json"), "--id", "id",
            "--join", TestPaths.realData("microsoft-broadband-usage/broadband_data_2020October.csv"),
            "--join-key", "COUNTY ID", "--field", "BROADBAND USAGE", "--palette=-YlOrRd", "--width-px", "400",
            "--out", dir.file("us.png"), "--out", dir.file("us.svg"),
        ])
        // Counted with python (json + csv modules): 3,221 features; 3,142 rows; keys zero-padded to 5 digits
        // match 3,141 features (02158, Kusilvak, is 02270 in the shapes); 91 features have no number:
        // 78 Puerto Rico municipios (not in Microsoft's file) and 13 others (renamed counties or " -   ").
        #expect(r.stdout.contains("areas: 3221, with data: 3130, no data: 91"), "\(r.stdout)")
        #expect(r.stdout.contains("join: 3142 rows, 3141 areas matched, 1 row matched no area"), "\(r.stdout)")
        #expect(r.stdout.contains("insets: Alaska, Hawaii, Puerto Rico"))
        // Cairo's SVG: the state lines (Greys-9 #525252 at 0.5 pt, round joins) once in the main map and
        // once in each inset; no scale bar or north arrow stroke (black, 0.75 pt).
        let svg = try String(contentsOfFile: dir.file("us.svg"), encoding: .utf8)
        let stateLine =
            "stroke-width:0.5;stroke-linecap:butt;stroke-linejoin:round;stroke:rgb(32.156863%,32.156863%,32.156863%)"
        #expect(svg.components(separatedBy: stateLine).count - 1 == 4)
        #expect(!svg.contains("stroke-width:0.75;stroke-linecap:butt;stroke-linejoin:miter;stroke:rgb(0%,0%,0%)"))
        // YlOrRd reversed: its darkest red #bd0026 is the lowest class's fill.
        #expect(svg.contains("fill:rgb(74.117647%,0%,14.901961%)"))
    }

    @Test func hawaiiTractsDrawWaterOnlyTractsAsWater() throws {
        let dir = try TemporaryDirectory()
        let r = try CommandLineRun.lastmile([
            "map", TestPaths.realData("tiger-tracts-hawaii/tracts_2015_st15.geojson"), "--id", "GEOID",
            "--field", "ALAND", "--width-px", "400", "--out", dir.file("hi.png"),
        ])
        // python: sum(f["properties"]["ALAND"] == 0) = 25 of 351; tract 15003981200 (Nihoa to Kure) is
        // wholly west of 161° W, so it goes to the Northwestern Hawaiian Islands inset.
        #expect(r.stdout.contains("areas: 351, with data: 326, no data: 0, water only: 25"), "\(r.stdout)")
        #expect(r.stdout.contains("insets: Northwestern Hawaiian Islands"))
    }

    /// Join values at the ends of the Double range: every scheme classifies them into finite,
    /// ordered breaks (no trap, no "nan" bound), in each output format.
    @Test(arguments: ["quantile", "equal", "jenks"])
    func joinValuesOfPlusMinus1e308AreClassified(scheme: String) throws {
        let dir = try TemporaryDirectory()
        let geo = try dir.write("counties.geojson", Self.counties)
        let csv = try dir.write(
            "extreme.csv", "COUNTY ID,V\n1001,1e308\n1003,-1e308\n1005,0.2\n1007,5e-324\n1009,1e15\n")
        for ext in ["png", "svg", "pdf"] {
            let r = try CommandLineRun.lastmile([
                "map", geo, "--id", "id", "--join", csv, "--join-key", "COUNTY ID",
                "--field", "V", "--scheme", scheme, "--out", dir.file("m.\(ext)"),
            ])
            let classes = try #require(
                r.stdout.split(separator: "\n").first { $0.hasPrefix("classes:") }, "\(r.stdout)")
            #expect(!classes.lowercased().contains("nan") && !classes.contains("inf"), "\(classes)")
            #expect(classes.hasSuffix("≤ 1e+308: 1"), "\(classes)")
        }
    }
}
