import Foundation
import Graphics
import Reports
import TestSupport
import Testing

/// PNG goldens of three pages of the sample report (Support.swift's `sampleContent` with the
/// business case of BusinessCaseReportTests): the cover, the summary and the business case's first
/// page, rendered from ReportBuilder's display lists at 50 dpi (425 × 550 px for a Letter page).
/// Goldens: Tests/ReportsTests/Golden/<name>.png; `LASTMILE_UPDATE_GOLDENS=1 swift test --filter
/// ReportPageGoldenTests` rewrites them.
@Suite struct ReportPageGoldenTests {
    static let dpi = 50.0

    static func pages() -> [DisplayList] {
        var content = sampleContent(areas: syntheticAreas(16))
        content.businessCase = sampleBusinessCase()
        return ReportBuilder(measurer: PangoTextMeasurer()).document(for: content).pages
    }

    /// (golden name, which page): the cover and summary by position, the business case by its heading.
    static func page(_ name: String, in pages: [DisplayList]) -> DisplayList? {
        switch name {
        case "report-cover": pages.first
        case "report-summary": pages.count > 1 ? pages[1] : nil
        default: pages.first { $0.texts.contains("Business case") }
        }
    }

    @Test(arguments: ["report-cover", "report-summary", "report-business-case"])
    func pageMatchesItsGolden(_ name: String) throws {
        try FontCheck.verifyDefaultFont()
        let page = try #require(Self.page(name, in: Self.pages()))
        try GoldenImage.expectMatch(
            page, golden: TestPaths.repo("Tests/ReportsTests/Golden/\(name).png"),
            dpi: Self.dpi, tolerance: .strict)
    }

    @Test func renderingAPageTwiceGivesTheSamePixels() throws {
        let summary = try #require(Self.page("report-summary", in: Self.pages()))
        let again = try #require(Self.page("report-summary", in: Self.pages()))
        let scale = Self.dpi / 72
        #expect(try RasterRenderer.render(summary, scale: scale) == RasterRenderer.render(again, scale: scale))
    }
}
