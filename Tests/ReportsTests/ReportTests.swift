import Charts
import Foundation
import GeoModel
import Graphics
import Reports
import TestSupport
import Testing

@Test func sampleReportHasEverySectionAndPageNumbers() throws {
    let dir = try TemporaryDirectory()
    let path = dir.file("report.pdf")
    let content = sampleContent(areas: syntheticAreas(16))
    try ReportWriter.writePDF(content, to: path)
    keepForInspection(path, as: "sample-letter.pdf")
    // cover, summary, map, chart, table (16 rows fit one page), method, data sources = 7 pages.
    #expect(try pdfPageCount(path) == 7)
    let all = try CommandLineRun.output("pdftotext", ["-layout", path, "-"])
    for heading in [
        "Summary", "Coverage map", "Locations by service class", "Tracts ranked by need", "Method", "Data sources",
    ] {
        #expect(all.contains(heading), "missing section \(heading)")
    }
    #expect(all.contains("SYNTHETIC DATA"))
    for n in 1...7 { #expect(try pageText(path, page: n).contains("Page \(n) of 7")) }
    #expect(all.contains(content.dataSources[0].sha256))
    #expect(all.contains("12,345,678 bytes"))
    #expect(all.contains("Washington County, Maine"))
    // The fonts embedded are the DejaVu faces asked for, nothing substituted (pdffonts lists subsets as XXXXXX+Name).
    let fonts = try CommandLineRun.output("pdffonts", [path])
    #expect(fonts.contains("+DejaVuSans ") || fonts.contains("+DejaVuSans\n"))
    #expect(fonts.contains("+DejaVuSans-Bold"))
    #expect(fonts.contains("+DejaVuSansMono"))
    let families = fonts.split(separator: "\n").dropFirst(2).compactMap { $0.split(separator: " ").first }
    #expect(families.allSatisfy { $0.contains("+DejaVuSans") }, "unexpected font: \(fonts)")
    // Same content, same bytes (metadata dates pinned).
    try ReportWriter.writePDF(content, to: dir.file("again.pdf"))
    #expect(
        try Data(contentsOf: URL(fileURLWithPath: path))
            == Data(contentsOf: URL(fileURLWithPath: dir.file("again.pdf"))))
    // Bookmarks: one outline entry per section (cairo writes outline titles as PDF strings).
    let bytes = String(decoding: try Data(contentsOf: URL(fileURLWithPath: path)), as: UTF8.self)
    for title in ["Cover", "Summary", "Coverage map", "Method", "Data sources"] {
        #expect(bytes.contains("/Title (\(title))"), "no bookmark \(title)")
    }
}

@Test func syntheticNoticeOnlyWhenFlagged() throws {
    let m = PangoTextMeasurer()
    let flagged = ReportBuilder(measurer: m).document(for: sampleContent(areas: syntheticAreas(5), synthetic: true))
    let real = ReportBuilder(measurer: m).document(for: sampleContent(areas: syntheticAreas(5), synthetic: false))
    #expect(flagged.pages[0].texts.contains(ReportContent.defaultSyntheticNotice))
    #expect(!real.pages[0].texts.contains(ReportContent.defaultSyntheticNotice))
    #expect(!real.pages.contains { $0.texts.contains("SYNTHETIC DATA") })
}

