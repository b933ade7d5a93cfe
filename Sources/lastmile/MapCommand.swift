import ArgumentParser
import Foundation
import LastmileKit

struct MapCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "map",
        abstract: "Draw a quick choropleth of any polygon layer, optionally joined to a CSV, as PNG, PDF and/or SVG.",
        discussion: """
            The map is drawn once and written to every --out file (the format follows the extension: .png, .pdf, .svg), \
            with a legend (class ranges and counts, hatched "No data"), scale bars, a north arrow and a source line. \
            Areas spanning the conterminous states and Alaska, Hawaii or Puerto Rico get the usual insets, and areas \
            of more than one state get state lines. A map with insets or wider than 1,500 km has no one scale: it \
            gets a line naming its projection instead of scale bars and a north arrow.

            Example: lastmile map counties.json --id id --join usage.csv --join-key "COUNTY ID" \
            --field "BROADBAND USAGE" --percent --out usage.png --out usage.pdf
            """)

    @Argument(help: "Any GDAL vector source with polygons (GeoPackage, Shapefile, GeoJSON, zipped).")
    var source: String

    @Option(help: "The layer (default: the only or first layer).")
    var layer: String?

    @Option(help: "The column holding each area's id (GEOID; for GeoJSON the feature id is the column 'id').")
    var id: String

    @Option(help: "A CSV table to join to the areas by id.")
    var join: String?

    @Option(
        name: .customLong("join-key"),
        help: "The join table's id column (numeric ids are zero-padded to the layer's id width).")
    var joinKey: String?

    @Option(help: "The value to map: a column of the join table, else of the layer.")
    var field: String

    @Option(help: "How values are put into classes.")
    var scheme: SchemeName = .quantile

    @Option(help: "Number of classes (1–7).")
    var classes: Int = 5

    @Option(help: "Upper class bounds for --scheme manual, ascending, comma-separated.")
    var breaks: String?

    @Option(help: "The colour palette (ColorBrewer, viridis); a leading - reverses it (--palette=-YlOrRd).")
    var palette = PaletteName(argument: "YlOrRd")!

    @Flag(name: .customLong("reverse-palette"), help: "Reverse the palette: its darkest colour for the lowest class.")
    var reversePalette = false

    @Flag(help: "The values are fractions: show them as percentages.")
    var percent = false

    @Option(help: "The map's title (default: '<field> by area').")
    var title: String?

    @Option(name: .customLong("legend-title"), help: "The legend's title (default: the field).")
    var legendTitle: String?

    @Option(name: .customLong("width-px"), help: "PNG width in pixels.")
    var widthPx: Int = 1_600

    @Option(
        help:
            "Projected CRS of the main map, e.g. EPSG:5070 or a State Plane zone (default: EPSG:5070, or the region's own for Alaska, Hawaii, Puerto Rico)."
    )
    var crs: String?

    @Flag(name: .customLong("no-insets"), help: "Do not move Alaska, Hawaii and Puerto Rico into insets.")
    var noInsets = false

    @Flag(
        name: .customLong("no-state-lines"),
        help: "Do not draw state lines (drawn when the ids are Census GEOIDs of more than one state).")
    var noStateLines = false

    @Flag(
        name: .customLong("keep-water"),
        help: "Classify water-only areas (ALAND = 0) like any other instead of drawing them as water.")
    var keepWater = false

    @Option(help: "A layer column whose text labels the largest areas.")
    var label: String?

    @Option(
        name: .customLong("label-count"),
        help: "At most this many labels (largest areas first; overlapping labels are skipped).")
    var labelCount: Int = 12

    @Option(help: "A polygon file (e.g. the state) drawn as a locator map under the legend.")
    var locator: String?

    @Option(name: .customLong("source-line"), help: "The source line under the map (default: the input file names).")
    var sourceLine: String?

    @Flag(help: "Add Ookla's attribution and licence (CC BY-NC-SA 4.0) to the source line.")
    var ookla = false

    @Option(help: "Output file (.png, .pdf or .svg); repeat for several formats.")
    var out: [String] = []

    @OptionGroup var common: CommonOptions

    func validate() throws {
        guard !out.isEmpty else { throw ValidationError("give at least one --out file (.png, .pdf or .svg)") }
        for path in out where (try? QuickMap.format(of: path)) == nil {
            throw ValidationError("--out '\(path)': the format follows the extension, which must be .png, .pdf or .svg")
        }
        guard (1...7).contains(classes) else { throw ValidationError("--classes expects 1 to 7, got \(classes)") }
        do {
            _ = try QuickMap.scheme(named: scheme.rawValue, breaks: breaks)
        } catch let error as LastmileError {
            throw ValidationError(error.description)
        }
        guard (join == nil) == (joinKey == nil) else { throw ValidationError("--join and --join-key go together") }
        guard labelCount >= 0 else { throw ValidationError("--label-count expects 0 or more, got \(labelCount)") }
    }

    func run() throws {
        try reportingErrors {
            var request = QuickMapRequest(source: source, idField: id, field: field, outputs: out)
            request.layer = layer
            if let join, let joinKey { request.join = .init(path: join, keyColumn: joinKey) }
            request.scheme = try QuickMap.scheme(named: scheme.rawValue, breaks: breaks)
            request.classCount = classes
            request.palette = try QuickMap.palette(named: palette.name, reverse: reversePalette)
            request.percent = percent
            request.title = title
            request.legendTitle = legendTitle
            request.widthPixels = widthPx
            request.crs = crs
            request.usInsets = !noInsets
            request.stateLines = !noStateLines
            request.waterAreas = !keepWater
            request.labelField = label
            request.labelCount = labelCount
            request.locatorSource = locator
            request.sourceLine = sourceLine
            request.ooklaAttribution = ookla
            let result = try QuickMap.render(request)
            if !common.quiet { Console.out(result.text()) }
        }
    }
}
