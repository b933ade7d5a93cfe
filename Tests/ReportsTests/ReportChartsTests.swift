import Foundation
import Graphics
import Reports
import Testing

/// The standalone charts (charts/ of a run) and the stored content they are drawn from.
@Suite struct ReportChartsTests {
    @Test func contentRoundTripsThroughJSON() throws {
        let content = sampleContent(areas: syntheticAreas(40))
        let data = try JSONEncoder().encode(content)
        let back = try JSONDecoder().decode(ReportContent.self, from: data)
        #expect(back == content)
        #expect(back.map == content.map)
        // The same content gives the same document, page by page.
        let builder = ReportBuilder(measurer: PangoTextMeasurer())
        #expect(builder.document(for: back) == builder.document(for: content))
    }

    @Test func withoutBusinessCaseOnlyTheLocationsChart() throws {
        let content = sampleContent(areas: syntheticAreas(40))
        let charts = ReportCharts.standalone(content, measurer: PangoTextMeasurer())
        #expect(charts.map(\.name) == ["locations-by-class"])
        // 15 bars (ReportBuilder.chartAreaLimit of 40 areas): 60 + 15 × 34 = 570 pt, + 24 pt title, 540 wide.
        #expect(charts[0].displayList.size == PageSize(width: 540, height: 594))
        #expect(
            charts[0].displayList.texts.contains(
                "Locations by service class: the 15 tracts with the most unserved locations"))
        // The short names of the 15 areas with the most unserved locations are all on the chart
        // (long ones may be shortened to fit).
        let names = Set(charts[0].displayList.texts)
        let short = content.topAreasByUnserved(15).filter { $0.name.count < 20 }
        #expect(!short.isEmpty)
        for a in short { #expect(names.contains(a.name)) }
    }

    @Test func businessCaseAddsFourChartsFromTheHeadlineScenario() throws {
        var content = sampleContent(areas: syntheticAreas(5))
        content.businessCase = sampleBusinessCase()
        let charts = ReportCharts.standalone(content, measurer: PangoTextMeasurer())
        #expect(charts.map(\.name) == ["locations-by-class", "adoption", "cash-flow", "tornado", "monte-carlo"])
        for c in charts.dropFirst() { #expect(c.displayList.size == PageSize(width: 540, height: 360)) }
        #expect(charts[1].displayList.texts.contains("Subscribers by year"))
        // Cumulative lines for both scenarios of the sample.
        #expect(charts[2].displayList.texts.contains("Cumulative: Subsidy to a private partner"))
        #expect(charts[3].displayList.texts.contains("Take rate (×0.8 / ×1.2)"))
        // The sample's 1,000 NPVs run evenly from −300,000 to +300,000 (NPV_i = −300,000 + 600,000·i/999):
        // i ≤ 499 are negative, so 500 draws fall in the 20 bins left of zero and 500 in the 20 right of it.
        let histogram = ReportCharts.monteCarlo(try #require(content.businessCase?.headline))
        var counts: [String: Double] = [:]
        for case .bars(let name, let points, _, _, _) in histogram.marks {
            counts[name] = points.reduce(0) { $0 + $1.y }
        }
        #expect(counts == ["Draws with NPV < 0": 500, "Draws with NPV ≥ 0": 500])
    }
}
