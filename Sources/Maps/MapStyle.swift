import Graphics

/// Sizes, fonts and colours of a choropleth's furniture. The defaults suit a Letter/A4 report page.
public struct MapStyle: Hashable, Sendable {
    /// Blank border inside the canvas, points (a quarter inch, the usual inner figure margin).
    public var margin: Double = 18
    /// Space between the map and its side panel and between stacked blocks, points.
    public var gap: Double = 10
    public var title = TextStyle(size: 14, weight: .bold)
    /// Greys-9 #525252 (ColorBrewer) for secondary text.
    public var subtitle = TextStyle(size: 10, color: Color(hex: "#525252")!)
    public var source = TextStyle(size: 7.5, italic: true, color: Color(hex: "#525252")!)
    public var legendTitle = TextStyle(size: 9, weight: .bold)
    public var legendLabel = TextStyle(size: 8)
    public var legendCount = TextStyle(size: 8, color: Color(hex: "#525252")!, alignment: .right)
    public var scaleLabel = TextStyle(size: 7.5)
    /// Legend swatch size, points.
    public var swatchWidth: Double = 16
    public var swatchHeight: Double = 11
    /// Area boundaries: thin white lines (separate adjacent same-class areas without adding ink).
    public var boundary = StrokeStyle(color: .white, width: 0.4, join: .round)
    /// No-data fill: ColorBrewer Greys-9 #d9d9d9, hatched with Greys-9 #969696 diagonals.
    public var noDataFill = Color(hex: "#d9d9d9")!
    public var noDataHatch = StrokeStyle(color: Color(hex: "#969696")!, width: 0.5)
    /// Distance between hatch lines, measured along x (the lines run at 45°), points.
    public var hatchSpacing: Double = 4
    /// Scale bars and north arrow: black hairlines.
    public var furniture = StrokeStyle(color: .black, width: 0.75)
    /// Scale bar length as a fraction of the map's width (cartographic habit: about a fifth).
    public var scaleBarFraction: Double = 0.2
    /// Largest share of the canvas width the legend panel may take.
    public var maxPanelFraction: Double = 0.4

    public init() {}

    /// The default style.
    public static let standard = MapStyle()
}
