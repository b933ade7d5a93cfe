extension StudyKeys {
    /// [cost] (with the road layer of [inputs] that route costing measures): the cost to pass and to connect.
    static let cost: [StudyKey] = [
        StudyKey(
            "cost.method", default: "route with inputs.roads, else density", value: nil,
            allowed: "density or route", domain: .choice(["density", "route"]),
            source: "density: Cartesian for the Fiber Broadband Association, FTTH Study 2019 group averages; route: "
                + "measured road miles × $/ft", methodPage: true),
        StudyKey(
            "cost.construction_cost_index", default: "1.227", value: .number(1.227),
            allowed: "greater than 0, at most 10", domain: .number(0...10, lowerOpen: true),
            source: "BLS CPI-U, U.S. city average, annual average 2024 (313.689) ÷ 2019 (255.657); brings Cartesian's "
                + "2019 dollars to 2024", methodPage: true),
        StudyKey(
            "cost.underground_share", default: "0.5", value: .number(0.5),
            allowed: "0 to 1", domain: .number(0...1),
            source: assumption, methodPage: true),
        StudyKey(
            "cost.underground_per_foot", default: "18", value: .integer(18),
            allowed: "0 to 1,000,000 (dollars)", domain: .number(0...1e6),
            source: "Fiber Broadband Association / Cartesian, Fiber Deployment Cost Annual Report 2025: median "
                + "underground $/ft", methodPage: true),
        StudyKey(
            "cost.aerial_per_foot", default: "8", value: .integer(8),
            allowed: "0 to 1,000,000 (dollars)", domain: .number(0...1e6),
            source: "Fiber Broadband Association / Cartesian, Fiber Deployment Cost Annual Report 2025: median aerial "
                + "$/ft", methodPage: true),
        StudyKey(
            "cost.route_factor", default: "0.7124", value: .number(0.7124),
            allowed: "greater than 0, at most 10", domain: .number(0...10, lowerOpen: true),
            source: "Beardwood–Halton–Hammersley tour constant (Percus & Martin 1996)", methodPage: true),
        StudyKey(
            "inputs.roads", default: "none: route miles estimated from area and passings", value: nil,
            allowed: "a path to any GDAL line source (TIGER/Line roads .zip, GeoPackage, GeoJSON)", domain: .text,
            source: "cost.route_factor × √(passings × square miles); with a road layer, its centreline length clipped "
                + "to each area (GeoIO RoadNetwork)", methodPage: true),
        StudyKey(
            "inputs.roads_layer", default: "the only layer", value: nil,
            allowed: "a layer name", domain: .text,
            source: "GDAL layer of inputs.roads", methodPage: true),
        StudyKey(
            "cost.road_classes",
            default: "[\"S1200\", \"S1400\", \"S1640\"] when the road layer has MTFCC, else every line",
            value: nil,
            allowed: "a list of MTFCC codes (e.g. S1100, S1200, S1400, S1640)", domain: .textList(),
            source: "Census MTFCC definitions: secondary roads, local roads and service drives reach addressed "
                + "structures", methodPage: true),
        StudyKey(
            "cost.drop_and_ont", default: "650", value: .integer(650),
            allowed: "0 to 1,000,000 (dollars)", domain: .number(0...1e6),
            source: "FTTH Council / CSMG via benton.org (about $650 per subscriber; Cartesian 2019: $550)",
            methodPage: true),
        StudyKey(
            "cost.electronics_per_subscriber", default: "150", value: .integer(150),
            allowed: "0 to 1,000,000 (dollars)", domain: .number(0...1e6),
            source: assumption, methodPage: true),
        StudyKey(
            "cost.hub_electronics_per_passing", default: "100", value: .integer(100),
            allowed: "0 to 1,000,000 (dollars)", domain: .number(0...1e6),
            source: assumption + " (hub, OLT chassis, cabinets; spent when an area is built)", methodPage: true),
        StudyKey(
            "cost.make_ready_per_aerial_mile", default: "10000", value: .integer(10000),
            allowed: "0 to 1,000,000 (dollars)", domain: .number(0...1e6),
            source: assumption + " (pole make-ready on route-costed aerial miles)", methodPage: true),
        StudyKey(
            "cost.middle_mile", default: "0", value: .integer(0),
            allowed: "0 to 1,000,000,000 (dollars)", domain: .number(0...1e9),
            source: assumption + " (set the quoted cost of backhaul to an internet exchange; spent in year 0)",
            methodPage: true),
        StudyKey(
            "cost.middle_mile_miles", default: "0", value: .integer(0),
            allowed: "0 to 100,000 (miles)", domain: .number(0...100_000),
            source: assumption + " (route miles of backhaul the network builds itself)", methodPage: true),
        StudyKey(
            "cost.middle_mile_per_mile", default: "0", value: .integer(0),
            allowed: "0 to 1,000,000 (dollars)", domain: .number(0...1e6),
            source: assumption + " ($ per middle-mile route mile, added to cost.middle_mile)", methodPage: true),
        StudyKey(
            "cost.electronics_refresh_years", default: "10", value: .integer(10),
            allowed: "whole years 0 (never) to 100", domain: .integer(0...100),
            source: assumption + " (electronics replaced every 10 years)", methodPage: true),
        StudyKey(
            "cost.electronics_refresh_share", default: "1.0", value: .number(1.0),
            allowed: "0 to 5", domain: .number(0...5),
            source: assumption + " (share of the electronics' first cost spent at each refresh)", methodPage: true),
        StudyKey(
            "cost.customer_acquisition", default: "100", value: .integer(100),
            allowed: "0 to 1,000,000 (dollars)", domain: .number(0...1e6),
            source: assumption + " (marketing and sales per new subscriber)", methodPage: true),
        StudyKey(
            "cost.contingency", default: "0.10", value: .number(0.10),
            allowed: "0 to 5", domain: .number(0...5),
            source: assumption + " (planning estimates carry 10–20 %)", methodPage: true),
    ]
}
