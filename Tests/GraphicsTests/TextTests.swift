import Foundation
import Graphics
import TestSupport
import Testing

@Test func defaultFontsAreTheOnesLoaded() throws {
    try FontCheck.verifyDefaultFont()
    #expect(FontCheck.loadedFamily(for: TextStyle()) == "DejaVu Sans")
    #expect(FontCheck.loadedFamily(for: TextStyle(family: "DejaVu Sans Mono")) == "DejaVu Sans Mono")
    // A family that is not installed falls back silently; the check must catch it.
    #expect(throws: GraphicsError.self) { try FontCheck.verify(family: "No Such Font Family 123") }
}

@Test func tenPointTextIsTenPoints() {
    let m = PangoTextMeasurer()
    // DejaVu Sans line height is (ascent 0.928 + descent 0.236) em = 1.164 em (hhea table) → 11.64 pt at 10 pt.
    let h = m.measure("Hg", style: TextStyle(size: 10), width: nil).height
    #expect(abs(h - 11.64) < 0.2)
    // DejaVu Sans Mono advance is 1233/2048 em = 0.602 em: 64 hex digits at 7 pt = 64 × 0.602 × 7 = 269.7 pt.
    let w = m.measure(
        String(repeating: "a", count: 64), style: TextStyle(family: "DejaVu Sans Mono", size: 7), width: nil
    ).width
    #expect(abs(w - 269.7) < 1)
}

@Test func wrappingAddsLinesAndStaysInsideTheWidth() {
    let m = PangoTextMeasurer()
    let style = TextStyle(size: 10)
    let text = "Aroostook County Unorganized Territory North and South of the River"
    let one = m.measure(text, style: style, width: nil)
    let wrapped = m.measure(text, style: style, width: 100)
    #expect(wrapped.width <= 100)
    #expect(m.lineCount(text, style: style, width: 100) >= 3)
    #expect(wrapped.height >= one.height * 3 - 0.01)
}

@Test func measuredTextFitsTheRenderedInk() throws {
    // Black text measured by the measurer; every dark pixel of the rendering lies inside the measured box.
    let m = PangoTextMeasurer()
    let style = TextStyle(size: 20)
    let size = m.measure("Width test", style: style, width: nil)
    var list = DisplayList(size: PageSize(width: 300, height: 60))
    list.text("Width test", at: PagePoint(x: 10, y: 10), style: style)
    let image = try RasterRenderer.render(list, scale: 1)
    var maxX = 0
    var minX = Int.max
    for y in 0..<image.height {
        for x in 0..<image.width where image.pixel(x: x, y: y).red < 0.5 {
            maxX = max(maxX, x)
            minX = min(minX, x)
        }
    }
    #expect(minX >= 10)
    #expect(Double(maxX) <= 10 + size.width + 1)
    #expect(Double(maxX) >= 10 + size.width - 4)  // the last glyph's ink ends near the logical width
}

@Test func snapshotDescribesCommands() {
    var list = DisplayList(size: PageSize(width: 100, height: 50))
    list.fill(.rectangle(PageRect(x: 1, y: 2, width: 3, height: 4.5)), Color(hex: "#fc8d59")!)
    list.text("A", at: PagePoint(x: 5, y: 6), width: 20, style: TextStyle(size: 8, weight: .bold))
    list.append(.bookmark("Map", level: 0))
    #expect(
        list.snapshot == """
            canvas 100x50
            fill #fc8d59 nonzero [1,2 3x4.5] subpaths=1
            text "A" at 5,6 width=20 DejaVu Sans 8 bold left #000000
            bookmark "Map" level=0
            """)
}

@Test func placeFittingScalesAndCentres() {
    var map = DisplayList(size: PageSize(width: 200, height: 100))
    map.fill(.rectangle(PageRect(x: 0, y: 0, width: 200, height: 100)), .black)
    map.text("x", at: PagePoint(x: 10, y: 10), style: TextStyle(size: 10))
    var page = DisplayList(size: .letter)
    // Box 400 x 400 at (100, 100): scale = min(400/200, 400/100) = 2 → 400 x 200, centred vertically at y = 200.
    let frame = page.place(map, fittingIn: PageRect(x: 100, y: 100, width: 400, height: 400))
    #expect(frame == PageRect(x: 100, y: 200, width: 400, height: 200))
    #expect(
        page.commands.contains(.fill(.rectangle(PageRect(x: 100, y: 200, width: 400, height: 200)), .black, .nonZero)))
    #expect(page.commands.contains(.text("x", origin: PagePoint(x: 120, y: 220), width: nil, TextStyle(size: 20))))
}
