extension StudyKeys {
    /// [demand]: take rate, price response, adoption over time, churn and the homes counted as passings.
    static let demand: [StudyKey] = [
        StudyKey(
            "demand.take_rate", default: "0.45", value: .number(0.45),
            allowed: "0 to 1", domain: .number(0...1),
            source: "Cartesian for the Fiber Broadband Association, FTTH Study 2019: assumed penetration 45 % in its "
                + "densest group (50–70 % in sparser groups)", methodPage: true),
        StudyKey(
            "demand.take_rate_basis", default: "fixed", value: .string("fixed"),
            allowed: "fixed or density_group", domain: .choice(["fixed", "density_group"]),
            source: "fixed: demand.take_rate in every area; density_group: Cartesian 2019's assumed penetration by "
                + "density group (45/50/60/70 %, D1's below 63/mi²) scaled so that demand.take_rate is the densest "
                + "group's", methodPage: true),
        StudyKey(
            "demand.unserved_uplift", default: "0.25", value: .number(0.25),
            allowed: "0 to 10", domain: .number(0...10),
            source: assumption, methodPage: true),
        StudyKey(
            "demand.competitor_penalty", default: "0.25", value: .number(0.25),
            allowed: "0 to 1", domain: .number(0...1),
            source: assumption, methodPage: true),
        StudyKey(
            "demand.price_elasticity", default: "-0.62", value: .number(-0.62),
            allowed: "-10 to 0", domain: .number(-10...0),
            source: "Carare, McGovern, Noriega & Schwarz (2015), Information Economics and Policy 30: bias-corrected "
                + "broadband price elasticity (Dutz, Orszag & Willig 2009 estimate −0.69 for 2008)", methodPage: true),
        StudyKey(
            "demand.reference_price", default: "65", value: .integer(65),
            allowed: "greater than 0, at most 1,000,000 (dollars)", domain: .number(0...1e6, lowerOpen: true),
            source: "average U.S. internet bill about $65/month (Boyce 2024, Telecommunications Policy 48(10)); take "
                + "× (ARPU ÷ reference price)^elasticity", methodPage: true),
        StudyKey(
            "demand.reference_income", default: "household-weighted mean of area median incomes", value: nil,
            allowed: "1 to 10,000,000 (dollars)", domain: .number(1...1e7),
            source: "ACS B19013 of the study; the need score's income part", methodPage: true),
        StudyKey(
            "demand.household_growth", default: "0.005", value: .number(0.005),
            allowed: "-0.5 to 0.5", domain: .number(-0.5...0.5),
            source: assumption + " (used without an earlier ACS table)", methodPage: true),
        StudyKey(
            "demand.households_earlier", default: "none", value: nil,
            allowed: "a path to an ACS table", domain: .text,
            source: "an earlier ACS 5-year table: household_growth becomes the compound yearly rate between the two "
                + "(unless set)", methodPage: true),
        StudyKey(
            "demand.households_earlier_years", default: "from the ACS file names (ACSDT5Y2017 → ACSDT5Y2022 = 5)",
            value: nil,
            allowed: "whole years 1 to 30", domain: .integer(1...30),
            source: "data.census.gov file naming", methodPage: true),
        StudyKey(
            "demand.adoption", default: "ramp", value: .string("ramp"),
            allowed: "ramp or bass", domain: .choice(["ramp", "bass"]),
            source: "a feasibility pro forma ramps to its terminal take within 3–5 years; most of a fiber cohort's "
                + "penetration arrives within about two years of launch (Frontier Communications cohort reporting, "
                + "2024)", methodPage: true),
        StudyKey(
            "demand.ramp", default: "[0.45, 0.75, 0.9, 1.0]",
            value: .list([.number(0.45), .number(0.75), .number(0.9), .number(1.0)]),
            allowed: "a list of 1 to 30 shares, each 0 to 1", domain: .shares(count: 1...30),
            source: assumption + " (share of the terminal take in years 1, 2, … after an area is lit)",
            methodPage: true),
        StudyKey(
            "demand.bass_p", default: "0.03", value: .number(0.03),
            allowed: "greater than 0, at most 1", domain: .number(0...1, lowerOpen: true),
            source: "Sultan, Farley & Lehmann (1990) meta-analysis mean", methodPage: true),
        StudyKey(
            "demand.bass_q", default: "0.38", value: .number(0.38),
            allowed: "0 to 5", domain: .number(0...5),
            source: "Sultan, Farley & Lehmann (1990) meta-analysis mean", methodPage: true),
        StudyKey(
            "demand.observed_subscribers", default: "none", value: nil,
            allowed: "a list of at least 3 cumulative counts ≥ 0", domain: .counts(atLeast: 3),
            source: "when given, p and q are fitted by least squares (Bass 1969)", methodPage: true),
        StudyKey(
            "demand.churn", default: "0.12", value: .number(0.12),
            allowed: "0 to 1", domain: .number(0...1),
            source: "about 1 %/month; Frontier reported 1.29 %/month (Q2 2025)", methodPage: true),
        StudyKey(
            "demand.residential", default: "[\"R\", \"X\"]", value: .list([.string("R"), .string("X")]),
            allowed: "codes R, B, X", domain: .codes(["R", "B", "X"]),
            source: "FCC BDC location fabric codes: residential (R) and mixed-use (X) locations are homes a network "
                + "passes", methodPage: true),
    ]
}
