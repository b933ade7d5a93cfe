import Foundation
import GeoIO
import GeoModel
import Graphics
import Maps
import Reports
import Synchronization

/// `lastmile map`: a quick choropleth of any polygon layer, drawn once and written as PNG, PDF and/or SVG.
public enum QuickMap {
    /// The canvas width in points: 10 inches, a landscape page's printable width; the PNG's pixel
    /// width sets its resolution (2,400 px → 240 dpi).
    public static let canvasWidth = 720.0

    /// Output formats by file extension.
    public enum Format: String, Sendable, CaseIterable { case png, pdf, svg }

    /// The format of an output path from its extension.
    /// - Throws: `LastmileError.usage` for any other extension.
    public static func format(of path: String) throws -> Format {
        let ext = (path as NSString).pathExtension.lowercased()
        guard let f = Format(rawValue: ext) else {
            throw LastmileError.usage(
                "--out '\(path)': the format follows the extension, which must be .png, .pdf or .svg")
        }
        return f
    }

    /// The palette names `--palette` accepts.
    public static var paletteNames: [String] { Palette.all.map(\.name) }

    /// The palette called `name` (case-insensitive; a leading "-" reverses it), reversed when `reverse`
    /// (once: "-YlOrRd" with `reverse` is still reversed).
    /// - Throws: `LastmileError.usage` listing the names.
    public static func palette(named name: String, reverse: Bool = false) throws -> Palette {
        guard let p = Palette.named(name) else {
            throw LastmileError.usage("--palette expects \(Palette.namesInWords), got '\(name)'")
        }
        return reverse && !p.isReversed ? p.reversed : p
    }

    /// The scheme for `--scheme` (quantile, equal, jenks, manual) with `--breaks` for manual.
    /// - Throws: `LastmileError.usage` for another name, manual without breaks, or breaks that are not numbers.
    public static func scheme(named name: String, breaks: String?) throws -> ClassificationScheme {
        switch name.lowercased() {
        case "quantile": return .quantile
        case "equal", "equal-interval": return .equalInterval
        case "jenks", "natural-breaks": return .naturalBreaks
        case "manual":
            guard let breaks else { throw LastmileError.usage("--scheme manual needs --breaks a,b,…") }
            let values = breaks.split(separator: ",", omittingEmptySubsequences: false)
                .map { Double($0.trimmingCharacters(in: .whitespaces)) }
            guard !values.isEmpty, values.allSatisfy({ $0?.isFinite == true }) else {
                throw LastmileError.usage("--breaks expects comma-separated numbers, got '\(breaks)'")
            }
            let bounds = values.map { $0! }
            guard zip(bounds, bounds.dropFirst()).allSatisfy({ $0 < $1 }) else {
                throw LastmileError.usage("--breaks must be strictly ascending, got '\(breaks)'")
            }
            return .manual(bounds)
        default:
            throw LastmileError.usage("--scheme expects quantile, equal, jenks or manual, got '\(name)'")
        }
    }

