import GeoModel

/// A small locator map: the study area's extent shown within a larger outline (its state or county),
/// drawn under the legend so a reader sees where the mapped areas are.
public struct LocatorMap: Hashable, Sendable {
    /// The surrounding outline, in the main map's projected CRS (metres).
    public var outline: MultiPolygon
    /// The caption under the locator ("Maine"); empty for none.
    public var caption: String

    public init(outline: MultiPolygon, caption: String = "") {
        self.outline = outline
        self.caption = caption
    }
}
