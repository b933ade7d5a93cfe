import GeoModel
import Graphics
import Testing

@testable import Maps

/// The choropleth display list built from six small areas (one of them two-part, one without data).
struct ChoroplethMapTests {
    static func square(_ x: Double, _ y: Double, _ side: Double = 1000) -> Polygon {
        Polygon(exterior: [
            Point(x: x, y: y), Point(x: x + side, y: y), Point(x: x + side, y: y + side), Point(x: x, y: y + side),
        ])
    }

    /// Five areas with values .1 … .5 and one without data, in EPSG:5070-like metres:
    ///   a1 (0, 0) .10   a2 (2000, 0) .20   a3 (4000, 0) .30
    ///   a4 two squares (0, 2000) and (0, 3500, side 400) .40   a5 (2000, 2000) .50   a6 (4000, 2000) no data
    static func sixAreas() -> [MapArea] {
        let o = 1_500_000.0
        let n = 2_400_000.0  // offsets like a Maine-area EPSG:5070 position
        func at(_ x: Double, _ y: Double, _ side: Double = 1000) -> Polygon { square(o + x, n + y, side) }
        return [
            MapArea(id: AreaID("a1"), geometry: MultiPolygon(polygons: [at(0, 0)]), value: 0.10),
            MapArea(id: AreaID("a2"), geometry: MultiPolygon(polygons: [at(2000, 0)]), value: 0.20),
            MapArea(id: AreaID("a3"), geometry: MultiPolygon(polygons: [at(4000, 0)]), value: 0.30),
            MapArea(id: AreaID("a4"), geometry: MultiPolygon(polygons: [at(0, 2000), at(0, 3500, 400)]), value: 0.40),
            MapArea(id: AreaID("a5"), geometry: MultiPolygon(polygons: [at(2000, 2000)]), value: 0.50),
            MapArea(id: AreaID("a6"), geometry: MultiPolygon(polygons: [at(4000, 2000)]), value: nil),
        ]
    }

    static func map(classes: Int = 3) -> ChoroplethMap {
        ChoroplethMap(
            title: "Unserved locations", subtitle: "Share of broadband-serviceable locations, by area",
            areas: sixAreas(), classCount: classes, legendTitle: "Unserved share",
            source: "Source: FCC Broadband Data Collection; test shapes.")
    }

    let measurer = FixedAdvanceMeasurer()
    let size = PageSize(width: 540, height: 360)

