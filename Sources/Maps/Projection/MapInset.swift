import GeoModel

/// A separate frame of a choropleth for areas far from the main map (Alaska, Hawaii and Puerto Rico on
/// a map of the United States): drawn in its own box at its own scale, with a thin frame and a caption.
///
/// The areas of an inset are ordinary `ChoroplethMap.areas` whose geometry is in the inset's own
/// projected CRS (metres); they are classified, counted and coloured with every other area.
public struct MapInset: Hashable, Sendable {
    /// Which bottom corner of the main map the inset is placed at (insets of one corner line up
    /// from the corner inwards, in order).
    public enum Corner: Hashable, Sendable { case bottomLeft, bottomRight }

    /// The caption ("Alaska").
    public var title: String
    /// The areas drawn in this frame instead of the main map.
    public var areaIDs: Set<AreaID>
    /// Page scale relative to the main map's (1 = same scale, the scale bar holds; 0.35 = Alaska shrunk).
    public var scale: Double
    public var corner: Corner

    public init(title: String, areaIDs: Set<AreaID>, scale: Double = 1, corner: Corner = .bottomLeft) {
        self.title = title
        self.areaIDs = areaIDs
        self.scale = scale
        self.corner = corner
    }

    /// The caption printed in the frame: the title, plus the relative scale when it is not 1
    /// ("Alaska (35% scale)"), so that nobody measures Alaska with the main map's scale.
    public var caption: String { caption(scale: scale) }

    /// The caption for the frame drawn at `scale` of the main map's (which may be below `scale` when the
    /// frame would be mostly empty, see `InsetContent`): the title, plus the scale in whole percent
    /// (at least 1) unless it rounds to 100.
    public func caption(scale s: Double) -> String {
        let percent = Int((s * 100).rounded())
        guard percent != 100 else { return title }
        return "\(title) (\(max(1, percent))% scale)"
    }
}
