/// The result of a run for one area: location counts by class, ACS context, and any further metrics.
public struct StoredAreaResult: Hashable, Sendable {
    /// The area's id (a GEOID, or a custom id).
    public var areaID: String
    public var name: String
    public var locations: Int
    public var unserved: Int
    public var underserved: Int
    public var served: Int
    /// ACS households (B11001_001E), nil when the area has no ACS estimate.
    public var households: Double?
    /// Share of households without an internet subscription (B28002_013E / B28002_001E), 0…1.
    public var noInternetShare: Double?
    /// ACS median household income in dollars (B19013_001E).
    public var medianIncome: Double?
    /// Further metrics by name (e.g. "need_score", "cost_per_passing"), stored as JSON.
    public var metrics: [String: Double]

    public init(
        areaID: String, name: String, locations: Int, unserved: Int, underserved: Int, served: Int,
        households: Double? = nil, noInternetShare: Double? = nil, medianIncome: Double? = nil,
        metrics: [String: Double] = [:]
    ) {
        self.areaID = areaID; self.name = name; self.locations = locations; self.unserved = unserved
        self.underserved = underserved; self.served = served; self.households = households
        self.noInternetShare = noInternetShare; self.medianIncome = medianIncome; self.metrics = metrics
    }
}
