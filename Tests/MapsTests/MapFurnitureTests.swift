import GeoModel
import Graphics
import Testing

@testable import Maps

/// Locator map, water-only areas and attribution lines.
struct MapFurnitureTests {
    let measurer = FixedAdvanceMeasurer()

    @Test func locatorSitsUnderTheLegendAndShowsTheStudyExtent() throws {
        let areas = ChoroplethMapTests.sixAreas()
        let world = areas.reduce(BoundingBox.empty) { $0.union($1.geometry.boundingBox) }
        let outline = ChoroplethMapTests.square(world.minX - 50_000, world.minY - 50_000, 100_000)
        let map = ChoroplethMap(
            title: "Locator", areas: areas, legendTitle: "Share", source: "Test.",
            locator: LocatorMap(outline: MultiPolygon(polygons: [outline]), caption: "Test County"))
        let drawing = try map.draw(size: PageSize(width: 540, height: 400), measurer: measurer)
        let rect = try #require(drawing.layout.locator)
        #expect(rect.minY >= drawing.layout.legend.maxY)
        #expect(rect.minX == drawing.layout.legend.minX)
        #expect(!rect.intersects(drawing.layout.mapFrame))
        #expect(drawing.displayList.texts.contains("Test County"))
        // The study extent: a red rectangle whose side is the study box at the locator's scale. The
        // outline is 100 km and the study box 5 km wide, so the red box is a twentieth of the outline's width.
        let red = Inspect.strokes(drawing.displayList).filter { $0.1.color == Color(hex: "#e41a1c")! }
        #expect(red.count == 1)
        let outlineFill = drawing.displayList.commands.compactMap { c -> Path? in
            if case .fill(let p, Color(hex: "#f0f0f0")!, .evenOdd) = c { return p }
            return nil
        }
        let outlineBox = try #require(outlineFill.first?.bounds)
        let extent = try #require(red.first?.0.bounds)
        // Both boxes' sides are multiples of a step of the page coordinates: equal to a step.
        #expect(abs(extent.width - outlineBox.width * 5_000.0 / 100_000.0) <= 1.5 / MapProjection.stepsPerPoint)
    }

    @Test func noLocatorWithoutAnOutline() throws {
        let map = ChoroplethMap(title: "", areas: ChoroplethMapTests.sixAreas(), legendTitle: "", source: "")
        #expect(try map.draw(size: PageSize(width: 540, height: 400), measurer: measurer).layout.locator == nil)
    }

    @Test func waterAreasAreNeitherClassifiedNorNoData() throws {
        var areas = ChoroplethMapTests.sixAreas()
        areas[0].isWater = true  // a1 (value .1) becomes water
        let map = ChoroplethMap(title: "", areas: areas, classCount: 2, legendTitle: "", source: "")
        let drawing = try map.draw(size: PageSize(width: 540, height: 400), measurer: measurer)
        // Values left: .2 .3 .4 .5 → 2 quantile classes (bins .35, .5); a6 has no data.
        #expect(drawing.classification.counts == [2, 2])
        #expect(drawing.areaClasses[0] == nil)
        #expect(drawing.legend.map(\.label).suffix(2) == ["No data", "Water only"])
        #expect(drawing.legend.map(\.count).suffix(2) == [1, 1])
        let water = Inspect.evenOddFills(drawing.displayList).filter { $0.1 == Color(hex: "#deebf7")! }
        #expect(water.count == 1 && water.first.map { Inspect.rings($0.0) } == 1)
    }

    @Test func ooklaAttributionIsAppendedToTheSourceLine() {
        let line = MapAttribution.joined("Source: FCC BDC June 2024.", adding: [MapAttribution.ookla])
        #expect(line.hasPrefix("Source: FCC BDC June 2024. Speedtest® by Ookla®"))
        #expect(line.contains("CC BY-NC-SA 4.0"))
    }

    @Test func aClassOfOneValueReadsAsThatValue() throws {
        var areas = ChoroplethMapTests.sixAreas()
        for i in 0..<3 { areas[i].value = 0 }
        let map = ChoroplethMap(
            title: "", areas: areas, classCount: 2, valueFormat: .number(decimals: 0, unit: nil),
            legendTitle: "", source: "")
        let drawing = try map.draw(size: PageSize(width: 540, height: 400), measurer: measurer)
        // Values 0 0 0 .4 .5 → quantile bins: p50 idx 2 → 0; p100 → .5.
        #expect(drawing.legend.first?.label == "0")
    }
}
