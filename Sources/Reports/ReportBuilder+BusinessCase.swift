import Charts
import GeoModel
import Graphics

/// The business-case pages: scenarios side by side, adoption and cash flow, risk, build phases,
/// and the parameter list on the method page.
extension ReportBuilder {
    static let positive = CoverageColors.served
    static let negative = CoverageColors.unserved
    /// Line colours of scenarios 1, 2, 3…: ColorBrewer Dark2 (colour-blind safe for three classes).
    static let scenarioColors = [
        Color(red: 27 / 255, green: 158 / 255, blue: 119 / 255),
        Color(red: 217 / 255, green: 95 / 255, blue: 2 / 255),
        Color(red: 117 / 255, green: 112 / 255, blue: 179 / 255),
        Color(red: 231 / 255, green: 41 / 255, blue: 138 / 255),
    ]

    func businessCasePages(_ bc: BusinessCaseContent, _ c: ReportContent, _ theme: ReportTheme) -> [DisplayList] {
        var pages: [DisplayList] = []
        var flow = PageFlow(theme: theme, measurer: measurer)
        flow.heading("Business case")
        let built = bc.phases.reduce(0) { $0 + $1.areas }
        let passings = bc.phases.reduce(0) { $0 + $1.passings }
        let cost = bc.phases.reduce(0) { $0 + $1.costToPass }
        let nouns = c.areaNounPlural
        flow.paragraph(
            "The network passes \(NumberFormatting.grouped(passings)) \(English.noun("location", count: passings)) in \(built) \(built == 1 ? c.areaNoun : nouns), "
                + "built in \(bc.phases.count) yearly \(bc.phases.count == 1 ? "phase" : "phases") for \(MoneyFormatting.dollars(cost)) "
                + "(cost to pass, contingency included)\(bc.areasNotBuilt > 0 ? "; \(bc.areasNotBuilt) \(bc.areasNotBuilt == 1 ? c.areaNoun : nouns) are not built (no unserved or underserved locations, mostly served already, or over the capital budget)" : ""). "
                + "The base terminal take rate is \(NumberFormatting.percent(bc.takeRate)); cash flows run \(English.counted(bc.horizonYears, "year")) after the first construction year "
                + "and are discounted at \(NumberFormatting.percent(bc.discountRate)). Every figure is the city's: the subsidy scenario counts only the city's contribution and its revenue share. "
                + (bc.eligibleLocationsOnly
                    ? "Only unserved and underserved locations are built (plan.build = eligible_locations), costed by their share of each area's plant; the plan pays for no already-served passings. "
                    : "Every location of a built area is passed (plan.build = areas): the plan pays for \(NumberFormatting.grouped(bc.servedPassingsBuilt)) \(English.noun("passing", count: bc.servedPassingsBuilt)) already served at 100/20 (\(NumberFormatting.percent(passings > 0 ? Double(bc.servedPassingsBuilt) / Double(passings) : 0, decimals: 1)) of the passings built). ")
                + (bc.includeServedAreas
                    ? "Every area is a candidate whatever its served share (plan.include_served_areas)."
                    : "Areas more than \(NumberFormatting.percent(bc.maxServedShare, decimals: 0)) served are not built (plan.max_served_share)"
                        + (bc.areasOverServedShare > 0
                            ? "; \(bc.areasOverServedShare) \(bc.areasOverServedShare == 1 ? c.areaNoun : nouns) with some need are left out for that reason."
                            : ".")),
            style: theme.body, spacingAfter: 10)
        scenarioTable(bc, into: &flow)
        flow.y += 8
        capitalTable(bc, into: &flow)
        flow.y += 8
        phaseTable(bc, into: &flow)
        if let h = bc.headline {
            flow.y += 8
            let below = NumberFormatting.percent(h.probabilityNPVNegative, decimals: 0)
            flow.paragraph(
                "Risk (\(h.label)): over \(NumberFormatting.grouped(h.draws)) Monte Carlo draws (seed \(h.seed)) the NPV is "
                    + "\(MoneyFormatting.dollars(h.p10)) at P10, \(MoneyFormatting.dollars(h.p50)) at P50 and \(MoneyFormatting.dollars(h.p90)) at P90; "
                    + "the chance that the NPV is negative is \(below). " + BusinessCaseContent.monteCarloAssumption(h)
                    + " "
                    + (h.breakEvenTakeRate.map {
                        "The NPV is zero at a base take rate of \(NumberFormatting.percent($0, decimals: 1))."
                    }
                        ?? "No take rate up to 100 % makes the NPV zero."),
                style: theme.body, spacingAfter: 8)
        }
        pages += flow.finish()

        // Adoption and cash flow.
        flow.heading("Adoption and cash flow")
        let chartHeight = (flow.remaining - 20) / 2
        if let h = bc.headline {
            let adoption = ReportCharts.adoption(h)
            flow.page.place(
                adoption.render(size: PageSize(width: flow.content.width, height: chartHeight), measurer: measurer),
                at: PagePoint(x: flow.content.minX, y: flow.y))
            flow.y += chartHeight + 20
            let cash = ReportCharts.cashFlow(bc, headline: h)
            flow.page.place(
                cash.render(size: PageSize(width: flow.content.width, height: chartHeight), measurer: measurer),
                at: PagePoint(x: flow.content.minX, y: flow.y))
        }
        pages += flow.finish()

        // Risk: tornado and Monte Carlo.
        if let h = bc.headline {
            flow.heading("Risk: \(h.label)")
            let caption =
                "P10 \(MoneyFormatting.dollars(h.p10)) · P50 \(MoneyFormatting.dollars(h.p50)) · P90 \(MoneyFormatting.dollars(h.p90)) · "
                + "P(NPV < 0) = \(NumberFormatting.percent(h.probabilityNPVNegative, decimals: 0)). "
                + BusinessCaseContent.monteCarloAssumption(h)
            let captionHeight = measurer.measure(caption, style: theme.caption, width: flow.content.width).height
            let riskHeight = (flow.remaining - 16 - 6 - captionHeight - 4) / 2
            let tornado = ReportCharts.tornado(h)
            flow.page.place(
                tornado.render(size: PageSize(width: flow.content.width, height: riskHeight), measurer: measurer),
                at: PagePoint(x: flow.content.minX, y: flow.y))
            flow.y += riskHeight + 16
            let histogram = ReportCharts.monteCarlo(h)
            flow.page.place(
                histogram.render(size: PageSize(width: flow.content.width, height: riskHeight), measurer: measurer),
                at: PagePoint(x: flow.content.minX, y: flow.y))
            flow.y += riskHeight + 6
            flow.paragraph(caption, style: theme.caption, spacingAfter: 4)
            pages += flow.finish()
        }

        // Build phases map.
        if let map = bc.phasesMap {
            flow.heading("Build phases")
            flow.map(map, caption: bc.phasesMapCaption)
            pages += flow.finish()
        }
        return pages
    }

