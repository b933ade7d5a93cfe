import Graphics

/// Sizes, fonts and colours of a choropleth's furniture. The defaults suit a map that fills most of
/// a Letter or A4 report page (about 540 × 400–650 pt); they are layout choices of this project
/// unless a source is named.
public struct MapStyle: Hashable, Sendable {
    /// Blank border inside the canvas, points: a quarter inch, so that nothing touches the edge of
    /// the figure when it is placed on a page or cropped as a PNG.
    public var margin: Double = 18
    /// Space between the map and its side panel and between stacked blocks, points.
    public var gap: Double = 10
    /// Title 14 pt bold, subtitle 10 pt, legend 8–9 pt, source 7.5 pt italic: the same steps as the
    /// report's headings, body and footnotes (DejaVu Sans, installed by the Makefile).
    public var title = TextStyle(size: 14, weight: .bold)
    /// ColorBrewer Greys-9 #525252 for secondary text (dark enough for print contrast).
    public var subtitle = TextStyle(size: 10, color: Color(hex: "#525252")!)
    public var source = TextStyle(size: 7.5, italic: true, color: Color(hex: "#525252")!)
    public var legendTitle = TextStyle(size: 9, weight: .bold)
    public var legendLabel = TextStyle(size: 8)
    public var legendCount = TextStyle(size: 8, color: Color(hex: "#525252")!, alignment: .right)
    public var scaleLabel = TextStyle(size: 7.5)
    /// Area names on the map: 7 pt, black or white by the fill's lightness (see `labelColor(on:)`).
    public var areaLabel = TextStyle(size: 7)
    /// Inset frames: a thin Greys-9 #969696 line, and a 7 pt caption in Greys-9 #525252.
    public var insetFrame = StrokeStyle(color: Color(hex: "#969696")!, width: 0.5)
    public var insetCaption = TextStyle(size: 7, color: Color(hex: "#525252")!)
    /// Locator map: the outline in Greys-9 #f0f0f0 with a #969696 edge, the study extent outlined in
    /// ColorBrewer Set1 red #e41a1c (the usual "you are here" red).
    public var locatorFill = Color(hex: "#f0f0f0")!
    public var locatorOutline = StrokeStyle(color: Color(hex: "#969696")!, width: 0.5, join: .round)
    public var locatorExtent = StrokeStyle(color: Color(hex: "#e41a1c")!, width: 1)
    /// Legend swatch, points: a little taller than the 8 pt legend text's line.
    public var swatchWidth: Double = 16
    public var swatchHeight: Double = 11
    /// Area boundaries: thin white lines separate neighbours of the same class without adding ink
    /// (the usual choropleth convention, e.g. ColorBrewer's map previews).
    public var boundary = StrokeStyle(color: .white, width: 0.4, join: .round)
    /// Lines between groups of areas (state lines on a map of counties) and the areas' outer edge, when
    /// drawn (`ChoroplethMap.drawsGroupBoundaries`): Greys-9 #525252 over the white boundaries, a little
    /// wider, so that states read on a national map without hiding small counties' colours.
    public var groupBoundary = StrokeStyle(color: Color(hex: "#525252")!, width: 0.5, join: .round)
    /// No-data fill: ColorBrewer Greys-9 #d9d9d9, hatched with Greys-9 #969696 diagonals, so that
    /// "no data" never reads as the lightest class, in colour or in greyscale print.
    public var noDataFill = Color(hex: "#d9d9d9")!
    public var noDataHatch = StrokeStyle(color: Color(hex: "#969696")!, width: 0.5)
    /// Flagged areas (`MapArea.isFlagged`): Greys-9 #252525 "\" diagonals, across the no-data hatch's
    /// direction, over the class fill, so the class still reads under the flag.
    public var flagHatch = StrokeStyle(color: Color(hex: "#252525")!, width: 0.35)
    /// Distance between the flag's hatch lines, points: wider than the no-data hatch, so that a map whose
    /// every area is flagged still reads by its colours.
    public var flagHatchSpacing: Double = 6
    /// Water-only areas: ColorBrewer Blues-9 #deebf7, the palest blue, read as water without competing
    /// with the classes.
    public var waterFill = Color(hex: "#deebf7")!
    /// Vertices closer than this to the last one kept are dropped when shapes are drawn, points:
    /// 0.35 pt is 0.12 mm on paper (below what print or a 240 dpi PNG shows as a kink) and keeps PDF
    /// and PNG output of dense layers (thousands of block groups) small and quick.
    public var vertexTolerance: Double = 0.35
    /// Distance between hatch lines, measured along x (the lines run at 45°), points.
    public var hatchSpacing: Double = 4
    /// Scale bars and north arrow: black lines.
    public var furniture = StrokeStyle(color: .black, width: 0.75)
    /// Longest scale bar as a fraction of the map's width: about a fifth (the brief for council maps;
    /// long enough to measure with, short enough not to dominate).
    public var scaleBarFraction: Double = 0.2
    /// Largest share of the canvas width the legend panel may take; longer labels wrap.
    public var maxPanelFraction: Double = 0.4

    public init() {}

    /// The default style.
    public static let standard = MapStyle()
}
