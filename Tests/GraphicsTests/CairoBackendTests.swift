import Foundation
import Graphics
import TestSupport
import Testing

private func sampleDocument() -> Document {
    var page1 = DisplayList(size: .letter)
    page1.append(.bookmark("Cover", level: 0))
    page1.fill(.rectangle(PageRect(x: 72, y: 72, width: 200, height: 100)), Color(hex: "#2b8cbe")!)
    page1.text("Lastmile coverage report", at: PagePoint(x: 72, y: 200), style: TextStyle(size: 18, weight: .bold))
    var page2 = DisplayList(size: .a4)
    page2.append(.bookmark("Summary", level: 0))
    page2.append(.bookmark("Totals", level: 1))
    page2.text("Second page text", at: PagePoint(x: 72, y: 72), style: TextStyle())
    var page3 = DisplayList(size: .tabloid)
    page3.text("Third page on tabloid", at: PagePoint(x: 72, y: 72), style: TextStyle())
    return Document(
        title: "Test report", author: "Lastmile tests", subject: "coverage",
        creationDate: "2026-11-28T00:00:00Z", pages: [page1, page2, page3])
}

@Test func pdfHasEveryPageAtItsSizeWithMetadataAndText() throws {
    let dir = try TemporaryDirectory()
    let path = dir.file("report.pdf")
    try PDFWriter.write(sampleDocument(), to: path)
    let info = try CommandLineRun.output("pdfinfo", [path])
    #expect(pdfinfoField(info, "Pages") == "3")
    #expect(pdfinfoField(info, "Title") == "Test report")
    #expect(pdfinfoField(info, "Author") == "Lastmile tests")
    #expect(pdfinfoField(info, "Subject") == "coverage")
    #expect(pdfinfoField(info, "Creator") == "Lastmile")
    // pdfinfo prints the pinned date; 2026-11-28 is a Saturday.
    #expect(pdfinfoField(info, "CreationDate")?.contains("Nov 28 00:00:00 2026") == true)
    // Per-page sizes: letter 612x792, A4 595.276x841.89, tabloid 792x1224.
    let sizes = try CommandLineRun.output("pdfinfo", ["-f", "1", "-l", "3", path])
    #expect(sizes.contains("Page    1 size:  612 x 792 pts (letter)"))
    #expect(sizes.contains("Page    2 size:  595.276 x 841.89 pts (A4)"))
    #expect(sizes.contains("Page    3 size:  792 x 1224 pts"))
    let text = try CommandLineRun.output("pdftotext", ["-layout", path, "-"])
    #expect(text.contains("Lastmile coverage report"))
    #expect(text.contains("Second page text"))
    #expect(text.contains("Third page on tabloid"))
    // No temporary file is left beside the output.
    #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["report.pdf"])
}

