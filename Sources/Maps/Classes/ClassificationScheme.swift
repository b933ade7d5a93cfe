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
