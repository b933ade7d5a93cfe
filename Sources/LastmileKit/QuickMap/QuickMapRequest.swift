import Maps

/// What `lastmile map` draws: a layer, the value per area (from the layer or a joined CSV), how it
/// is classified and coloured, and where the map goes.
public struct QuickMapRequest: Sendable {
    /// A join of a CSV table to the layer's ids.
    public struct Join: Sendable {
        public var path: String
        /// The CSV column holding the layer's ids.
        public var keyColumn: String
        public init(path: String, keyColumn: String) { self.path = path; self.keyColumn = keyColumn }
    }

    /// Any GDAL vector source with polygons.
    public var source: String
    public var layer: String?
    /// The layer column holding each area's id (`GEOID`; `id` for a GeoJSON feature id).
    public var idField: String
    public var join: Join?
    /// The value to map: a CSV column of the join, else a numeric layer column.
    public var field: String
    public var scheme: ClassificationScheme = .quantile
    /// 5 classes by default (ColorBrewer's guidance: 3–7 stay distinguishable).
    public var classCount: Int = 5
    public var palette: Palette = .ylOrRd
    /// Values are fractions shown as percentages in the legend.
    public var percent: Bool = false
    public var title: String?
    public var legendTitle: String?
    /// PNG width in pixels; 1,600 by default (sharp on a laptop screen, small enough to mail).
    public var widthPixels: Int = 1_600
    /// The main map's projected CRS; nil picks EPSG:5070, or the region's own equal-area projection
    /// when no area lies in the conterminous states (Alaska, Hawaii or Puerto Rico).
    public var crs: String?
    /// Draw Alaska, Hawaii (and its northwestern chain) and Puerto Rico in insets when the areas span
    /// more than one of them and the conterminous states.
    public var usInsets: Bool = true
    /// Draw the lines between states (and the areas' outer edge) dark over the white area boundaries when
    /// the areas' ids are Census GEOIDs of more than one state.
    public var stateLines: Bool = true
    /// Areas without land (`ALAND` = 0: coastal and lake tracts) are drawn as water, not classified.
    public var waterAreas: Bool = true
    /// A layer column whose text labels the largest areas; nil for no labels.
    public var labelField: String?
    /// How many areas may be labelled (the largest first, overlapping labels skipped).
    public var labelCount: Int = 12
    /// A polygon file whose shapes form the locator map's outline (e.g. the state); nil for no locator.
    public var locatorSource: String?
    /// The source line; nil makes one from the file names.
    public var sourceLine: String?
    /// Append Ookla's attribution and licence to the source line.
    public var ooklaAttribution: Bool = false
    /// Files to write; the format follows the extension (.png, .pdf, .svg).
    public var outputs: [String]

    public init(source: String, idField: String, field: String, outputs: [String]) {
        self.source = source; self.idField = idField; self.field = field; self.outputs = outputs
    }
}
