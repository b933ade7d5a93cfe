import Analysis
import Foundation
import GeoModel
import Ingest
import TestSupport
import Testing

@testable import LastmileKit

/// ACS at the study's level: the real S2802 tract table of Maine (datasets/real/acs-maine-s2802,
/// 439 rows of which 32 repeat) summed into the 16 counties.
@Suite struct StudyDemographicsTests {
    static let s2802 = TestPaths.realData("acs-maine-s2802/ACSST5Y2022.S2802-Data.csv")

    /// Expected sums and margins from `python3 Tests/IngestTests/Fixtures/acs_rollup.py <the file>` (the
    /// csv module; the handbook's rule written out again): county, then estimate and MOE of S2802_C01,
    /// C02, C04 and C06 (_001).
    static let expected: [(county: String, values: [Double])] = [
        ("23001", [108007, 2208.6432, 99039, 2280.6405, 4749, 824.9473, 4082, 614.5844]),
        ("23003", [65132, 1333.5959, 53035, 1430.9832, 6217, 773.7635, 5531, 654.5877]),
        ("23005", [294664, 4200.5802, 275396, 4288.4969, 9796, 1287.0785, 9013, 1069.8023]),
        ("23007", [28738, 813.1138, 24418, 899.3008, 2442, 559.6401, 1600, 365.3095]),
        ("23009", [54176, 1166.4605, 49140, 1251.5582, 2132, 362.4941, 2645, 439.7693]),
        ("23011", [120100, 1837.9388, 109425, 2022.5474, 5225, 846.3067, 5212, 741.5639]),
        ("23013", [39047, 742.6392, 35877, 857.3937, 1300, 373.7138, 1569, 358.3853]),
        ("23015", [34814, 870.5475, 30796, 1049.6961, 2260, 610.0844, 1584, 436.3439]),
        ("23017", [57521, 1399.0515, 50271, 1533.6708, 2795, 465.5749, 4186, 708.6163]),
        ("23019", [146089, 2114.8345, 130017, 2330.9515, 9119, 1273.5105, 6555, 706.6237]),
        ("23021", [16552, 568.5332, 13923, 633.4738, 1499, 317.0237, 1056, 210.8578]),
        ("23023", [36630, 888.0878, 34461, 944.6317, 668, 248.1915, 1346, 358.3239]),
        ("23025", [49859, 1201.648, 43768, 1356.906, 2910, 506.6666, 2916, 481.48]),
        ("23027", [39124, 1022.338, 34507, 922.6874, 2000, 351.5508, 2380, 746.0436]),
        ("23029", [30158, 836.3743, 26035, 856.5652, 1980, 304.0608, 1984, 255.2117]),
        ("23031", [209424, 3236.3708, 195221, 3345.883, 7760, 1207.8812, 5848, 816.4686]),
    ]

    @Test func s2802TractsSumToCounties() throws {
        let table = try ACSTable.read(path: Self.s2802)
        let (profiles, notes) = try StudyDemographics.profiles(of: table, path: Self.s2802, level: .county)
        #expect(profiles.count == 16)
        #expect(notes.first?.contains("407 tracts were summed into 16 counties") == true)
        for (county, v) in Self.expected {
            let p = try #require(profiles[AreaID(county)], "county \(county)")
            let codes = ["S2802_C01_001E", "S2802_C02_001E", "S2802_C04_001E", "S2802_C06_001E"]
            let estimates = [
                p.householdPopulation, p.broadbandPersons, p.noSubscriptionWithComputerPersons, p.noComputerPersons,
            ]
            for (k, code) in codes.enumerated() {
                #expect(estimates[k] == Int(v[2 * k]), "\(county) \(code)")
                let moe = try #require(p.marginsOfError[code], "\(county) \(code) MOE")
                #expect(abs(moe - v[2 * k + 1]) < 0.0001, "\(county) \(code) MOE \(moe)")
            }
            // Shares from the summed counts, not averaged percents.
            #expect(p.broadbandShare == v[2] / v[0])
            #expect(abs(p.noInternetShare! - (v[4] + v[6]) / v[0]) < 1e-12)
            #expect(p.subscriptionUniverse == .personsInHouseholds)
            #expect(p.medianHouseholdIncome == nil)
        }
    }

    /// A tract study keeps the tract rows as they are (one row per tract, duplicates dropped).
    @Test func tractStudyUsesTractsAsTheyAre() throws {
        let table = try ACSTable.read(path: Self.s2802)
        let (profiles, notes) = try StudyDemographics.profiles(of: table, path: Self.s2802, level: .tract)
        #expect(profiles.count == 407)
        #expect(notes.isEmpty)
        // Line 3 of the file: 1400000US23001010100, S2802_C03_001E 63.2
        #expect(profiles[AreaID("23001010100")]?.broadbandShare == 0.632)
    }

    @Test func coarserTableIsRefused() throws {
        let table = try ACSTable.read(path: Self.s2802)
        #expect(
            throws: LastmileError.badInput(
                SourceLocation(file: Self.s2802, column: "GEO_ID"),
                "the demographics table is at tract level, coarser than the study's block groups (study.area_level = blockgroup): a table can be summed up to the study's areas, never split down; download it by block group or finer"
            )
        ) {
            try StudyDemographics.profiles(of: table, path: Self.s2802, level: .blockgroup)
        }
    }

    /// The handbook's rule for zero estimates: only the largest of their margins counts.
    @Test func zeroEstimatesCountTheLargestMarginOnce() {
        let m: Double = DemographicRollup.combinedMargin([(100, 30), (0, 11), (0, 15), (50, 40)])
        let expected: Double = (900.0 + 1600.0 + 225.0).squareRoot()
        #expect(m == expected)
    }
}
