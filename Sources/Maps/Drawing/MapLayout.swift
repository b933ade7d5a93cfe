import Graphics

/// Where each block of a choropleth sits on its canvas (page points, origin top-left).
public struct MapLayout: Hashable, Sendable {
    public let canvas: PageSize
    public let title: PageRect
    public let subtitle: PageRect
    /// The space left for the map beside the legend panel (before the map and panel were centred).
    public let mapRegion: PageRect
    /// The fitted map: the areas' bounding box on the page (equal to the projection's `rect`).
    public let mapFrame: PageRect
    /// The legend block (title and rows).
    public let legend: PageRect
    /// The scale bars and north arrow strip; zero-sized at the top left of the note when the map has no
    /// one scale (`ChoroplethMap.hasOneScale`) and draws neither.
    public let scaleBar: PageRect
    public let northArrow: PageRect
    /// The line under the map that says why it has no scale bar or north arrow; nil when it has them.
    public let scaleNote: PageRect?
    public let source: PageRect
    /// The inset frames (Alaska, Hawaii, …), in the order of `ChoroplethMap.insets` that have areas.
    public let insets: [PageRect]
    /// The locator map and its caption, nil when none was drawn.
    public let locator: PageRect?
}
