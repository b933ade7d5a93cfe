import GeoModel
import Graphics

extension ChoroplethMap {
    /// Draws the map on a canvas of `size` points.
    ///
    /// Layout (deterministic): title and subtitle across the top; the map fitted to the areas'
    /// bounding box (uniform scale, y up) with the legend panel on its right, the pair centred; the
    /// scale bars (km above miles, about a fifth of the map's width) and the north arrow in a strip
    /// under the map; the source line at the bottom. Nothing is drawn outside the canvas, and the
    /// legend and scale bars never cover the map.
    ///
    /// Fills: one `.fill(path, colour, .evenOdd)` per class that has areas, holding every ring of
    /// every polygon of that class; one hatched grey fill for the areas without data; then all
    /// boundaries as one thin white stroke. Flagged areas get a dark "\" hatch, clipped to them, over
    /// their fill. Legend swatches use the non-zero rule, so the even-odd
    /// fills of the list are exactly the map's class and no-data fills.
    ///
    /// - Parameters:
    ///   - size: the canvas, points.
    ///   - measurer: sizes text for the layout (the renderer's own measurer in production).
    /// - Throws: `LastmileError.usage` for bad classification parameters, a palette without enough
    ///   colours, or a canvas too small to hold the map.
    public func draw(size: PageSize, measurer: some TextMeasurer) throws -> MapDrawing {
        let st = style
        guard size.width.isFinite, size.height.isFinite, size.width > 2 * st.margin, size.height > 2 * st.margin else {
            throw LastmileError.usage("map canvas \(size.width)×\(size.height) pt is smaller than its margins")
        }
        let (classification, colors, legend) = try classes()
        let areaClasses = areas.map { $0.classifiableValue.flatMap(classification.classIndex(of:)) }

        // Vertical blocks: title, subtitle | body (map + panel) | scale strip | source.
        let m = st.margin
        let canvasW = size.width
        let canvasH = size.height
        let contentW = canvasW - 2 * m
        func height(_ s: String, _ style: TextStyle, _ width: Double?) -> Double {
            s.isEmpty ? 0 : measurer.measure(s, style: style, width: width).height
        }
        let titleRect = PageRect(x: m, y: m, width: contentW, height: height(title, st.title, contentW))
        let subtitleRect = PageRect(
            x: m, y: titleRect.maxY + (subtitle.isEmpty ? 0 : 2), width: contentW,
            height: height(subtitle, st.subtitle, contentW))
        let bodyTop = subtitleRect.maxY + (titleRect.height + subtitleRect.height > 0 ? st.gap : 0)
        let sourceH = height(source, st.source, contentW)
        let sourceRect = PageRect(x: m, y: canvasH - m - sourceH, width: contentW, height: sourceH)

        let scaleRowH = max(measurer.measure("0 km", style: st.scaleLabel, width: nil).height, 6)
        let letterSize = measurer.measure("N", style: st.legendTitle, width: nil)
        let arrowW = max(10, letterSize.width)
        let arrowH = letterSize.height + 15
        let stripH = max(2 * scaleRowH + 3, arrowH)
        let stripTop = sourceRect.minY - (sourceH > 0 ? st.gap : 0) - stripH
        let bodyBottom = stripTop - st.gap
        let bodyH = bodyBottom - bodyTop
        guard bodyH > 0 else {
            throw LastmileError.usage(
                "map canvas \(canvasW)×\(canvasH) pt leaves no room for the map under its title, scale bar and source line"
            )
        }

        // Legend panel width from its text, at most a share of the canvas.
        let labelSizes = legend.map { measurer.measure($0.label, style: st.legendLabel, width: nil) }
        let countSizes = legend.map { measurer.measure($0.countText, style: st.legendCount, width: nil) }
        let legendTitleW =
            legendTitle.isEmpty ? 0 : measurer.measure(legendTitle, style: st.legendTitle, width: nil).width
        let countW = countSizes.map(\.width).max() ?? 0
        let swatchGap = 6.0
        let countGap = 8.0
        // Measured widths are exact; a text box set at exactly its measured width can still wrap after
        // Pango rounds to its units, so each column gets a point of slack.
        let slack = 1.0
        let rowsW =
            st.swatchWidth + swatchGap + (labelSizes.map(\.width).max() ?? 0) + slack + countGap + countW + slack
        let panelW = min(max(legendTitleW, rowsW, arrowW), st.maxPanelFraction * contentW)
        let labelColW = max(1, panelW - st.swatchWidth - swatchGap - countGap - countW - slack)

        // The map: the main areas' box, widened by the inset frames placed beside it, fitted into the
        // space left of the panel; then map and panel centred together.
        let insetOf = insetIndexByArea()
        let mainWorld = areas.indices.reduce(BoundingBox.empty) {
            insetOf[$1] == nil ? $0.union(areas[$1].geometry.boundingBox) : $0
        }
        var insetWorlds = [BoundingBox](repeating: .empty, count: insets.count)
        for (i, k) in insetOf.enumerated() {
            if let k { insetWorlds[k] = insetWorlds[k].union(areas[i].geometry.boundingBox) }
        }
        let framed = insets.indices.filter { !insetWorlds[$0].isEmpty }
        let captionH = framed.isEmpty ? 0 : measurer.measure("Ag", style: st.insetCaption, width: nil).height
        let region = PageRect(x: m, y: bodyTop, width: max(0, contentW - st.gap - panelW), height: bodyH)
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
            let groupW = fitted.rect.width + st.gap + panelW
            let x0 = m + (contentW - groupW) / 2
            let p = MapProjection(
                world: world, scale: fitted.scale,
                centredIn: PageRect(x: x0, y: bodyTop, width: fitted.rect.width, height: bodyH))
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
        /// The projection an area is drawn with: its inset's, else the main map's.
        func areaProjection(_ i: Int) -> MapProjection? {
            if let k = insetOf[i], let q = insetProjections[k] { return q }
            return projection
        }

        var list = DisplayList(size: size)
        // PNG surfaces start transparent (STACK-NOTES): paint the canvas white first.
        list.fill(.rectangle(PageRect(x: 0, y: 0, width: canvasW, height: canvasH)), .white)

        if projection != nil {
            var classPaths = [Path](repeating: Path(), count: classification.classCount)
            var noDataPath = Path()
            var waterPath = Path()
            var flaggedPath = Path()
            var boundaries = SharedBoundaries()
            for (i, area) in areas.enumerated() where !area.geometry.polygons.isEmpty {
                guard let q = areaProjection(i) else { continue }
                var rings = Path()
                q.appendRings(of: area.geometry, to: &rings, tolerance: st.vertexTolerance)
                if area.isWater {
                    waterPath.append(rings)
                } else if let c = areaClasses[i] {
                    classPaths[c].append(rings)
                } else {
                    noDataPath.append(rings)
                }
                if area.isFlagged && !area.isWater { flaggedPath.append(rings) }
                boundaries.add(area.geometry, projection: q, tolerance: st.vertexTolerance)
            }
            if !waterPath.isEmpty { list.fill(waterPath, st.waterFill, rule: .evenOdd) }
            for (j, path) in classPaths.enumerated() where !path.isEmpty {
                list.fill(path, colors[j], rule: .evenOdd)
            }
            if !noDataPath.isEmpty {
                MapSymbols.hatchedFill(
                    noDataPath, rule: .evenOdd, fill: st.noDataFill, hatch: st.noDataHatch,
                    spacing: st.hatchSpacing, into: &list)
            }
            if !flaggedPath.isEmpty { MapSymbols.flagHatch(flaggedPath, rule: .evenOdd, style: st, into: &list) }
            if let p = projection, framed.isEmpty, !roads.isEmpty {
                // Roads inside the areas only: the clip is every ring of every area (they do not overlap).
                var clip = Path()
                for area in areas { p.appendRings(of: area.geometry, to: &clip, tolerance: st.vertexTolerance) }
                var local = Path()
                var major = Path()
                for road in roads {
                    for part in road.parts where part.count >= 2 {
                        let pts = part.map(p.project)
                        road.isMajor ? major.move(to: pts[0]) : local.move(to: pts[0])
                        for q in pts.dropFirst() { road.isMajor ? major.line(to: q) : local.line(to: q) }
                    }
                }
                list.append(.save)
                list.append(.clip(clip, .evenOdd))
                if !local.isEmpty { list.stroke(local, MapStyle.localRoad) }
                if !major.isEmpty { list.stroke(major, MapStyle.majorRoad) }
                list.append(.restore)
            }
            if !boundaries.path.isEmpty { list.stroke(boundaries.path, st.boundary) }
            if drawsOutline, let p = projection, framed.isEmpty {
                let outline = StudyOutline.path(of: areas.map(\.geometry), projection: p)
                if !outline.isEmpty { list.stroke(outline, MapStyle.outline) }
            }
            for k in framed {
                guard let frame = insetFrames[k] else { continue }
                list.stroke(.rectangle(frame), st.insetFrame)
                list.text(
                    insets[k].caption, at: PagePoint(x: frame.minX + 2, y: frame.minY + 1), style: st.insetCaption)
            }
        }

        // Labels for the largest areas, placed greedily; main-map labels keep off the inset frames.
        var labels: [MapLabel] = []
        if labelCount > 0, projection != nil {
            let frames = Array(insetFrames.values)
            var candidates: [LabelPlacer.Candidate] = []
            for (i, area) in areas.enumerated() {
                guard !area.isWater, let text = area.label, !text.isEmpty, !area.geometry.polygons.isEmpty,
                    let q = areaProjection(i), let anchor = q.labelPoint(of: area.geometry)
                else { continue }
                let b = area.geometry.boundingBox
                let a0 = q.project(Point(x: b.minX, y: b.maxY))
                let a1 = q.project(Point(x: b.maxX, y: b.minY))
                let inset = insetOf[i].flatMap { insetFrames[$0] }
                candidates.append(
                    LabelPlacer.Candidate(
                        areaID: area.id, text: text, pageArea: area.geometry.area * q.scale * q.scale, anchor: anchor,
                        areaBox: PageRect(x: a0.x, y: a0.y, width: a1.x - a0.x, height: a1.y - a0.y),
                        frame: inset ?? mapRect, avoid: inset == nil ? frames : [],
                        isInside: { area.geometry.contains(q.unproject($0)) }))
            }
            labels = LabelPlacer.place(candidates, limit: labelCount, style: st.areaLabel, measurer: measurer)
            let indexByID = Dictionary(areas.indices.map { (areas[$0].id, $0) }, uniquingKeysWith: { a, _ in a })
            for label in labels {
                var style = st.areaLabel
                if let i = indexByID[label.areaID] {
                    style.color = MapStyle.labelColor(on: areaClasses[i].map { colors[$0] } ?? st.noDataFill)
                }
                list.text(label.text, at: PagePoint(x: label.box.minX, y: label.box.minY), style: style)
            }
        }

        // Legend: title, then a row per entry (swatch, range, count), beside the map's top.
        let titleH =
            legendTitle.isEmpty ? 0 : measurer.measure(legendTitle, style: st.legendTitle, width: panelW).height
        let labelHeights = legend.map { measurer.measure($0.label, style: st.legendLabel, width: labelColW).height }
        let rowHeights = zip(labelHeights, countSizes).map { max(st.swatchHeight, $0, $1.height) }
        let rowGap = 3.0
        let legendH =
            titleH + (titleH > 0 ? 4 : 0) + rowHeights.reduce(0, +) + rowGap * Double(max(0, legend.count - 1))
        let panelX = mapRect.maxX + st.gap
        let legendY = max(bodyTop, min(mapRect.minY, bodyBottom - legendH))
        let legendRect = PageRect(x: panelX, y: legendY, width: panelW, height: legendH)
        if !legendTitle.isEmpty {
            list.text(legendTitle, at: PagePoint(x: panelX, y: legendY), width: panelW, style: st.legendTitle)
        }
        var rowY = legendY + titleH + (titleH > 0 ? 4 : 0)
        let swatchOutline = StrokeStyle(color: st.noDataHatch.color, width: 0.5)
        for (i, entry) in legend.enumerated() {
            let rowH = rowHeights[i]
            let swatch = PageRect(
                x: panelX, y: rowY + (rowH - st.swatchHeight) / 2,
                width: st.swatchWidth, height: st.swatchHeight)
            if entry.isFlag {
                list.fill(.rectangle(swatch), entry.color)
                MapSymbols.flagHatch(.rectangle(swatch), rule: .nonZero, style: st, into: &list)
            } else if entry.isWater {
                list.fill(.rectangle(swatch), entry.color)
            } else if entry.isNoData {
                MapSymbols.hatchedFill(
                    .rectangle(swatch), rule: .nonZero, fill: entry.color, hatch: st.noDataHatch,
                    spacing: st.hatchSpacing, into: &list)
            } else {
                list.fill(.rectangle(swatch), entry.color)
            }
            list.stroke(.rectangle(swatch), swatchOutline)
            list.text(
                entry.label, at: PagePoint(x: swatch.maxX + swatchGap, y: rowY + (rowH - labelHeights[i]) / 2),
                width: labelColW, style: st.legendLabel)
            // Counts are right-aligned at the panel's edge and never wrap.
            list.text(
                entry.countText,
                at: PagePoint(
                    x: panelX + panelW - countSizes[i].width,
                    y: rowY + (rowH - countSizes[i].height) / 2),
                width: nil, style: st.legendCount)
            rowY += rowH + rowGap
        }

        // The locator map under the legend, when an outline is given and there is room for it.
        var locatorRect: PageRect?
        if let locator, !mainWorld.isEmpty {
            let outlineBox = locator.outline.boundingBox
            let captionHeight =
                locator.caption.isEmpty
                ? 0 : measurer.measure(locator.caption, style: st.insetCaption, width: panelW).height
            let top = legendRect.maxY + st.gap
            let available = bodyBottom - top
            let boxH = min(available - captionHeight - 2, panelW * 0.8)
            if boxH >= 30 {
                let lp = MapProjection(
                    fitting: outlineBox.union(mainWorld),
                    into: PageRect(x: panelX, y: top, width: panelW, height: boxH))
                var outline = Path()
                lp.appendRings(of: locator.outline, to: &outline)
                list.fill(outline, st.locatorFill, rule: .evenOdd)
                list.stroke(outline, st.locatorOutline)
                let a = lp.project(Point(x: mainWorld.minX, y: mainWorld.maxY))
                let b = lp.project(Point(x: mainWorld.maxX, y: mainWorld.minY))
                // At least 3 points across, so a small study area still shows.
                let w = max(3, b.x - a.x)
                let h = max(3, b.y - a.y)
                list.stroke(
                    .rectangle(PageRect(x: (a.x + b.x - w) / 2, y: (a.y + b.y - h) / 2, width: w, height: h)),
                    st.locatorExtent)
                if !locator.caption.isEmpty {
                    var captionStyle = st.insetCaption
                    captionStyle.alignment = .center
                    list.text(
                        locator.caption, at: PagePoint(x: panelX, y: lp.rect.maxY + 2), width: panelW,
                        style: captionStyle)
                }
                locatorRect = PageRect(
                    x: panelX, y: top, width: panelW,
                    height: lp.rect.maxY - top + (captionHeight > 0 ? 2 + captionHeight : 0))
            }
        }

        // Scale bars (km, then miles) and the north arrow, in the strip under the map.
        var scaleBars: [ScaleBar] = []
        if let projection, mapRect.width > 0 {
            let maxBarW = st.scaleBarFraction * mapRect.width
            scaleBars = [
                ScaleBar(unit: .kilometres, metresPerPoint: projection.metresPerPoint, maxWidth: maxBarW),
                ScaleBar(unit: .miles, metresPerPoint: projection.metresPerPoint, maxWidth: maxBarW),
            ]
            .filter { $0.width > 0 }
        }
        let labelWidths = scaleBars.map { measurer.measure($0.label, style: st.scaleLabel, width: nil).width }
        let barsW = zip(scaleBars, labelWidths).map { $0.width + 4 + $1 }.max() ?? 0
        let stripW = barsW + (barsW > 0 ? 16 : 0) + arrowW
        let stripX = max(m, min(mapRect.minX, canvasW - m - stripW))
        let stripRect = PageRect(x: stripX, y: stripTop, width: stripW, height: stripH)
        for (i, bar) in scaleBars.enumerated() {
            let rowTop = stripTop + Double(i) * (scaleRowH + 3)
            let baseY = rowTop + scaleRowH * 0.75
            let tickY = rowTop + scaleRowH * 0.25
            var path = Path()
            path.move(to: PagePoint(x: stripX, y: tickY))
            path.line(to: PagePoint(x: stripX, y: baseY))
            path.line(to: PagePoint(x: stripX + bar.width, y: baseY))
            path.line(to: PagePoint(x: stripX + bar.width, y: tickY))
            list.stroke(path, st.furniture)
            list.text(bar.label, at: PagePoint(x: stripX + bar.width + 4, y: rowTop), style: st.scaleLabel)
        }
        let arrowRect = PageRect(
            x: stripRect.maxX - arrowW, y: stripTop + (stripH - arrowH) / 2, width: arrowW, height: arrowH)
        if projection != nil {
            MapSymbols.northArrow(
                in: arrowRect, letterHeight: letterSize.height, letterStyle: st.legendTitle,
                color: st.furniture.color, into: &list)
        }

        if !title.isEmpty { list.text(title, at: PagePoint(x: m, y: m), width: contentW, style: st.title) }
        if !subtitle.isEmpty {
            list.text(subtitle, at: PagePoint(x: m, y: subtitleRect.minY), width: contentW, style: st.subtitle)
        }
        if !source.isEmpty {
            list.text(source, at: PagePoint(x: m, y: sourceRect.minY), width: contentW, style: st.source)
        }

        let layout = MapLayout(
            canvas: size, title: titleRect, subtitle: subtitleRect, mapRegion: region, mapFrame: mapRect,
            legend: legendRect, scaleBar: stripRect, northArrow: arrowRect, source: sourceRect,
            insets: framed.compactMap { insetFrames[$0] }, locator: locatorRect)
        return MapDrawing(
            displayList: list, classification: classification, colors: colors,
            areaClasses: areaClasses, projection: projection, legend: legend,
            scaleBars: scaleBars, layout: layout, labels: labels)
    }
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

extension MapStyle {
    /// Black or white text, whichever reads on `fill`: white when the fill's luma (Rec. 709 weights on
    /// the sRGB values) is below one half.
    public static func labelColor(on fill: Color) -> Color {
        let luma = 0.2126 * fill.red + 0.7152 * fill.green + 0.0722 * fill.blue
        return luma < 0.5 ? .white : Color(hex: "#252525")!
    }
}
