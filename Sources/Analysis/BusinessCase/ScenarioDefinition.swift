/// One way of delivering the network, evaluated from the city's point of view.
public struct ScenarioDefinition: Hashable, Sendable {
    public enum Kind: String, Hashable, Sendable, CaseIterable {
        /// The city builds and runs a retail ISP: retail revenue, all capital and operating cost.
        case retail
        /// Open access: the city builds and maintains, providers lease (fee per subscriber and/or passing).
        case wholesale
        /// A private partner builds and runs; the city pays a share of its capital and may receive a revenue share.
        case subsidy
    }

    /// Short key (the study's [scenarios.NAME] table).
    public var name: String
    /// Display label.
    public var label: String
    public var kind: Kind
    /// Overrides of the finance defaults for this scenario (nil = use [finance]).
    public var arpu: Double?
    public var opexPerSubscriberMonth: Double?
    public var opexPerPassingYear: Double?
    public var opexFixedYear: Double?
    public var bondShare: Double?
    /// Wholesale: lease fee per subscriber per month. Default $35: Lastmile assumption (about half of retail ARPU).
    public var wholesalePerSubscriberMonth: Double
    /// Wholesale: fee per passing per month, paid whether or not the home subscribes. Default $0.
    public var wholesalePerPassingMonth: Double
    /// Subsidy: the city's share of the partner's capital cost. Default 25 %: Lastmile assumption.
    public var capitalContribution: Double
    /// Subsidy: share of the partner's retail revenue paid to the city. Default 0.
    public var revenueShare: Double

    public static let defaultWholesalePerSubscriberMonth = 35.0
    public static let defaultCapitalContribution = 0.25

    public init(
        name: String, label: String? = nil, kind: Kind, arpu: Double? = nil, opexPerSubscriberMonth: Double? = nil,
        opexPerPassingYear: Double? = nil, opexFixedYear: Double? = nil, bondShare: Double? = nil,
        wholesalePerSubscriberMonth: Double = ScenarioDefinition.defaultWholesalePerSubscriberMonth,
        wholesalePerPassingMonth: Double = 0,
        capitalContribution: Double = ScenarioDefinition.defaultCapitalContribution, revenueShare: Double = 0
    ) {
        self.name = name
        self.label = label ?? name
        self.kind = kind
        self.arpu = arpu
        self.opexPerSubscriberMonth = opexPerSubscriberMonth
        self.opexPerPassingYear = opexPerPassingYear
        self.opexFixedYear = opexFixedYear
        self.bondShare = bondShare
        self.wholesalePerSubscriberMonth = wholesalePerSubscriberMonth
        self.wholesalePerPassingMonth = wholesalePerPassingMonth
        self.capitalContribution = capitalContribution
        self.revenueShare = revenueShare
    }
}