    /// Reads the layer and the values, draws the map once and writes every output.
    /// - Throws: `.usage` for bad options (output extension, classes, palette, CRS); `.badInput`
    ///   naming the file and column for a missing id, field or key column or an unparsable value;
    ///   `.io` when a file cannot be read or written.
    public static func render(_ request: QuickMapRequest) throws -> QuickMapResult {
        guard !request.outputs.isEmpty else {
            throw LastmileError.usage("give at least one --out file (.png, .pdf or .svg)")
        }
        let formats = try request.outputs.map(format(of:))
        guard request.widthPixels >= 100, request.widthPixels <= 20_000 else {
            throw LastmileError.usage("--width-px must be between 100 and 20000, got \(request.widthPixels)")
        }
        let clock = ContinuousClock()
        var mark = clock.now
        var phases: [(name: String, seconds: Double)] = []
        func lap(_ name: String) {
            let now = clock.now
            let d = (now - mark).components
            phases.append((name, Double(d.seconds) + Double(d.attoseconds) * 1e-18))
            mark = now
        }
        try ReportWriter.verifyFonts()
        let (map, join) = try prepare(request)
        lap("read and classify")
        let mapAreas = map.areas
        let insets = map.insets
        let withData = mapAreas.filter { !$0.isWater }.compactMap(\.value).filter(\.isFinite)
        let measurer = PangoTextMeasurer()
        let drawing = try draw(map, measurer: measurer)
        lap("layout")

        let dpi = Double(request.widthPixels) * 72 / canvasWidth
        let document = Document(
            title: map.title, subject: map.subtitle, creationDate: creationDate(),
            pages: [drawing.displayList])
        // The outputs are independent renderings of one display list (each renderer has its own Cairo
        // surface and Pango font map), so they are written in parallel, in two rounds on all cores:
        // first each PNG's pixels in horizontal bands (BandedRaster, one band per core), then the PNG
        // files' compression, the PDFs and the SVGs, one per thread. On two cores the P3 map's PNG
        // (2,400 px) and PDF take 0.2 s instead of the PNG's 0.3 s on one thread beside the PDF.
        let list = drawing.displayList
        let creator = "Lastmile \(LastmileVersion.current)"
        let failures = Mutex([GraphicsError?](repeating: nil, count: formats.count))
        let cores = max(1, ProcessInfo.processInfo.activeProcessorCount)
        var rasters: [Int: BandedRaster] = [:]
        for (i, format) in formats.enumerated() where format == .png {
            do throws(GraphicsError) {
                rasters[i] = try BandedRaster(list, scale: dpi / 72, bands: cores, path: request.outputs[i])
            } catch {
                failures.withLock { $0[i] = error }
            }
        }
        let pngs = rasters
        let bands = pngs.values.flatMap { raster in (0..<raster.bandCount).map { (raster, $0) } }
        DispatchQueue.concurrentPerform(iterations: bands.count) { j in bands[j].0.drawBand(bands[j].1) }
        lap("PNG pixels")
        DispatchQueue.concurrentPerform(iterations: formats.count) { i in
            let path = request.outputs[i]
            do throws(GraphicsError) {
                switch formats[i] {
                case .png: try pngs[i]?.writePNG(to: path)
                case .pdf: try PDFWriter.write(document, to: path, creator: creator)
                case .svg: try SVGWriter.write(list, to: path)
                }
            } catch {
                failures.withLock { $0[i] = error }
            }
        }
        lap("files")
        if let failure = failures.withLock({ $0.compactMap { $0 }.first }) { throw ReportWriter.lastmileError(failure) }
        let size = drawing.displayList.size
        let waterCount = mapAreas.count(where: \.isWater)
        return QuickMapResult(
            areaCount: mapAreas.count, noDataCount: mapAreas.count - withData.count - waterCount,
            waterCount: waterCount, join: join,
            breaks: drawing.classification.breaks, classCounts: drawing.classification.counts,
            insets: insets.map(\.title), labels: drawing.labels.map(\.text), outputs: request.outputs,
            phases: phases,
            canvas: size,
            pixelSize: (Int((size.width * dpi / 72).rounded(.up)), Int((size.height * dpi / 72).rounded(.up))))
    }

