import Foundation
import Graphics
import Testing

/// Display lists survive JSON (report-content.json) unchanged, so a stored run redraws exactly.
@Suite struct DisplayListCodingTests {
    @Test func pathDataIsCompactAndRoundTripsExactly() throws {
        var p = Path()
        p.move(to: PagePoint(x: 0.1, y: 1e-7))
        p.line(to: PagePoint(x: 540, y: -3.25))
        p.curve(to: PagePoint(x: 1, y: 2), control1: PagePoint(x: 3, y: 4), control2: PagePoint(x: 5, y: 6))
        p.close()
        // Written by hand: the control points come first in a curve element, as Path stores them.
        #expect(p.pathData == "M 0.1 1e-07 L 540.0 -3.25 C 3.0 4.0 5.0 6.0 1.0 2.0 Z")
        #expect(Path(pathData: p.pathData) == p)
        // 0.1 + 0.2 has no short decimal form; the shortest round-trip text must still give the same bits.
        let odd = Path.line(from: PagePoint(x: 0.1 + 0.2, y: 1.0 / 3.0), to: PagePoint(x: .pi, y: 2e300))
        #expect(Path(pathData: odd.pathData) == odd)
        #expect(Path(pathData: "M 1 2 Q 3 4") == nil)
        #expect(Path(pathData: "M 1") == nil)
    }

    @Test func displayListRoundTripsThroughJSON() throws {
        var list = DisplayList(size: PageSize(width: 540, height: 560))
        list.append(.bookmark("Map", level: 1))
        list.fill(.rectangle(PageRect(x: 10, y: 20, width: 30.5, height: 40)), Color(hex: "#bd0026")!, rule: .evenOdd)
        list.stroke(
            .line(from: PagePoint(x: 0, y: 0), to: PagePoint(x: 5, y: 5)),
            StrokeStyle(color: .black.withAlpha(0.5), width: 0.75, dash: [4, 2], cap: .round, join: .bevel))
        list.append(.save)
        list.append(.clip(.rectangle(PageRect(x: 0, y: 0, width: 100, height: 100)), .nonZero))
        list.text(
            "Block Group 4, Tract 6 — ünïcode", at: PagePoint(x: 12, y: 14), width: 80,
            style: TextStyle(size: 7.5, weight: .bold, italic: true, color: .white, alignment: .center))
        list.text("no width", at: PagePoint(x: 1, y: 2), style: TextStyle())
        list.append(.restore)
        let data = try JSONEncoder().encode(list)
        let back = try JSONDecoder().decode(DisplayList.self, from: data)
        #expect(back == list)
        #expect(back.commands.count == 8)
        // The path is stored as path data, not as a keyed array of elements.
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.contains("\"M 10.0 20.0 L 40.5 20.0 L 40.5 60.0 L 10.0 60.0 Z\""))
    }
}