@Test func pdfOutlineListsTheBookmarks() throws {
    let dir = try TemporaryDirectory()
    let path = dir.file("report.pdf")
    try PDFWriter.write(sampleDocument(), to: path)
    // The outline is written as PDF objects with /Title entries (cairo writes them as literal strings).
    let bytes = try String(decoding: Data(contentsOf: URL(fileURLWithPath: path)), as: UTF8.self)
    for entry in ["/Outlines", "(Cover)", "(Summary)", "(Totals)"] { #expect(bytes.contains(entry), "\(entry)") }
}

@Test func pdfIsReproducibleForTheSameDocument() throws {
    let dir = try TemporaryDirectory()
    try PDFWriter.write(sampleDocument(), to: dir.file("a.pdf"))
    try PDFWriter.write(sampleDocument(), to: dir.file("b.pdf"))
    let a = try Data(contentsOf: URL(fileURLWithPath: dir.file("a.pdf")))
    let b = try Data(contentsOf: URL(fileURLWithPath: dir.file("b.pdf")))
    #expect(a == b)
}

@Test func unwritableDestinationThrowsIOWithThePath() throws {
    let dir = try TemporaryDirectory()
    let path = dir.file("missing-folder/report.pdf")
    #expect(throws: GraphicsError.self) { try PDFWriter.write(sampleDocument(), to: path) }
    do {
        try PDFWriter.write(sampleDocument(), to: path)
    } catch {
        guard case .io(let p, let message) = error else {
            Issue.record("expected .io, got \(error)")
            return
        }
        #expect(p == path)
        #expect(message.contains("error while writing to output stream"))  // cairo_status_to_string(WRITE_ERROR)
    }
    #expect(throws: GraphicsError.self) { try RasterRenderer.writePNG(sampleDocument().pages[0], to: path) }
    #expect(throws: GraphicsError.self) { try SVGWriter.write(sampleDocument().pages[0], to: dir.file("nope/x.svg")) }
}

@Test func pngPixelsShowTheFillOnAWhiteBackground() throws {
    var list = DisplayList(size: PageSize(width: 100, height: 50))
    list.fill(.rectangle(PageRect(x: 10, y: 10, width: 40, height: 20)), Color(hex: "#d7301f")!)
    let dir = try TemporaryDirectory()
    let path = dir.file("box.png")
    try RasterRenderer.writePNG(list, to: path, dpi: 144)
    let image = try RasterImage(pngFile: path)
    // 144 dpi = 2 px per point: 200 x 100 pixels.
    #expect(image.width == 200 && image.height == 100)
    // Centre of the rectangle: (30, 20) pt → (60, 40) px; #d7301f = (215, 48, 31).
    #expect(image.pixel(x: 60, y: 40).hex == "#d7301f")
    // Outside the rectangle: the painted white background, fully opaque.
    #expect(image.pixel(x: 150, y: 80).hex == "#ffffff")
    #expect(image.pixel(x: 2, y: 2).alpha == 1)
}

@Test func fillWithThousandsOfRingsRendersEveryRing() throws {
    // 100 x 60 = 6,000 unit squares 2 pt apart in one path (how maps group polygons by colour).
    var path = Path()
    for i in 0..<100 {
        for j in 0..<60 {
            path.append(.rectangle(PageRect(x: Double(i) * 2, y: Double(j) * 2, width: 1, height: 1)))
        }
    }
    #expect(path.subpathCount == 6000)
    var list = DisplayList(size: PageSize(width: 200, height: 120))
    list.fill(path, Color(hex: "#2b8cbe")!)
    let image = try RasterRenderer.render(list, scale: 4)
    // Square (i, j) covers pixels [8i, 8i+4) x [8j, 8j+4); the gap between squares stays white.
    #expect(image.pixel(x: 8 * 99 + 2, y: 8 * 59 + 2).hex == "#2b8cbe")
    #expect(image.pixel(x: 8 * 50 + 6, y: 8 * 30 + 2).hex == "#ffffff")
}

@Test func svgIsWrittenWithTheCanvasSize() throws {
    var list = DisplayList(size: PageSize(width: 300, height: 200))
    list.fill(.rectangle(PageRect(x: 0, y: 0, width: 10, height: 10)), .black)
    list.text("Hello SVG", at: PagePoint(x: 20, y: 20), style: TextStyle())
    let dir = try TemporaryDirectory()
    try SVGWriter.write(list, to: dir.file("a.svg"))
    let svg = try String(contentsOfFile: dir.file("a.svg"), encoding: .utf8)
    #expect(svg.contains("<svg"))
    #expect(svg.contains("width=\"300pt\"") || svg.contains("width=\"300\""))
}

@Test func fiftyThousandPolygonsInOnePathWriteQuickly() throws {
    // STACK-NOTES: 50,000 polygons grouped into one path per colour took 0.47 s to PDF on this machine
    // kind (26–28 s filled one by one). Allow 10x for a shared, loaded machine.
    var path = Path()
    for i in 0..<250 {
        for j in 0..<200 {
            path.addRing([
                PagePoint(x: Double(i) * 2, y: Double(j) * 2), PagePoint(x: Double(i) * 2 + 1.5, y: Double(j) * 2),
                PagePoint(x: Double(i) * 2 + 1.5, y: Double(j) * 2 + 1.5),
                PagePoint(x: Double(i) * 2, y: Double(j) * 2 + 1.5),
            ])
        }
    }
    var page = DisplayList(size: PageSize(width: 500, height: 400))
    page.fill(path, Color(hex: "#fc8d59")!)
    let dir = try TemporaryDirectory()
    let clock = ContinuousClock()
    let elapsed = try clock.measure {
        try PDFWriter.write(
            Document(title: "many", creationDate: "2026-11-28T00:00:00Z", pages: [page]), to: dir.file("many.pdf"))
    }
    #expect(elapsed < .seconds(5))
    #expect(pdfinfoField(try CommandLineRun.output("pdfinfo", [dir.file("many.pdf")]), "Pages") == "1")
}

@Test func hatchedFillShowsBackgroundAndLinesOnlyInsideThePath() throws {
    var list = DisplayList(size: PageSize(width: 100, height: 100))
    // Vertical lines (angle 90) every 10 pt, 2 pt wide, over a light grey square 20…80.
    list.fillHatched(
        .rectangle(PageRect(x: 20, y: 20, width: 60, height: 60)), background: Color(hex: "#eeeeee")!,
        line: StrokeStyle(color: .black, width: 2), spacing: 10, angle: 90)
    let image = try RasterRenderer.render(list, scale: 1)
    // Lines pass through the centre x = 50 and every 10 pt from it: x = 30, 40, 50, 60, 70.
    #expect(image.pixel(x: 50, y: 50).hex == "#000000")
    #expect(image.pixel(x: 40, y: 30).hex == "#000000")
    // Between lines: the background.
    #expect(image.pixel(x: 45, y: 50).hex == "#eeeeee")
    // Outside the square the lines are clipped away: white.
    #expect(image.pixel(x: 50, y: 10).hex == "#ffffff")
    #expect(image.pixel(x: 50, y: 90).hex == "#ffffff")
}

@Test func rewritingReplacesTheFileAtomically() throws {
    let dir = try TemporaryDirectory()
    let path = try dir.write("map.svg", "old contents")
    var list = DisplayList(size: PageSize(width: 10, height: 10))
    list.fill(.rectangle(PageRect(x: 0, y: 0, width: 5, height: 5)), .black)
    try SVGWriter.write(list, to: path)
    #expect(try String(contentsOfFile: path, encoding: .utf8).contains("<svg"))
    #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["map.svg"])
}