    /// Scenarios side by side: one column per scenario, one row per metric.
    private func scenarioTable(_ bc: BusinessCaseContent, into flow: inout PageFlow) {
        func years(_ v: Double?) -> String { v.map { NumberFormatting.grouped($0, decimals: 1) + " years" } ?? "never" }
        let rows: [(String, (BusinessCaseContent.Scenario) -> String)] = [
            ("Kind", { $0.kind }),
            ("City capital", { MoneyFormatting.dollars($0.capex) }),
            ("Net present value", { MoneyFormatting.dollars($0.npv) }),
            ("Internal rate of return", { $0.irr.map { NumberFormatting.percent($0) } ?? "none" }),
            ("Payback", { years($0.paybackYears) }),
            ("Discounted payback", { years($0.discountedPaybackYears) }),
            (
                "Break-even take rate",
                { $0.breakEvenTakeRate.map { NumberFormatting.percent($0) } ?? "none in 0–100 %" }
            ),
            ("Grant received", { MoneyFormatting.dollars($0.grant) }),
            (
                "Funding gap: grant for NPV = 0",
                { s in
                    s.fundingGap.map {
                        "\(MoneyFormatting.dollars($0)) (\(MoneyFormatting.dollars(s.fundingGapPerPassing ?? 0)) per passing)"
                    } ?? "nothing built"
                }
            ),
            (
                "Debt-service coverage, lowest / highest",
                { s in
                    guard let lo = s.minimumDebtServiceCoverage else { return "no debt" }
                    let low = NumberFormatting.grouped(lo, decimals: 2) + "×"
                    return s.maximumDebtServiceCoverage.map {
                        low + " / " + NumberFormatting.grouped($0, decimals: 2) + "×"
                    } ?? low
                }
            ),
            (
                "Years below the coverage covenant",
                { s in
                    s.debtServiceYears == 0
                        ? "no debt"
                        : "\(s.yearsBelowCovenant.count) of \(s.debtServiceYears) (covenant \(NumberFormatting.grouped(s.dscrCovenant, decimals: 2))×)"
                }
            ),
            (
                "General-fund exposure (worst cumulative cash after debt service)",
                { s in
                    s.generalFundExposureYear.map { "\(MoneyFormatting.dollars(s.generalFundExposure)) in year \($0)" }
                        ?? "none: never below zero"
                }
            ),
            ("Monte Carlo NPV, P10", { MoneyFormatting.dollars($0.p10) }),
            ("Monte Carlo NPV, P50", { MoneyFormatting.dollars($0.p50) }),
            ("Monte Carlo NPV, P90", { MoneyFormatting.dollars($0.p90) }),
            ("Chance NPV < 0", { NumberFormatting.percent($0.probabilityNPVNegative, decimals: 0) }),
        ]
        let header: [String] = [""] + bc.scenarios.map(\.label)
        let body = rows.map { row in [row.0] + bc.scenarios.map { row.1($0) } }
        table(
            header: header, rows: body, firstColumnShare: 0.26, style: TextStyle(size: 8.5, color: ReportTheme.ink),
            into: &flow)
    }

