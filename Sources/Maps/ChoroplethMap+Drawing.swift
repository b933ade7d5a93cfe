import Graphics
import GeoModel

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
    /// boundaries as one thin white stroke. Legend swatches use the non-zero rule, so the even-odd
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
        let classification = try classify()
        let colors = classification.classCount == 0 ? [] : try palette.colors(count: classification.classCount)
        let areaClasses = areas.map { $0.classifiableValue.flatMap(classification.classIndex(of:)) }
        let legend = legendEntries(for: classification, colors: colors)

        // Vertical blocks: title, subtitle | body (map + panel) | scale strip | source.
        let m = st.margin, canvasW = size.width, canvasH = size.height
        let contentW = canvasW - 2 * m
        func height(_ s: String, _ style: TextStyle, _ width: Double?) -> Double {
            s.isEmpty ? 0 : measurer.measure(s, style: style, width: width).height
        }
        let titleRect = PageRect(x: m, y: m, width: contentW, height: height(title, st.title, contentW))
        let subtitleRect = PageRect(x: m, y: titleRect.maxY + (subtitle.isEmpty ? 0 : 2), width: contentW,
                                    height: height(subtitle, st.subtitle, contentW))
        let bodyTop = subtitleRect.maxY + (titleRect.height + subtitleRect.height > 0 ? st.gap : 0)
        let sourceH = height(source, st.source, contentW)
        let sourceRect = PageRect(x: m, y: canvasH - m - sourceH, width: contentW, height: sourceH)

        let scaleRowH = max(measurer.measure("0 km", style: st.scaleLabel, width: nil).height, 6)
        let letterSize = measurer.measure("N", style: st.legendTitle, width: nil)
        let arrowW = max(10, letterSize.width), arrowH = letterSize.height + 15
        let stripH = max(2 * scaleRowH + 3, arrowH)
        let stripTop = sourceRect.minY - (sourceH > 0 ? st.gap : 0) - stripH
        let bodyBottom = stripTop - st.gap
        let bodyH = bodyBottom - bodyTop
        guard bodyH > 0 else {
            throw LastmileError.usage("map canvas \(canvasW)×\(canvasH) pt leaves no room for the map under its title, scale bar and source line")
        }

        // Legend panel width from its text, at most a share of the canvas.
        let labelSizes = legend.map { measurer.measure($0.label, style: st.legendLabel, width: nil) }
        let countSizes = legend.map { measurer.measure($0.countText, style: st.legendCount, width: nil) }
        let legendTitleW = legendTitle.isEmpty ? 0 : measurer.measure(legendTitle, style: st.legendTitle, width: nil).width
        let countW = countSizes.map(\.width).max() ?? 0
        let swatchGap = 6.0, countGap = 8.0
        // Measured widths are exact; a text box set at exactly its measured width can still wrap after
        // Pango rounds to its units, so each column gets a point of slack.
        let slack = 1.0
        let rowsW = st.swatchWidth + swatchGap + (labelSizes.map(\.width).max() ?? 0) + slack + countGap + countW + slack
        let panelW = min(max(legendTitleW, rowsW, arrowW), st.maxPanelFraction * contentW)
        let labelColW = max(1, panelW - st.swatchWidth - swatchGap - countGap - countW - slack)

        // The map: fit the areas' box into the space left of the panel, then centre map + panel.
        let world = areas.reduce(BoundingBox.empty) { $0.union($1.geometry.boundingBox) }
        let region = PageRect(x: m, y: bodyTop, width: max(0, contentW - st.gap - panelW), height: bodyH)
        var projection: MapProjection?
        var mapRect = region
        if !world.isEmpty {
            let fitted = MapProjection(fitting: world, into: region)
            let groupW = fitted.rect.width + st.gap + panelW
            let x0 = m + (contentW - groupW) / 2
            let p = MapProjection(world: world, scale: fitted.scale,
                                  centredIn: PageRect(x: x0, y: bodyTop, width: fitted.rect.width, height: bodyH))
            projection = p
            mapRect = p.rect
        }

        var list = DisplayList(size: size)
        // PNG surfaces start transparent (STACK-NOTES): paint the canvas white first.
        list.fill(.rectangle(PageRect(x: 0, y: 0, width: canvasW, height: canvasH)), .white)

        if let projection {
            var classPaths = [Path](repeating: Path(), count: classification.classCount)
            var noDataPath = Path()
            var boundaries = Path()
            for (i, area) in areas.enumerated() where !area.geometry.polygons.isEmpty {
                var rings = Path()
                projection.appendRings(of: area.geometry, to: &rings)
                if let c = areaClasses[i] { classPaths[c].append(rings) } else { noDataPath.append(rings) }
                boundaries.append(rings)
            }
            for (j, path) in classPaths.enumerated() where !path.isEmpty {
                list.fill(path, colors[j], rule: .evenOdd)
            }
            if !noDataPath.isEmpty {
                MapSymbols.hatchedFill(noDataPath, rule: .evenOdd, fill: st.noDataFill, hatch: st.noDataHatch,
                                       spacing: st.hatchSpacing, into: &list)
            }
            if !boundaries.isEmpty { list.stroke(boundaries, st.boundary) }
        }

        // Legend: title, then a row per entry (swatch, range, count), beside the map's top.
        let titleH = legendTitle.isEmpty ? 0 : measurer.measure(legendTitle, style: st.legendTitle, width: panelW).height
        let labelHeights = legend.map { measurer.measure($0.label, style: st.legendLabel, width: labelColW).height }
        let rowHeights = zip(labelHeights, countSizes).map { max(st.swatchHeight, $0, $1.height) }
        let rowGap = 3.0
        let legendH = titleH + (titleH > 0 ? 4 : 0) + rowHeights.reduce(0, +) + rowGap * Double(max(0, legend.count - 1))
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
            let swatch = PageRect(x: panelX, y: rowY + (rowH - st.swatchHeight) / 2,
                                  width: st.swatchWidth, height: st.swatchHeight)
            if entry.isNoData {
                MapSymbols.hatchedFill(.rectangle(swatch), rule: .nonZero, fill: entry.color, hatch: st.noDataHatch,
                                       spacing: st.hatchSpacing, into: &list)
            } else {
                list.fill(.rectangle(swatch), entry.color)
            }
            list.stroke(.rectangle(swatch), swatchOutline)
            list.text(entry.label, at: PagePoint(x: swatch.maxX + swatchGap, y: rowY + (rowH - labelHeights[i]) / 2),
                      width: labelColW, style: st.legendLabel)
            // Counts are right-aligned at the panel's edge and never wrap.
            list.text(entry.countText, at: PagePoint(x: panelX + panelW - countSizes[i].width,
                                                     y: rowY + (rowH - countSizes[i].height) / 2),
                      width: nil, style: st.legendCount)
            rowY += rowH + rowGap
        }

        // Scale bars (km, then miles) and the north arrow, in the strip under the map.
        var scaleBars: [ScaleBar] = []
        if let projection, mapRect.width > 0 {
            let maxBarW = st.scaleBarFraction * mapRect.width
            scaleBars = [ScaleBar(unit: .kilometres, metresPerPoint: projection.metresPerPoint, maxWidth: maxBarW),
                         ScaleBar(unit: .miles, metresPerPoint: projection.metresPerPoint, maxWidth: maxBarW)]
                .filter { $0.width > 0 }
        }
        let labelWidths = scaleBars.map { measurer.measure($0.label, style: st.scaleLabel, width: nil).width }
        let barsW = zip(scaleBars, labelWidths).map { $0.width + 4 + $1 }.max() ?? 0
        let stripW = barsW + (barsW > 0 ? 16 : 0) + arrowW
        let stripX = max(m, min(mapRect.minX, canvasW - m - stripW))
        let stripRect = PageRect(x: stripX, y: stripTop, width: stripW, height: stripH)
        for (i, bar) in scaleBars.enumerated() {
            let rowTop = stripTop + Double(i) * (scaleRowH + 3)
            let baseY = rowTop + scaleRowH * 0.75, tickY = rowTop + scaleRowH * 0.25
            var path = Path()
            path.move(to: PagePoint(x: stripX, y: tickY))
            path.line(to: PagePoint(x: stripX, y: baseY))
            path.line(to: PagePoint(x: stripX + bar.width, y: baseY))
            path.line(to: PagePoint(x: stripX + bar.width, y: tickY))
            list.stroke(path, st.furniture)
            list.text(bar.label, at: PagePoint(x: stripX + bar.width + 4, y: rowTop), style: st.scaleLabel)
        }
        let arrowRect = PageRect(x: stripRect.maxX - arrowW, y: stripTop + (stripH - arrowH) / 2, width: arrowW, height: arrowH)
        if projection != nil {
            MapSymbols.northArrow(in: arrowRect, letterHeight: letterSize.height, letterStyle: st.legendTitle,
                                  color: st.furniture.color, into: &list)
        }

        if !title.isEmpty { list.text(title, at: PagePoint(x: m, y: m), width: contentW, style: st.title) }
        if !subtitle.isEmpty {
            list.text(subtitle, at: PagePoint(x: m, y: subtitleRect.minY), width: contentW, style: st.subtitle)
        }
        if !source.isEmpty {
            list.text(source, at: PagePoint(x: m, y: sourceRect.minY), width: contentW, style: st.source)
        }

        let layout = MapLayout(canvas: size, title: titleRect, subtitle: subtitleRect, mapRegion: region, mapFrame: mapRect,
                               legend: legendRect, scaleBar: stripRect, northArrow: arrowRect, source: sourceRect)
        return MapDrawing(displayList: list, classification: classification, colors: colors,
                          areaClasses: areaClasses, projection: projection, legend: legend,
                          scaleBars: scaleBars, layout: layout)
    }
}
