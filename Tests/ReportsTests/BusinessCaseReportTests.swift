import Charts
import Foundation
import GeoModel
import Graphics
import TestSupport
import Testing

@testable import Reports

/// A small business case: year 0 capital −1.2 M, then net +100,000 a year for 20 years.
func sampleBusinessCase(parameterCount: Int = 12) -> BusinessCaseContent {
    let flows = [-1_200_000.0] + Array(repeating: 100_000.0, count: 20)
    let subscribers = (0...20).map { 1000 * (1 - exp(-0.4 * Double($0))) }
    let npvs = (0..<1000).map { -300_000 + 600_000 * Double($0) / 999 }
    let retail = BusinessCaseContent.Scenario(
        label: "Retail municipal ISP", kind: "retail",
        metrics: ScenarioMetrics(
            capex: 1_200_000, npv: 159_033, irr: 0.0578, paybackYears: 12, discountedPaybackYears: 16.4,
            breakEvenTakeRate: 0.4123, bondAmount: 0, minimumDebtServiceCoverage: 1.13),
        netCashFlows: flows, subscribers: subscribers,
        tornado: [
            .init(label: "Take rate (×0.8 / ×1.2)", npvAtLow: -100_000, npvAtHigh: 400_000),
            .init(label: "Cost to pass (×0.8 / ×1.2)", npvAtLow: 350_000, npvAtHigh: -30_000),
        ],
        p10: -240_000, p50: 0, p90: 240_000, probabilityNPVNegative: 0.5, draws: 1000, seed: 42, monteCarloNPVs: npvs)
    var partner = retail
    partner.label = "Subsidy to a private partner"
    partner.kind = "subsidy"
    partner.irr = nil
    partner.breakEvenTakeRate = nil
    return BusinessCaseContent(
        scenarios: [retail, partner], horizonYears: 20, discountRate: 0.04, takeRate: 0.45,
        adoptionCurve: (0...20).map { 1 - exp(-0.4 * Double($0)) },
        phases: [
            .init(phase: 1, areas: 3, passings: 900, costToPass: 700_000),
            .init(phase: 2, areas: 2, passings: 600, costToPass: 500_000),
        ],
        areasNotBuilt: 11, phasesMap: syntheticMap(), phasesMapCaption: "Phases caption.",
        parameters: (0..<parameterCount).map {
            .init(key: "demand.key_\($0)", value: "0.\($0)", source: "source \($0)")
        },
        methodParagraphs: ["Business-case method paragraph."])
}

@Test func businessCaseSectionHasEveryPartAndListsEveryParameter() throws {
    let dir = try TemporaryDirectory()
    let path = dir.file("report.pdf")
    var content = sampleContent(areas: syntheticAreas(16))
    content.businessCase = sampleBusinessCase(parameterCount: 60)
    let document = ReportBuilder(measurer: PangoTextMeasurer()).document(for: content)
    try ReportWriter.write(document, to: path)
    keepForInspection(path, as: "business-case-letter.pdf")
    let all = try CommandLineRun.output("pdftotext", ["-layout", path, "-"])
    for heading in [
        "Business case", "Adoption and cash flow", "Risk: Retail municipal ISP", "Build phases",
        "Subscribers by year", "Cash flow by year", "NPV sensitivity", "Monte Carlo NPV: 1,000 draws",
    ] {
        #expect(all.contains(heading), "missing \(heading)")
    }
    // Scenario table cells.
    for cell in [
        "Break-even take rate", "41.2%", "none in 0–100 %", "$159,033", "5.8%", "12.0 years", "1.13×",
        "Phases caption.",
    ] {
        #expect(all.contains(cell), "missing \(cell)")
    }
    // Every parameter, with value and source, on the method pages (60 rows flow over pages).
    for i in 0..<60 {
        #expect(all.contains("demand.key_\(i)"), "parameter \(i)")
        #expect(all.contains("source \(i)"), "source \(i)")
    }
    // Without a business case the report is the 7 pages of sampleReportHasEverySectionAndPageNumbers.
    let pages = try #require(try pdfPageCount(path))
    #expect(pages > 7 + 4)
    #expect(pages == document.pages.count)
    for n in 1...pages { #expect(try pageText(path, page: n).contains("Page \(n) of \(pages)")) }
}

@Test func everyBusinessCaseTextStaysOnItsPage() {
    let m = PangoTextMeasurer()
    var content = sampleContent(areas: syntheticAreas(5))
    content.businessCase = sampleBusinessCase()
    let document = ReportBuilder(measurer: m).document(for: content)
    for (i, page) in document.pages.enumerated() {
        for c in page.commands {
            guard case .text(let s, let o, let width, let style) = c else { continue }
            let size = m.measure(s, style: style, width: width)
            #expect(o.x >= -0.01 && o.x + (width ?? size.width) <= page.size.width + 0.01, "page \(i + 1): \(s)")
            #expect(o.y + size.height <= page.size.height + 0.01, "page \(i + 1): \(s) runs off the page")
        }
    }
}

/// The summary never contradicts the scenario table: a negative NPV with a 28.6-year payback is said as
/// exactly that, with the funding gap, the closest scenario and why.
@Test func recommendationMatchesTheTable() throws {
    var bc = sampleBusinessCase()
    bc.scenarios[0].npv = -500_000
    bc.scenarios[0].paybackYears = 28.6
    bc.scenarios[0].breakEvenTakeRate = nil
    bc.scenarios[0].fundingGap = 600_000
    bc.scenarios[0].fundingGapPerPassing = 400
    bc.scenarios[1].npv = -2_000_000
    bc.scenarios[1].capex = 300_000
    bc.scenarios[1].paybackYears = nil
    var content = sampleContent(areas: syntheticAreas(5))
    content.businessCase = bc
    let text = try #require(SummaryText.recommendation(for: content))
    #expect(text.contains("none of the 2 models has a positive NPV"))
    #expect(
        text.contains(
            "The closest is the retail municipal ISP (NPV -$500,000), because it keeps the most revenue against its costs"
        ))
    #expect(text.contains("its cash pays back in 28.6 years"))
    #expect(text.contains("A grant of $600,000 ($400 per passing) would bring it to an NPV of zero"))
    #expect(!text.contains("none of the 2 models pays back"))
    // With the partner ahead, the reason is the capital the city puts in.
    bc.scenarios[1].npv = -100_000
    content.businessCase = bc
    let partner = try #require(SummaryText.recommendation(for: content))
    #expect(
        partner.contains(
            "The closest is the subsidy to a private partner (NPV -$100,000), because the city puts in the least capital ($300,000 against up to $1.20 M)"
        ))
    #expect(partner.contains("its cumulative cash never turns positive within 20 years"))
    #expect(partner.contains("The retail municipal ISP's funding gap is $600,000 ($400 per passing)."))
}

/// A plan that builds nothing says so, instead of reporting a payback or a non-negative NPV.
@Test func recommendationWhenNothingIsBuilt() throws {
    var bc = sampleBusinessCase()
    bc.phases = [.init(phase: 1, areas: 0, passings: 0, costToPass: 0)]
    for i in bc.scenarios.indices {
        bc.scenarios[i].npv = 0
        bc.scenarios[i].paybackYears = nil
    }
    var content = sampleContent(areas: syntheticAreas(5))
    content.businessCase = bc
    let text = try #require(SummaryText.recommendation(for: content))
    #expect(text.hasPrefix("Recommendation: the plan builds nothing."))
    #expect(text.contains("plan.build = \"eligible_locations\""))
    #expect(!text.contains("pays back") && !text.contains("non-negative NPV"))
}
