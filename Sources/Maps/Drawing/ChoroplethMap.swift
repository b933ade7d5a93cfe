import GeoModel
import Graphics

/// A choropleth for a report: areas shaded by the class of their value, with title, legend,
/// scale bars, north arrow and source line. Values in, display list out (`draw(size:measurer:)`).
public struct ChoroplethMap: Hashable, Sendable {
    public var title: String
    public var subtitle: String
    public var areas: [MapArea]
    public var scheme: ClassificationScheme
    /// Classes asked for (quantile and equal interval); 5 by default, the usual choropleth count
    /// (ColorBrewer's guidance: 3–7 classes stay distinguishable).
    public var classCount: Int
    public var palette: Palette
    public var valueFormat: ValueFormat
    public var legendTitle: String
    /// What the areas are called in legend counts ("3 counties").
    public var areaNoun: AreaNoun
    /// The source/attribution line printed under the map ("Source: FCC BDC June 2024; …").
    public var source: String
    public var style: MapStyle
    /// How many areas to label with their `MapArea.label`, largest first, skipping labels that would
    /// overlap or not fit (0: no labels).
    public var labelCount: Int
    /// Frames for areas drawn apart from the main map (Alaska, Hawaii, Puerto Rico); see `USInsetLayout`.
    public var insets: [MapInset]
    /// A locator map under the legend: the study area within its state or county outline.
    public var locator: LocatorMap?
    /// Legend text per class for categorical maps ("Phase 1 (year 0)"); nil: value ranges.
    public var classLabels: [String]?
    /// Legend text for areas without a value ("Not built"); "No data" by default.
    public var noDataLabel: String = "No data"
    /// Legend text for the flagged areas (`MapArea.isFlagged`), drawn over their class colour with a
    /// dark "\" hatch; the row shows only when an area is flagged.
    public var flagLabel: String = "Flagged"
    /// Roads drawn over the fills for orientation (clipped to the areas; not on maps with insets).
    public var roads: [MapRoad] = []
    /// Whether the study's outer edge is drawn as a dark line over the white area boundaries.
    public var drawsOutline = false
    /// Area water (lakes, rivers, the sea off a coast) drawn in the water colour over the fills, clipped
    /// to the map's frame (not on maps with insets).
    public var water: [MultiPolygon] = []
    /// Named places labelled for orientation (not on maps with insets), at most `placeLabelLimit`,
    /// never over another label.
    public var places: [MapPlace] = []
    public var placeLabelLimit = 12
    /// Graduated circles per area over a plain ground: set, the map shows quantities (how many), its
    /// areas are not classed, and the legend shows the circles.
    public var symbols: ProportionalSymbols?
    /// Whether the lines between areas of different `MapArea.group` (state lines on a map of counties)
    /// and the areas' outer edge are drawn dark over the white area boundaries, in every frame.
    public var drawsGroupBoundaries = false
    /// The main frame's projection in words ("Albers equal-area conic (EPSG:5070)"), printed under maps
    /// too large or with too many frames for one scale bar (`ScaleStrip`); nil when not known.
    public var projectionName: String?

    public init(
        title: String, subtitle: String = "", areas: [MapArea], scheme: ClassificationScheme = .quantile,
        classCount: Int = 5, palette: Palette = .ylOrRd, valueFormat: ValueFormat = .default,
        legendTitle: String, areaNoun: AreaNoun = .areas, source: String, style: MapStyle = .standard,
        labelCount: Int = 0, insets: [MapInset] = [], locator: LocatorMap? = nil
    ) {
        self.title = title
        self.subtitle = subtitle
        self.areas = areas
        self.scheme = scheme
        self.classCount = classCount
        self.palette = palette
        self.valueFormat = valueFormat
        self.legendTitle = legendTitle
        self.areaNoun = areaNoun
        self.source = source
        self.style = style
        self.labelCount = labelCount
        self.insets = insets
        self.locator = locator
    }

    /// The classification of the areas that have a (finite) value.
    /// - Throws: `LastmileError.usage` for a bad class count or bad manual breaks.
    public func classify() throws -> Classification {
        try Classification(values: areas.compactMap(\.classifiableValue), scheme: scheme, classCount: classCount)
    }

    /// The classes, their colours and the legend rows, as `draw` uses them (and any other rendering of
    /// the same map: the atlas's layer, a QGIS style).
    /// - Throws: what `classify()` and `Palette.colors(count:)` throw.
    public func classes() throws -> (classification: Classification, colors: [Color], legend: [LegendEntry]) {
        let classification = try classify()
        let colors = classification.classCount == 0 ? [] : try palette.colors(count: classification.classCount)
        return (classification, colors, legendEntries(for: classification, colors: colors))
    }

    /// Legend rows for a classification: "low – high" per class with its count, then "No data" when
    /// any area has no value.
    public func legendEntries(for classification: Classification, colors: [Color]) -> [LegendEntry] {
        var entries: [LegendEntry] = []
        if symbols != nil { return entries }
        let ranges = LegendEntry.rangeLabels(for: classification, format: valueFormat)
        for j in 0..<classification.classCount {
            var label = ranges[j]
            if let classLabels, classLabels.count == classification.classCount { label = classLabels[j] }
            entries.append(
                LegendEntry(
                    classIndex: j, color: colors[j], label: label, count: classification.counts[j],
                    noun: areaNoun))
        }
        let noData = areas.count { $0.classifiableValue == nil && !$0.isWater }
        if noData > 0 {
            entries.append(
                LegendEntry(
                    classIndex: nil, color: style.noDataFill, label: noDataLabel, count: noData,
                    noun: areaNoun))
        }
        let water = areas.count(where: \.isWater)
        if water > 0 {
            entries.append(
                LegendEntry(
                    classIndex: nil, color: style.waterFill, label: "Water only", count: water,
                    noun: areaNoun, isWater: true))
        }
        let flagged = areas.count { $0.isFlagged && !$0.isWater }
        if flagged > 0 {
            entries.append(
                LegendEntry(
                    classIndex: nil, color: .white, label: flagLabel, count: flagged, noun: areaNoun, isFlag: true))
        }
        return entries
    }
}