@Test func tableOf120AreasRepeatsHeaderListsTheTop100AndSumsTheRest() throws {
    let dir = try TemporaryDirectory()
    let path = dir.file("report.pdf")
    let areas = syntheticAreas(120)
    let content = sampleContent(areas: areas)
    let document = ReportBuilder(measurer: PangoTextMeasurer()).document(for: content)
    try ReportWriter.write(document, to: path)
    keepForInspection(path, as: "areas-120-letter.pdf")
    let pageCount = try #require(try pdfPageCount(path))
    #expect(pageCount == document.pages.count)
    // Table pages: those whose text holds the header's "Underserved" and a rank column.
    var tablePages: [Int] = []
    var idsInOrder: [String] = []
    for n in 1...pageCount {
        let text = try pageText(path, page: n)
        #expect(text.contains("Page \(n) of \(pageCount)"))
        let rows = text.split(separator: "\n").filter {
            $0.range(of: #"^\s*\d+\s+230\d{8}\s"#, options: .regularExpression) != nil
        }
        if rows.isEmpty { continue }
        tablePages.append(n)
        #expect(
            text.contains("Rank") && text.contains("Median") && text.contains("Locations"),
            "header missing on page \(n)")
        idsInOrder += rows.map { String($0.split(separator: " ", omittingEmptySubsequences: true)[1]) }
    }
    // 120 rows cannot fit one Letter page (≈ 12 pt per row, ≈ 670 pt of content): at least 3 table pages,
    // consecutive, after cover/summary/map/chart (pages 1–4), followed by method and sources.
    #expect(tablePages.count >= 3)
    #expect(tablePages.first == 5)
    #expect(tablePages == Array(5..<(5 + tablePages.count)))
    #expect(pageCount == 4 + tablePages.count + 2)
    // The top 100 exactly once, in ranked order (share of unserved+underserved descending, then id),
    // then one row summing the other 20, without a rank.
    #expect(idsInOrder == content.rankedAreas.prefix(ReportContent.rankedTableLimit).map(\.id))
    let rest = content.rankedAreas.dropFirst(ReportContent.rankedTableLimit)
    #expect(rest.count == 20)
    let all = try CommandLineRun.output("pdftotext", ["-layout", path, "-"])
    let sumLine = try #require(all.split(separator: "\n").first { $0.contains("The other 20") })
    let afterName = sumLine.components(separatedBy: "The other 20").last!
    let numbers = afterName.split(separator: " ").compactMap { Int($0.replacingOccurrences(of: ",", with: "")) }
    #expect(
        Array(numbers.prefix(4)) == [
            rest.reduce(0) { $0 + $1.locations }, rest.reduce(0) { $0 + $1.unserved },
            rest.reduce(0) { $0 + $1.underserved }, rest.reduce(0) { $0 + $1.served },
        ])
    let words = all.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    #expect(words.contains("The 100 highest-need tracts of 120 are listed; the last row sums the other 20."))
}

@Test func rankingIsByNeedShareThenID() {
    let rows = [
        ReportContent.AreaRow(id: "B", name: "b", locations: 100, unserved: 10, underserved: 10, served: 80),  // 20%
        ReportContent.AreaRow(id: "A", name: "a", locations: 10, unserved: 1, underserved: 1, served: 8),  // 20%
        ReportContent.AreaRow(id: "C", name: "c", locations: 4, unserved: 3, underserved: 0, served: 1),  // 75%
        ReportContent.AreaRow(id: "D", name: "d", locations: 0, unserved: 0, underserved: 0, served: 0),  // 0%
    ]
    let c = sampleContent(areas: rows)
    #expect(c.rankedAreas.map(\.id) == ["C", "A", "B", "D"])
    #expect(c.topAreasByUnserved(2).map(\.id) == ["B", "C"])
}

@Test func summaryParagraphIsGeneratedFromTheNumbers() {
    let rows = [
        ReportContent.AreaRow(id: "1", name: "Machias", locations: 1000, unserved: 120, underserved: 80, served: 800),
        ReportContent.AreaRow(id: "2", name: "Lubec", locations: 500, unserved: 300, underserved: 50, served: 150),
        ReportContent.AreaRow(id: "3", name: "Eastport", locations: 400, unserved: 40, underserved: 0, served: 360),
        ReportContent.AreaRow(id: "4", name: "Calais", locations: 900, unserved: 200, underserved: 100, served: 600),
        ReportContent.AreaRow(id: "5", name: "Perry", locations: 100, unserved: 0, underserved: 0, served: 100),
    ]
    let text = SummaryText.paragraphs(for: sampleContent(areas: rows)).joined(separator: " ")
    // Totals: 2,900 locations; unserved 660 (22.8%), underserved 230 (7.9%), served 2,010 (69.3%); need 890/2,900 = 30.7%.
    #expect(text.contains("2,900 broadband-serviceable locations in 5 tracts"))
    #expect(text.contains("660 (22.8%) are unserved"))
    #expect(text.contains("230 (7.9%)"))
    #expect(text.contains("30.7% of locations"))
    // Top three by unserved: Lubec 300, Calais 200, Machias 120 = 620 of 660 = 93.9%.
    #expect(text.contains("Lubec (300), Calais (200) and Machias (120)"))
    #expect(text.contains("93.9% of all unserved"))
    // Highest need share: Lubec 350/500 = 70.0%; one tract (Perry) has none.
    #expect(text.contains("Lubec (70.0% of 500 locations)"))
    #expect(text.contains("One tract has none"))
    // Lubec, Calais, Machias, Eastport have unserved locations; Perry does not: 4 of 5.
    #expect(text.contains("In all, 4 of 5 tracts have at least one unserved location"))
}

