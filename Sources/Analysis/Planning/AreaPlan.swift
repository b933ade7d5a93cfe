import GeoModel

/// What the business case decided for one area: demand, cost, need, and when it is built.
public struct AreaPlan: Hashable, Sendable {
    public var id: AreaID
    public var name: String
    public var passings: Int
    /// Households (ACS, else passings) per square mile of land.
    public var householdDensity: Double?
    /// Terminal take rate at the base `demand.take_rate`.
    public var takeRate: Double
    /// The factors between the base take and `takeRate` (before the clamp to 0…1).
    public var takeAdjustments = TakeRateModel.Adjustments()
    /// Cost to pass per passing, construction-cost index and contingency included.
    public var costToPassPerPassing: Double
    /// Cost to pass the whole area (what counts against the capital budget).
    public var passCapex: Double
    /// What the cost to pass rests on (a Cartesian group, the route model, or the extrapolation).
    public var costBasis: CostToPass.Basis = .noLandArea
    /// Route miles priced by the route model; nil for a density group.
    public var routeMiles: Double?
    /// Hub, OLT and cabinets for the area, contingency included.
    public var hubCapex: Double = 0
    /// Pole make-ready on the area's aerial route miles, contingency included.
    public var makeReadyCapex: Double = 0
    /// Share of the area's locations already served at 100/20.
    public var servedShare: Double = 0
    /// Passings the plan pays for that are already served (0 when only eligible locations are built).
    public var servedPassings: Int = 0
    /// Need score 0…100 (`NeedScore`; 0 when the area has none of the indicators).
    public var needScore: Double
    /// The score's indicators ranked within the study, and those the area lacks.
    public var need = NeedScore(score: nil, ranks: [:], missing: [])
    /// Cost to pass ÷ unserved locations; nil when the area has none.
    public var costPerUnservedLocation: Double?
    /// Build phase 1…n; nil when the area is not built.
    public var phase: Int?
    /// Subscribers in the horizon year at the base take rate (0 when not built).
    public var subscribersAtHorizon: Double

    /// Year 0-based in which the area is built (phase 1 in year 0).
    public var buildYear: Int? { phase.map { $0 - 1 } }
}
