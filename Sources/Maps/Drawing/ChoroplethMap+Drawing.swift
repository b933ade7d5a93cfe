import GeoModel
import Graphics

extension ChoroplethMap {
    /// Draws the map on a canvas of `size` points.
    ///
    /// Layout (deterministic): title and subtitle across the top; the map fitted to the areas'
    /// bounding box (uniform scale, y up) with the legend panel on its right, the pair centred; the
    /// scale bars (km above miles, about a fifth of the map's width) and the north arrow in a strip
    /// under the map, or for a map without one scale a line saying why (`ScaleStrip`); the source line
    /// at the bottom. Nothing is drawn outside the canvas, and the
    /// legend and scale bars never cover the map.
    ///
    /// Fills: one `.fill(path, colour, .evenOdd)` per class that has areas, holding every ring of
    /// every polygon of that class; one hatched grey fill for the areas without data; then all
    /// boundaries as one thin white stroke, and the dark outline or group lines over it
    /// (`outlineStrokes`). Flagged areas get a dark "\" hatch, clipped to them, over
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
        let areaClasses = self.areas.map { $0.classifiableValue.flatMap(classification.classIndex(of:)) }

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

        let strip = ScaleStrip(for: self, contentWidth: contentW, style: st, measurer: measurer)
        let stripTop = sourceRect.minY - (sourceH > 0 ? st.gap : 0) - strip.height
        let bodyBottom = stripTop - st.gap
        let bodyH = bodyBottom - bodyTop
        guard bodyH > 0 else {
            throw LastmileError.usage(
                "map canvas \(canvasW)×\(canvasH) pt leaves no room for the map under its title, scale bar and source line"
            )
        }

        // The legend panel's width from its text; the map fitted into the space left of it (the main
        // areas' box widened by the inset frames placed beside it), then map and panel centred together.
        let panel = LegendPanel(
            entries: legend, title: legendTitle, style: st, contentWidth: contentW, minWidth: strip.arrowWidth,
            symbols: symbols, measurer: measurer)
        let region = PageRect(x: m, y: bodyTop, width: max(0, contentW - st.gap - panel.width), height: bodyH)
        let frame = MapFrame(
            self, region: region, panelW: panel.width, gap: st.gap, contentX: m, contentW: contentW,
            captionStyle: st.insetCaption, measurer: measurer)
        let areas = frame.areas
        let projection = frame.projection
        let mapRect = frame.mapRect

        var list = DisplayList(size: size)
        // PNG surfaces start transparent (STACK-NOTES): paint the canvas white first.
        list.fill(.rectangle(PageRect(x: 0, y: 0, width: canvasW, height: canvasH)), .white)

