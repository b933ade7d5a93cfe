import GeoModel

extension AreaResult {
    /// Share (0…1) with a broadband subscription: of people in households (S2802, computer and broadband)
    /// or, from B28002, of households with any internet subscription (1 − the no-internet share).
    public var subscriptionShare: Double? {
        demographics?.broadbandShare ?? demographics?.noInternetShare.map { 1 - $0 }
    }

    /// The adoption gap: the share of locations offered 100/20 under the rule (served) minus the share
    /// subscribed (`subscriptionShare`, whose universe `demographics.subscriptionUniverse` names); positive
    /// where the network is there and people do not use it. Nil without locations or an ACS share.
    public var adoptionGap: Double? {
        guard counts.locations > 0, let subscribed = subscriptionShare else { return nil }
        return Double(counts.served) / Double(counts.locations) - subscribed
    }

    /// Microsoft's availability (per the FCC) minus its measured usage at 25 Mbps: the same gap from
    /// device data.
    public var usageGap: Double? {
        guard let u = broadbandUsage, let available = u.availabilityShareFCC, let used = u.usageShare else {
            return nil
        }
        return available - used
    }
}