    /// The map `render` draws, with the join's summary: the layer read and projected, the values
    /// joined or read, the US insets arranged, the classes' legend format and the subtitle set.
    /// - Throws: what `render` throws, but for the output checks.
    static func prepare(_ request: QuickMapRequest) throws -> (map: ChoroplethMap, join: QuickMapResult.JoinSummary?) {
        let areas = try VectorSource.readAreas(
            path: request.source, layer: request.layer, idField: request.idField,
            nameField: request.labelField,
            equalAreaCRS: request.crs ?? VectorSource.defaultEqualAreaCRS)
        guard !areas.isEmpty else {
            throw LastmileError.badInput(SourceLocation(file: request.source), "the layer has no features to map")
        }

        // Values, from the joined table or from the layer itself.
        var values: [AreaID: Double] = [:]
        var join: QuickMapResult.JoinSummary?
        if let spec = request.join {
            let table = try JoinTable(path: spec.path, keyColumn: spec.keyColumn, valueColumn: request.field)
            let widths = Set(areas.map { $0.id.rawValue.count })
            let digitIDs = areas.allSatisfy { $0.id.rawValue.utf8.allSatisfy { $0 >= 48 && $0 <= 57 } }
            let keyed = table.padded(to: digitIDs && widths.count == 1 ? widths.first : nil)
            var matched = 0
            for area in areas {
                guard let row = keyed[area.id.rawValue] else { continue }
                matched += 1
                if let v = row { values[area.id] = v }
            }
            join = QuickMapResult.JoinSummary(
                rows: table.rowCount, matchedAreas: matched,
                unmatchedRows: keyed.count - matched)
        } else {
            values = try layerValues(request)
        }

        // Geometry: the main projection, or the region's own when no CRS was asked for and no area lies
        // in the conterminous states; Alaska, Hawaii and Puerto Rico in insets beside the main frame.
        let lonLat = areas.map(\.geographicGeometry)
        var mapAreas = areas.map { area in
            MapArea(
                id: area.id, geometry: area.geometry, value: values[area.id],
                label: request.labelField == nil ? nil : area.name,
                isWater: request.waterAreas && area.landAreaSquareMetres == 0, group: stateCode(of: area.id))
        }
        var insets: [MapInset] = []
        var regional: AlbersEqualArea?
        var mainRegion = USInsetLayout.Region.conterminous
        if request.usInsets {
            let arrangement = USInsetLayout.arrange(
                zip(mapAreas, lonLat).map { (area: $0, lonLat: $1) },
                reprojectMain: request.crs == nil)
            mapAreas = arrangement.areas
            insets = arrangement.insets
            if arrangement.mainReprojected {
                regional = arrangement.mainRegion.projection
                mainRegion = arrangement.mainRegion
            }
        }

        var locator: LocatorMap?
        if let path = request.locatorSource {
            locator = try locatorMap(path: path, crs: request.crs, regional: regional)
        }

        let layerName =
            request.layer ?? ((request.source as NSString).lastPathComponent as NSString).deletingPathExtension
        var source =
            request.sourceLine
            ?? ("Source: "
                + ([request.source] + (request.join.map { [$0.path] } ?? []))
                .map { ($0 as NSString).lastPathComponent }.joined(separator: "; ") + ".")
        if request.ooklaAttribution { source = MapAttribution.joined(source, adding: [MapAttribution.ookla]) }
        let withData = mapAreas.filter { !$0.isWater }.compactMap(\.value).filter(\.isFinite)
        let draft = ChoroplethMap(
            title: request.title ?? "\(request.field) by area",
            subtitle:
                "\(English.counted(mapAreas.count, "area")) of \(layerName); \(request.scheme), "
                + English.counted(request.classCount, "class"),
            areas: mapAreas, scheme: request.scheme, classCount: request.classCount, palette: request.palette,
            valueFormat: .default,
            legendTitle: request.legendTitle ?? request.field, areaNoun: .areas, source: source,
            labelCount: request.labelField == nil ? 0 : request.labelCount, insets: insets, locator: locator)

        var map = draft
        let classification = try map.classify()
        map.valueFormat = legendFormat(for: classification, values: withData, percent: request.percent)
        let classes = classification.classCount
        // Quantiles of tied values (many zeros) merge; the subtitle says how many classes there are.
        map.subtitle =
            "\(English.counted(mapAreas.count, "area")) of \(layerName); \(request.scheme), "
            + English.counted(classes, "class")
            + (classes < request.classCount && request.scheme == .quantile
                ? " (\(request.classCount) asked; tied values merged)" : "")
        // State lines when the areas carry the GEOIDs of more than one state.
        map.drawsGroupBoundaries = request.stateLines && Set(map.areas.compactMap(\.group)).count > 1
        // Without --crs the main frame is EPSG:5070 or the region's own Albers projection.
        if request.crs == nil { map.projectionName = mainRegion.projectionName }
        return (map, join)
    }

