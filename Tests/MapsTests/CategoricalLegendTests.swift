import GeoModel
import Graphics
import Testing

@testable import Maps

/// Categorical maps (build phases): legend rows carry the given class names instead of value ranges.
struct CategoricalLegendTests {
    @Test func classLabelsAndNoDataLabelReplaceRanges() throws {
        var map = ChoroplethMap(
            title: "Build phases",
            areas: ChoroplethMapTests.sixAreas().enumerated().map { i, a in
                // phases 1, 2, 3, 1, 2 and one area not built
                MapArea(id: a.id, geometry: a.geometry, value: i == 5 ? nil : Double(i % 3 + 1))
            }, scheme: .manual([1, 2, 3]), classCount: 3, palette: .blues, legendTitle: "Build phase", source: "test")
        map.classLabels = ["Phase 1 (year 0)", "Phase 2 (year 1)", "Phase 3 (year 2)"]
        map.noDataLabel = "Not built"
        let c = try map.classify()
        let legend = map.legendEntries(for: c, colors: try Palette.blues.colors(count: 3))
        #expect(legend.map(\.label) == ["Phase 1 (year 0)", "Phase 2 (year 1)", "Phase 3 (year 2)", "Not built"])
        #expect(legend.map(\.count) == [2, 2, 1, 1])
        let texts = try map.draw(size: PageSize(width: 540, height: 360), measurer: FixedAdvanceMeasurer()).displayList
            .texts
        #expect(texts.contains("Not built"))
        #expect(!texts.contains { $0.contains("1 – 2") })
    }
}
