import GeoModel
import Graphics
import Testing

@testable import Maps

/// Maps without one scale (insets, or wider than `largestSpanForOneScale`), group outlines (state lines)
/// and inset frames sized by what they show.
struct NationalMapTests {
    let measurer = FixedAdvanceMeasurer()
    let size = PageSize(width: 720, height: 480)

    static func square(_ x: Double, _ y: Double, _ side: Double) -> MultiPolygon {
        MultiPolygon(polygons: [ChoroplethMapTests.square(x, y, side)])
    }

    /// Two areas side by side whose boxes together span `width` metres.
    static func pair(width: Double) -> ChoroplethMap {
        let side = width / 2
        return ChoroplethMap(
            title: "Pair",
            areas: [
                MapArea(id: AreaID("a"), geometry: square(0, 0, side), value: 1),
                MapArea(id: AreaID("b"), geometry: square(side, 0, side), value: 2),
            ], scheme: .manual([1, 2]), classCount: 2, legendTitle: "V", source: "Test.")
    }

    /// The straight segments of a path of moves and lines.
    static func segmentList(_ path: Path) -> [(PagePoint, PagePoint)] {
        var out: [(PagePoint, PagePoint)] = []
        var last: PagePoint?
        for e in path.elements {
            switch e {
            case .move(let q): last = q
            case .line(let q):
                if let l = last { out.append((l, q)) }
                last = q
            default: last = nil
            }
        }
        return out
    }

    static func contains(_ r: PageRect, _ q: PagePoint, slack: Double = 1e-6) -> Bool {
        q.x >= r.minX - slack && q.x <= r.maxX + slack && q.y >= r.minY - slack && q.y <= r.maxY + slack
    }

    static func strokes(_ list: DisplayList, _ style: StrokeStyle) -> [Path] {
        list.commands.compactMap { if case .stroke(let p, let s) = $0, s == style { p } else { nil } }
    }

