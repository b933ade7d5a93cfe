extension StudyKeys {
    /// [finance]: revenue, operating cost, discounting and the bond.
    static let finance: [StudyKey] = [
        StudyKey(
            "finance.arpu", default: "65", value: .integer(65),
            allowed: "0 to 1,000,000 (dollars)", domain: .number(0...1e6),
            source: "Frontier Communications 8-K: consumer fiber ARPU $65.40 (Q3 2024); average U.S. internet bill "
                + "about $65/month (Boyce 2024, Telecommunications Policy 48(10))", methodPage: true),
        StudyKey(
            "finance.price_change", default: "0", value: .integer(0),
            allowed: "-0.5 to 0.5", domain: .number(-0.5...0.5),
            source: assumption + " (flat nominal prices)", methodPage: true),
        StudyKey(
            "finance.opex_per_subscriber_month", default: "20", value: .integer(20),
            allowed: "0 to 1,000,000 (dollars)", domain: .number(0...1e6),
            source: assumption, methodPage: true),
        StudyKey(
            "finance.opex_per_passing_year", default: "30", value: .integer(30),
            allowed: "0 to 1,000,000 (dollars)", domain: .number(0...1e6),
            source: assumption, methodPage: true),
        StudyKey(
            "finance.opex_fixed_year", default: "250000", value: .integer(250000),
            allowed: "0 to 1,000,000,000 (dollars)", domain: .number(0...1e9),
            source: assumption + " (fixed yearly overhead: staff, network operations, billing system, insurance)",
            methodPage: true),
        StudyKey(
            "finance.discount_rate", default: "0.04", value: .number(0.04),
            allowed: "-0.5 (−50 %) to 1", domain: .number(-0.5...1),
            source: assumption + " (near recent tax-exempt municipal bond yields)", methodPage: true),
        StudyKey(
            "finance.horizon_years", default: "20", value: .integer(20),
            allowed: "whole years 1 to 100", domain: .integer(1...100),
            source: assumption, methodPage: true),
        StudyKey(
            "finance.bond_share", default: "1.0", value: .number(1.0),
            allowed: "0 to 1", domain: .number(0...1),
            source: assumption, methodPage: true),
        StudyKey(
            "finance.bond_rate", default: "0.04", value: .number(0.04),
            allowed: "-0.5 to 1", domain: .number(-0.5...1),
            source: assumption + " (check the rate in a current official statement)", methodPage: true),
        StudyKey(
            "finance.bond_term_years", default: "20", value: .integer(20),
            allowed: "whole years 1 to 100", domain: .integer(1...100),
            source: assumption, methodPage: true),
        StudyKey(
            "finance.capitalized_interest_years", default: "0", value: .integer(0),
            allowed: "whole years 0 to 10", domain: .integer(0...10),
            source: "none: debt service starts in year 1; n > 0 borrows n years of interest during construction and "
                + "starts debt service in year n + 1", methodPage: true),
        StudyKey(
            "finance.debt_service_reserve", default: "false", value: .boolean(false),
            allowed: "true or false", domain: .boolean,
            source: "true borrows one year's debt service as a reserve, held and released in the last year of debt "
                + "service", methodPage: true),
        StudyKey(
            "finance.grant", default: "0", value: .integer(0),
            allowed: "0 to 1,000,000,000,000 (dollars)", domain: .number(0...1e12),
            source: "none assumed; e.g. a BEAD or ReConnect award, received in step with the cost to pass, in every "
                + "scenario", methodPage: true),
        StudyKey(
            "finance.grant_per_passing", default: "0", value: .integer(0),
            allowed: "0 to 1,000,000 (dollars)", domain: .number(0...1e6),
            source: "none assumed; added to finance.grant for each passing built", methodPage: true),
        StudyKey(
            "finance.dscr_covenant", default: "1.25", value: .number(1.25),
            allowed: "0 to 10", domain: .number(0...10),
            source: "municipal revenue-bond rate covenants commonly require 1.20–1.25× coverage (e.g. 'a rate "
                + "covenant of 1.25x' in Fitch reports quoted by the Farlex Financial Dictionary); check the bond's "
                + "official statement", methodPage: true),
    ]

    /// [plan]: what is built, in how many phases, within which budget.
    static let plan: [StudyKey] = [
        StudyKey(
            "plan.capital_budget", default: "no limit", value: nil,
            allowed: "greater than 0, at most 1,000,000,000,000 (dollars)", domain: .number(0...1e12, lowerOpen: true),
            source: "build every area with unserved or underserved locations", methodPage: true),
        StudyKey(
            "plan.phases", default: "3", value: .integer(3),
            allowed: "whole numbers 1 to 50", domain: .integer(1...50),
            source: assumption + " (three construction seasons)", methodPage: true),
        StudyKey(
            "plan.include_served_areas", default: "false", value: .boolean(false),
            allowed: "true or false", domain: .boolean,
            source: "build only where there is need (areas with unserved or underserved locations, served share at "
                + "most plan.max_served_share)", methodPage: true),
        StudyKey(
            "plan.build", default: "areas", value: .string("areas"),
            allowed: "areas or eligible_locations", domain: .choice(["areas", "eligible_locations"]),
            source: "areas: every location of a built area, as a municipal retail network would; eligible_locations: "
                + "only unserved and underserved locations, as a BEAD-style subsidy would, costed by their share of "
                + "the area's plant", methodPage: true),
        StudyKey(
            "plan.max_served_share", default: "0.8", value: .number(0.8),
            allowed: "0 to 1", domain: .number(0...1),
            source: assumption + " (an area mostly served at 100/20 already is not built)", methodPage: true),
    ]

    /// [risk]: the tornado's ranges and the Monte Carlo draws.
    static let risk: [StudyKey] = [
        StudyKey(
            "risk.take_rate_range", default: "[0.8, 1.2]", value: .list([.number(0.8), .number(1.2)]),
            allowed: "[low, high] multipliers with 0 ≤ low ≤ 1 ≤ high ≤ 10", domain: .multipliers,
            source: assumption + " (±20 %)", methodPage: true),
        StudyKey(
            "risk.cost_range", default: "[0.8, 1.2]", value: .list([.number(0.8), .number(1.2)]),
            allowed: "[low, high] multipliers with 0 ≤ low ≤ 1 ≤ high ≤ 10", domain: .multipliers,
            source: assumption + " (±20 %)", methodPage: true),
        StudyKey(
            "risk.arpu_range", default: "[0.8, 1.2]", value: .list([.number(0.8), .number(1.2)]),
            allowed: "[low, high] multipliers with 0 ≤ low ≤ 1 ≤ high ≤ 10", domain: .multipliers,
            source: assumption + " (±20 %)", methodPage: true),
        StudyKey(
            "risk.opex_range", default: "[0.8, 1.2]", value: .list([.number(0.8), .number(1.2)]),
            allowed: "[low, high] multipliers with 0 ≤ low ≤ 1 ≤ high ≤ 10", domain: .multipliers,
            source: assumption + " (±20 %)", methodPage: true),
        StudyKey(
            "risk.discount_rate_range", default: "[0.8, 1.2]", value: .list([.number(0.8), .number(1.2)]),
            allowed: "[low, high] multipliers with 0 ≤ low ≤ 1 ≤ high ≤ 10", domain: .multipliers,
            source: assumption + " (±20 %); tornado only", methodPage: true),
        StudyKey(
            "risk.take_arpu_correlation", default: "-0.5", value: .number(-0.5),
            allowed: "-1 to 1", domain: .number(-1...1),
            source: assumption + " (a price above plan goes with fewer subscribers, as a negative price elasticity "
                + "implies)", methodPage: true),
        StudyKey(
            "risk.cost_correlation", default: "0.5", value: .number(0.5),
            allowed: "0 to 1", domain: .number(0...1),
            source: assumption + " (capital components share labour and materials prices)", methodPage: true),
        StudyKey(
            "risk.draws", default: "10000", value: .integer(10000),
            allowed: "whole numbers 100 to 1,000,000", domain: .integer(100...1_000_000),
            source: "enough draws that P10/P50/P90 are stable to about 1 % (Monte Carlo standard error falls as "
                + "1/√draws)", methodPage: true),
        StudyKey(
            "risk.seed", default: "20261128", value: .integer(20_261_128),
            allowed: "a whole number ≥ 0", domain: .integer(0...Int.max),
            source: "fixed so that a rerun repeats the draws", methodPage: true),
    ]

    /// The fields of one scenario table, [scenarios.NAME].
    public static let scenarioFields: [StudyKey] = [
        StudyKey(
            "kind", default: "required", value: nil,
            allowed: "retail, wholesale or subsidy", domain: .choice(["retail", "wholesale", "subsidy"]),
            source: "retail, wholesale or subsidy"),
        StudyKey(
            "label", default: "the table name", value: nil,
            allowed: "text", domain: .text,
            source: ""),
        StudyKey(
            "arpu", default: "finance.arpu", value: nil,
            allowed: "0 to 1,000,000 (dollars)", domain: .number(0...1e6),
            source: ""),
        StudyKey(
            "opex_per_subscriber_month", default: "finance.opex_per_subscriber_month", value: nil,
            allowed: "0 to 1,000,000 (dollars)", domain: .number(0...1e6),
            source: ""),
        StudyKey(
            "opex_per_passing_year", default: "finance.opex_per_passing_year", value: nil,
            allowed: "0 to 1,000,000 (dollars)", domain: .number(0...1e6),
            source: ""),
        StudyKey(
            "opex_fixed_year", default: "finance.opex_fixed_year (0 for subsidy)", value: nil,
            allowed: "0 to 1,000,000,000 (dollars)", domain: .number(0...1e9),
            source: ""),
        StudyKey(
            "bond_share", default: "finance.bond_share", value: nil,
            allowed: "0 to 1", domain: .number(0...1),
            source: ""),
        StudyKey(
            "wholesale_per_subscriber_month", default: "35", value: .integer(35),
            allowed: "0 to 1,000,000 (dollars)", domain: .number(0...1e6),
            source: assumption + " (about half the retail ARPU)"),
        StudyKey(
            "wholesale_per_passing_month", default: "0", value: .integer(0),
            allowed: "0 to 1,000,000 (dollars)", domain: .number(0...1e6),
            source: assumption),
        StudyKey(
            "capital_contribution", default: "0.25", value: .number(0.25),
            allowed: "0 to 1", domain: .number(0...1),
            source: assumption),
        StudyKey(
            "revenue_share", default: "0", value: .integer(0),
            allowed: "0 to 1", domain: .number(0...1),
            source: assumption),
    ]
}