    @Test func oneFillPerClassColourWithOneRingPerPolygon() throws {
        // Quantiles of .1 .2 .3 .4 .5 in 3 classes (n = 5, idx = p/100·4):
        //   p = 33.3: idx 1.333 → .2·.667 + .3·.333 = .2333;  p = 66.7: idx 2.667 → .3·.333 + .4·.667 = .3667;  p = 100 → .5
        // mapclassify: bins [0.23333333333333334, 0.3666666666666667, 0.5], yb [0, 0, 1, 2, 2].
        // Class 0 = a1, a2 (2 rings); class 1 = a3 (1 ring); class 2 = a4 (2 polygons) + a5 (3 rings).
        let drawing = try Self.map().draw(size: size, measurer: measurer)
        #expect(drawing.classification.breaks == [0.23333333333333334, 0.3666666666666667, 0.5])
        #expect(drawing.areaClasses == [0, 0, 1, 2, 2, nil])
        // ColorBrewer YlOrRd, 3 classes.
        let colors = ["#ffeda0", "#feb24c", "#f03b20"].map { Color(hex: $0)! }
        #expect(drawing.colors == colors)
        let fills = Inspect.evenOddFills(drawing.displayList)
        for (j, color) in colors.enumerated() {
            let matching = fills.filter { $0.1 == color }
            #expect(matching.count == 1, "class \(j) fills")
            #expect(matching.first.map { Inspect.rings($0.0) } == [2, 1, 3][j], "class \(j) rings")
        }
        // The no-data area: one grey fill (1 ring), hatched inside a clip to the same path.
        let grey = Color(hex: "#d9d9d9")!
        let greyFills = fills.filter { $0.1 == grey }
        #expect(greyFills.count == 1)
        #expect(greyFills.first.map { Inspect.rings($0.0) } == 1)
        let commands = drawing.displayList.commands
        let greyIndex = try #require(
            commands.firstIndex { if case .fill(_, grey, .evenOdd) = $0 { true } else { false } })
        #expect(commands[greyIndex + 1] == .save)
        #expect(commands[greyIndex + 2] == .clip(greyFills[0].0, .evenOdd))
        guard case .stroke(let hatch, let hatchStyle) = commands[greyIndex + 3] else {
            Issue.record("no hatch stroke after the no-data clip")
            return
        }
        #expect(hatchStyle.color == Color(hex: "#969696")!)
        #expect(Inspect.rings(hatch) >= 3)  // a 1000 m square is ~tens of points wide: several lines
        #expect(commands[greyIndex + 4] == .restore)
        // Boundaries: one white stroke holding all 7 rings of the 6 areas, drawn over every area fill.
        let white = Inspect.strokes(drawing.displayList).filter { $0.1.color == .white }
        #expect(white.count == 1)
        #expect(white.first.map { Inspect.rings($0.0) } == 7)
        let boundaryIndex = commands.firstIndex { if case .stroke(_, let s) = $0 { s.color == .white } else { false } }
        let lastAreaFill = commands.lastIndex { if case .fill(_, _, .evenOdd) = $0 { true } else { false } }
        #expect(boundaryIndex != nil && lastAreaFill != nil && boundaryIndex! > lastAreaFill! + 3)
    }

    @Test func mapFitsItsFrameAndKeepsAspect() throws {
        let drawing = try Self.map().draw(size: size, measurer: measurer)
        let p = try #require(drawing.projection)
        // World box: x 0…5000, y 0…3900 (a4's second part tops out at 3500 + 400) → aspect 5000:3900.
        #expect(p.world.width == 5000 && p.world.height == 3900)
        #expect(abs(p.rect.width / p.rect.height - 5000.0 / 3900.0) < 1e-9)
        // The fitted rectangle is the layout's map frame, fits the region left beside the legend, and
        // fills it in one direction (the map is as large as it can be).
        let frame = drawing.layout.mapFrame
        let region = drawing.layout.mapRegion
        #expect(frame == p.rect)
        #expect(frame.width <= region.width + 1e-9 && frame.height <= region.height + 1e-9)
        #expect(abs(frame.width - region.width) < 1e-9 || abs(frame.height - region.height) < 1e-9)
        #expect(frame.minY >= region.minY - 1e-9 && frame.maxY <= region.maxY + 1e-9)
        // Every class and no-data polygon vertex lies inside the map rectangle.
        for (path, _) in Inspect.evenOddFills(drawing.displayList) {
            for q in Inspect.points(path) { #expect(Inspect.contains(p.rect, q, tolerance: 1e-6)) }
        }
    }

    @Test func legendListsRangesCountsAndNoData() throws {
        let drawing = try Self.map().draw(size: size, measurer: measurer)
        #expect(drawing.legend.map(\.label) == ["10.0% – 23.3%", "23.3% – 36.7%", "36.7% – 50.0%", "No data"])
        #expect(drawing.legend.map(\.countText) == ["2 areas", "1 area", "2 areas", "1 area"])
        let texts = Inspect.texts(drawing.displayList)
        for entry in drawing.legend {
            #expect(texts.contains(entry.label))
        }
        #expect(texts.contains("Unserved share"))
        #expect(texts.contains("Unserved locations"))
        #expect(texts.contains("Share of broadband-serviceable locations, by area"))
        #expect(texts.contains("Source: FCC Broadband Data Collection; test shapes."))
        #expect(texts.contains("N"))
        // Each legend row has a 16 × 11 pt swatch filled (non-zero rule) in its colour, in legend order.
        let swatchColors = drawing.displayList.commands.compactMap { c -> Color? in
            guard case .fill(let path, let color, .nonZero) = c else { return nil }
            let xs = Inspect.points(path).map(\.x)
            let ys = Inspect.points(path).map(\.y)
            guard let x0 = xs.min(), let x1 = xs.max(), let y0 = ys.min(), let y1 = ys.max(),
                abs(x1 - x0 - 16) < 1e-9, abs(y1 - y0 - 11) < 1e-9
            else { return nil }
            return color
        }
        #expect(swatchColors == drawing.legend.map(\.color))
        #expect(swatchColors.count == 4)
    }

    @Test func nothingOutsideTheCanvasAndFurnitureBesideTheMap() throws {
        for size in [PageSize(width: 540, height: 360), PageSize(width: 300, height: 500), PageSize.letter] {
            let drawing = try Self.map().draw(size: size, measurer: measurer)
            #expect(drawing.displayList.size == size)
            #expect(Inspect.outsideCanvas(drawing.displayList, measurer: measurer) == [], "\(size)")
            let layout = drawing.layout
            #expect(!layout.legend.intersects(layout.mapFrame), "\(size)")
            #expect(!layout.scaleBar.intersects(layout.mapFrame), "\(size)")
            #expect(!layout.source.intersects(layout.mapFrame), "\(size)")
            #expect(layout.title.maxY <= layout.mapFrame.minY)
        }
    }

    @Test func scaleBarsAreRoundAndAboutAFifthOfTheMap() throws {
        let drawing = try Self.map().draw(size: size, measurer: measurer)
        let p = try #require(drawing.projection)
        #expect(drawing.scaleBars.map(\.unit) == [.kilometres, .miles])
        for bar in drawing.scaleBars {
            let limit = p.rect.width / 5
            #expect(bar.width <= limit + 1e-9 && bar.width >= 0.4 * limit)
            // 1-2-5 sequence: the length divided by its power of ten is 1, 2 or 5.
            var m = bar.length
            while m >= 10 { m /= 10 }
            while m < 1 { m *= 10 }
            #expect([1, 2, 5].contains { abs(m - $0) < 1e-9 }, "\(bar.length)")
            // Page length agrees with the projection: length in metres × points per metre.
            let metres = bar.length * (bar.unit == .kilometres ? 1000 : 1609.344)
            #expect(abs(bar.width - metres * p.scale) < 1e-9)
        }
        let texts = Inspect.texts(drawing.displayList)
        #expect(drawing.scaleBars.allSatisfy { texts.contains($0.label) })
    }

    @Test func allAreasWithoutDataGiveOnlyTheNoDataRow() throws {
        var m = Self.map()
        m.areas = m.areas.map { MapArea(id: $0.id, geometry: $0.geometry, value: nil) }
        let drawing = try m.draw(size: size, measurer: measurer)
        #expect(drawing.classification.classCount == 0)
        #expect(drawing.legend.map(\.label) == ["No data"])
        #expect(drawing.legend.map(\.count) == [6])
        let fills = Inspect.evenOddFills(drawing.displayList)
        #expect(fills.count == 1 && fills.first.map { Inspect.rings($0.0) } == 7)
    }

    @Test func tooSmallCanvasIsAUsageError() {
        #expect(throws: LastmileError.self) {
            try Self.map().draw(size: PageSize(width: 120, height: 60), measurer: measurer)
        }
    }

    @Test func nonFiniteValuesCountAsNoData() throws {
        var m = Self.map()
        m.areas[0].value = .nan
        let drawing = try m.draw(size: size, measurer: measurer)
        #expect(drawing.areaClasses[0] == nil)
        #expect(drawing.legend.last?.label == "No data")
        #expect(drawing.legend.last?.count == 2)
    }

    @Test func flaggedAreasGetTheDarkBackslashHatchOverTheirClassAndALegendRow() throws {
        var m = Self.map()
        m.areas[1].isFlagged = true  // a2, class 0
        m.areas[4].isFlagged = true  // a5, class 2
        m.flagLabel = "Estimate unreliable"
        let drawing = try m.draw(size: size, measurer: measurer)
        // The classes are the unflagged map's: a flag never changes a class.
        #expect(drawing.areaClasses == [0, 0, 1, 2, 2, nil])
        #expect(drawing.legend.suffix(2).map(\.label) == ["No data", "Estimate unreliable"])
        let flagRow = try #require(drawing.legend.last)
        #expect(flagRow.isFlag && !flagRow.isNoData && flagRow.count == 2)
        // One clip to both flagged areas (2 rings), then the #252525 hatch, lines running "\" (x − y
        // constant along each line: page y, which grows downwards, grows with x), then restore.
        let commands = drawing.displayList.commands
        let dark = Color(hex: "#252525")!
        let hatchIndex = try #require(
            commands.firstIndex { if case .stroke(_, let st) = $0 { st.color == dark } else { false } })
        guard case .clip(let clip, .evenOdd) = commands[hatchIndex - 1],
            case .stroke(let hatch, _) = commands[hatchIndex]
        else {
            Issue.record("no clip before the flag hatch")
            return
        }
        #expect(Inspect.rings(clip) == 2)
        #expect(commands[hatchIndex + 1] == .restore)
        let points = Inspect.points(hatch)
        for k in stride(from: 0, to: points.count - 1, by: 2) {
            let (p, q) = (points[k], points[k + 1])
            #expect(abs((q.x - p.x) - (q.y - p.y)) < 1e-9, "segment \(k / 2) is not a \\ diagonal")
        }
        // No flag, no row and no dark hatch.
        let plain = try Self.map().draw(size: size, measurer: measurer)
        #expect(plain.legend.allSatisfy { !$0.isFlag })
        #expect(
            !plain.displayList.commands.contains { if case .stroke(_, let st) = $0 { st.color == dark } else { false } }
        )
    }

    @Test func outlineIsTheEdgesNoNeighbourSharesAndRoadsAreClippedToTheAreas() throws {
        // Two unit squares side by side share one edge: the outline is the other 6 edges.
        let left = Self.square(0, 0)
        let right = Self.square(1000, 0)
        var m = ChoroplethMap(
            title: "",
            areas: [
                MapArea(id: AreaID("l"), geometry: MultiPolygon(polygons: [left]), value: 1),
                MapArea(id: AreaID("r"), geometry: MultiPolygon(polygons: [right]), value: 2),
            ], scheme: .manual([1, 2]), classCount: 2, legendTitle: "", source: "")
        m.drawsOutline = true
        m.roads = [
            MapRoad(isMajor: true, parts: [[Point(x: -500, y: 500), Point(x: 2500, y: 500)]]),
            MapRoad(isMajor: false, parts: [[Point(x: 500, y: -500), Point(x: 500, y: 1500)]]),
        ]
        let commands = try m.draw(size: size, measurer: measurer).displayList.commands
        let outline = try #require(
            commands.compactMap { c -> Path? in
                if case .stroke(let p, let st) = c, st == MapStyle.outline { p } else { nil }
            }.first)
        // Six edges in three runs: the left square's bottom, then its top and left; the right square's
        // bottom, right and top.
        #expect(SharedBoundariesTests.segments(outline) == 6)
        #expect(Inspect.rings(outline) == 3)
        // Each road style once, between a clip to both squares (2 rings) and a restore.
        let major = try #require(
            commands.firstIndex { if case .stroke(_, MapStyle.majorRoad) = $0 { true } else { false } })
        let local = try #require(
            commands.firstIndex { if case .stroke(_, MapStyle.localRoad) = $0 { true } else { false } })
        #expect(local + 1 == major)
        guard case .clip(let clip, .evenOdd) = commands[local - 1] else {
            Issue.record("no clip before the roads")
            return
        }
        #expect(Inspect.rings(clip) == 2)
        #expect(commands[major + 1] == .restore)
        // No roads and no outline unless asked.
        let plain = try Self.map().draw(size: size, measurer: measurer).displayList.commands
        #expect(!plain.contains { if case .stroke(_, MapStyle.outline) = $0 { true } else { false } })
    }

    @Test func backslashHatchIsTheSlashHatchMirrored() {
        let box = PageRect(x: 10, y: 20, width: 30, height: 12)
        let slash = Inspect.points(MapSymbols.hatch(in: box, spacing: 4))
        let back = Inspect.points(MapSymbols.hatch(in: box, spacing: 4, backslash: true))
        #expect(back.count == slash.count)
        for (a, b) in zip(slash, back) {
            #expect(abs(b.x - (box.minX + box.maxX - a.x)) < 1e-9 && abs(b.y - a.y) < 1e-9)
            #expect(Inspect.contains(box, b, tolerance: 1e-9))
        }
    }

    @Test func hatchStaysInsideItsBox() {
        let box = PageRect(x: 10, y: 20, width: 30, height: 12)
        let hatch = MapSymbols.hatch(in: box, spacing: 4)
        // Lines x + y = c for c = 30 + 2, 36, …, < 72: (72 - 32)/4 = 10 lines, each cut to the box.
        #expect(Inspect.rings(hatch) == 10)
        for q in Inspect.points(hatch) { #expect(Inspect.contains(box, q, tolerance: 1e-9)) }
    }

    @Test func manualBreaksWithAnEmptyClassDrawNoFillForIt() throws {
        // Breaks .05 / .15 / .25 / .60 (4 classes, ColorBrewer Blues 4) over .1 .2 .3 .4 .5:
        //   class 0 (≤ .05): none — the minimum .10 is above the first break, so the row reads "≤ 5.0%";
        //   class 1 (.05, .15]: a1;  class 2 (.15, .25]: a2;  class 3 (.25, .60]: a3, a4 (2 parts), a5.
        // mapclassify.UserDefined(y, bins=[.05, .15, .25, .6]).counts: [0, 1, 1, 3].
        var m = Self.map()
        m.scheme = .manual([0.05, 0.15, 0.25, 0.60])
        m.palette = .blues
        m.valueFormat = .percent(decimals: 0)
        m.areaNoun = .tracts
        let drawing = try m.draw(size: size, measurer: measurer)
        #expect(drawing.classification.counts == [0, 1, 1, 3])
        #expect(drawing.legend.map(\.label) == ["≤ 5%", "5% – 15%", "15% – 25%", "25% – 60%", "No data"])
        #expect(drawing.legend.map(\.countText) == ["0 tracts", "1 tract", "1 tract", "3 tracts", "1 tract"])
        let blues4 = ["#eff3ff", "#bdd7e7", "#6baed6", "#2171b5"].map { Color(hex: $0)! }
        let fills = Inspect.evenOddFills(drawing.displayList)
        // No map fill for the empty class; one for each used class, then the grey no-data fill.
        #expect(fills.map(\.1) == Array(blues4.dropFirst()) + [Color(hex: "#d9d9d9")!])
        #expect(fills.map { Inspect.rings($0.0) } == [1, 1, 4, 1])
    }

    @Test func equalIntervalMap() throws {
        // .1 … .5 in 2 equal intervals: width .2, bins [.3, .5] → .1 .2 .3 | .4 .5; 2 classes take the
        // first and last colour of YlOrRd 3 (#ffeda0, #f03b20). mapclassify.EqualInterval(k=2):
        // bins [0.30000000000000004, 0.5] (.1 + .2 in binary), yb [0, 0, 0, 1, 1].
        var m = Self.map(classes: 2)
        m.scheme = .equalInterval
        let drawing = try m.draw(size: size, measurer: measurer)
        #expect(drawing.classification.breaks == [0.30000000000000004, 0.5])
        #expect(drawing.areaClasses == [0, 0, 0, 1, 1, nil])
        #expect(drawing.colors.map(\.hex) == ["#ffeda0", "#f03b20"])
        #expect(drawing.legend.map(\.label) == ["10.0% – 30.0%", "30.0% – 50.0%", "No data"])
    }
}
