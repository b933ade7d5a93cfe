import Graphics

/// A drawn choropleth: its display list and the values it was drawn from, for reuse by labels,
/// insets and report text.
public struct MapDrawing: Hashable, Sendable {
    /// The commands that draw the map, the size of the canvas asked for.
    public let displayList: DisplayList
    /// The classification of the areas with data.
    public let classification: Classification
    /// The class colours, lightest first (one per class of `classification`).
    public let colors: [Color]
    /// The class of each input area, in input order; nil for no data.
    public let areaClasses: [Int?]
    /// World metres → page points; nil when no area had a shape.
    public let projection: MapProjection?
    /// Legend rows: one per class, then "No data" when any area has no value.
    public let legend: [LegendEntry]
    /// Kilometre and mile bars, in that order (empty without a projection).
    public let scaleBars: [ScaleBar]
    public let layout: MapLayout
    /// The area names placed on the map (largest areas first), none when `labelCount` is 0.
    public let labels: [MapLabel]
}
