import Analysis
import GeoModel

extension StudyKeys {
    /// [study], [inputs], [policy] and [report]: what to load, which rule to apply, how to report. (The
    /// road layer's keys, inputs.roads and inputs.roads_layer, are with the cost keys they feed.)
    static let general: [StudyKey] = [
        StudyKey(
            "study.name", default: "required", value: nil,
            allowed: "text, not empty", domain: .text,
            source: ""),
        StudyKey(
            "study.area_level", default: "tract", value: .string("tract"),
            allowed: "block, blockgroup, tract, county or state", domain: .choice(AreaLevel.allCases.map(\.rawValue)),
            source: ""),
        StudyKey(
            "study.synthetic", default: "false", value: .boolean(false),
            allowed: "true or false", domain: .boolean,
            source: ""),
        StudyKey(
            "inputs.areas", default: "none: counts are reported per GEOID without shapes", value: nil,
            allowed: "a path to any GDAL vector source (TIGER/Line .zip, GeoPackage, GeoJSON)", domain: .text,
            source: ""),
        StudyKey(
            "inputs.areas_layer", default: "the first layer", value: nil,
            allowed: "a layer name", domain: .text,
            source: ""),
        StudyKey(
            "inputs.areas_id", default: "GEOID", value: .string("GEOID"),
            allowed: "a field name", domain: .text,
            source: "TIGER/Line"),
        StudyKey(
            "inputs.availability", default: "required: FCC BDC fixed availability files", value: nil,
            allowed: "a path or a list of paths (with * and ?)", domain: .textList(),
            source: ""),
        StudyKey(
            "inputs.locations",
            default: "none: the universe is every location in the availability files (complete only when they "
                + "cover every technology, satellite included); an FCC Fabric CSV (location_id, block_geoid, …) "
                + "makes it the Fabric's locations, as NTIA counts",
            value: nil,
            allowed: "a path to a CSV in the FCC Fabric layout", domain: .text,
            source: ""),
        StudyKey(
            "inputs.demographics", default: "none", value: nil,
            allowed: "a path to an ACS 5-year table", domain: .text,
            source: ""),
        StudyKey(
            "inputs.anchor_institutions",
            default: "none: a CSV in NTIA's BEAD challenge-process CAI layout (type S/L/G/H/F/P/C, entity_name, "
                + "location_id or latitude/longitude, …); each is eligible without 1 Gbps symmetrical service; one "
                + "given by coordinates is placed at the nearest location of inputs.locations within 100 m",
            value: nil,
            allowed: "a path to a CSV", domain: .text,
            source: "BEAD NOFO"),
        StudyKey(
            "inputs.funded_locations",
            default: "none: CSVs with location_id (and program, agency, … by header name), e.g. an FCC Broadband "
                + "Funding Map export or a state's list; funded locations that are not served are counted apart "
                + "from the need",
            value: nil,
            allowed: "a path or a list of paths to CSVs", domain: .textList(allowsEmpty: true),
            source: ""),
        StudyKey(
            "inputs.speed_tests", default: "none", value: nil,
            allowed: "a path to Ookla open-data tiles in any GDAL vector format (the published shapefile .zip, "
                + "GeoJSON, GeoPackage)", domain: .text,
            source: "Speedtest by Ookla open data (CC BY-NC-SA 4.0): a tile counts in the area containing its "
                + "centroid, means weighted by tests, as in Ookla's aggregation tutorials"),
        StudyKey(
            "inputs.covered_populations", default: "none", value: nil,
            allowed: "a path to the Census Bureau's covered-populations CSV (county or tract rows, geo_id of 11 "
                + "digits)", domain: .text,
            source: "U.S. Census Bureau, Digital Equity Act covered populations (ACS-based county and tract "
                + "estimates); tracts are summed up to counties, margins combined as in the ACS handbook"),
        StudyKey(
            "inputs.broadband_usage", default: "none", value: nil,
            allowed: "a path to Microsoft's county broadband usage CSV", domain: .text,
            source: "Microsoft Airband, US Broadband Usage Percentages (Open Use of Data Agreement); study areas "
                + "finer than counties take their county's figures"),
        StudyKey(
            "inputs.speed_tests_layer", default: "the only layer", value: nil,
            allowed: "a layer name", domain: .text,
            source: ""),
        StudyKey(
            "inputs.study_area", default: "none", value: nil,
            allowed: "any value (accepted, not read yet)", domain: .unread,
            source: ""),
        StudyKey(
            "policy.profile", default: "bead-2022", value: .string("bead-2022"),
            allowed: "bead-2022, bead-2025 or fcc-2024", domain: .choice(PolicyProfile.builtIn.map(\.name)),
            source: "NTIA BEAD NOFO, 2022"),
        StudyKey(
            "policy.business_residential", default: "[\"R\", \"B\", \"X\"]",
            value: .list([.string("R"), .string("B"), .string("X")]),
            allowed: "codes R, B, X", domain: .codes(["R", "B", "X"]),
            source: "NTIA counts every code"),
        // Not written out by default: under bead-2022 the key is refused whatever its value.
        StudyKey(
            "policy.ulfw_demonstrated", default: "[]", value: nil,
            allowed: "FCC provider ids (digits, e.g. \"290518\") or a CSV file of location ids; bead-2025 only",
            domain: .providersOrFile,
            source: "bead-2025 only: the provider ids, or a CSV of location ids, where unlicensed fixed wireless "
                + "demonstrated 100/20 Mbps; NTIA BEAD Restructuring Policy Notice, June 2025"),
        StudyKey(
            "report.title", default: "the study name", value: nil,
            allowed: "text", domain: .text,
            source: ""),
        StudyKey(
            "report.paper", default: "letter", value: .string("letter"),
            allowed: "letter, a4 or tabloid", domain: .choice(Study.PaperSize.allCases.map(\.rawValue)),
            source: ""),
        StudyKey(
            "report.crs", default: "EPSG:5070", value: .string("EPSG:5070"),
            allowed: "an equal-area CRS GDAL reads (EPSG:…, PROJ or WKT)", domain: .text,
            source: "CONUS Albers equal area"),
        StudyKey(
            "report.public", default: "false: true suppresses small per-area counts in every output",
            value: .boolean(false),
            allowed: "true or false", domain: .boolean,
            source: "PublicRelease"),
        StudyKey(
            "report.suppression_threshold", default: "11", value: .integer(11),
            allowed: "a whole number of 1 or more", domain: .integer(1...Int.max),
            source: "small-cell rule; SmallCellSuppression.defaultThreshold"),
        StudyKey(
            "report.dpi", default: "150", value: .integer(150),
            allowed: "10 to 1200 (dots per inch)", domain: .number(10...1200),
            source: "maps/ and charts/ PNG resolution; RunReport.defaultDPI"),
    ]
}
