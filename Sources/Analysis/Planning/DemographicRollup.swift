import Foundation
import GeoModel

/// ACS profiles of finer areas summed into the study's areas (tracts into counties, block groups
/// into tracts), as the Census Bureau's ACS handbook prescribes for derived estimates
/// ("Understanding and Using American Community Survey Data", 2020, ch. 8, "Calculating Measures of
/// Error for Derived Estimates"):
/// - counts are summed; an area's sum is absent when one of its parts lacks the count;
/// - a sum's margin of error is the root of the sum of the squared margins, where among parts whose
///   estimate is zero only the largest margin is counted (the handbook's rule for zero estimates);
/// - shares are recomputed from the summed counts (S2802: persons with broadband / persons in
///   households); a share whose counts the table does not give is left absent;
/// - medians (household income) cannot be derived from medians and are left absent.
public enum DemographicRollup {
    /// What a roll-up did, for the run's diagnostics.
    public struct Summary: Hashable, Sendable {
        /// The level of the profiles that were summed.
        public var from: AreaLevel
        public var to: AreaLevel
        /// Source profiles summed, and the resulting areas.
        public var parts: Int
        public var areas: Int
        /// True when a median was present in the parts and is therefore absent in the sums.
        public var droppedMedianIncome: Bool
    }

    /// Sums `profiles` (all at one census level finer than `level`) into areas at `level`.
    /// - Returns: the summed profiles by GEOID at `level`, and what was done.
    public static func rollUp(_ profiles: [AreaID: DemographicProfile], to level: AreaLevel)
        -> (profiles: [AreaID: DemographicProfile], summary: Summary)
    {
        var groups: [AreaID: [DemographicProfile]] = [:]
        var from = level
        for (id, p) in profiles {
            guard let parent = id.rolledUp(to: level) else { continue }
            if let l = id.level, l > from { from = l }
            groups[parent, default: []].append(p)
        }
        var out: [AreaID: DemographicProfile] = [:]
        for (id, parts) in groups { out[id] = sum(parts.sorted { $0.geoid < $1.geoid }, as: id) }
        let dropped = profiles.values.contains { $0.medianHouseholdIncome != nil }
        return (
            out, Summary(from: from, to: level, parts: profiles.count, areas: out.count, droppedMedianIncome: dropped)
        )
    }

    /// One area's profile from its parts.
    public static func sum(_ parts: [DemographicProfile], as id: AreaID) -> DemographicProfile {
        func total(_ value: (DemographicProfile) -> Int?) -> Int? {
            var sum = 0
            for p in parts {
                guard let v = value(p) else { return nil }
                sum += v
            }
            return sum
        }
        var out = DemographicProfile(geoid: id)
        out.population = total(\.population)
        out.households = total(\.households)
        out.internetUniverseHouseholds = total(\.internetUniverseHouseholds)
        out.noInternetHouseholds = total(\.noInternetHouseholds)
        out.noComputerHouseholds = total(\.noComputerHouseholds)
        out.householdPopulation = total(\.householdPopulation)
        out.broadbandPersons = total(\.broadbandPersons)
        out.noSubscriptionWithComputerPersons = total(\.noSubscriptionWithComputerPersons)
        out.noComputerPersons = total(\.noComputerPersons)
        func share(_ count: Int?) -> Double? {
            guard let count, let base = out.householdPopulation, base > 0 else { return nil }
            return Double(count) / Double(base)
        }
        out.broadbandShare = share(out.broadbandPersons)
        out.noSubscriptionWithComputerShare = share(out.noSubscriptionWithComputerPersons)
        out.noComputerShare = share(out.noComputerPersons)

        let estimates: [String: (DemographicProfile) -> Int?] = [
            "B01003_001E": \.population, "B11001_001E": \.households, "B28002_001E": \.internetUniverseHouseholds,
            "B28002_013E": \.noInternetHouseholds, "B28003_006E": \.noComputerHouseholds,
            "S2802_C01_001E": \.householdPopulation, "S2802_C02_001E": \.broadbandPersons,
            "S2802_C04_001E": \.noSubscriptionWithComputerPersons, "S2802_C06_001E": \.noComputerPersons,
        ]
        for (code, estimate) in estimates {
            let pairs = parts.map { (estimate($0), $0.marginsOfError[code]) }
            guard pairs.allSatisfy({ $0.0 != nil && $0.1 != nil }) else { continue }
            out.marginsOfError[code] = combinedMargin(pairs.map { (Double($0.0!), $0.1!) })
        }
        return out
    }

    /// The margin of error of a sum: √(Σ MOEᵢ²), counting among zero estimates only the largest MOE.
    public static func combinedMargin(_ parts: [(estimate: Double, margin: Double)]) -> Double {
        let zeros = parts.filter { $0.estimate == 0 }.map(\.margin)
        let nonZero = parts.filter { $0.estimate != 0 }.map(\.margin)
        let squares = nonZero.reduce(0) { $0 + $1 * $1 } + (zeros.max().map { $0 * $0 } ?? 0)
        return squares.squareRoot()
    }
}
