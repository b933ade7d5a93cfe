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
    /// The share of speed tests in tiles below 100/20, with enough tests to say so (nil otherwise).
    public var measuredShortfall: Double?
    /// The share of people in a Digital Equity Act covered population (Census).
    public var coveredPopulationShare: Double?

    public init(
        id: AreaID, name: String, passings: Int, households: Int? = nil, counts: ClassCounts,
        landAreaSquareMiles: Double? = nil, medianIncome: Double? = nil, noInternetShare: Double? = nil,
        routeMiles: Double? = nil
    ) {
        self.id = id; self.name = name; self.passings = passings; self.households = households; self.counts = counts
        self.landAreaSquareMiles = landAreaSquareMiles; self.medianIncome = medianIncome
        self.noInternetShare = noInternetShare; self.routeMiles = routeMiles
    }

    /// From a run's area result; `passings` defaults to every classified location in the area. Speed
    /// tests count toward the need only where there are at least `minimumTests`.
    public init(
        _ r: AreaResult, passings: Int? = nil, routeMiles: Double? = nil,
        minimumTests: Int = GapThresholds().minimumTests
    ) {
        self.init(
            id: r.id, name: r.name, passings: passings ?? r.counts.locations, households: r.households,
            counts: r.counts, landAreaSquareMiles: r.landAreaSquareMiles, medianIncome: r.medianHouseholdIncome,
            noInternetShare: r.noInternetShare, routeMiles: routeMiles)
        if let m = r.measuredSpeeds, m.tests >= minimumTests { measuredShortfall = m.testsBelow100x20Share }
        coveredPopulationShare = r.coveredPopulations?.coveredShare
    }

    /// The need score's indicators this area has.
    public var needIndicators: [NeedIndicator: Double] {
        var out: [NeedIndicator: Double] = [:]
        out[.unservedShare] = counts.unservedShare
        out[.underservedShare] = counts.underservedShare
        out[.measuredShortfall] = measuredShortfall
        out[.noSubscriptionShare] = noInternetShare
        out[.coveredPopulationShare] = coveredPopulationShare
        out[.income] = medianIncome
        return out
    }

    /// Households per square mile of land: ACS households when known, else passings; nil without land area.
    public var householdDensity: Double? {
        guard let sq = landAreaSquareMiles, sq > 0 else { return nil }
        return Double(households ?? passings) / sq
    }
}
