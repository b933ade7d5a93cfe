import GeoModel

/// One area as the business case sees it: what can be passed, who lives there, how it is served.
public struct BusinessCaseArea: Hashable, Sendable {
    public var id: AreaID
    public var name: String
    /// Residential locations the network would pass (from the classification).
    public var passings: Int
    /// ACS households (B11001_001E), when joined.
    public var households: Int?
    public var counts: ClassCounts
    public var landAreaSquareMiles: Double?
    public var medianIncome: Double?
    public var noInternetShare: Double?
    /// Route miles measured from a road layer; nil = estimated from area and passings.
    public var routeMiles: Double?

    public init(
        id: AreaID, name: String, passings: Int, households: Int? = nil, counts: ClassCounts,
        landAreaSquareMiles: Double? = nil, medianIncome: Double? = nil, noInternetShare: Double? = nil,
        routeMiles: Double? = nil
    ) {
        self.id = id; self.name = name; self.passings = passings; self.households = households; self.counts = counts
        self.landAreaSquareMiles = landAreaSquareMiles; self.medianIncome = medianIncome
        self.noInternetShare = noInternetShare; self.routeMiles = routeMiles
    }

    /// From a run's area result; `passings` defaults to every classified location in the area.
    public init(_ r: AreaResult, passings: Int? = nil, routeMiles: Double? = nil) {
        self.init(
            id: r.id, name: r.name, passings: passings ?? r.counts.locations, households: r.households,
            counts: r.counts, landAreaSquareMiles: r.landAreaSquareMiles, medianIncome: r.medianHouseholdIncome,
            noInternetShare: r.noInternetShare, routeMiles: routeMiles)
    }

    /// Households per square mile of land: ACS households when known, else passings; nil without land area.
    public var householdDensity: Double? {
        guard let sq = landAreaSquareMiles, sq > 0 else { return nil }
        return Double(households ?? passings) / sq
    }
}
