import Graphics

/// Colours for the three BEAD service classes, shared by charts, legends and tables.
///
/// Source: ColorBrewer 2.0 (Cynthia A. Brewer, Pennsylvania State University, colorbrewer2.org,
/// Apache License 2.0). Unserved `#d7301f` is OrRd 9-class step 7, underserved `#fc8d59` is
/// OrRd 5-class step 3 (also RdYlBu's warm end), served `#2b8cbe` is PuBu 5-class step 4
/// (GnBu's blue end). Both source schemes are marked colour-blind safe on colorbrewer2.org; the
/// two warm colours also differ strongly in lightness, so they separate in greyscale and for
/// deuteranopes, and blue against orange-red is the pair all common colour-vision deficiencies keep.
public enum CoverageColors {
    /// Unserved locations (no reliable 25/3 Mbps service): OrRd #d7301f.
    public static let unserved = Color(red: 215 / 255, green: 48 / 255, blue: 31 / 255)
    /// Underserved locations (25/3 but not 100/20 Mbps): OrRd #fc8d59.
    public static let underserved = Color(red: 252 / 255, green: 141 / 255, blue: 89 / 255)
    /// Served locations (100/20 Mbps or better): PuBu #2b8cbe.
    public static let served = Color(red: 43 / 255, green: 140 / 255, blue: 190 / 255)

    /// The three classes in reading order (worst first), with their legend names.
    public static let classes: [(name: String, color: Color)] = [
        ("Unserved", unserved), ("Underserved", underserved), ("Served", served),
    ]

    /// Axis lines, tick marks and text on charts.
    public static let axis = Color(red: 0.25, green: 0.25, blue: 0.25)
    /// Light grid lines behind bars.
    public static let grid = Color(red: 0.88, green: 0.88, blue: 0.88)
}
