import Foundation
import TestSupport
import Testing

@testable import Graphics

/// SVG files do not depend on what else the process drew before (cairo-svg's surface numbers).
@Suite struct SVGOutputTests {
    @Test func surfaceNamesAreRenumberedInOrderOfAppearance() {
        let svg = ##"<g id="surface146"><use xlink:href="#surface150"/></g><g id="surface150"/> surface7 "surface""##
        // Ids and references after `"` or `#` are renumbered; "surface7" after a space and a bare
        // "surface" without digits stay as they are.
        let expected = ##"<g id="surface1"><use xlink:href="#surface2"/></g><g id="surface2"/> surface7 "surface""##
        #expect(String(decoding: SVGWriter.stableSurfaceNames(Array(svg.utf8)), as: UTF8.self) == expected)
    }

    @Test func sameDrawingSameBytesAfterOtherRendering() throws {
        var list = DisplayList(size: PageSize(width: 100, height: 50))
        list.fill(.rectangle(PageRect(x: 10, y: 10, width: 40, height: 20)), Color(hex: "#d7301f")!)
        list.text("Tract 4", at: PagePoint(x: 5, y: 5), style: TextStyle(size: 9))
        let dir = try TemporaryDirectory()
        try SVGWriter.write(list, to: dir.file("a.svg"))
        // Other Cairo surfaces in between advance cairo's surface counter.
        _ = try RasterRenderer.render(list, scale: 2)
        try PDFWriter.write(
            Document(title: "x", creationDate: "2026-11-28T00:00:00Z", pages: [list]), to: dir.file("x.pdf"))
        try SVGWriter.write(list, to: dir.file("b.svg"))
        let a = try #require(FileManager.default.contents(atPath: dir.file("a.svg")))
        #expect(a == FileManager.default.contents(atPath: dir.file("b.svg")))
        let text = String(decoding: a, as: UTF8.self)
        #expect(text.contains(#"<g id="surface1">"#))
        #expect(text.hasPrefix("<?xml") && text.contains(#"width="100pt" height="50pt""#))
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted() == ["a.svg", "b.svg", "x.pdf"])
    }
}