    /// The state of a Census GEOID: the first two digits of a state (2 digits), county (5), tract (11),
    /// block group (12) or block (15) id, also after a summary-level prefix ("0500000US23005"); nil for
    /// any other id.
    static func stateCode(of id: AreaID) -> String? {
        var digits = Substring(id.rawValue).utf8[...]
        // After the first "US" (a summary-level prefix).
        if let u = digits.indices.first(where: {
            digits[$0] == UInt8(ascii: "U") && digits.index(after: $0) < digits.endIndex
                && digits[digits.index(after: $0)] == UInt8(ascii: "S")
        }) {
            digits = digits[digits.index(u, offsetBy: 2)...]
        }
        guard [2, 5, 11, 12, 15].contains(digits.count), digits.allSatisfy({ $0 >= 48 && $0 <= 57 }) else {
            return nil
        }
        return String(decoding: digits.prefix(2), as: UTF8.self)
    }

    /// Draws the map on a canvas `canvasWidth` wide whose height fits the map: a first layout on a
    /// generous canvas, then the unused height under the map (when the map is limited by its width)
    /// is cut, keeping room for the legend and locator.
    static func draw(_ map: ChoroplethMap, measurer: PangoTextMeasurer) throws -> MapDrawing {
        let world = map.areas.reduce(BoundingBox.empty) { $0.union($1.geometry.boundingBox) }
        let aspect = world.width > 0 ? world.height / world.width : 1
        let first = PageSize(width: canvasWidth, height: min(2_000, max(400, canvasWidth * aspect * 1.4 + 200)))
        // Without insets the layout depends only on the areas' extent, values and text, so the first
        // pass draws each area as its bounding box (a dense layer's full shapes are drawn once).
        var sketch = map
        if map.insets.isEmpty {
            sketch.labelCount = 0
            sketch.areas = map.areas.map { area in
                var a = area
                let b = area.geometry.boundingBox
                a.geometry =
                    b.isEmpty
                    ? area.geometry
                    : MultiPolygon(polygons: [
                        Polygon(exterior: [
                            Point(x: b.minX, y: b.minY), Point(x: b.maxX, y: b.minY), Point(x: b.maxX, y: b.maxY),
                            Point(x: b.minX, y: b.maxY),
                        ])
                    ])
                return a
            }
        }
        let drawing = try sketch.draw(size: first, measurer: measurer)
        let layout = drawing.layout
        let bodyBottom = layout.scaleBar.minY - map.style.gap
        let panelBottom = max(layout.legend.maxY, layout.locator?.maxY ?? 0)
        let spare = min(layout.mapRegion.height - layout.mapFrame.height, bodyBottom - panelBottom)
        guard spare > 1 else { return map.insets.isEmpty ? try map.draw(size: first, measurer: measurer) : drawing }
        return try map.draw(
            size: PageSize(width: canvasWidth, height: (first.height - spare).rounded(.up)), measurer: measurer)
    }

    /// Legend numbers: the fewest decimals (at least enough for 2 significant digits of the values'
    /// spread, one for percentages, at most 6) with which the minimum and every class bound print
    /// differently (`ValueFormat.distinguishing`), so that no two legend rows read the same ("0.0 – 0.0").
    static func legendFormat(for classification: Classification, values: [Double], percent: Bool) -> ValueFormat {
        let bounds = [classification.minimum].compactMap { $0 } + classification.breaks
        var least = 0
        // A spread that overflows (±1e308) needs no decimals; one below 1e-6 gets the most, 6.
        if let lo = values.min(), let hi = values.max(), hi > lo {
            let magnitude = log10((hi - lo) * (percent ? 100 : 1)).rounded(.down)
            least = magnitude.isFinite ? max(0, min(6, 1 - Int(max(-10, magnitude)))) : 0
        }
        // Shares print with at least one decimal ("16.5%"), as the report's maps do.
        if percent { least = max(least, 1) }
        let format: ValueFormat = percent ? .percent(decimals: least) : .number(decimals: least, unit: nil)
        return format.distinguishing(bounds)
    }

