import GeoModel
import Graphics
import Testing

@testable import Maps

/// Regions, the US arrangement and the inset frames it produces.
struct USInsetLayoutTests {
    /// A 0.2° square of longitude/latitude with its lower-left corner at (lon, lat).
    static func cell(_ lon: Double, _ lat: Double, _ side: Double = 0.2) -> MultiPolygon {
        MultiPolygon(polygons: [
            Polygon(exterior: [
                Point(x: lon, y: lat), Point(x: lon + side, y: lat),
                Point(x: lon + side, y: lat + side), Point(x: lon, y: lat + side),
            ])
        ])
    }

    @Test func regionsOfKnownPlaces() {
        typealias R = USInsetLayout.Region
        #expect(USInsetLayout.region(ofLongitude: -149.9, latitude: 61.2) == R.alaska)  // Anchorage
        #expect(USInsetLayout.region(ofLongitude: 179.5, latitude: 51.8) == R.alaska)  // western Aleutians
        #expect(USInsetLayout.region(ofLongitude: -157.8, latitude: 21.3) == R.hawaii)  // Honolulu
        #expect(USInsetLayout.region(ofLongitude: -66.1, latitude: 18.4) == R.puertoRico)  // San Juan
        #expect(USInsetLayout.region(ofLongitude: -122.3, latitude: 47.6) == R.conterminous)  // Seattle
        #expect(USInsetLayout.region(ofLongitude: -80.2, latitude: 25.8) == R.conterminous)  // Miami
        // Kure Atoll, wholly west of 161° W: the northwestern chain.
        #expect(USInsetLayout.region(of: Self.cell(-178.4, 28.3)) == R.northwesternHawaii)
    }

    /// Ten Maine cells, two Alaska cells, one Hawaii cell and one Puerto Rico cell.
    static func usAreas() -> [(area: MapArea, lonLat: MultiPolygon)] {
        var items: [(area: MapArea, lonLat: MultiPolygon)] = []
        func add(_ id: String, _ shape: MultiPolygon, _ value: Double?) {
            items.append((MapArea(id: AreaID(id), geometry: AlbersEqualArea.conus.project(shape), value: value), shape))
        }
        for i in 0..<10 { add("me\(i)", cell(-70 + 0.2 * Double(i % 5), 44 + 0.2 * Double(i / 5)), Double(i) / 10) }
        // And one cell in Texas, so the main frame spans the conterminous states' width.
        add("tx", cell(-100, 30), 0.5)
        add("ak1", cell(-150, 61), 0.3)
        add("ak2", cell(-160, 60), nil)
        add("hi", cell(-157.9, 21.3), 0.7)
        add("pr", cell(-66.2, 18.3), 0.9)
        return items
    }

    @Test func arrangementPutsEachRegionInItsInset() {
        let a = USInsetLayout.arrange(Self.usAreas(), reprojectMain: true)
        #expect(a.mainRegion == .conterminous)
        #expect(!a.mainReprojected)
        #expect(a.insets.map(\.title) == ["Alaska", "Hawaii", "Puerto Rico"])
        #expect(a.insets.map(\.areaIDs) == [[AreaID("ak1"), AreaID("ak2")], [AreaID("hi")], [AreaID("pr")]])
        #expect(a.insets.map(\.scale) == [0.35, 1, 1])
        #expect(a.insets.map(\.corner) == [.bottomLeft, .bottomLeft, .bottomRight])
        // Inset areas are re-projected: Honolulu's cell lies near ESRI:102007's origin, not 6,000 km west.
        let hi = a.areas.first { $0.id == AreaID("hi") }!.geometry.boundingBox
        #expect(abs(hi.center.x) < 100_000)
    }

    @Test func aMapOfHawaiiAloneUsesHawaiisProjectionAndInsetsTheNorthwesternChain() {
        // Three cells on the main islands and one at Kure Atoll (178.4° W): the main frame is Hawaii,
        // re-projected to ESRI:102007; Kure goes to the Northwestern Hawaiian Islands inset at 15 %.
        var items: [(area: MapArea, lonLat: MultiPolygon)] = []
        for (i, lon) in [-159.5, -157.9, -155.5].enumerated() {
            let shape = Self.cell(lon, 20 + Double(i))
            items.append(
                (MapArea(id: AreaID("h\(i)"), geometry: AlbersEqualArea.conus.project(shape), value: 1), shape))
        }
        let kure = Self.cell(-178.4, 28.3)
        items.append((MapArea(id: AreaID("kure"), geometry: AlbersEqualArea.conus.project(kure), value: 2), kure))
        let a = USInsetLayout.arrange(items, reprojectMain: true)
        #expect(a.mainRegion == .hawaii)
        #expect(a.mainReprojected)
        #expect(a.insets == [MapInset(title: "Northwestern Hawaiian Islands", areaIDs: [AreaID("kure")], scale: 0.15)])
        // Main areas now in Hawaii Albers: within a few hundred km of its origin (157° W, 13° N).
        let main = a.areas.prefix(3).reduce(BoundingBox.empty) { $0.union($1.geometry.boundingBox) }
        #expect(abs(main.center.x) < 500_000 && main.center.y > 500_000 && main.center.y < 1_500_000)
        // With a CRS chosen by the user the main areas keep their geometry.
        let kept = USInsetLayout.arrange(items, reprojectMain: false)
        #expect(!kept.mainReprojected)
        #expect(kept.areas[0].geometry == items[0].area.geometry)
    }

    @Test func insetFramesHoldTheirAreasAndKeepOffTheMainAreas() throws {
        let a = USInsetLayout.arrange(Self.usAreas(), reprojectMain: true)
        let map = ChoroplethMap(title: "US", areas: a.areas, legendTitle: "Share", source: "Test.", insets: a.insets)
        let drawing = try map.draw(size: PageSize(width: 720, height: 480), measurer: FixedAdvanceMeasurer())
        let frames = drawing.layout.insets
        #expect(frames.count == 3)
        // Frames lie inside the map frame (to half a step of the page coordinates) and do not overlap
        // each other.
        let slack = 0.5 / MapProjection.stepsPerPoint + 1e-9
        let m = drawing.layout.mapFrame
        for f in frames {
            #expect(f.minX >= m.minX - slack && f.maxX <= m.maxX + slack)
            #expect(f.minY >= m.minY - slack && f.maxY <= m.maxY + slack)
        }
        for i in frames.indices { for j in frames.indices where i < j { #expect(!frames[i].intersects(frames[j])) } }
        // Every caption is drawn; Alaska's says its scale.
        #expect(drawing.displayList.texts.contains("Alaska (35% scale)"))
        #expect(drawing.displayList.texts.contains("Hawaii"))
        // Main-map areas are drawn outside every frame: the projected main shapes' corners lie outside.
        let p = try #require(drawing.projection)
        for area in a.areas where !a.insets.contains(where: { $0.areaIDs.contains(area.id) }) {
            let b = area.geometry.boundingBox
            let q0 = p.project(Point(x: b.minX, y: b.maxY))
            let q1 = p.project(Point(x: b.maxX, y: b.minY))
            let box = PageRect(x: q0.x, y: q0.y, width: q1.x - q0.x, height: q1.y - q0.y)
            for f in frames { #expect(!f.intersects(box), "\(area.id) under an inset") }
        }
        // All 15 areas are classified and counted once: 13 with values in 5 classes, 1 no data.
        #expect(drawing.classification.counts.reduce(0, +) == 14)
        #expect(drawing.legend.last?.label == "No data" && drawing.legend.last?.count == 1)
    }
}
