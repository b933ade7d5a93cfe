import Charts
import Graphics

/// Composes the coverage report `Document` from `ReportContent`: cover, summary, map, chart,
/// ranked table, method and data sources, each page with a running header, "Page n of N" and
/// bookmarks for the sections. All text is measured with the given measurer so that it fits.
public struct ReportBuilder {
    /// At most this many areas in the bar chart (more bars would not leave room for names).
    public static let chartAreaLimit = 15

    let measurer: any TextMeasurer

    /// - Parameter measurer: measures text as the renderer will set it (`PangoTextMeasurer` for PDF output).
    public init(measurer: any TextMeasurer) { self.measurer = measurer }

    /// The report for `content` on `paper`.
    public func document(for content: ReportContent, paper: PaperSize = .letter) -> Document {
        let theme = ReportTheme(page: paper.size)
        var pages: [DisplayList] = []
        pages += [cover(content, theme)]
        pages += summary(content, theme)
        if let map = content.map { pages += [mapPage(map, content, theme)] }
        if let map = content.countsMap { pages += [countsMapPage(map, content, theme)] }
        pages += [chartPage(content, theme)]
        if let groups = content.needGroups { pages += needGroupPages(groups, content, theme) }
        if let challenges = content.challenges { pages += challengePages(challenges, content, theme) }
        pages += tablePages(content, theme)
        if !content.providers.isEmpty { pages += providerPages(content, theme) }
        if let bc = content.businessCase { pages += businessCasePages(bc, content, theme) }
        pages += methodPages(content, theme)
        pages += sourcePages(content, theme)
        let total = pages.count
        for i in pages.indices { decorate(&pages[i], number: i + 1, of: total, content, theme) }
        return Document(
            title: content.title, author: "Lastmile \(content.toolVersion)",
            subject: "Broadband coverage: \(content.studyName)", creationDate: content.timestamp, pages: pages)
    }

    // MARK: Running header and footer

    private func decorate(
        _ page: inout DisplayList, number: Int, of total: Int, _ c: ReportContent, _ theme: ReportTheme
    ) {
        let left = theme.margin
        let width = theme.page.width - 2 * theme.margin
        var right = theme.small
        right.alignment = .right
        let flag = c.isSyntheticData ? "SYNTHETIC DATA" : ""
        let flagWidth = flag.isEmpty ? 0 : measurer.measure(flag, style: right, width: nil).width + 12
        var header = theme.small
        // Shrink the study name until it fits one line beside the flag.
        while measurer.measure(c.studyName, style: header, width: nil).width > width - flagWidth && header.size > 5 {
            header.size -= 0.5
        }
        page.text(c.studyName, at: PagePoint(x: left, y: theme.headerY), width: width - flagWidth, style: header)
        if !flag.isEmpty {
            var f = right
            f.weight = .bold
            f.color = CoverageColors.unserved
            page.text(flag, at: PagePoint(x: left, y: theme.headerY), width: width, style: f)
        }
        let ruleY = theme.headerY + measurer.measure("Ag", style: header, width: nil).height + 4
        page.stroke(
            .line(from: PagePoint(x: left, y: ruleY), to: PagePoint(x: left + width, y: ruleY)),
            StrokeStyle(color: ReportTheme.rule, width: 0.5))
        let pageText = "Page \(number) of \(total)"
        let pageWidth = measurer.measure(pageText, style: right, width: nil).width + 12
        page.text(pageText, at: PagePoint(x: left, y: theme.footerY), width: width, style: right)
        page.text(
            "Run \(c.runID) · Lastmile \(c.toolVersion)", at: PagePoint(x: left, y: theme.footerY),
            width: width - pageWidth, style: theme.small)
    }

    // MARK: Cover

    private func cover(_ c: ReportContent, _ theme: ReportTheme) -> DisplayList {
        var flow = PageFlow(theme: theme, measurer: measurer)
        flow.page.append(.bookmark("Cover", level: 0))
        let content = theme.content
        flow.y = content.minY + content.height * 0.18
        let band = PageRect(x: content.minX, y: flow.y - 16, width: 60, height: 6)
        flow.page.fill(.rectangle(band), CoverageColors.served)
        flow.paragraph(c.title, style: TextStyle(size: 26, weight: .bold, color: ReportTheme.ink), spacingAfter: 10)
        flow.paragraph(c.studyName, style: TextStyle(size: 16, color: ReportTheme.ink), spacingAfter: 18)
        flow.paragraph("Generated \(c.generatedDate)", style: theme.body, spacingAfter: 14)
        if !c.dataVintages.isEmpty {
            flow.paragraph("Data vintages", style: theme.subheading, spacingAfter: 4)
            for v in c.dataVintages { flow.paragraph("• " + v, style: theme.body, spacingAfter: 3, indent: 6) }
            flow.y += 10
        }
        if c.isSyntheticData { notice(c.syntheticNotice, size: 11, in: &flow) }
        if let universe = c.universeNotice { notice(universe, size: 10, in: &flow) }
        let pages = flow.finish()
        return pages[0]
    }