        if projection != nil {
            var classPaths = [Path](repeating: Path(), count: classification.classCount)
            var noDataPath = Path()
            var waterPath = Path()
            var flaggedPath = Path()
            var boundaries = SharedBoundaries()
            var groundPath = Path()
            // Room for every vertex of each class's rings (thinning only drops some): the paths of a
            // dense layer grow once instead of doubling and copying.
            if symbols == nil {
                var sizes = [Int](repeating: 0, count: classification.classCount)
                for (i, area) in areas.enumerated() where !area.isWater {
                    guard let c = areaClasses[i] else { continue }
                    for polygon in area.geometry.polygons {
                        for ring in polygon.rings { sizes[c] += ring.count + 1 }
                    }
                }
                for (c, n) in sizes.enumerated() { classPaths[c].reserveCapacity(n) }
            }
            for (i, area) in areas.enumerated() where !area.geometry.polygons.isEmpty {
                guard let q = frame.projection(ofArea: i) else { continue }
                var rings = Path()
                q.appendRings(of: area.geometry, to: &rings, tolerance: st.vertexTolerance)
                if area.isWater {
                    waterPath.append(rings)
                } else if symbols != nil {
                    groundPath.append(rings)
                } else if let c = areaClasses[i] {
                    classPaths[c].append(rings)
                } else {
                    noDataPath.append(rings)
                }
                if area.isFlagged && !area.isWater && symbols == nil { flaggedPath.append(rings) }
                boundaries.add(area.geometry, projection: q, tolerance: st.vertexTolerance)
            }
            if !waterPath.isEmpty { list.fill(waterPath, st.waterFill, rule: .evenOdd) }
            if !groundPath.isEmpty { list.fill(groundPath, st.locatorFill, rule: .evenOdd) }
            for (j, path) in classPaths.enumerated() where !path.isEmpty {
                list.fill(path, colors[j], rule: .evenOdd)
            }
            if !noDataPath.isEmpty {
                MapSymbols.hatchedFill(
                    noDataPath, rule: .evenOdd, fill: st.noDataFill, hatch: st.noDataHatch,
                    spacing: st.hatchSpacing, into: &list)
            }
            if !flaggedPath.isEmpty { MapSymbols.flagHatch(flaggedPath, rule: .evenOdd, style: st, into: &list) }
            if let p = projection, frame.isSingleFrame, !water.isEmpty {
                drawWater(projection: p, clip: mapRect, into: &list)
            }
            if let p = projection, frame.isSingleFrame, !roads.isEmpty {
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
            for outline in outlineStrokes(in: frame) { list.stroke(outline.path, outline.style) }
            if let symbols { drawSymbols(symbols, frame: frame, into: &list) }
            for k in frame.framed {
                guard let box = frame.insetFrames[k] else { continue }
                list.stroke(.rectangle(box), st.insetFrame)
                list.text(
                    frame.captions[k] ?? insets[k].caption, at: PagePoint(x: box.minX + 2, y: box.minY + 1),
                    width: box.width - 4, style: st.insetCaption)
            }
        }

        // Labels for the largest areas, placed greedily; main-map labels keep off the inset frames.
        var labels: [MapLabel] = []
        if labelCount > 0, projection != nil {
            let frames = Array(frame.insetFrames.values)
            var candidates: [LabelPlacer.Candidate] = []
            for (i, area) in areas.enumerated() {
                guard !area.isWater, let text = area.label, !text.isEmpty, !area.geometry.polygons.isEmpty,
                    let q = frame.projection(ofArea: i), let anchor = q.labelPoint(of: area.geometry)
                else { continue }
                let b = area.geometry.boundingBox
                let a0 = q.project(Point(x: b.minX, y: b.maxY))
                let a1 = q.project(Point(x: b.maxX, y: b.minY))
                let inset = frame.insetOf[i].flatMap { frame.insetFrames[$0] }
                candidates.append(
                    LabelPlacer.Candidate(
                        areaID: area.id, text: text, shortText: area.shortLabel,
                        pageArea: area.geometry.area * q.scale * q.scale, anchor: anchor,
                        areaBox: PageRect(x: a0.x, y: a0.y, width: a1.x - a0.x, height: a1.y - a0.y),
                        frame: inset ?? mapRect, avoid: inset == nil ? frames : [],
                        isInside: { area.geometry.contains(q.unproject($0)) }))
            }
            labels = LabelPlacer.place(candidates, limit: labelCount, style: st.areaLabel, measurer: measurer)
            let indexByID = Dictionary(areas.indices.map { (areas[$0].id, $0) }, uniquingKeysWith: { a, _ in a })
            for label in labels {
                var style = st.areaLabel
                if let i = indexByID[label.areaID] {
                    let ground = symbols != nil ? st.locatorFill : st.noDataFill
                    style.color = MapStyle.labelColor(on: areaClasses[i].map { colors[$0] } ?? ground)
                }
                // A name on two lines is centred in its box (one point of slack against Pango's rounding).
                let twoLines = label.text.contains("\n")
                if twoLines { style.alignment = .center }
                list.text(
                    label.text, at: PagePoint(x: label.box.minX - (twoLines ? 0.5 : 0), y: label.box.minY),
                    width: twoLines ? label.box.width + 1 : nil, style: style)
            }
        }

        // Place names for orientation, clear of the area labels.
        if let p = projection, frame.isSingleFrame, !places.isEmpty, placeLabelLimit > 0 {
            let placed = PlaceLabels.place(
                places, projection: p, frame: mapRect, avoid: labels.map(\.box), limit: placeLabelLimit,
                style: MapStyle.placeLabel, measurer: measurer)
            PlaceLabels.draw(placed, style: MapStyle.placeLabel, into: &list)
        }

        let panelX = mapRect.maxX + st.gap
        let legendRect = panel.draw(
            x: panelX, mapTop: mapRect.minY, top: bodyTop, bottom: bodyBottom, measurer: measurer, into: &list)
        // The locator map under the legend, when an outline is given and there is room for it.
        let locatorRect = locator?.draw(
            studyExtent: frame.mainWorld, x: panelX, top: legendRect.maxY + st.gap, bottom: bodyBottom,
            width: panel.width, style: st, measurer: measurer, into: &list)
        let furniture = strip.draw(
            projection: projection, mapRect: mapRect, top: stripTop, margin: m, canvasWidth: canvasW, style: st,
            measurer: measurer, into: &list)

        if !title.isEmpty { list.text(title, at: PagePoint(x: m, y: m), width: contentW, style: st.title) }
        if !subtitle.isEmpty {
            list.text(subtitle, at: PagePoint(x: m, y: subtitleRect.minY), width: contentW, style: st.subtitle)
        }
        if !source.isEmpty {
            list.text(source, at: PagePoint(x: m, y: sourceRect.minY), width: contentW, style: st.source)
        }

        let layout = MapLayout(
            canvas: size, title: titleRect, subtitle: subtitleRect, mapRegion: region, mapFrame: mapRect,
            legend: legendRect, scaleBar: furniture.strip, northArrow: furniture.arrow, scaleNote: furniture.note,
            source: sourceRect,
            insets: frame.framed.compactMap { frame.insetFrames[$0] }, locator: locatorRect)
        return MapDrawing(
            displayList: list, classification: classification, colors: colors,
            areaClasses: areaClasses, projection: projection, legend: legend,
            scaleBars: furniture.bars, layout: layout, labels: labels)
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
