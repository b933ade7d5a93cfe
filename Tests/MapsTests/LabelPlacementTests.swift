import GeoModel
import Graphics
import Testing

@testable import Maps

/// Greedy labels: largest first, never overlapping, skipped when they do not fit.
struct LabelPlacementTests {
    /// A 6 × 4 grid of 10 km squares plus one 30 km square, each labelled "Area <n>".
    static func areas() -> [MapArea] {
        var out: [MapArea] = []
        for i in 0..<24 {
            let x = Double(i % 6) * 10_000
            let y = Double(i / 6) * 10_000
            out.append(
                MapArea(
                    id: AreaID(String(format2(i))), geometry: ChoroplethMapTests.square(x, y, 10_000).asShape,
                    value: Double(i), label: "Area \(i)"))
        }
        out.append(
            MapArea(
                id: AreaID("big"), geometry: ChoroplethMapTests.square(0, 40_000, 30_000).asShape,
                value: 30, label: "Big county"))
        return out
    }

    static func format2(_ i: Int) -> String { i < 10 ? "0\(i)" : "\(i)" }

    @Test func labelsNeverOverlapAndTheLargestComesFirst() throws {
        let map = ChoroplethMap(
            title: "Labels", areas: Self.areas(), legendTitle: "Value", source: "Test.", labelCount: 10)
        let drawing = try map.draw(size: PageSize(width: 540, height: 400), measurer: FixedAdvanceMeasurer())
        let labels = drawing.labels
        #expect(!labels.isEmpty && labels.count <= 10)
        #expect(labels.first?.text == "Big county")
        for i in labels.indices {
            for j in labels.indices where i < j {
                #expect(!labels[i].box.intersects(labels[j].box), "\(labels[i].text) / \(labels[j].text)")
            }
            let f = drawing.layout.mapFrame
            #expect(labels[i].box.minX >= f.minX && labels[i].box.maxX <= f.maxX)
            #expect(labels[i].box.minY >= f.minY && labels[i].box.maxY <= f.maxY)
        }
        // Every placed label is drawn as text at its box's corner.
        for label in labels {
            #expect(
                drawing.displayList.commands.contains { c in
                    if case .text(label.text, let o, nil, _) = c {
                        return o == PagePoint(x: label.box.minX, y: label.box.minY)
                    }
                    return false
                })
        }
    }

    @Test func aLabelCollidingWithALargerAreasLabelIsSkipped() throws {
        // Two shapes whose label points are 1.5 km apart (a 30 km and a 29 km square, offset by 1.5 km):
        // both labels fit their shapes, but they would overlap, so only the larger area's is set. A third,
        // far away, is labelled too.
        let areas = [
            MapArea(
                id: AreaID("b"), geometry: ChoroplethMapTests.square(1_500, 1_500, 29_000).asShape, value: 1,
                label: "Second"),
            MapArea(
                id: AreaID("a"), geometry: ChoroplethMapTests.square(0, 0, 30_000).asShape, value: 2, label: "First"),
            MapArea(
                id: AreaID("c"), geometry: ChoroplethMapTests.square(100_000, 0, 20_000).asShape, value: 3,
                label: "Third"),
        ]
        let map = ChoroplethMap(title: "", areas: areas, legendTitle: "", source: "", labelCount: 5)
        let drawing = try map.draw(size: PageSize(width: 540, height: 300), measurer: FixedAdvanceMeasurer())
        #expect(drawing.labels.map(\.text) == ["First", "Third"])
    }

    @Test func labelsWiderThanTheirAreaAreSkipped() throws {
        // On a 300 pt canvas the 10 km squares are about 25 pt wide, and "Area 12" at 7 pt with the
        // fixed measurer is 7 × 0.6 × 7 = 29.4 pt: none fits; "Big county" (42 pt) fits the 3× wider square.
        // One word each ("Area_12"), so that no label can be set on two lines instead.
        let oneWord = Self.areas().map {
            var a = $0
            a.label = a.label?.replacingOccurrences(of: " ", with: "_")
            return a
        }
        let map = ChoroplethMap(title: "", areas: oneWord, legendTitle: "", source: "", labelCount: 30)
        let drawing = try map.draw(size: PageSize(width: 300, height: 300), measurer: FixedAdvanceMeasurer())
        let scale = try #require(drawing.projection).scale
        #expect(10_000 * scale < 29.4)
        #expect(drawing.labels.map(\.text) == ["Big_county"])
        // With their spaces, the names fit on two lines ("Area\n12": 16.8 pt wide, two lines of 8.4 pt).
        var twoWords = map
        twoWords.areas = Self.areas()
        let wrapped = try twoWords.draw(size: PageSize(width: 300, height: 300), measurer: FixedAdvanceMeasurer())
        #expect(wrapped.labels.first?.text == "Big county")
        #expect(wrapped.labels.dropFirst().allSatisfy { $0.text.hasPrefix("Area\n") })
        #expect(wrapped.labels.count == 25)
    }

    @Test func noLabelsUnlessAsked() throws {
        let map = ChoroplethMap(title: "", areas: Self.areas(), legendTitle: "", source: "")
        let drawing = try map.draw(size: PageSize(width: 540, height: 400), measurer: FixedAdvanceMeasurer())
        #expect(drawing.labels.isEmpty)
        #expect(!drawing.displayList.texts.contains("Big county"))
    }

    @Test func whiteTextOnDarkFillsBlackOnLight() {
        #expect(MapStyle.labelColor(on: Color(hex: "#bd0026")!) == .white)  // YlOrRd darkest
        #expect(MapStyle.labelColor(on: Color(hex: "#ffffb2")!) != .white)  // YlOrRd lightest
    }
}

extension Polygon {
    var asShape: MultiPolygon { MultiPolygon(polygons: [self]) }
}
