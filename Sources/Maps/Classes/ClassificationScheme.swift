/// How a choropleth's values are cut into classes.
///
/// The schemes follow PySAL's `mapclassify` (Rey, Arribas-Bel, Wolf et al., BSD-3), the classifier
/// used with geopandas, so that a planner's own `gdf.plot(scheme=...)` gives the same breaks.
public enum ClassificationScheme: Hashable, Sendable {
    /// Quantiles as `mapclassify.Quantiles`: bins are the percentiles at 100·i/k (linear
    /// interpolation between order statistics), duplicate bins collapsed, so fewer than k classes
    /// come out when many values tie.
    case quantile
    /// Natural breaks: Fisher–Jenks optimal classes (least within-class squared deviation), as
    /// `mapclassify.FisherJenks`, including its single-precision sums. Costs O(k·n²): fine for the
    /// tracts of a county or state (thousands), slow for tens of thousands of blocks. With fewer
    /// distinct values than classes, one class per distinct value (mapclassify raises instead).
    case naturalBreaks
    /// Equal-width classes between the smallest and the largest value, as `mapclassify.EqualInterval`.
    case equalInterval
    /// Upper bounds given by the caller, ascending, as `mapclassify.UserDefined`: when the largest
    /// value is above the last bound, the largest value is appended as a final bound.
    case manual([Double])
}

extension ClassificationScheme {
    /// Classes for a diverging palette: `classes` equal-width classes (odd, so one straddles `center`)
    /// spanning center ± the largest distance of a value from it, as manual breaks, so that equal
    /// differences above and below the centre get mirrored colours and a value at the centre the
    /// palette's neutral middle (Brewer, *Designing Better Maps*, on diverging schemes).
    public static func diverging(_ values: [Double], around center: Double = 0, classes: Int = 5)
        -> ClassificationScheme
    {
        let k = max(3, classes | 1)
        let reach = values.filter(\.isFinite).map { abs($0 - center) }.max() ?? 0
        guard reach > 0 else { return .manual([center]) }
        let width = 2 * reach / Double(k)
        return .manual((1...k).map { center - reach + Double($0) * width })
    }
}

extension ClassificationScheme: CustomStringConvertible {
    /// A name a report's method page can print ("quantile", "equal interval", "manual breaks").
    public var description: String {
        switch self {
        case .quantile: "quantile"
        case .equalInterval: "equal interval"
        case .naturalBreaks: "natural breaks (Fisher–Jenks)"
        case .manual: "manual breaks"
        }
    }
}
