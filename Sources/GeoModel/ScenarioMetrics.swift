/// A business-case scenario's headline figures: what the analysis computes, the run store keeps and the
/// report prints, in one value so that the three cannot drift apart. Dollars are nominal.
public struct ScenarioMetrics: Hashable, Sendable, Codable {
    /// The city's capital outlay over the horizon (undiscounted).
    public var capex: Double
    public var npv: Double
    /// Nil when the cash flows never change sign.
    public var irr: Double?
    public var paybackYears: Double?
    public var discountedPaybackYears: Double?
    /// The `demand.take_rate` at which the NPV is 0; nil when none in 0…1 does it.
    public var breakEvenTakeRate: Double?
    /// The bond the city issues for its capital.
    public var bondAmount: Double
    /// The lowest yearly debt-service coverage; nil without debt service.
    public var minimumDebtServiceCoverage: Double?

    public init(
        capex: Double, npv: Double, irr: Double?, paybackYears: Double?, discountedPaybackYears: Double?,
        breakEvenTakeRate: Double?, bondAmount: Double, minimumDebtServiceCoverage: Double?
    ) {
        self.capex = capex; self.npv = npv; self.irr = irr; self.paybackYears = paybackYears
        self.discountedPaybackYears = discountedPaybackYears; self.breakEvenTakeRate = breakEvenTakeRate
        self.bondAmount = bondAmount; self.minimumDebtServiceCoverage = minimumDebtServiceCoverage
    }
}

/// A value that carries a scenario's metrics and reads them as its own (`result.npv` is `result.metrics.npv`).
@dynamicMemberLookup
public protocol CarriesScenarioMetrics {
    var metrics: ScenarioMetrics { get set }
}

extension CarriesScenarioMetrics {
    public subscript<T>(dynamicMember field: WritableKeyPath<ScenarioMetrics, T>) -> T {
        get { metrics[keyPath: field] }
        set { metrics[keyPath: field] = newValue }
    }
}