    /// The field's values from the layer's attributes; placeholders (`JoinTable.noDataMarkers`) are no data.
    static func layerValues(_ request: QuickMapRequest) throws -> [AreaID: Double] {
        let description = try VectorSource.describe(path: request.source)
        let layer =
            request.layer.flatMap { name in description.layers.first { $0.name == name } } ?? description.layers.first
        let fields = layer?.fields.map(\.name) ?? []
        guard
            let field = fields.first(where: { $0 == request.field })
                ?? fields.first(where: { $0.lowercased() == request.field.lowercased() })
        else {
            throw LastmileError.badInput(
                SourceLocation(file: request.source, column: request.field),
                "no column '\(request.field)'; the columns are: " + fields.joined(separator: ", "))
        }
        var values: [AreaID: Double] = [:]
        for record in try VectorSource.readFeatures(
            path: request.source, layer: request.layer, idField: request.idField)
        {
            let raw = (record.attributes[field] ?? "").trimmingCharacters(in: .whitespaces)
            if JoinTable.noDataMarkers.contains(raw.lowercased()) { continue }
            guard let v = Double(raw), v.isFinite else {
                throw LastmileError.badInput(
                    SourceLocation(file: request.source, feature: record.feature, column: field),
                    "expected a number, found '\(raw)'")
            }
            values[record.id] = v
        }
        return values
    }

    /// The locator outline: every polygon of the file, in the map's projection.
    static func locatorMap(path: String, crs: String?, regional: AlbersEqualArea?) throws -> LocatorMap {
        let description = try VectorSource.describe(path: path)
        let fields = description.layers.first?.fields.map(\.name) ?? []
        guard let idField = ["GEOID", "id", "GEO_ID"].first(where: fields.contains) ?? fields.first else {
            throw LastmileError.badInput(
                SourceLocation(file: path), "the locator outline needs an id column (e.g. GEOID)")
        }
        let shapes = try VectorSource.readAreas(
            path: path, idField: idField,
            equalAreaCRS: crs ?? VectorSource.defaultEqualAreaCRS)
        let polygons = shapes.flatMap { regional?.project($0.geographicGeometry).polygons ?? $0.geometry.polygons }
        let caption = shapes.count == 1 ? shapes[0].name : ""
        return LocatorMap(outline: MultiPolygon(polygons: polygons), caption: caption)
    }

    /// PDF dates: `SOURCE_DATE_EPOCH` when set (reproducible builds convention), else now; ISO 8601 UTC.
    static func creationDate() -> String {
        let env = ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"].flatMap(TimeInterval.init)
        // gmtime_r rather than ISO8601DateFormatter, which loads ICU's calendar data (a few ms).
        var seconds = time_t((env ?? Date().timeIntervalSince1970).rounded(.down))
        var t = tm()
        // gmtime_r returns NULL only for a year that does not fit an int.
        guard gmtime_r(&seconds, &t) != nil else { return "1970-01-01T00:00:00Z" }
        func two(_ v: Int32) -> String { v < 10 ? "0\(v)" : "\(v)" }
        let year = String(t.tm_year + 1900)
        return String(repeating: "0", count: max(0, 4 - year.count)) + year + "-\(two(t.tm_mon + 1))-\(two(t.tm_mday))T"
            + "\(two(t.tm_hour)):\(two(t.tm_min)):\(two(t.tm_sec))Z"
    }
}