@Test func unwritableOutputPathIsAnIOError() throws {
    let dir = try TemporaryDirectory()
    let path = dir.file("no/such/dir/report.pdf")
    do {
        try ReportWriter.writePDF(sampleContent(areas: syntheticAreas(3)), to: path)
        Issue.record("expected an error")
    } catch {
        guard case .io(let p, let message) = error else {
            Issue.record("expected .io, got \(error)")
            return
        }
        #expect(p == path)
        #expect(message.contains("cairo_pdf_surface_create"))
        #expect(error.exitCode == 74)
    }
}

@Test func paperSizesAreSelectable() throws {
    let dir = try TemporaryDirectory()
    for (paper, size) in [
        (PaperSize.a4, "595.276 x 841.89 pts (A4)"), (.tabloid, "792 x 1224 pts"), (.letter, "612 x 792 pts (letter)"),
    ] {
        let path = dir.file("\(paper.rawValue).pdf")
        try ReportWriter.writePDF(sampleContent(areas: syntheticAreas(30)), paper: paper, to: path)
        keepForInspection(path, as: "areas-30-\(paper.rawValue).pdf")
        let info = try CommandLineRun.output("pdfinfo", [path])
        #expect(
            info.contains("Page size:      \(size)") || info.contains("Page size:       \(size)"), "\(paper): \(info)")
    }
}

@Test func noTextLeavesItsPageOrOverlapsTheFooter() {
    let m = PangoTextMeasurer()
    for paper in PaperSize.allCases {
        let document = ReportBuilder(measurer: m).document(for: sampleContent(areas: syntheticAreas(120)), paper: paper)
        let margin = 54.0
        for (n, page) in document.pages.enumerated() {
            let footerTop = page.size.height - 40
            for c in page.commands {
                guard case .text(let s, let o, let width, let style) = c else { continue }
                let size = m.measure(s, style: style, width: width)
                let isFooter = abs(o.y - footerTop) < 0.01
                #expect(o.x >= margin - 0.01, "page \(n + 1) \(paper): '\(s)' starts left of the margin")
                #expect(
                    o.x + (width ?? size.width) <= page.size.width - margin + 0.01,
                    "page \(n + 1) \(paper): '\(s)' box passes the margin")
                #expect(size.width <= (width ?? size.width) + 0.01, "page \(n + 1) \(paper): '\(s)' wider than its box")
                if !isFooter {
                    #expect(
                        o.y + size.height <= page.size.height - margin + 0.01,
                        "page \(n + 1) \(paper): '\(s)' runs into the footer")
                }
            }
        }
    }
}

@Test func tableNumbersAreRightAlignedAndGrouped() {
    let rows = [
        ReportContent.AreaRow(
            id: "23029950100", name: "Big", locations: 12_345, unserved: 1_234, underserved: 0, served: 11_111)
    ]
    let document = ReportBuilder(measurer: PangoTextMeasurer()).document(for: sampleContent(areas: rows))
    let table = document.pages.first { $0.texts.contains("Rank") }!
    let numbers = table.commands.compactMap { c -> (String, TextAlignment)? in
        if case .text(let s, _, _, let st) = c, ["12,345", "1,234", "11,111", "10.0%"].contains(s) {
            (s, st.alignment)
        } else {
            nil
        }
    }
    // 1,234 / 12,345 = 0.09996 → 10.0%.
    #expect(numbers.count == 4)
    #expect(numbers.allSatisfy { $0.1 == .right })
}

@Test func emptyStudyStillRenders() throws {
    let dir = try TemporaryDirectory()
    let path = dir.file("empty.pdf")
    var content = sampleContent(areas: [])
    content.map = nil
    content.dataSources = []
    try ReportWriter.writePDF(content, to: path)
    // cover, summary, chart, table (header only), method, sources: 6 pages (no map page without a map).
    #expect(try pdfPageCount(path) == 6)
    #expect(
        try CommandLineRun.output("pdftotext", ["-layout", path, "-"]).contains(
            "0 broadband-serviceable locations in 0 tracts"))
}
