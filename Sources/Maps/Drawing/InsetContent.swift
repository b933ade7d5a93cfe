import GeoModel

/// What an inset frame shows and at what scale, decided from the areas alone (before any page layout).
///
/// Two rules keep a frame the size of what it shows:
///
/// 1. **Outlying parts.** The inset's polygons are taken largest first until they hold all but
///    `outlyingLandShare` of its land; their box, grown by every polygon that touches it until none
///    does, is what the frame shows, provided that this saves at least `outlyingSaving` of the area of
///    the box of every part (else every part is drawn). The parts left outside are not drawn (the line
///    under the map says how many and where, see `ScaleStrip`), so nothing drawn crosses the frame.
/// 2. **Sparse insets.** An inset whose shapes cover less than `sparseCover` of their box is a scatter
///    of specks, there to show where they lie: its scale is lowered below the inset's own
///    (`MapInset.scale`) until its content takes at most `sparseShare` of the main map's box.
struct InsetContent {
    /// 1.5 %: the small parts at the far end of a chain of islands are what stretch a frame. For Alaska
    /// in the Census 2010 county file any share above 1.0 % and up to 2.0 % cuts the Aleutians at the
    /// same place, between Umnak and the Islands of Four Mountains (the 31 islands west of it, to Attu
    /// across 180°, are 0.45 % of Alaska's land), which narrows its box from 3,660 to 2,525 km
    /// (EPSG:3338).
    static let outlyingLandShare = 0.015
    /// Parts are left out only when that shrinks the frame's box by a quarter or more (Alaska's by 31 %);
    /// a few rocks off Niʻihau (5 %) or off Puerto Rico (8 %) are drawn.
    static let outlyingSaving = 0.25
    /// 2 %: the Northwestern Hawaiian Islands' tract covers 0.23 % of its box; Hawaii's main islands,
    /// the least covered of the usual insets, cover 7.6 % of theirs (Alaska 31 %, Puerto Rico 44 %).
    static let sparseCover = 0.02
    /// 2.5 % of the main map's box: room to see where the specks lie and read the caption (Hawaii's main
    /// islands take 1.7 % of the conterminous states' box at the main scale, Alaska at 35 % 4.5 %; the
    /// Northwestern Hawaiian Islands at their 15 % took 11 % of the main islands' box).
    static let sparseShare = 0.025

    /// The box of the parts drawn, in the inset's own world metres.
    let box: BoundingBox
    /// The area of the shapes drawn (areas that are not water-only), m².
    let shapes: Double
    /// The kept polygons of each area that lost some, by area index.
    let trimmed: [Int: MultiPolygon]
    /// How many polygons are not drawn.
    let omittedParts: Int
    /// Where the parts left out lie when all beyond one side of the box ("west", "east", "north",
    /// "south"), else nil.
    let omittedSide: String?

    /// The content of the inset holding `indices` of `areas`.
    init(areas: [MapArea], indices: [Int]) {
        struct Part {
            let area: Int
            let polygon: Int
            let box: BoundingBox
            let size: Double
        }
        var parts: [Part] = []
        for i in indices {
            for (j, polygon) in areas[i].geometry.polygons.enumerated() where !polygon.exterior.isEmpty {
                parts.append(
                    Part(
                        area: i, polygon: j, box: polygon.boundingBox,
                        size: areas[i].isWater ? 0 : max(0, polygon.area)))
            }
        }
        let total = parts.reduce(0) { $0 + $1.size }
        var kept = [Bool](repeating: false, count: parts.count)
        var box = BoundingBox.empty
        if total > 0 {
            // Largest first (ties in input order) until all but the outlying share is held.
            let order = parts.indices.filter { parts[$0].size > 0 }
                .sorted { (parts[$0].size, -$0) > (parts[$1].size, -$1) }
            var held = 0.0
            for p in order where held < (1 - Self.outlyingLandShare) * total {
                kept[p] = true
                held += parts[p].size
                box = box.union(parts[p].box)
            }
        } else {
            kept = kept.map { _ in true }
            box = parts.reduce(BoundingBox.empty) { $0.union($1.box) }
        }
        // Grow by every part touching the box, until none does.
        var grown = true
        while grown {
            grown = false
            for p in parts.indices where !kept[p] && parts[p].box.intersects(box) {
                kept[p] = true
                box = box.union(parts[p].box)
                grown = true
            }
        }
        // Every part, unless leaving some out saves enough.
        let full = parts.reduce(BoundingBox.empty) { $0.union($1.box) }
        if box.width * box.height > (1 - Self.outlyingSaving) * full.width * full.height {
            kept = kept.map { _ in true }
            box = full
        }
        var trimmed: [Int: MultiPolygon] = [:]
        var shapes = 0.0
        var keptByArea: [Int: [Polygon]] = [:]
        var omitted: [BoundingBox] = []
        for (p, part) in parts.enumerated() {
            if kept[p] {
                shapes += part.size
                keptByArea[part.area, default: []].append(areas[part.area].geometry.polygons[part.polygon])
            } else {
                omitted.append(part.box)
                trimmed[part.area] = MultiPolygon(polygons: [])
            }
        }
        for i in trimmed.keys { trimmed[i] = MultiPolygon(polygons: keptByArea[i] ?? []) }
        self.box = box
        self.shapes = shapes
        self.trimmed = trimmed
        self.omittedParts = omitted.count
        let sides: [(String, (BoundingBox) -> Bool)] = [
            ("west", { $0.maxX < box.minX }), ("east", { $0.minX > box.maxX }),
            ("north", { $0.minY > box.maxY }), ("south", { $0.maxY < box.minY }),
        ]
        omittedSide = omitted.isEmpty ? nil : sides.first { side in omitted.allSatisfy(side.1) }?.0
    }

    /// The scale of the frame relative to the main map's: `nominal` (the inset's own), lowered for a
    /// sparse inset until its content takes `sparseShare` of `mainBox` (see the type's rule 2).
    func scale(nominal: Double, mainBox: BoundingBox) -> Double {
        let content = box.width * box.height
        let main = mainBox.width * mainBox.height
        guard content > 0, main > 0, shapes / content < Self.sparseCover else { return nominal }
        return min(nominal, (Self.sparseShare * main / content).squareRoot())
    }
}

extension ChoroplethMap {
    /// The areas drawn in each inset (`insetIndexByArea`) and their content, nil for insets without areas.
    func insetContents(insetOf: [Int?]) -> [InsetContent?] {
        var members = [[Int]](repeating: [], count: insets.count)
        for (i, k) in insetOf.enumerated() { if let k { members[k].append(i) } }
        return members.map { $0.isEmpty ? nil : InsetContent(areas: areas, indices: $0) }
    }
}
