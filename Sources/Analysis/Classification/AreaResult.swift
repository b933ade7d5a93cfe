import GeoModel

/// Everything a run knows about one study area: its locations by class and its ACS demographics.
public struct AreaResult: Hashable, Sendable {
    public var id: AreaID
    public var name: String
    public var counts: ClassCounts
    /// Land area in square miles (from TIGER `ALAND`), when the areas file has it.
    public var landAreaSquareMiles: Double?
    /// ACS figures joined by GEOID (nil when the demographics file has no row for the area).
    public var demographics: DemographicProfile?
    /// What speed tests measured in the area (nil when the study has no speed-test tiles).
    public var measuredSpeeds: MeasuredSpeeds?
    /// The Census covered populations and Microsoft's broadband usage (nil without those tables).
    public var coveredPopulations: CoveredPopulations?
    public var broadbandUsage: BroadbandUsage?
    /// Its group (network gap, adoption gap, both, neither) and why, by the study's thresholds.
    public var gaps: GapAssessment?

    public init(
        id: AreaID, name: String, counts: ClassCounts, landAreaSquareMiles: Double? = nil,
        demographics: DemographicProfile? = nil
    ) {
        self.id = id; self.name = name; self.counts = counts; self.landAreaSquareMiles = landAreaSquareMiles
        self.demographics = demographics
    }

    public var households: Int? { demographics?.households }
    public var noInternetShare: Double? { demographics?.noInternetShare }
    public var medianHouseholdIncome: Double? { demographics?.medianHouseholdIncome }

    /// Broadband-serviceable locations per square mile of land.
    public var locationDensity: Double? {
        guard let sq = landAreaSquareMiles, sq > 0 else { return nil }
        return Double(counts.locations) / sq
    }
}
