import GeoModel

/// An ACS 5-year estimate Lastmile reads into a `DemographicProfile`
/// (variable codes from the Census Bureau's ACS table shells and data.census.gov).
public enum ACSVariable: String, CaseIterable, Sendable {
    case population = "B01003_001E"
    case households = "B11001_001E"
    case medianHouseholdIncome = "B19013_001E"
    case internetUniverseHouseholds = "B28002_001E"
    case noInternetHouseholds = "B28002_013E"
    case noComputerHouseholds = "B28003_006E"
    case householdPopulation = "S2802_C01_001E"
    case broadbandPercent = "S2802_C03_001E"
    case noSubscriptionWithComputerPercent = "S2802_C05_001E"
    case noComputerPercent = "S2802_C07_001E"
    case broadbandPersons = "S2802_C02_001E"
    case noSubscriptionWithComputerPersons = "S2802_C04_001E"
    case noComputerPersons = "S2802_C06_001E"

    /// The variable code as in file headers.
    public var code: String { rawValue }

    /// The code of the estimate's margin of error (`…E` → `…M`), read for counts (whose margins
    /// combine when areas are rolled up); nil for medians and percents.
    var marginCode: String? {
        kind == .count ? String(rawValue.dropLast()) + "M" : nil
    }

    /// How the estimate is written.
    enum Kind { case count, dollars, percent }

    var kind: Kind {
        switch self {
        case .medianHouseholdIncome: .dollars
        case .broadbandPercent, .noSubscriptionWithComputerPercent, .noComputerPercent: .percent
        default: .count
        }
    }

    /// Words the data.census.gov label row must contain for this code (lower case, spaces collapsed),
    /// so that a table whose columns were renumbered between releases is refused rather than misread.
    /// Taken from the labels of ACSST5Y2022.S2802 and the B-table shells.
    var expectedLabelWords: [String] {
        switch self {
        case .population, .households, .internetUniverseHouseholds: ["total"]
        case .medianHouseholdIncome: ["median household income"]
        case .noInternetHouseholds: ["no internet access"]
        case .noComputerHouseholds: ["no computer"]
        case .householdPopulation: ["total population in households"]
        case .broadbandPercent: ["percent", "broadband"]
        case .noSubscriptionWithComputerPercent: ["percent", "without an internet subscription", "with a computer"]
        case .noComputerPercent: ["percent", "no computer"]
        case .broadbandPersons: ["broadband internet subscription", "with a computer"]
        case .noSubscriptionWithComputerPersons: ["without an internet subscription", "with a computer"]
        case .noComputerPersons: ["no computer in household"]
        }
    }

    /// Stores `value` (already checked to be a number) into `profile`.
    func store(_ value: Double?, in profile: inout DemographicProfile) {
        func count() -> Int? { value.map { Int($0) } }
        switch self {
        case .population: profile.population = count()
        case .households: profile.households = count()
        case .medianHouseholdIncome: profile.medianHouseholdIncome = value
        case .internetUniverseHouseholds: profile.internetUniverseHouseholds = count()
        case .noInternetHouseholds: profile.noInternetHouseholds = count()
        case .noComputerHouseholds: profile.noComputerHouseholds = count()
        case .householdPopulation: profile.householdPopulation = count()
        case .broadbandPercent: profile.broadbandShare = value.map { $0 / 100 }
        case .noSubscriptionWithComputerPercent: profile.noSubscriptionWithComputerShare = value.map { $0 / 100 }
        case .noComputerPercent: profile.noComputerShare = value.map { $0 / 100 }
        case .broadbandPersons: profile.broadbandPersons = count()
        case .noSubscriptionWithComputerPersons: profile.noSubscriptionWithComputerPersons = count()
        case .noComputerPersons: profile.noComputerPersons = count()
        }
    }
}
