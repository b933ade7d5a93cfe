import GeoModel

/// Everything the offline atlas shows, as plain values: the areas (shapes in lon/lat, simplified
/// for the screen), the map layers with their legends, and per area the figures its card lists.
/// `AtlasPage.html(_:)` turns it into one self-contained HTML file.
public struct AtlasContent: Codable, Hashable, Sendable {
    public var title: String
    /// The line under the title: the run, the rule and the date.
    public var subtitle: String
    /// Source and licence lines, printed in the panel's footer.
    public var sources: [String]
    /// What the areas are called: "county" / "counties".
    public var areaSingular: String
    public var areaPlural: String
    /// The labels of the card's rows, in order; each area has one value per label (empty: none).
    public var fields: [String]
    public var areas: [AtlasArea]
    public var layers: [AtlasLayer]

    public init(
        title: String, subtitle: String, sources: [String], areaSingular: String, areaPlural: String,
        fields: [String], areas: [AtlasArea], layers: [AtlasLayer]
    ) {
        self.title = title; self.subtitle = subtitle; self.sources = sources
        self.areaSingular = areaSingular; self.areaPlural = areaPlural
        self.fields = fields; self.areas = areas; self.layers = layers
    }
}

/// One area of the atlas.
public struct AtlasArea: Codable, Hashable, Sendable {
    public var id: String
    public var name: String
    /// Its rank in the report's ranked table (1 = most need), nil when it has none.
    public var rank: Int?
    /// Polygons, each a list of rings, each a list of [longitude, latitude] pairs (5 decimals).
    public var shape: [[[[Double]]]]
    /// The card's values, one per `AtlasContent.fields` label, already formatted ("1,234", "12.5%").
    public var values: [String]

    public init(id: String, name: String, rank: Int?, shape: [[[[Double]]]], values: [String]) {
        self.id = id; self.name = name; self.rank = rank; self.shape = shape; self.values = values
    }
}

/// One map layer: a legend and, per area (in `AtlasContent.areas` order), the legend row it is drawn with.
public struct AtlasLayer: Codable, Hashable, Sendable {
    public var key: String
    public var title: String
    public var legendTitle: String
    public var legend: [LegendRow]
    /// Per area, the index of its legend row; nil draws it as "no data".
    public var rows: [Int?]

    public struct LegendRow: Codable, Hashable, Sendable {
        /// `#rrggbb`.
        public var color: String
        public var label: String
        /// "3 counties".
        public var count: String
        /// Drawn as no data (grey).
        public var isNoData: Bool

        public init(color: String, label: String, count: String, isNoData: Bool) {
            self.color = color; self.label = label; self.count = count; self.isNoData = isNoData
        }
    }

    public init(key: String, title: String, legendTitle: String, legend: [LegendRow], rows: [Int?]) {
        self.key = key; self.title = title; self.legendTitle = legendTitle; self.legend = legend; self.rows = rows
    }
}
