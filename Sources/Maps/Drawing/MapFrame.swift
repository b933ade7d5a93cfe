import GeoModel
import Graphics

/// Where a choropleth's areas land on the page: the main map's projection, fitted beside the legend
/// panel and centred with it, and the inset frames (Alaska, Hawaii, …) placed round the main areas,
/// each with its own projection.
struct MapFrame {
    /// The inset each area is drawn in, nil for the main map (see `ChoroplethMap.insetIndexByArea`).
    let insetOf: [Int?]
    /// The main areas' bounding box, world metres.
    let mainWorld: BoundingBox
    /// The insets that hold at least one area, in `ChoroplethMap.insets` order.
    let framed: [Int]
    /// The space left for the map beside the panel, before centring.
    let region: PageRect
    /// World metres → page points for the main map; nil when no area has a shape.
    let projection: MapProjection?
    /// The fitted map on the page (the region itself without a projection).
    let mapRect: PageRect
    /// Each framed inset's frame and projection.
    let insetFrames: [Int: PageRect]
    let insetProjections: [Int: MapProjection]

    /// Fits `map`'s areas (main and insets) into `region` at one scale, then centres the map and the
    /// panel of width `panelW` (plus `gap`) across `contentX…contentX + contentW`.
    init(
        _ map: ChoroplethMap, region: PageRect, panelW: Double, gap: Double, contentX: Double, contentW: Double,
        captionH: Double
    ) {
        let areas = map.areas
        let insets = map.insets
        let insetOf = map.insetIndexByArea()
        let mainWorld = areas.indices.reduce(BoundingBox.empty) {
            insetOf[$1] == nil ? $0.union(areas[$1].geometry.boundingBox) : $0
        }
        var insetWorlds = [BoundingBox](repeating: .empty, count: insets.count)
        for (i, k) in insetOf.enumerated() {
            if let k { insetWorlds[k] = insetWorlds[k].union(areas[i].geometry.boundingBox) }
        }
        let framed = insets.indices.filter { !insetWorlds[$0].isEmpty }
        let captionH = framed.isEmpty ? 0 : captionH
        var world = mainWorld
        var insetBoxes: [Int: BoundingBox] = [:]
        if !mainWorld.isEmpty, !framed.isEmpty {
            let placement = InsetPlacement(
                mainShapes: areas.indices.filter { insetOf[$0] == nil }.map { areas[$0].geometry })
            let pad = 0.015 * max(mainWorld.width, mainWorld.height)
            // The caption's height in metres depends on the final scale: estimate it from the fit of
            // the main map, then once more from the fit with the frames.
            var scale = MapProjection(fitting: mainWorld, into: region).scale
            for _ in 0..<2 where scale > 0 {
                let sizes = framed.map { k in
                    (
                        width: insetWorlds[k].width * insets[k].scale + 2 * pad,
                        height: insetWorlds[k].height * insets[k].scale + 2 * pad + (captionH + 2) / scale
                    )
                }
                let boxes = placement.place(sizes: sizes, corners: framed.map { insets[$0].corner }, gap: pad)
                insetBoxes = Dictionary(uniqueKeysWithValues: zip(framed, boxes))
                world = boxes.reduce(mainWorld) { $0.union($1) }
                scale = MapProjection(fitting: world, into: region).scale
            }
        }
        var projection: MapProjection?
        var mapRect = region
        var insetFrames: [Int: PageRect] = [:]
        var insetProjections: [Int: MapProjection] = [:]
        if !world.isEmpty {
            let fitted = MapProjection(fitting: world, into: region)
            let groupW = fitted.rect.width + gap + panelW
            let x0 = contentX + (contentW - groupW) / 2
            let p = MapProjection(
                world: world, scale: fitted.scale,
                centredIn: PageRect(x: x0, y: region.minY, width: fitted.rect.width, height: region.height))
            projection = p
            mapRect = p.rect
            for (k, box) in insetBoxes {
                let a = p.project(Point(x: box.minX, y: box.maxY))
                let b = p.project(Point(x: box.maxX, y: box.minY))
                let frame = PageRect(x: a.x, y: a.y, width: b.x - a.x, height: b.y - a.y)
                insetFrames[k] = frame
                let padPt = 0.015 * max(mainWorld.width, mainWorld.height) * p.scale
                let content = PageRect(
                    x: frame.minX + padPt, y: frame.minY + captionH + 2 + padPt,
                    width: max(0, frame.width - 2 * padPt),
                    height: max(0, frame.height - captionH - 2 - 2 * padPt))
                insetProjections[k] = MapProjection(
                    world: insetWorlds[k], scale: p.scale * insets[k].scale, centredIn: content)
            }
        }
        self.insetOf = insetOf
        self.mainWorld = mainWorld
        self.framed = framed
        self.region = region
        self.projection = projection
        self.mapRect = mapRect
        self.insetFrames = insetFrames
        self.insetProjections = insetProjections
    }

    /// The projection area `i` is drawn with: its inset's, else the main map's.
    func projection(ofArea i: Int) -> MapProjection? {
        if let k = insetOf[i], let q = insetProjections[k] { return q }
        return projection
    }

    /// Whether the map is one frame (no insets): context layers (roads, outline) are drawn then only.
    var isSingleFrame: Bool { framed.isEmpty }
}

extension ChoroplethMap {
    /// The inset each area belongs to (by id), nil for the main map; all nil when no area is left for
    /// the main map (insets then make no sense and every area is drawn in the main frame).
    func insetIndexByArea() -> [Int?] {
        guard !insets.isEmpty else { return [Int?](repeating: nil, count: areas.count) }
        var byID: [AreaID: Int] = [:]
        for (k, inset) in insets.enumerated() { for id in inset.areaIDs where byID[id] == nil { byID[id] = k } }
        let result = areas.map { byID[$0.id] }
        return result.contains(where: { $0 == nil }) ? result : [Int?](repeating: nil, count: areas.count)
    }
}