    /// A boxed notice across the content width (synthetic data, an incomplete location universe).
    private func notice(_ text: String, size: Double, in flow: inout PageFlow) {
        var style = TextStyle(size: size, weight: .bold, color: CoverageColors.unserved)
        style.alignment = .left
        let pad = 10.0
        let width = flow.content.width
        let h = measurer.measure(text, style: style, width: width - 2 * pad).height
        flow.ensure(h + 2 * pad)
        let box = PageRect(x: flow.content.minX, y: flow.y, width: width, height: h + 2 * pad)
        flow.page.fill(.rectangle(box), ReportTheme.noticeFill)
        flow.page.stroke(.rectangle(box), StrokeStyle(color: CoverageColors.unserved, width: 1))
        flow.page.text(text, at: PagePoint(x: box.x + pad, y: box.y + pad), width: width - 2 * pad, style: style)
        flow.y = box.maxY + 14
    }

    // MARK: Summary

    private func summary(_ c: ReportContent, _ theme: ReportTheme) -> [DisplayList] {
        var flow = PageFlow(theme: theme, measurer: measurer)
        flow.heading("Summary")
        let t = c.totals
        let g = { (v: Int) in NumberFormatting.grouped(v) }
        let boxes: [(value: String, label: String, note: String, color: Color)] = [
            (
                g(t.locations), "Locations",
                "\(g(c.areas.count)) \(c.areas.count == 1 ? c.areaNoun : c.areaNounPlural)", ReportTheme.muted
            ),
            (
                g(t.unserved), "Unserved", NumberFormatting.percent(t.unservedShare) + " of locations",
                CoverageColors.unserved
            ),
            (
                g(t.underserved), "Underserved", NumberFormatting.percent(t.underservedShare) + " of locations",
                CoverageColors.underserved
            ),
            (g(t.served), "Served", NumberFormatting.percent(t.servedShare) + " of locations", CoverageColors.served),
            (NumberFormatting.percent(t.needShare), "Unserved + underserved", "share of locations", ReportTheme.ink),
        ]
        let gap = 8.0
        let pad = 6.0
        let boxWidth = (flow.content.width - gap * Double(boxes.count - 1)) / Double(boxes.count)
        let inner = boxWidth - 2 * pad
        // One value font size for all boxes: the largest (≤ 20 pt) at which every value fits on one line.
        var valueStyle = TextStyle(size: 20, weight: .bold, color: ReportTheme.ink)
        while valueStyle.size > 7
            && boxes.contains(where: { measurer.measure($0.value, style: valueStyle, width: nil).width > inner - 1 })
        {
            valueStyle.size -= 1
        }
        let labelStyle = TextStyle(size: 8.5, weight: .bold, color: ReportTheme.ink)
        let noteStyle = theme.small
        let valueHeight = measurer.measure("0", style: valueStyle, width: nil).height
        let heights = boxes.map { b in
            measurer.measure(b.label, style: labelStyle, width: inner).height
                + measurer.measure(b.note, style: noteStyle, width: inner).height
        }
        let boxHeight = 4 + pad + valueHeight + 4 + (heights.max() ?? 0) + pad
        flow.ensure(boxHeight)
        for (i, b) in boxes.enumerated() {
            let x = flow.content.minX + Double(i) * (boxWidth + gap)
            let rect = PageRect(x: x, y: flow.y, width: boxWidth, height: boxHeight)
            flow.page.fill(.rectangle(rect), ReportTheme.stripe)
            flow.page.fill(.rectangle(PageRect(x: x, y: flow.y, width: boxWidth, height: 4)), b.color)
            var y = flow.y + 4 + pad
            flow.page.text(b.value, at: PagePoint(x: x + pad, y: y), style: valueStyle)
            y += valueHeight + 4
            flow.page.text(b.label, at: PagePoint(x: x + pad, y: y), width: inner, style: labelStyle)
            y += measurer.measure(b.label, style: labelStyle, width: inner).height
            flow.page.text(b.note, at: PagePoint(x: x + pad, y: y), width: inner, style: noteStyle)
        }
        flow.y += boxHeight + 18
        if let universe = c.universeNotice { notice(universe, size: 9, in: &flow) }
        for p in SummaryText.paragraphs(for: c) { flow.paragraph(p, style: theme.body, spacingAfter: 8) }
        return flow.finish()
    }

    // MARK: Map

    private func mapPage(_ map: DisplayList, _ c: ReportContent, _ theme: ReportTheme) -> DisplayList {
        var flow = PageFlow(theme: theme, measurer: measurer)
        flow.heading("Coverage map")
        flow.map(map, caption: c.mapCaption)
        return flow.finish()[0]
    }

    private func countsMapPage(_ map: DisplayList, _ c: ReportContent, _ theme: ReportTheme) -> DisplayList {
        var flow = PageFlow(theme: theme, measurer: measurer)
        flow.heading("How many locations need service")
        flow.map(map, caption: c.countsMapCaption ?? "")
        return flow.finish()[0]
    }

    // MARK: Chart

