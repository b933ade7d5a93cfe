import Foundation
import TestSupport
import Testing

@testable import Graphics

/// The PNG drawn in bands and the PDF's own vector prefix give the same drawing as one Cairo surface.
@Suite struct FastPathTests {
    /// A dense page: 3,000 small even-odd rings in three colours, a white stroke over them (round
    /// joins), a dashed line, then a title (text ends the vector prefix).
    static func densePage() -> DisplayList {
        var list = DisplayList(size: PageSize(width: 300, height: 200))
        list.fill(.rectangle(PageRect(x: 0, y: 0, width: 300, height: 200)), .white)
        var paths = [Path(), Path(), Path()]
        var lines = Path()
        for i in 0..<60 {
            for j in 0..<50 {
                let x = 10 + Double(i) * 4.6 + Double(j % 3) * 0.13
                let y = 20 + Double(j) * 3.4 + Double(i % 5) * 0.07
                let ring = [
                    PagePoint(x: x, y: y), PagePoint(x: x + 4.1, y: y + 0.3), PagePoint(x: x + 3.9, y: y + 3.2),
                    PagePoint(x: x + 0.2, y: y + 2.9),
                ]
                paths[(i + j) % 3].addRing(ring)
                lines.move(to: ring[0])
                for p in ring.dropFirst() { lines.line(to: p) }
            }
        }
        for (k, hex) in ["#ffffb2", "#fd8d3c", "#bd0026"].enumerated() {
            list.fill(paths[k], Color(hex: hex)!, rule: .evenOdd)
        }
        list.stroke(lines, StrokeStyle(color: .white, width: 0.4, join: .round))
        list.stroke(
            .line(from: PagePoint(x: 5, y: 195), to: PagePoint(x: 295, y: 190)),
            StrokeStyle(color: .black, width: 1.3, dash: [4, 2]))
        list.text("Share unserved", at: PagePoint(x: 10, y: 4), style: TextStyle(size: 9))
        return list
    }

