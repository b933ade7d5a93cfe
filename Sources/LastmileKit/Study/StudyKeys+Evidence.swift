extension StudyKeys {
    /// The NTIA indicators as the report cites them.
    static let indicators = "NTIA, Indicators of Broadband Need (June 2021)"

    /// [evidence]: the thresholds that place each area in a group (network gap, adoption gap, both, neither).
    static let evidence: [StudyKey] = [
        StudyKey(
            "evidence.network_gap_share", default: "0.10", value: .number(0.10),
            allowed: "0 to 1", domain: .number(0...1),
            source: assumption + " (a tenth of the locations unserved or underserved)"),
        StudyKey(
            "evidence.measured_below_25_3_share", default: "0.5", value: .number(0.5),
            allowed: "0 to 1", domain: .number(0...1),
            source: indicators + ": median speed-test download below 25/3 (half the tests in tiles below 25/3)"),
        StudyKey(
            "evidence.min_tests", default: "30", value: .integer(30),
            allowed: "whole numbers 1 to 1,000,000", domain: .integer(1...1_000_000),
            source: assumption + " (fewer tests say too little about an area)"),
        StudyKey(
            "evidence.no_internet_share", default: "0.25", value: .number(0.25),
            allowed: "0 to 1", domain: .number(0...1),
            source: indicators + ": ≥ 25 % of households with no internet access (ACS)"),
        StudyKey(
            "evidence.no_computer_share", default: "0.25", value: .number(0.25),
            allowed: "0 to 1", domain: .number(0...1),
            source: indicators + ": ≥ 25 % with no computer, smartphone or tablet (ACS)"),
        StudyKey(
            "evidence.usage_share", default: "0.25", value: .number(0.25),
            allowed: "0 to 1", domain: .number(0...1),
            source: indicators + ": ≥ 75 % of devices below 25 Mbps (Microsoft), i.e. usage at most 25 %"),
    ]
}
