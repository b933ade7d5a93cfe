import GeoModel
import Graphics
import TestSupport
import Testing

@testable import Maps

/// PNG goldens of a small fixed map drawn with the real font (DejaVu Sans via Pango) and Cairo.
struct MapGoldenTests {
    /// The six test areas with names, two labelled, a locator outline round them, YlOrRd 3 classes.
    static func map(palette: Palette = .ylOrRd) -> ChoroplethMap {
        var areas = ChoroplethMapTests.sixAreas()
        for i in areas.indices { areas[i].label = "A\(i + 1)" }
        let world = areas.reduce(BoundingBox.empty) { $0.union($1.geometry.boundingBox) }
        let outline = ChoroplethMapTests.square(world.minX - 8000, world.minY - 6000, 20_000)
        return ChoroplethMap(
            title: "Golden map", subtitle: "Six areas, three classes", areas: areas, classCount: 3,
            palette: palette, legendTitle: "Unserved share", source: "Source: test shapes.",
            labelCount: 4, locator: LocatorMap(outline: MultiPolygon(polygons: [outline]), caption: "County"))
    }

    static let size = PageSize(width: 360, height: 260)
    static let golden = TestPaths.repo("Tests/MapsTests/Golden/small-map.png")

    @Test func smallMapMatchesItsGolden() throws {
        try FontCheck.verifyDefaultFont()
        let drawing = try Self.map().draw(size: Self.size, measurer: PangoTextMeasurer())
        try GoldenImage.expectMatch(drawing.displayList, golden: Self.golden, dpi: 72, tolerance: .lenient)
    }

    @Test func theComparisonSeesAChangedPalette() throws {
        // The same map in Blues must fail against the YlOrRd golden: the class fills cover far more
        // than 0.5 % of the pixels.
        let drawing = try Self.map(palette: .blues).draw(size: Self.size, measurer: PangoTextMeasurer())
        let actual = try RasterRenderer.render(drawing.displayList, scale: 1)
        let golden = try RasterImage(pngFile: Self.golden)
        let outcome = GoldenImage.compare(actual, golden, tolerance: .lenient)
        #expect(outcome.sizeMatches)
        #expect(!outcome.passes)
        #expect(outcome.share > 0.05)
    }
}