    @Test func bandsDrawTheSamePixelsAsOneSurface() throws {
        let page = Self.densePage()
        let whole = try RasterRenderer.render(page, scale: 240.0 / 72)
        for bands in [2, 3, 7] {
            #expect(try RasterRenderer.render(page, scale: 240.0 / 72, bands: bands) == whole)
        }
        // PNGOutputTests' sample: translucent fill, text across a band's edge.
        let sample = PNGOutputTests.sample()
        #expect(
            try RasterRenderer.render(sample, scale: 150.0 / 72, bands: 3)
                == RasterRenderer.render(sample, scale: 150.0 / 72))
    }

    @Test func denseFillsAndStrokesAreTheVectorPrefix() {
        let page = Self.densePage()
        // Background, three fills, two strokes; the text is cairo's.
        #expect(PDFVectorPrefix.prefixLength(of: page) == 6)
        var sparse = DisplayList(size: PageSize(width: 100, height: 100))
        sparse.fill(.rectangle(PageRect(x: 0, y: 0, width: 100, height: 100)), .white)
        #expect(PDFVectorPrefix.prefixLength(of: sparse) == 0)
    }

    /// A report page: a heading, then the dense map placed in a frame below it, then a caption.
    static func reportPage(headingY: Double = 10) -> DisplayList {
        var page = DisplayList(size: PageSize(width: 400, height: 400))
        page.append(.bookmark("Coverage map", level: 0))
        page.text("Coverage map", at: PagePoint(x: 20, y: headingY), style: TextStyle(size: 14))
        page.place(densePage(), fittingIn: PageRect(x: 20, y: 50, width: 360, height: 300))
        page.text("Caption", at: PagePoint(x: 20, y: 360), style: TextStyle(size: 9))
        return page
    }

    @Test func aClippedMapUnderItsHeadingIsTheVectorRun() throws {
        let ink: (String, PagePoint, Double?, TextStyle) -> PageRect? = { s, origin, _, style in
            PageRect(x: origin.x, y: origin.y, width: Double(s.count) * style.size, height: style.size * 1.5)
        }
        let page = Self.reportPage()
        let run = try #require(PDFVectorPrefix.denseRun(of: page, inkBounds: ink))
        // Bookmark, heading, save, clip; then the map's six fills and strokes (its title is cairo's).
        #expect(run.range == 4..<10)
        #expect(run.clips.count == 1)
        #expect(PDFVectorPrefix.prefixLength(of: page) == 0)
        // A heading reaching into the map's frame, or text of unknown ink, keeps the page cairo's.
        #expect(PDFVectorPrefix.denseRun(of: Self.reportPage(headingY: 65), inkBounds: ink) == nil)
        #expect(PDFVectorPrefix.denseRun(of: page, inkBounds: { _, _, _, _ in nil }) == nil)
        // Unclipped after painted text: not taken either.
        var bare = DisplayList(size: PageSize(width: 300, height: 230))
        bare.text("Title", at: PagePoint(x: 0, y: 0), style: TextStyle(size: 9))
        for c in Self.densePage().commands { bare.append(c.translated(dx: 0, dy: 30)) }
        #expect(PDFVectorPrefix.denseRun(of: bare, inkBounds: ink) == nil)
    }

    @Test func aReportPageWithItsMapStreamDrawsAsCairoAloneDoes() throws {
        let dir = try TemporaryDirectory()
        let path = dir.file("page.pdf")
        try PDFWriter.write(
            Document(title: "page", creationDate: "2026-11-28T00:00:00Z", pages: [Self.reportPage()]), to: path)
        let bytes = try #require(FileManager.default.contents(atPath: path))
        #expect(String(decoding: bytes, as: UTF8.self).contains("/Contents [ "))
        let text = try CommandLineRun.output("pdftotext", ["-raw", path, "-"])
        #expect(text.components(separatedBy: "\n").prefix(3) == ["Coverage map", "Share unserved", "Caption"])
        // Poppler draws it pixel for pixel as the page written by cairo alone.
        let alone = dir.file("alone.pdf")
        #expect(
            try PDFWriter.write(
                Document(title: "page", creationDate: "2026-11-28T00:00:00Z", pages: [Self.reportPage()]), to: alone,
                creator: "Lastmile", ownPrefixes: false))
        for (pdf, png) in [(path, "own"), (alone, "alone")] {
            _ = try CommandLineRun.output("pdftoppm", ["-png", "-r", "144", "-singlefile", pdf, dir.file(png)])
        }
        let own = try RasterImage(pngFile: dir.file("own.png"))
        #expect(own.width == 800 && own.height == 800)
        #expect(own == (try RasterImage(pngFile: dir.file("alone.png"))))
    }

    @Test func coordinatesAreRoundedAsCairoRoundsThem() {
        func text(_ v: Double) -> String {
            var b = PDFOperatorBuffer()
            b.coordinate(v)
            return String(decoding: b.bytes, as: UTF8.self)
        }
        // cairo: to 24.8 fixed point (half to even), then three decimals.
        #expect(text(79.87890625) == "79.879")
        #expect(text(79.88) == "79.879")
        #expect(text(0) == "0")
        #expect(text(-1.5) == "-1.5")
        #expect(text(1.0 / 512) == "0")
        #expect(text(3.0 / 512) == "0.008")
        #expect(text(720) == "720")
        #expect(text(-0.001) == "0")
        var b = PDFOperatorBuffer()
        b.number(0.698039215, decimals: 6)
        #expect(String(decoding: b.bytes, as: UTF8.self) == "0.698039")
    }

    @Test func pdfWithAVectorPrefixIsOneValidPageThatPopplerDraws() throws {
        let dir = try TemporaryDirectory()
        let path = dir.file("dense.pdf")
        try PDFWriter.write(
            Document(title: "dense", creationDate: "2026-11-28T00:00:00Z", pages: [Self.densePage()]), to: path)
        let info = try CommandLineRun.output("pdfinfo", [path])
        #expect(pdfinfoField(info, "Pages") == "1")
        #expect(pdfinfoField(info, "Title") == "dense")
        let bytes = try #require(FileManager.default.contents(atPath: path))
        #expect(String(decoding: bytes, as: UTF8.self).contains("/Contents [ "))
        #expect(try CommandLineRun.output("pdftotext", [path, "-"]).contains("Share unserved"))
        // Poppler's pixels: a ring's colour inside it, white between rings, the title's ink.
        _ = try CommandLineRun.output("pdftoppm", ["-png", "-r", "144", "-singlefile", path, dir.file("dense")])
        let image = try RasterImage(pngFile: dir.file("dense.png"))
        #expect(image.width == 600 && image.height == 400)
        // Ring (i 0, j 0) spans x 10…14, y 20…23 (points): class 0, #ffffb2.
        #expect(image.pixel(x: 24, y: 43).hex == "#ffffb2")
        // Ring (i 1, j 0): class 1.
        #expect(image.pixel(x: 33, y: 43).hex == "#fd8d3c")
        #expect(image.pixel(x: 4, y: 100).hex == "#ffffff")
    }
}

extension PDFVectorPrefix {
    /// How many leading commands of `page` the writer draws itself (a run at the page's start), zero when
    /// none qualifies.
    static func prefixLength(of page: DisplayList) -> Int {
        guard let run = denseRun(of: page, inkBounds: { _, _, _, _ in nil }), run.range.lowerBound == 0 else {
            return 0
        }
        return run.range.count
    }
}
