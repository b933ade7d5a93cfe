import GeoModel
import Graphics
import Testing

@testable import Maps

/// Water, place names, graduated symbols, name-or-rank labels and diverging classes on a choropleth.
struct MapContextLayerTests {
    let size = PageSize(width: 540, height: 400)
    let measurer = FixedAdvanceMeasurer()

    /// Two 10 km squares side by side, values 1 and 2.
    func twoSquares() -> ChoroplethMap {
        ChoroplethMap(
            title: "",
            areas: [
                MapArea(
                    id: AreaID("l"), geometry: MultiPolygon(polygons: [ChoroplethMapTests.square(0, 0, 10_000)]),
                    value: 1),
                MapArea(
                    id: AreaID("r"), geometry: MultiPolygon(polygons: [ChoroplethMapTests.square(10_000, 0, 10_000)]),
                    value: 2),
            ], scheme: .manual([1, 2]), classCount: 2, legendTitle: "", source: "")
    }

    @Test func waterIsFilledInTheWaterColourClippedToTheMapFrame() throws {
        var m = twoSquares()
        // A lake inside the left square and a sea reaching beyond the areas' box.
        m.water = [
            MultiPolygon(polygons: [ChoroplethMapTests.square(2_000, 2_000, 1_000)]),
            MultiPolygon(polygons: [ChoroplethMapTests.square(-5_000, -5_000, 30_000)]),
        ]
        let drawing = try m.draw(size: size, measurer: measurer)
        let commands = drawing.displayList.commands
        let fill = try #require(
            commands.firstIndex { if case .fill(_, m.style.waterFill, .evenOdd) = $0 { true } else { false } })
        guard case .clip(let clip, .nonZero) = commands[fill - 1], case .fill(let water, _, _) = commands[fill] else {
            Issue.record("no clip before the water")
            return
        }
        #expect(clip == .rectangle(drawing.layout.mapFrame))
        #expect(Inspect.rings(water) == 2)
        #expect(commands[fill + 1] == .restore)
        // Over the class fills (drawn before it), under the area boundaries (after it).
        let classFill = try #require(
            commands.firstIndex { if case .fill(_, drawing.colors[0], _) = $0 { true } else { false } })
        let boundary = try #require(
            commands.firstIndex { if case .stroke(_, m.style.boundary) = $0 { true } else { false } })
        #expect(classFill < fill && fill < boundary)
    }

    @Test func placeNamesNeverOverlapEachOtherOrAreaLabelsAndStayInTheFrame() throws {
        var m = twoSquares()
        m.areas[0].label = "Left"
        m.labelCount = 2
        // Ten towns on one street 1 km apart: not all names fit.
        m.places = (0..<10).map { MapPlace(name: "Town \($0)", point: Point(x: 5_000 + Double($0) * 1_000, y: 5_000)) }
        let drawing = try m.draw(size: size, measurer: measurer)
        let names = drawing.displayList.commands.compactMap { c -> (String, PageRect)? in
            guard case .text(let s, let o, nil, let st) = c, s.hasPrefix("Town") else { return nil }
            let size = measurer.measure(s, style: st, width: nil)
            return (s, PageRect(x: o.x, y: o.y, width: size.width, height: size.height))
        }
        #expect(!names.isEmpty && names.count < 10)
        // Town 0's dot would sit on the area label "Left" (both at the square's centre): the area label wins.
        #expect(drawing.labels.map(\.text) == ["Left"])
        #expect(!names.contains { $0.0 == "Town 0" })
        #expect(names.first?.0 == "Town 1")
        let labels = drawing.labels.map(\.box)
        for (i, a) in names.enumerated() {
            #expect(drawing.layout.mapFrame.contains(a.1))
            for b in names[(i + 1)...] { #expect(!a.1.intersects(b.1), "\(a.0) / \(b.0)") }
            for l in labels { #expect(!a.1.intersects(l), "\(a.0) over an area label") }
        }
        // Points get a dot (a circle of 4 arcs) each.
        let dots = drawing.displayList.commands.filter {
            if case .fill(let p, let c, _) = $0, c == MapStyle.placeLabel.color {
                Inspect.curves(p) == 4
            } else {
                false
            }
        }
        #expect(dots.count == names.count)
    }

    @Test func aNameThatDoesNotFitGivesWayToTheShortLabel() throws {
        var m = twoSquares()
        m.areas[0].label = String(repeating: "Very long name ", count: 6)
        m.areas[0].shortLabel = "1"
        m.areas[1].label = "Right"
        m.areas[1].shortLabel = "2"
        m.labelCount = 2
        let labels = try m.draw(size: size, measurer: measurer).labels
        #expect(Set(labels.map(\.text)) == ["1", "Right"])
    }

    @Test func aTwoWordNameTooWideForOneLineGoesOnTwoCentredLines() throws {
        var m = twoSquares()
        // At 7 pt the fixed measurer gives 4.2 pt a character: "Piscataquis County" is 75.6 pt wide, each
        // half at most 46.2 pt; the squares draw about 50 pt wide on this canvas (checked below).
        m.areas[0].label = "Piscataquis County"
        m.areas[0].shortLabel = "1"
        m.labelCount = 1
        let drawing = try m.draw(size: PageSize(width: 300, height: 200), measurer: measurer)
        let label = try #require(drawing.labels.first)
        #expect(label.text == "Piscataquis\nCounty")
        let text = drawing.displayList.commands.compactMap { c -> (Double?, TextStyle)? in
            if case .text("Piscataquis\nCounty", _, let width, let style) = c { (width, style) } else { nil }
        }
        #expect(text.first?.1.alignment == .center)
        #expect(text.first?.0 == label.box.width + 1)
        #expect(LabelPlacer.wrapped("Block Group 1, Tract 4") == "Block Group\n1, Tract 4")
        #expect(LabelPlacer.wrapped("Aroostook") == nil)
    }

    @Test func circlesHaveAreasProportionalToTheirValuesAndTheLegendShowsThem() throws {
        var m = twoSquares()
        m.areas = m.areas.map { MapArea(id: $0.id, geometry: $0.geometry, value: nil) }
        m.symbols = ProportionalSymbols(values: [AreaID("l"): 400, AreaID("r"): 100], legendTitle: "Unserved")
        let s = try #require(m.symbols)
        #expect(s.radius(400) == s.maxRadius)
        #expect(abs(s.radius(100) - s.maxRadius / 2) < 1e-12)  // a quarter of the value, half the radius
        #expect(s.legendValues == [400, 100, 30])  // 400, 400/4, 400/16 = 25 rounded to one digit: 30
        let drawing = try m.draw(size: size, measurer: measurer)
        // No classes: the ground is one plain fill, the legend has no class rows.
        #expect(drawing.legend.isEmpty)
        #expect(
            drawing.displayList.commands.contains {
                if case .fill(_, m.style.locatorFill, _) = $0 { true } else { false }
            })
        let circles = drawing.displayList.commands.compactMap { c -> Double? in
            guard case .fill(let p, let color, _) = c, color.alpha == 0.72, Inspect.curves(p) == 4 else { return nil }
            let xs = Inspect.points(p).map(\.x)
            return (xs.max()! - xs.min()!) / 2
        }
        // Two on the map (largest first), three in the legend.
        #expect(circles.count == 5)
        #expect(abs(circles[0] - s.maxRadius) < 1e-9 && abs(circles[1] - s.maxRadius / 2) < 1e-9)
        #expect(
            drawing.displayList.commands.contains { if case .text("Unserved", _, _, _) = $0 { true } else { false } })
    }

    @Test func divergingClassesAreSymmetricRoundTheCentre() throws {
        guard case .manual(let breaks) = ClassificationScheme.diverging([-0.1, 0.05, 0.4]) else {
            Issue.record("not manual")
            return
        }
        // ±0.4 in 5 classes of 0.16: upper bounds -0.24, -0.08, 0.08, 0.24, 0.4.
        let expected = [-0.24, -0.08, 0.08, 0.24, 0.4]
        #expect(breaks.count == 5)
        for (b, e) in zip(breaks, expected) { #expect(abs(b - e) < 1e-12) }
        let c = try Classification(values: [-0.1, 0.05, 0.4], scheme: .diverging([-0.1, 0.05, 0.4]), classCount: 5)
        #expect(c.classIndex(of: 0.05) == 2)  // the neutral middle
        #expect(c.classIndex(of: -0.1) == 1)
        #expect(c.classIndex(of: 0.4) == 4)
        // RdBu-5 as ColorBrewer publishes it, its middle the near-white #f7f7f7.
        #expect(
            try Palette.rdBu.colors(count: 5).map(\.hex) == ["#ca0020", "#f4a582", "#f7f7f7", "#92c5de", "#0571b0"])
    }
}