    @Test func mapsUpToTheSpanKeepTheirScaleBarsAndNorthArrow() throws {
        let limit = ChoroplethMap.largestSpanForOneScale
        let under = try Self.pair(width: limit - 1_000).draw(size: size, measurer: measurer)
        #expect(under.scaleBars.map(\.unit) == [.kilometres, .miles])
        #expect(under.displayList.texts.contains("N"))
        #expect(under.layout.scaleNote == nil && under.layout.northArrow.width > 0)

        var wide = Self.pair(width: limit + 1_000)
        wide.projectionName = "Albers equal-area conic (EPSG:5070)"
        let over = try wide.draw(size: size, measurer: measurer)
        #expect(over.scaleBars.isEmpty)
        #expect(!over.displayList.texts.contains("N"))
        #expect(!over.displayList.texts.contains { $0.hasSuffix(" km") || $0.hasSuffix(" mi") })
        #expect(Self.strokes(over.displayList, MapStyle.standard.furniture).isEmpty)
        #expect(
            over.displayList.texts.contains(
                "Albers equal-area conic (EPSG:5070); scale and north vary across this map, so it has no scale bar or north arrow."
            ))
        // The layout keeps its fields: the bars and arrow are empty boxes at the note's top left, the note
        // lies between the map and the source line.
        let note = try #require(over.layout.scaleNote)
        #expect(over.layout.scaleBar.width == 0 && over.layout.scaleBar.height == 0)
        #expect(over.layout.northArrow.width == 0 && over.layout.scaleBar.minY == note.minY)
        #expect(note.minY >= over.layout.mapFrame.maxY && note.maxY <= over.layout.source.minY)
    }

    @Test func aMapWithInsetsHasNoScaleBarEvenWhenSmall() throws {
        // Hawaii's main islands (600 km) with the northwestern chain in an inset: two scales.
        var areas = [MapArea(id: AreaID("main"), geometry: Self.square(0, 0, 300_000), value: 1)]
        areas.append(MapArea(id: AreaID("far"), geometry: Self.square(-900_000, 500_000, 20_000), value: 2))
        let map = ChoroplethMap(
            title: "", areas: areas, scheme: .manual([1, 2]), classCount: 2, legendTitle: "", source: "",
            insets: [MapInset(title: "Far", areaIDs: [AreaID("far")], scale: 0.5)])
        #expect(!map.hasOneScale)
        let drawing = try map.draw(size: size, measurer: measurer)
        #expect(drawing.scaleBars.isEmpty && !drawing.displayList.texts.contains("N"))
        #expect(
            drawing.displayList.texts.contains(
                "The inset has its own projection and scale, so the map has no scale bar or north arrow."))
    }

    @Test func groupOutlineIsTheEdgesBetweenGroupsAndTheOuterEdge() throws {
        // Three squares in a row: a and b in group 23, c in group 33. Of the 10 distinct edges, a|b is
        // inside a group: 9 are drawn; b|c is among them.
        let areas = [
            MapArea(id: AreaID("a"), geometry: Self.square(0, 0, 1000), value: 1, group: "23"),
            MapArea(id: AreaID("b"), geometry: Self.square(1000, 0, 1000), value: 1, group: "23"),
            MapArea(id: AreaID("c"), geometry: Self.square(2000, 0, 1000), value: 2, group: "33"),
        ]
        var map = ChoroplethMap(
            title: "", areas: areas, scheme: .manual([1, 2]), classCount: 2, legendTitle: "", source: "")
        map.drawsGroupBoundaries = true
        let drawing = try map.draw(size: size, measurer: measurer)
        let lines = Self.strokes(drawing.displayList, MapStyle.standard.groupBoundary)
        #expect(lines.count == 1)
        let outline = try #require(lines.first)
        #expect(SharedBoundariesTests.segments(outline) == 9)
        let p = try #require(drawing.projection)
        func has(_ a: Point, _ b: Point) -> Bool {
            let (u, v) = (p.project(a), p.project(b))
            return Self.segmentList(outline).contains { s in
                let same = { (x: PagePoint, y: PagePoint) in abs(x.x - y.x) < 1e-6 && abs(x.y - y.y) < 1e-6 }
                return (same(s.0, u) && same(s.1, v)) || (same(s.0, v) && same(s.1, u))
            }
        }
        #expect(has(Point(x: 2000, y: 0), Point(x: 2000, y: 1000)))  // b|c, the state line
        #expect(!has(Point(x: 1000, y: 0), Point(x: 1000, y: 1000)))  // a|b, inside one state
        #expect(has(Point(x: 0, y: 0), Point(x: 1000, y: 0)))  // the outer edge
        // Without groups only the outer edge: 8 edges. Drawn over the white boundaries.
        var plain = map
        plain.areas = areas.map {
            var a = $0; a.group = nil; return a
        }
        let ungrouped = try plain.draw(size: size, measurer: measurer)
        let outer = try #require(Self.strokes(ungrouped.displayList, MapStyle.standard.groupBoundary).first)
        #expect(SharedBoundariesTests.segments(outer) == 8)
        let commands = drawing.displayList.commands
        let white = try #require(
            commands.firstIndex { if case .stroke(_, MapStyle.standard.boundary) = $0 { true } else { false } })
        let dark = try #require(
            commands.firstIndex { if case .stroke(_, MapStyle.standard.groupBoundary) = $0 { true } else { false } })
        #expect(white < dark)
        // Off by default.
        map.drawsGroupBoundaries = false
        #expect(
            Self.strokes(try map.draw(size: size, measurer: measurer).displayList, MapStyle.standard.groupBoundary)
                .isEmpty)
    }

    @Test func groupOutlinesAreDrawnInEveryFrameInsideIt() throws {
        var items = USInsetLayoutTests.usAreas()
        for i in items.indices { items[i].area.group = String(items[i].area.id.rawValue.prefix(2)) }
        let a = USInsetLayout.arrange(items, reprojectMain: true)
        var map = ChoroplethMap(title: "US", areas: a.areas, legendTitle: "Share", source: "Test.", insets: a.insets)
        map.drawsGroupBoundaries = true
        let drawing = try map.draw(size: size, measurer: measurer)
        let lines = Self.strokes(drawing.displayList, MapStyle.standard.groupBoundary)
        // Main map, Alaska, Hawaii, Puerto Rico.
        #expect(lines.count == 4)
        let frames = drawing.layout.insets
        for (path, frame) in zip(lines.dropFirst(), frames) {
            for q in Inspect.points(path) { #expect(Self.contains(frame, q)) }
        }
        for q in Inspect.points(lines[0]) { #expect(!frames.contains { Self.contains($0, q, slack: 0) }) }
    }

    /// An inset holding one large square and a chain of `count` small squares running east from it.
    static func chain(count: Int, step: Double, side: Double = 10_000) -> [MapArea] {
        var areas = [MapArea(id: AreaID("big"), geometry: square(0, 0, 1_000_000), value: 1)]
        let parts = (0..<count).map { i in
            ChoroplethMapTests.square(1_000_000 + step * Double(i + 1), 500_000, side)
        }
        areas.append(MapArea(id: AreaID("chain"), geometry: MultiPolygon(polygons: parts), value: 2))
        return areas
    }

    @Test func outlyingPartsAreLeftOutOnlyWhenThatShrinksTheFrameEnough() {
        // 20 squares of 10 km (0.2 % of the land) strung 100 km apart over 2,000 km east of a 1,000 km
        // square: leaving them out shrinks the box to a third.
        let far = InsetContent(areas: Self.chain(count: 20, step: 100_000), indices: [0, 1])
        #expect(far.omittedParts == 20 && far.omittedSide == "east")
        #expect(far.box == BoundingBox(minX: 0, minY: 0, maxX: 1_000_000, maxY: 1_000_000))
        #expect(far.trimmed[1]?.polygons.isEmpty == true && far.trimmed[0] == nil)
        // Strung 10 km apart they reach 200 km out: a saving of 17 %, under a quarter; all are drawn.
        let near = InsetContent(areas: Self.chain(count: 20, step: 10_000), indices: [0, 1])
        #expect(near.omittedParts == 0 && near.trimmed.isEmpty && near.box.maxX > 1_190_000)
        // A part holding more than the outlying share is always drawn: 3 squares of 200 km (3.6 % of
        // the land each), 1,000 km apart, however far they stretch the box.
        let large = InsetContent(areas: Self.chain(count: 3, step: 1_000_000, side: 200_000), indices: [0, 1])
        #expect(large.omittedParts == 0 && large.box.maxX == 4_200_000)
    }

    @Test func sparseInsetsAreShrunkToTheirShareOfTheMainMap() {
        let main = BoundingBox(minX: 0, minY: 0, maxX: 1_000_000, maxY: 1_000_000)
        // 10 specks of 1 km over 1,000 km: 0.001 % cover.
        let specks = (0..<10).map { ChoroplethMapTests.square(100_000 * Double($0), 0, 1000) }
        let sparse = InsetContent(
            areas: [
                MapArea(
                    id: AreaID("s"),
                    geometry: MultiPolygon(polygons: specks + [ChoroplethMapTests.square(0, 999_000, 1000)]), value: 1)
            ], indices: [0])
        #expect(sparse.omittedParts == 0)
        let s = sparse.scale(nominal: 1, mainBox: main)
        let share = sparse.box.width * sparse.box.height * s * s / (main.width * main.height)
        #expect(abs(share - InsetContent.sparseShare) < 1e-9)
        // Never above the inset's own scale; a well-covered inset keeps it.
        #expect(sparse.scale(nominal: 0.1, mainBox: main) == 0.1)
        let solid = InsetContent(
            areas: [MapArea(id: AreaID("x"), geometry: Self.square(0, 0, 900_000), value: 1)], indices: [0])
        #expect(solid.scale(nominal: 1, mainBox: main) == 1)
    }

    @Test func everythingAnInsetDrawsStaysInItsFrameAndTheNoteSaysWhatIsLeftOut() throws {
        var areas = [MapArea(id: AreaID("main"), geometry: Self.square(0, 0, 2_000_000), value: 1)]
        for a in Self.chain(count: 20, step: 100_000) {
            var moved = a
            moved.id = AreaID("inset-" + a.id.rawValue)
            areas.append(moved)
        }
        let map = ChoroplethMap(
            title: "", areas: areas, scheme: .manual([1, 2]), classCount: 2, legendTitle: "", source: "",
            insets: [MapInset(title: "Far", areaIDs: [AreaID("inset-big"), AreaID("inset-chain")], scale: 0.3)])
        let drawing = try map.draw(size: size, measurer: measurer)
        let frame = try #require(drawing.layout.insets.first)
        // Every point of every fill lies in the main square or in the frame; the frame about as wide as
        // high (the chain left out would have made it three times wider).
        let p = try #require(drawing.projection)
        let a = p.project(Point(x: 0, y: 2_000_000))
        let b = p.project(Point(x: 2_000_000, y: 0))
        let main = PageRect(x: a.x, y: a.y, width: b.x - a.x, height: b.y - a.y)
        let points = Inspect.evenOddFills(drawing.displayList).flatMap { Inspect.points($0.0) }
        #expect(points.contains { Self.contains(frame, $0) })
        for q in points { #expect(Self.contains(main, q) || Self.contains(frame, q)) }
        #expect(frame.width < 1.5 * frame.height)
        #expect(
            drawing.displayList.texts.contains {
                $0.hasSuffix("Not shown: 20 small outlying parts of Far (east of its frame).")
            })
        #expect(drawing.displayList.texts.contains("Far (30% scale)"))
    }

    @Test func longCaptionsWrapInsideSmallFrames() throws {
        var areas = [MapArea(id: AreaID("main"), geometry: Self.square(0, 0, 2_000_000), value: 1)]
        areas.append(MapArea(id: AreaID("tiny"), geometry: Self.square(0, 0, 40_000), value: 2))
        let title = "An inset with a long caption that cannot fit"
        let map = ChoroplethMap(
            title: "", areas: areas, scheme: .manual([1, 2]), classCount: 2, legendTitle: "", source: "",
            insets: [MapInset(title: title, areaIDs: [AreaID("tiny")])])
        let drawing = try map.draw(size: size, measurer: measurer)
        let frame = try #require(drawing.layout.insets.first)
        let caption = try #require(
            drawing.displayList.commands.compactMap { c -> (PagePoint, Double?)? in
                if case .text(title, let o, let w, _) = c { (o, w) } else { nil }
            }.first)
        let width = try #require(caption.1)
        #expect(caption.0.x >= frame.minX && caption.0.x + width <= frame.maxX)
        #expect(Self.contains(frame, caption.0))
        #expect(width >= MapFrame.captionWrapWidth - 1e-9)
        #expect(width < measurer.measure(title, style: MapStyle.standard.insetCaption, width: nil).width)
    }
}
