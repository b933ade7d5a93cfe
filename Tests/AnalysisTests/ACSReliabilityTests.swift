import Foundation
import GeoModel
import Testing

/// The no-internet share's margin of error and coefficient of variation, by the ACS handbook's
/// proportion formula, against hand calculations.
@Suite struct ACSReliabilityTests {
    /// Demo block group 239900001002 (datasets/demo/acs_blockgroups.csv): B28002_001E 79 ± 15, B28002_013E 5 ± 9.
    /// p = 5/79 = 0.0632911; MOE = √(9² − p²·15²)/79 = √(81 − 0.901298)/79 = 0.1132885; CV = MOE/1.645/p = 1.088120.
    @Test func householdsShareFromB28002() {
        var d = DemographicProfile(
            geoid: AreaID("239900001002"), internetUniverseHouseholds: 79, noInternetHouseholds: 5)
        d.marginsOfError = ["B28002_001E": 15, "B28002_013E": 9]
        #expect(abs(d.noInternetShareMarginOfError! - 0.1132885) < 1e-6)
        #expect(abs(d.noInternetShareCoefficientOfVariation! - 1.088120) < 1e-5)
    }

    /// S2802: persons with a computer and no subscription 120 ± 40, no computer 60 ± 30, household
    /// population 2,000 ± 100. X = 180, MOE(X) = √(40² + 30²) = 50; p = 0.09; √(2500 − 0.0081·10000)/2000 =
    /// √2419/2000 = 0.0245917; CV = 0.0245917/1.645/0.09 = 0.166103.
    @Test func peopleShareFromS2802() {
        var d = DemographicProfile(
            geoid: AreaID("23001000100"), householdPopulation: 2_000, noSubscriptionWithComputerShare: 0.06,
            noComputerShare: 0.03)
        d.noSubscriptionWithComputerPersons = 120
        d.noComputerPersons = 60
        d.marginsOfError = ["S2802_C04_001E": 40, "S2802_C06_001E": 30, "S2802_C01_001E": 100]
        #expect(abs(d.noInternetShareMarginOfError! - 0.0245917) < 1e-6)
        #expect(abs(d.noInternetShareCoefficientOfVariation! - 0.166103) < 1e-5)
    }

    /// When p²·MOE(Y)² exceeds MOE(X)², the handbook adds instead: X 90 ± 5 of Y 100 ± 10 → √(25 + 0.81·100)/100.
    @Test func aNegativeRadicandUsesTheRatioFormula() {
        var d = DemographicProfile(geoid: AreaID("1"), internetUniverseHouseholds: 100, noInternetHouseholds: 90)
        d.marginsOfError = ["B28002_001E": 10, "B28002_013E": 5]
        #expect(abs(d.noInternetShareMarginOfError! - (25.0 + 81).squareRoot() / 100) < 1e-12)
        d.marginsOfError = ["B28002_001E": 10]
        #expect(d.noInternetShareMarginOfError == nil)
    }
}
