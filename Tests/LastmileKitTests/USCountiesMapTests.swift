import Foundation
import GeoModel
import Graphics
import TestSupport
import Testing

@testable import LastmileKit
@testable import Maps

/// `lastmile map` over every US county joined to Microsoft's broadband usage (October 2020), drawn in
/// process so that its display list can be read: the reversed palette, the state lines, no scale bar
/// or north arrow, and inset frames sized by what they show. The map of Hawaii's tracts for its
/// northwestern chain, and Maine's counties for a single-state map that keeps its scale bar.
@Suite(.serialized) struct USCountiesMapTests {
    static func usageRequest() throws -> QuickMapRequest {
        var r = QuickMapRequest(
            source: TestPaths.realData("us-counties-fips/geojson-counties-fips.json"), idField: "id",
            field: "BROADBAND USAGE", outputs: [])
        r.join = .init(
            path: TestPaths.realData("microsoft-broadband-usage/broadband_data_2020October.csv"),
            keyColumn: "COUNTY ID")
        r.percent = true
        r.palette = try QuickMap.palette(named: "-YlOrRd")
        r.title = "Broadband usage by county, October 2020"
        r.legendTitle = "Broadband usage"
        return r
    }

    static func usage() throws -> (map: ChoroplethMap, drawing: MapDrawing) {
        let (map, _) = try QuickMap.prepare(try usageRequest())
        return (map, try QuickMap.draw(map, measurer: PangoTextMeasurer()))
    }

    static func luma(_ c: Color) -> Double { 0.2126 * c.red + 0.7152 * c.green + 0.0722 * c.blue }

    static func strokes(_ list: DisplayList, _ style: StrokeStyle) -> [Path] {
        list.commands.compactMap { if case .stroke(let p, let s) = $0, s == style { p } else { nil } }
    }

    static func points(_ path: Path) -> [PagePoint] { path.points }

    static func inside(_ r: PageRect, _ q: PagePoint, slack: Double = 1e-6) -> Bool {
        q.x >= r.minX - slack && q.x <= r.maxX + slack && q.y >= r.minY - slack && q.y <= r.maxY + slack
    }

