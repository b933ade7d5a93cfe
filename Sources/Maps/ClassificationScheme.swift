/// How a choropleth's values are cut into classes.
///
/// The schemes follow PySAL's `mapclassify` (Rey, Arribas-Bel, Wolf et al., BSD-3), the classifier
/// used with geopandas, so that a planner's own `gdf.plot(scheme=...)` gives the same breaks.
public enum ClassificationScheme: Hashable, Sendable {
    /// Quantiles as `mapclassify.Quantiles`: bins are the percentiles at 100·i/k (linear
    /// interpolation between order statistics), duplicate bins collapsed, so fewer than k classes
    /// come out when many values tie.
    case quantile
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
        case .manual: "manual breaks"
        }
    }
}