    /// The city's capital over the horizon by component, one column per scenario.
    private func capitalTable(_ bc: BusinessCaseContent, into flow: inout PageFlow) {
        guard let first = bc.scenarios.first, !first.capital.isEmpty else { return }
        let header = ["Capital over \(English.counted(bc.horizonYears, "year"))"] + bc.scenarios.map(\.label)
        var rows = first.capital.indices.map { i in
            [first.capital[i].label]
                + bc.scenarios.map { i < $0.capital.count ? MoneyFormatting.dollars($0.capital[i].amount) : "" }
        }
        rows.append(["Total"] + bc.scenarios.map { MoneyFormatting.dollars($0.capital.reduce(0) { $0 + $1.amount }) })
        table(
            header: header, rows: rows, firstColumnShare: 0.34, style: TextStyle(size: 8.5, color: ReportTheme.ink),
            into: &flow)
    }

    private func phaseTable(_ bc: BusinessCaseContent, into flow: inout PageFlow) {
        let header = ["Phase", "Build year", "Areas", "Passings", "Cost to pass"]
        let rows = bc.phases.map {
            [
                "\($0.phase)", "\($0.phase - 1)", NumberFormatting.grouped($0.areas),
                NumberFormatting.grouped($0.passings), MoneyFormatting.dollars($0.costToPass),
            ]
        }
        let style = TextStyle(size: 8.5, color: ReportTheme.ink)
        // A few one-line rows: kept together on one page rather than split from their header.
        flow.ensure(Double(rows.count + 1) * (measurer.measure("Ag", style: style, width: nil).height + 6))
        table(header: header, rows: rows, firstColumnShare: 0.2, style: style, into: &flow)
    }

    /// A simple ruled table: bold header row, striped body rows, columns after the first share the rest of the width.
    func table(
        header: [String], rows: [[String]], firstColumnShare: Double, style: TextStyle, into flow: inout PageFlow
    ) {
        let width = flow.content.width
        let first = width * firstColumnShare
        let other = header.count > 1 ? (width - first) / Double(header.count - 1) : 0
        let pad = 3.0
        func widths(_ i: Int) -> Double { (i == 0 ? first : other) - 2 * pad }
        func x(_ i: Int) -> Double { flow.content.minX + (i == 0 ? 0 : first + Double(i - 1) * other) }
        var bold = style
        bold.weight = .bold
        func rowHeight(_ cells: [String], _ s: TextStyle) -> Double {
            cells.enumerated().map { measurer.measure($0.element, style: s, width: widths($0.offset)).height }.max()
                ?? 0
        }
        func draw(_ cells: [String], _ s: TextStyle, stripe: Bool) {
            let h = rowHeight(cells, s) + 2 * pad
            flow.ensure(h)
            if stripe {
                flow.page.fill(
                    .rectangle(PageRect(x: flow.content.minX, y: flow.y, width: width, height: h)), ReportTheme.stripe)
            }
            for (i, cell) in cells.enumerated() {
                flow.page.text(cell, at: PagePoint(x: x(i) + pad, y: flow.y + pad), width: widths(i), style: s)
            }
            flow.y += h
        }
        draw(header, bold, stripe: false)
        flow.page.stroke(
            .line(from: PagePoint(x: flow.content.minX, y: flow.y), to: PagePoint(x: flow.content.maxX, y: flow.y)),
            StrokeStyle(color: ReportTheme.ink, width: 0.75))
        for (i, r) in rows.enumerated() { draw(r, style, stripe: i % 2 == 1) }
        flow.page.stroke(
            .line(from: PagePoint(x: flow.content.minX, y: flow.y), to: PagePoint(x: flow.content.maxX, y: flow.y)),
            StrokeStyle(color: ReportTheme.rule, width: 0.5))
    }

    /// The method page's business-case part: the method in words and every parameter with value and source.
    func businessCaseMethod(_ bc: BusinessCaseContent, into flow: inout PageFlow) {
        flow.y += 6
        flow.paragraph("Business case", style: flow.theme.subheading, spacingAfter: 6)
        for p in bc.methodParagraphs { flow.paragraph(p, style: flow.theme.body, spacingAfter: 8) }
        flow.paragraph(
            "Business-case parameters: the value used and its source (\"study file\" when the study or --set gave it).",
            style: flow.theme.subheading, spacingAfter: 6)
        table(
            header: ["Key", "Value", "Source"], rows: bc.parameters.map { [$0.key, $0.value, $0.source] },
            firstColumnShare: 0.36,
            style: TextStyle(size: 7.5, color: ReportTheme.ink), into: &flow)
    }
}