    @Test func theBestConnectedCountiesArePaleAndTheWorstRed() throws {
        let (map, drawing) = try Self.usage()
        let values = map.areas.map(\.classifiableValue)
        let best = try #require(values.indices.filter { values[$0] != nil }.max { values[$0]! < values[$1]! })
        let worst = try #require(values.indices.filter { values[$0] != nil }.min { values[$0]! < values[$1]! })
        let colors = drawing.colors
        let palest = try #require(colors.max { Self.luma($0) < Self.luma($1) })
        let darkest = try #require(colors.min { Self.luma($0) < Self.luma($1) })
        #expect(colors[try #require(drawing.areaClasses[best])] == palest)
        #expect(colors[try #require(drawing.areaClasses[worst])] == darkest)
        // YlOrRd reversed: its darkest red (#bd0026) for the lowest class, its palest yellow for the highest.
        let forward = try Palette.ylOrRd.colors(count: colors.count)
        #expect(colors.first == forward.last && colors.last == forward.first)
        // The best county's colour is the fill that holds the palest class in the display list.
        #expect(
            drawing.displayList.commands.contains { if case .fill(_, palest, .evenOdd) = $0 { true } else { false } })
    }

    @Test func stateLinesAreDrawnInTheMainMapAndEveryInset() throws {
        let (map, drawing) = try Self.usage()
        #expect(map.drawsGroupBoundaries)
        // 50 states, DC and Puerto Rico.
        #expect(Set(map.areas.compactMap(\.group)).count == 52)
        let lines = Self.strokes(drawing.displayList, map.style.groupBoundary)
        #expect(lines.count == 4)
        let frames = drawing.layout.insets
        #expect(frames.count == 3)
        // The main map's lines keep off the insets; each inset's lines stay in its frame.
        let main = try #require(lines.first)
        #expect(Self.points(main).count > 1_000)
        for q in Self.points(main) { #expect(!frames.contains { Self.inside($0, q, slack: 0) }) }
        for (path, frame) in zip(lines.dropFirst(), frames) {
            #expect(Self.points(path).allSatisfy { Self.inside(frame, $0) })
        }
        // Drawn after (over) the white boundaries.
        let commands = drawing.displayList.commands
        let white = try #require(
            commands.firstIndex { if case .stroke(_, map.style.boundary) = $0 { true } else { false } })
        let dark = try #require(
            commands.firstIndex { if case .stroke(_, map.style.groupBoundary) = $0 { true } else { false } })
        #expect(white < dark)
    }

    @Test func noNorthArrowOrScaleBarButALineSayingWhy() throws {
        let (map, drawing) = try Self.usage()
        #expect(!map.hasOneScale)
        #expect(drawing.scaleBars.isEmpty)
        let texts = drawing.displayList.texts
        #expect(!texts.contains("N"))
        #expect(!texts.contains { $0.hasSuffix(" km") || $0.hasSuffix(" mi") || $0.hasSuffix(" m") })
        #expect(Self.strokes(drawing.displayList, map.style.furniture).isEmpty)
        let note = try #require(texts.first { $0.hasPrefix("Albers equal-area conic (EPSG:5070); ") })
        #expect(note.contains("scale and north vary across this map"))
        // The western Aleutians are left out of Alaska's frame, and the note says so.
        #expect(note.contains("small outlying parts of Alaska (west of its frame)."))
        #expect(!note.contains("of Hawaii") && !note.contains("of Puerto Rico"))
        let noteBox = try #require(drawing.layout.scaleNote)
        #expect(noteBox.minY >= drawing.layout.mapFrame.maxY && noteBox.maxY <= drawing.layout.source.minY)
    }

    @Test func insetsAreSizedByWhatTheyShowAndHoldWhatTheyDraw() throws {
        let (map, drawing) = try Self.usage()
        #expect(map.insets.map(\.title) == ["Alaska", "Hawaii", "Puerto Rico"])
        let texts = drawing.displayList.texts
        #expect(texts.contains("Alaska (35% scale)") && texts.contains("Hawaii") && texts.contains("Puerto Rico"))
        // Alaska's frame: the box of Alaska in EPSG:3338 is 3,660 km × 1,959 km with the Aleutians to
        // Attu, 1.87 : 1. Without them it is under 1.3 : 1, and so is the frame with its caption.
        let insetOf = map.insetIndexByArea()
        let contents = map.insetContents(insetOf: insetOf)
        let alaska = try #require(contents[0])
        let full = map.areas.indices.filter { insetOf[$0] == 0 }
            .reduce(BoundingBox.empty) { $0.union(map.areas[$1].geometry.boundingBox) }
        #expect(full.width > 3_600_000 && alaska.box.width < 2_600_000 && alaska.box.height > 0.99 * full.height)
        #expect(alaska.omittedParts > 0 && alaska.omittedSide == "west")
        let alaskaFrame = drawing.layout.insets[0]
        #expect(alaskaFrame.width < 1.3 * alaskaFrame.height)
        #expect(contents[1]?.omittedParts == 0 && contents[2]?.omittedParts == 0)
        // Everything an inset draws lies in its frame: the frame built as `draw` builds it gives the
        // same frames, and every kept part projects inside its own.
        let st = map.style
        let measurer = PangoTextMeasurer()
        let frame = MapFrame(
            map, region: drawing.layout.mapRegion, panelW: drawing.layout.legend.width, gap: st.gap,
            contentX: st.margin, contentW: drawing.layout.canvas.width - 2 * st.margin,
            captionStyle: st.insetCaption, measurer: measurer)
        #expect(frame.framed.compactMap { frame.insetFrames[$0] } == drawing.layout.insets)
        for (i, k) in insetOf.enumerated() {
            guard let k, let box = frame.insetFrames[k], let q = frame.projection(ofArea: i) else { continue }
            for polygon in frame.areas[i].geometry.polygons {
                let b = polygon.boundingBox
                let a0 = q.project(Point(x: b.minX, y: b.maxY))
                let a1 = q.project(Point(x: b.maxX, y: b.minY))
                #expect(Self.inside(box, a0) && Self.inside(box, a1), "\(map.areas[i].id)")
            }
        }
    }

    @Test func theNorthwesternHawaiianIslandsGetASmallFrame() throws {
        var r = QuickMapRequest(
            source: TestPaths.realData("tiger-tracts-hawaii/tracts_2015_st15.geojson"), idField: "GEOID",
            field: "ALAND", outputs: [])
        r.title = "Land area by census tract, Hawaii"
        let (map, _) = try QuickMap.prepare(r)
        let drawing = try QuickMap.draw(map, measurer: PangoTextMeasurer())
        #expect(map.insets.map(\.title) == ["Northwestern Hawaiian Islands"])
        // One state: no state lines; an inset: no scale bar, the projection named.
        #expect(!map.drawsGroupBoundaries && drawing.scaleBars.isEmpty)
        #expect(drawing.displayList.texts.contains { $0.hasPrefix("Hawaii Albers equal-area conic (ESRI:102007); ") })
        // At its own 15 % the chain's content took 11 % of the main islands' box for a few specks; sparse
        // (0.23 % covered), it is shrunk until it takes 2.5 %.
        let insetOf = map.insetIndexByArea()
        let content = try #require(map.insetContents(insetOf: insetOf)[0])
        let main = map.areas.indices.filter { insetOf[$0] == nil }
            .reduce(BoundingBox.empty) { $0.union(map.areas[$1].geometry.boundingBox) }
        let s = content.scale(nominal: 0.15, mainBox: main)
        #expect(s < 0.1)
        let caption = try #require(
            drawing.displayList.texts.first { $0.hasPrefix("Northwestern Hawaiian Islands (") })
        #expect(caption == "Northwestern Hawaiian Islands (\(Int((s * 100).rounded()))% scale)")
        let frame = try #require(drawing.layout.insets.first)
        let mapFrame = drawing.layout.mapFrame
        #expect(frame.width * frame.height < 0.06 * mapFrame.width * mapFrame.height)
    }

    /// Maine's 16 counties (330 × 510 km in EPSG:5070) and Texas's 254 (1,230 × 1,200 km), from the same file.
    @Test(arguments: [("23", 16), ("48", 254)])
    func aSingleStateKeepsItsScaleBarsAndNorthArrowAndHasNoStateLines(state: String, counties: Int) throws {
        let data = try Data(
            contentsOf: URL(fileURLWithPath: TestPaths.realData("us-counties-fips/geojson-counties-fips.json")))
        var root = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let features = try #require(root["features"] as? [[String: Any]])
        root["features"] = features.filter { ($0["properties"] as? [String: Any])?["STATE"] as? String == state }
        let dir = try TemporaryDirectory()
        let path = dir.file("state.geojson")
        try JSONSerialization.data(withJSONObject: root).write(to: URL(fileURLWithPath: path))
        let (map, _) = try QuickMap.prepare(
            QuickMapRequest(source: path, idField: "id", field: "CENSUSAREA", outputs: []))
        #expect(map.areas.count == counties && map.insets.isEmpty && map.hasOneScale)
        #expect(!map.drawsGroupBoundaries)
        let drawing = try QuickMap.draw(map, measurer: PangoTextMeasurer())
        #expect(drawing.scaleBars.map(\.unit) == [.kilometres, .miles])
        #expect(drawing.displayList.texts.contains("N") && drawing.layout.scaleNote == nil)
        #expect(Self.strokes(drawing.displayList, map.style.groupBoundary).isEmpty)
    }

    static let golden = TestPaths.repo("Tests/LastmileKitTests/Golden/us-counties-usage.png")

    /// Every county at 600 px wide (60 dpi on the 720 pt canvas): reversed palette, state lines, insets.
    @Test func usageMapMatchesItsGolden() throws {
        try FontCheck.verifyDefaultFont()
        let (_, drawing) = try Self.usage()
        try GoldenImage.expectMatch(drawing.displayList, golden: Self.golden, dpi: 60, tolerance: .lenient)
    }

    @Test func theGoldenSeesTheStateLinesAndThePalette() throws {
        // Without state lines, or in the forward palette, the map must fail against the golden.
        var (map, _) = try QuickMap.prepare(try Self.usageRequest())
        map.drawsGroupBoundaries = false
        let golden = try RasterImage(pngFile: Self.golden)
        let noLines = try RasterRenderer.render(
            try QuickMap.draw(map, measurer: PangoTextMeasurer()).displayList, scale: 60.0 / 72)
        #expect(!GoldenImage.compare(noLines, golden, tolerance: .lenient).passes)
        map.drawsGroupBoundaries = true
        map.palette = .ylOrRd
        let forward = try RasterRenderer.render(
            try QuickMap.draw(map, measurer: PangoTextMeasurer()).displayList, scale: 60.0 / 72)
        let outcome = GoldenImage.compare(forward, golden, tolerance: .lenient)
        #expect(outcome.sizeMatches && outcome.share > 0.1)
    }
}
