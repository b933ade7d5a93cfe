import Charts
import Foundation
import Graphics
import Reports
import TestSupport

func pdfPageCount(_ path: String) throws -> Int? {
    let info = try CommandLineRun.output("pdfinfo", [path])
    for line in info.split(separator: "\n") where line.hasPrefix("Pages:") {
        return Int(line.dropFirst(6).trimmingCharacters(in: .whitespaces))
    }
    return nil
}

func pageText(_ path: String, page: Int) throws -> String {
    try CommandLineRun.output("pdftotext", ["-layout", "-f", String(page), "-l", String(page), path, "-"])
}

/// A deterministic pseudo-random sequence (64-bit LCG, Knuth MMIX constants) for synthetic rows.
struct SeededNumbers {
    var state: UInt64
    mutating func next(_ bound: Int) -> Int {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return Int((state >> 33) % UInt64(bound))
    }
}

/// A synthetic study of `count` areas: ids "23001000100"…, a few very long names.
func syntheticAreas(_ count: Int) -> [ReportContent.AreaRow] {
    var rng = SeededNumbers(state: 42)
    return (0..<count).map { i in
        let unserved = rng.next(400)
        let underserved = rng.next(300)
        let served = rng.next(2500)
        let name =
            i % 7 == 3
            ? "Census Tract \(i + 1), Unorganized Territory of North Washington and the Eastern Lakes Region"
            : i % 13 == 9
                ? "Township_\(i + 1)_" + String(repeating: "Without_Any_Spaces_", count: 5)
                : "Census Tract \(i + 1)"
        return ReportContent.AreaRow(
            id: String(23_001_000_100 + i * 100), name: name,
            locations: unserved + underserved + served, unserved: unserved,
            underserved: underserved, served: served,
            households: 800 + rng.next(3000), noInternetShare: Double(rng.next(400)) / 1000,
            medianIncome: i % 11 == 5 ? nil : 38_000 + rng.next(60_000))
    }
}

/// A stand-in map drawn the way Maps draws one: one fill per class colour, a legend, a caption area.
func syntheticMap() -> DisplayList {
    var map = DisplayList(size: PageSize(width: 600, height: 470))
    var paths = [Path(), Path(), Path()]
    var rng = SeededNumbers(state: 7)
    for i in 0..<24 {
        for j in 0..<18 {
            paths[rng.next(3)].append(
                .rectangle(PageRect(x: 20 + Double(i) * 23, y: 20 + Double(j) * 23, width: 22, height: 22)))
        }
    }
    for (k, color) in [CoverageColors.unserved, CoverageColors.underserved, CoverageColors.served].enumerated() {
        map.fill(paths[k], color)
    }
    Legend(items: CoverageColors.classes.map { Legend.Item(label: $0.name, color: $0.color) })
        .draw(into: &map, at: PagePoint(x: 20, y: 446), width: 560, measurer: PangoTextMeasurer())
    return map
}

func sampleContent(areas: [ReportContent.AreaRow], synthetic: Bool = true) -> ReportContent {
    ReportContent(
        title: "Broadband Coverage Report", studyName: "Washington County, Maine — synthetic demonstration study",
        isSyntheticData: synthetic, generatedDate: "28 November 2026", timestamp: "2026-11-28T00:00:00Z",
        dataVintages: [
            "FCC BDC fixed availability: June 2024 release (synthetic)", "TIGER/Line 2020 census tracts",
            "ACS 5-year 2019–2023 (B11001, B19013, B28002)",
        ],
        totals: .init(summing: areas), areas: areas, areaNoun: "tract", map: syntheticMap(),
        mapCaption:
            "Census tracts coloured by the share of locations that are unserved or underserved. Synthetic data for demonstration.",
        policyName: "bead-2022",
        methodParagraphs: [
            "A location is unserved when no provider reports fixed terrestrial service (copper, cable, fiber, licensed fixed wireless or licensed-by-rule) with at least 25 Mbps down, 3 Mbps up and low latency; underserved when the best such service reaches 25/3 but not 100/20 Mbps; served otherwise.",
            "Counts are of broadband-serviceable locations in the FCC Fabric, residential and business alike, taken from every row of the availability files for the study area. Shares divide by all locations in the area.",
        ],
        dataSources: [
            .init(
                fileName:
                    "bdc_23_Cable_fixed_broadband_J24_10nov2024_with_a_very_long_file_name_that_must_wrap_across_the_page_width_without_clipping.zip",
                role: "FCC BDC fixed availability (cable)", sizeBytes: 12_345_678,
                sha256: "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
                vintageAndLicence: "June 2024 release; public domain (FCC)"),
            .init(
                fileName: "tl_2020_23_tract.zip", role: "Census TIGER/Line tracts", sizeBytes: 4_567_890,
                sha256: "2c26b46b68ffc68ff99b453c1d30413413422d706483bfa0f98a5e886266e7ae",
                vintageAndLicence: "2020; public domain (U.S. Census Bureau)"),
        ],
        runID: "20261128-000000-abcdef", toolVersion: "0.1.0")
}

/// Copies a rendered report to `$LASTMILE_KEEP_REPORTS/<name>` when that variable is set, so a
/// person can look at it (pdftoppm -png -r 60).
func keepForInspection(_ path: String, as name: String) {
    guard let dir = ProcessInfo.processInfo.environment["LASTMILE_KEEP_REPORTS"] else { return }
    let target = dir + "/" + name
    try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    try? FileManager.default.removeItem(atPath: target)
    try? FileManager.default.copyItem(atPath: path, toPath: target)
}
