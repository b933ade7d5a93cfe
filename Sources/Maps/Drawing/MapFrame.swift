import GeoModel
import Graphics

/// Where a choropleth's areas land on the page: the main map's projection, fitted beside the legend
/// panel and centred with it, and the inset frames (Alaska, Hawaii, …) placed round the main areas,
/// each with its own projection, sized by what it shows (`InsetContent`).
struct MapFrame {
    /// The areas as drawn: the map's, with the outlying parts of inset areas left out (`InsetContent`).
    let areas: [MapArea]
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
    /// Each framed inset's caption, with the scale it is drawn at relative to the main map's.
    let captions: [Int: String]
    /// A caption up to this wide stays on one line however small its frame's content, points: two
    /// words of 7 pt text ("Puerto Rico"); longer ones wrap to their frame, never inside a word.
    static let captionWrapWidth = 80.0

    /// Fits `map`'s areas (main and insets) into `region` at one scale, then centres the map and the
    /// panel of width `panelW` (plus `gap`) across `contentX…contentX + contentW`; captions are measured
    /// in `captionStyle`, and each frame is at least as wide as its caption.
    init(
        _ map: ChoroplethMap, region: PageRect, panelW: Double, gap: Double, contentX: Double, contentW: Double,
        captionStyle: TextStyle, measurer: some TextMeasurer
    ) {
        var areas = map.areas
        let insets = map.insets
        let insetOf = map.insetIndexByArea()
        let mainWorld = areas.indices.reduce(BoundingBox.empty) {
            insetOf[$1] == nil ? $0.union(areas[$1].geometry.boundingBox) : $0
        }
        let contents = map.insetContents(insetOf: insetOf)
        for content in contents.compactMap({ $0 }) {
            for (i, shape) in content.trimmed { areas[i].geometry = shape }
        }
        let framed = insets.indices.filter { contents[$0].map { !$0.box.isEmpty } ?? false }
        let insetWorlds = contents.map { $0?.box ?? .empty }
        // Each inset's scale relative to the main map's, and its caption at that scale.
        var relative: [Int: Double] = [:]
        for k in framed {
            relative[k] = contents[k]!.scale(nominal: insets[k].scale, mainBox: mainWorld)
        }
        // A caption wider than its frame's content wraps (never inside a word) and widens the frame
        // only as far as its longest word needs.
        let captionTexts = Dictionary(
            uniqueKeysWithValues: framed.map { ($0, insets[$0].caption(scale: relative[$0]!)) })
        func captionLayout(_ k: Int, contentWidth: Double) -> (frameWidth: Double, height: Double) {
            let text = captionTexts[k]!
            let full = measurer.measure(text, style: captionStyle, width: nil).width
            let word =
                text.split(separator: " ").map { measurer.measure(String($0), style: captionStyle, width: nil).width }
                .max() ?? 0
            let textW = min(full, max(contentWidth - 6, word, Self.captionWrapWidth))
            return (max(contentWidth, textW + 6), measurer.measure(text, style: captionStyle, width: textW + 1).height)
        }
        // The space round an inset's content, points: 1.5 % of the main map's extent, but no more than
        // 5 % of the content's own (a small inset is not lost in its margin), and at least 3 pt.
        func mainPad(_ box: BoundingBox) -> Double { 0.015 * max(box.width, box.height) }
        func padding(_ k: Int, scale: Double) -> Double {
            let own = 0.05 * max(insetWorlds[k].width, insetWorlds[k].height) * relative[k]!
            return max(3, min(mainPad(mainWorld), own) * scale)
        }
        var world = mainWorld
        var insetBoxes: [Int: BoundingBox] = [:]
        if !mainWorld.isEmpty, !framed.isEmpty {
            let placement = InsetPlacement(
                mainShapes: areas.indices.filter { insetOf[$0] == nil }.map { areas[$0].geometry })
            let pad = mainPad(mainWorld)
            // The caption's size in metres depends on the final scale: estimate it from the fit of the
            // main map, then again from the fit with the frames.
            var scale = MapProjection(fitting: mainWorld, into: region).scale
            for _ in 0..<3 where scale > 0 {
                let sizes = framed.map { k in
                    let framePad = padding(k, scale: scale) / scale
                    let content = insetWorlds[k].width * relative[k]! + 2 * framePad
                    let caption = captionLayout(k, contentWidth: content * scale)
                    return (
                        width: caption.frameWidth / scale,
                        height: insetWorlds[k].height * relative[k]! + 2 * framePad + (caption.height + 2) / scale
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
        var captions: [Int: String] = [:]
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
                let padPt = padding(k, scale: p.scale)
                // At the inset's scale, unless the last estimate of the caption left a little less room;
                // the caption says the scale drawn (measured again when that changes its text).
                var text = captionTexts[k]!
                for _ in 0..<3 {
                    let captionH = measurer.measure(text, style: captionStyle, width: frame.width - 4).height
                    let content = PageRect(
                        x: frame.minX + padPt, y: frame.minY + captionH + 2 + padPt,
                        width: max(0, frame.width - 2 * padPt),
                        height: max(0, frame.height - captionH - 2 - 2 * padPt))
                    let fit = MapProjection(fitting: insetWorlds[k], into: content).scale
                    let q = MapProjection(
                        world: insetWorlds[k], scale: min(p.scale * relative[k]!, fit), centredIn: content)
                    insetProjections[k] = q
                    let drawn = insets[k].caption(scale: q.scale / p.scale)
                    if drawn == text { break }
                    text = drawn
                }
                captions[k] = insets[k].caption(scale: insetProjections[k]!.scale / p.scale)
            }
        }
        self.areas = areas
        self.insetOf = insetOf
        self.mainWorld = mainWorld
        self.framed = framed
        self.region = region
        self.projection = projection
        self.mapRect = mapRect
        self.insetFrames = insetFrames
        self.insetProjections = insetProjections
        self.captions = captions
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