    private func chartPage(_ c: ReportContent, _ theme: ReportTheme) -> DisplayList {
        var flow = PageFlow(theme: theme, measurer: measurer)
        flow.heading("Locations by service class")
        let top = c.topAreasByUnserved(ReportBuilder.chartAreaLimit)
        let nouns = c.areaNounPlural
        let intro =
            top.count < c.areas.count
            ? "The \(top.count) \(nouns) with the most unserved locations, by service class."
            : "All \(top.count) \(top.count == 1 ? c.areaNoun : nouns), ordered by unserved locations, by service class."
        flow.paragraph(intro, style: theme.body, spacingAfter: 10)
        let height = min(flow.remaining, ReportCharts.locationsByClassHeight(bars: top.count))
        let list = ReportCharts.locationsByClass(c).render(
            size: PageSize(width: flow.content.width, height: height), measurer: measurer)
        flow.page.place(list, at: PagePoint(x: flow.content.minX, y: flow.y))
        return flow.finish()[0]
    }

    // MARK: Table

    private func tablePages(_ c: ReportContent, _ theme: ReportTheme) -> [DisplayList] {
        var flow = PageFlow(theme: theme, measurer: measurer)
        flow.heading("\(c.areaNounPlural.capitalizedFirst) ranked by need")
        var intro =
            "Sorted by the share of locations that are unserved or underserved, highest first; ties by \(c.areaNoun) ID."
        if let universe = c.noInternetUniverse {
            intro += " No internet: share of \(universe) without an internet subscription (ACS)."
        }
        if c.areas.contains(where: { $0.needScore != nil }) {
            intro +=
                " Need score: 0–100, the weighted mean of the indicators' percentile ranks within the study (the method page lists them and their weights); the build plan takes areas in its order."
        }
        if c.areas.contains(where: \.noInternetUnreliable) {
            intro +=
                " †: the estimate's coefficient of variation is above 30 % (its margin of error is large against it): use with great caution."
        }
        let (rows, others) = c.rankedTableRows
        if others > 0 {
            intro +=
                " The \(ReportContent.rankedTableLimit) highest-need \(c.areaNounPlural) of \(NumberFormatting.grouped(c.areas.count)) are listed; the last row sums the other \(NumberFormatting.grouped(others)). Every \(c.areaNoun) is in results.csv, results.gpkg and atlas.html."
        }
        flow.paragraph(intro, style: theme.small, spacingAfter: 8)
        let table = AreaTable(
            rows: rows, areaNoun: c.areaNoun, noInternetOf: c.noInternetUniverse, theme: theme,
            measurer: measurer)
        table.render(into: &flow)
        return flow.finish()
    }

    // MARK: Method

    private func methodPages(_ c: ReportContent, _ theme: ReportTheme) -> [DisplayList] {
        var flow = PageFlow(theme: theme, measurer: measurer)
        flow.heading("Method")
        if !c.policyName.isEmpty {
            flow.paragraph("Policy profile: \(c.policyName)", style: theme.subheading, spacingAfter: 8)
        }
        for p in c.methodParagraphs { flow.paragraph(p, style: theme.body, spacingAfter: 8) }
        if let bc = c.businessCase { businessCaseMethod(bc, into: &flow) }
        return flow.finish()
    }

    // MARK: Data sources

    private func sourcePages(_ c: ReportContent, _ theme: ReportTheme) -> [DisplayList] {
        var flow = PageFlow(theme: theme, measurer: measurer)
        flow.heading("Data sources")
        flow.paragraph(
            "\(c.dataSources.count) input \(c.dataSources.count == 1 ? "file" : "files"). Sizes are in bytes; "
                + "SHA-256 is the digest of each file's bytes, to check that a rerun used the same inputs.",
            style: theme.small, spacingAfter: 10)
        let width = flow.content.width
        let nameStyle = TextStyle(size: 9, weight: .bold, color: ReportTheme.ink)
        let line = TextStyle(size: 8.5, color: ReportTheme.ink)
        for s in c.dataSources {
            let lines: [(String, TextStyle)] = [
                (s.fileName, nameStyle),
                ("Role: \(s.role)", line),
                ("Size: \(NumberFormatting.grouped(Int(s.sizeBytes))) bytes", line),
                ("Vintage and licence: \(s.vintageAndLicence)", line),
                ("SHA-256 \(s.sha256)", theme.mono),
            ]
            let heights = lines.map { measurer.measure($0.0, style: $0.1, width: width).height + 1.5 }
            let blockHeight = heights.reduce(0, +) + 10
            flow.ensure(blockHeight)  // a source's block never splits between pages
            for (i, l) in lines.enumerated() {
                flow.page.text(l.0, at: PagePoint(x: flow.content.minX, y: flow.y), width: width, style: l.1)
                flow.y += heights[i]
            }
            flow.y += 4
            flow.page.stroke(
                .line(from: PagePoint(x: flow.content.minX, y: flow.y), to: PagePoint(x: flow.content.maxX, y: flow.y)),
                StrokeStyle(color: ReportTheme.rule, width: 0.5))
            flow.y += 6
        }
        flow.paragraph("Run \(c.runID), Lastmile \(c.toolVersion), generated \(c.generatedDate).", style: theme.small)
        return flow.finish()
    }
}
