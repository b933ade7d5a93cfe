/// ACS 5-year figures for one census area, as far as the source table has them (nil = absent or
/// not published for this area).
///
/// Detailed tables count households; subject table S2802 counts *persons in households*, so its
/// shares are shares of people, not of households.
public struct DemographicProfile: Hashable, Sendable, Codable {
    /// The area's GEOID (digits, leading zeros kept).
    public var geoid: AreaID
    /// Total population (`B01003_001E`).
    public var population: Int?
    /// Households (`B11001_001E`).
    public var households: Int?
    /// Median household income in dollars of the survey's final year (`B19013_001E`); a top-coded
    /// `250,000+` is read as 250,000.
    public var medianHouseholdIncome: Double?
    /// Households in the universe of the internet-subscription table (`B28002_001E`).
    public var internetUniverseHouseholds: Int?
    /// Households with no internet access (`B28002_013E`).
    public var noInternetHouseholds: Int?
    /// Households with no computer (`B28003_006E`; its universe `B28003_001E` equals `B28002_001E`).
    public var noComputerHouseholds: Int?
    /// Population in households (`S2802_C01_001E`).
    public var householdPopulation: Int?
    /// Share (0…1) of the household population with a computer and a broadband subscription (`S2802_C03_001E` / 100).
    public var broadbandShare: Double?
    /// Share (0…1) of the household population with a computer but without any internet subscription
    /// (`S2802_C05_001E` / 100; label "Percent without an Internet Subscription!!With a computer").
    public var noSubscriptionWithComputerShare: Double?
    /// Share (0…1) of the household population with no computer in the household (`S2802_C07_001E` / 100).
    public var noComputerShare: Double?
    /// Persons in households with a computer and a broadband subscription (`S2802_C02_001E`).
    public var broadbandPersons: Int?
    /// Persons in households with a computer but no internet subscription (`S2802_C04_001E`).
    public var noSubscriptionWithComputerPersons: Int?
    /// Persons in households with no computer (`S2802_C06_001E`).
    public var noComputerPersons: Int?
    /// Margins of error (ACS: 90 % confidence) of the count estimates read, keyed by the estimate's
    /// variable code (`B28002_013E` → the `B28002_013M` value). Absent where the table gives none.
    public var marginsOfError: [String: Double] = [:]

    public init(
        geoid: AreaID, population: Int? = nil, households: Int? = nil, medianHouseholdIncome: Double? = nil,
        internetUniverseHouseholds: Int? = nil, noInternetHouseholds: Int? = nil,
        noComputerHouseholds: Int? = nil, householdPopulation: Int? = nil, broadbandShare: Double? = nil,
        noSubscriptionWithComputerShare: Double? = nil, noComputerShare: Double? = nil
    ) {
        self.geoid = geoid; self.population = population; self.households = households
        self.medianHouseholdIncome = medianHouseholdIncome; self.internetUniverseHouseholds = internetUniverseHouseholds
        self.noInternetHouseholds = noInternetHouseholds; self.noComputerHouseholds = noComputerHouseholds
        self.householdPopulation = householdPopulation; self.broadbandShare = broadbandShare
        self.noSubscriptionWithComputerShare = noSubscriptionWithComputerShare; self.noComputerShare = noComputerShare
    }

    /// The universe the subscription shares are of: households (B28002) or persons in households (S2802).
    public var subscriptionUniverse: SubscriptionUniverse? {
        if internetUniverseHouseholds != nil && noInternetHouseholds != nil { return .households }
        if noSubscriptionWithComputerShare != nil && noComputerShare != nil { return .personsInHouseholds }
        return nil
    }

    /// Who an ACS internet-subscription share counts.
    public enum SubscriptionUniverse: String, Sendable, Codable {
        /// Detailed tables B28002/B28003: households.
        case households
        /// Subject table S2802: people living in households.
        case personsInHouseholds = "persons_in_households"

        /// As a table column or sentence says it.
        public var displayName: String {
            switch self {
            case .households: "households"
            case .personsInHouseholds: "people in households"
            }
        }
    }

    /// The margin of error (90 %) of `noInternetShare`, as the ACS handbook derives a proportion's:
    /// MOE(p) = √(MOE(X)² − p²·MOE(Y)²) ÷ Y, with + under the root when the difference is negative (Census
    /// Bureau, "Understanding and Using American Community Survey Data", 2020, ch. 8). X is B28002_013E over
    /// Y = B28002_001E, or S2802's persons without a subscription (C04 + C06, margins combined) over its
    /// household population (C01). Nil where a margin is missing.
    public var noInternetShareMarginOfError: Double? {
        let x: Double
        let mx: Double
        let y: Double
        let my: Double
        if let universe = internetUniverseHouseholds, let none = noInternetHouseholds {
            guard let a = marginsOfError["B28002_013E"], let b = marginsOfError["B28002_001E"] else { return nil }
            (x, mx, y, my) = (Double(none), a, Double(universe), b)
        } else if let withComputer = noSubscriptionWithComputerPersons, let noComputer = noComputerPersons,
            let population = householdPopulation, let a = marginsOfError["S2802_C04_001E"],
            let b = marginsOfError["S2802_C06_001E"], let c = marginsOfError["S2802_C01_001E"]
        {
            (x, mx, y, my) = (Double(withComputer + noComputer), (a * a + b * b).squareRoot(), Double(population), c)
        } else {
            return nil
        }
        guard y > 0 else { return nil }
        let p = x / y
        let difference = mx * mx - p * p * my * my
        return (difference >= 0 ? difference : mx * mx + p * p * my * my).squareRoot() / y
    }

    /// The coefficient of variation of `noInternetShare`: (MOE ÷ 1.645) ÷ share; nil for a zero share.
    public var noInternetShareCoefficientOfVariation: Double? {
        guard let moe = noInternetShareMarginOfError, let p = noInternetShare, p > 0 else { return nil }
        return moe / 1.645 / p
    }

    /// Whether `noInternetShare` is too uncertain to rest a decision on: its coefficient of variation
    /// is above `Estimate.unreliableCV`.
    public var noInternetShareIsUnreliable: Bool {
        (noInternetShareCoefficientOfVariation ?? 0) > Estimate.unreliableCV
    }

    /// Share (0…1) without a computer: `B28003_006E / B28003_001E` (households; its universe equals
    /// `B28002_001E`) when present, else S2802's `C07` (people in households with no computer).
    public var withoutComputerShare: Double? {
        if let universe = internetUniverseHouseholds, let none = noComputerHouseholds {
            return universe > 0 ? Double(none) / Double(universe) : nil
        }
        return noComputerShare
    }

    /// Share (0…1) without any internet subscription.
    ///
    /// From B28002 when present: `B28002_013E / B28002_001E` (households; nil when the universe is 0).
    /// Else from S2802: (`C05` + `C07`) / 100 — persons with a computer but no subscription plus
    /// persons in households with no computer (S2802 does not split the latter by subscription; they
    /// are counted as unsubscribed). The remainder, 100 − C03 − C05 − C07, is persons with a computer
    /// and a dial-up-only subscription. Clamped to 0…1 because published percents are rounded.
    public var noInternetShare: Double? {
        if let universe = internetUniverseHouseholds, let none = noInternetHouseholds {
            return universe > 0 ? Double(none) / Double(universe) : nil
        }
        if let withComputer = noSubscriptionWithComputerShare, let noComputer = noComputerShare {
            return min(max(withComputer + noComputer, 0), 1)
        }
        return nil
    }
}
