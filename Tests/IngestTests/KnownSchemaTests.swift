import Ingest
import Testing

/// Schema detection from field names, on the real headers of the files in datasets/real.
@Suite struct KnownSchemaTests {
    // head -1 bdc_23023_sagadahoc_FTTP_J23.csv
    static let bdcHeader = [
        "frn", "provider_id", "brand_name", "location_id", "technology", "max_advertised_download_speed",
        "max_advertised_upload_speed", "low_latency", "business_residential_code", "state_usps",
        "block_geoid", "h3_res8_id",
    ]

    @Test func bdcHeaderMatches() {
        #expect(KnownSchema.match(fieldNames: Self.bdcHeader) == .matches(.bdcFixedAvailability))
        // Upper case and a BOM on the first name still match.
        #expect(
            KnownSchema.match(fieldNames: ["\u{FEFF}FRN"] + Self.bdcHeader.dropFirst().map { $0.uppercased() })
                == .matches(.bdcFixedAvailability))
    }

    @Test func bdcAlmostMatchNamesTheMissingFields() {
        let partial = Self.bdcHeader.filter { $0 != "low_latency" && $0 != "block_geoid" }
        let m = KnownSchema.match(fieldNames: partial)
        #expect(m == .almost(.bdcFixedAvailability, missing: ["low_latency", "block_geoid"]))
        #expect(m.schema == .bdcFixedAvailability)
        #expect(m.missingFields == ["low_latency", "block_geoid"])
        // 3 of 7 required: less than half → not BDC (but half of a location list).
        #expect(
            KnownSchema.match(fieldNames: ["location_id", "technology", "block_geoid", "frn"])
                == .almost(.locations, missing: ["latitude", "longitude"]))
        #expect(KnownSchema.match(fieldNames: ["technology", "frn", "brand_name"]) == .none)
    }

    /// The FCC Fabric's published columns, and the demo's location list.
    @Test func locationLists() {
        let fabric = [
            "location_id", "address_primary", "city", "state", "zip", "zip_suffix", "unit_count", "bsl_flag",
            "building_type_code", "land_use_code", "address_confidence_code", "county_geoid", "block_geoid",
            "h3_9", "latitude", "longitude", "fcc_rel",
        ]
        #expect(KnownSchema.match(fieldNames: fabric) == .matches(.locations))
        #expect(
            KnownSchema.match(fieldNames: ["location_id", "latitude", "longitude", "block_geoid"])
                == .matches(.locations))
        // A BDC header is BDC, not a location list.
        #expect(KnownSchema.match(fieldNames: Self.bdcHeader) == .matches(.bdcFixedAvailability))
    }

    @Test func acsTables() {
        // Real S2802 header starts GEO_ID,NAME,S2802_C01_001E,S2802_C01_001M,…
        #expect(
            KnownSchema.match(fieldNames: ["GEO_ID", "NAME", "S2802_C01_001E", "S2802_C01_001M", ""])
                == .matches(.acsSubjectTable))
        #expect(
            KnownSchema.match(fieldNames: ["GEO_ID", "NAME", "B28002_013E", "B28002_013M"])
                == .matches(.acsDetailedTable))
        // Race iteration tables (B19013A) and API geography columns.
        #expect(
            KnownSchema.match(fieldNames: ["NAME", "B19013A_001E", "state", "county", "tract"])
                == .matches(.acsDetailedTable))
        // Only margins of error: the estimate is missing.
        #expect(
            KnownSchema.match(fieldNames: ["GEO_ID", "B01003_001M"])
                == .almost(.acsDetailedTable, missing: ["B01003_001E"]))
    }

    @Test func ooklaTiles() {
        // Property names of fixed_hawaii-state_ookla_2023Q4.geojson.
        let fields = ["quadkey", "avg_d_kbps", "avg_u_kbps", "avg_lat_ms", "tests", "devices"]
        #expect(KnownSchema.match(fieldNames: fields) == .matches(.ooklaTiles))
        #expect(
            KnownSchema.match(fieldNames: ["quadkey", "avg_d_kbps", "avg_u_kbps", "tests"])
                == .almost(.ooklaTiles, missing: ["avg_lat_ms", "devices"]))
    }

    @Test func tigerLine() {
        // Property names of tracts_2015_st15.geojson.
        let tracts2015 = [
            "STATEFP", "COUNTYFP", "TRACTCE", "GEOID", "NAME", "NAMELSAD", "MTFCC", "FUNCSTAT", "ALAND", "AWATER",
            "INTPTLAT", "INTPTLON",
        ]
        #expect(KnownSchema.match(fieldNames: tracts2015) == .matches(.tigerLine))
        // 2020 blocks suffix the names with 20.
        let blocks2020 = [
            "STATEFP20", "COUNTYFP20", "TRACTCE20", "BLOCKCE20", "GEOID20", "NAME20", "MTFCC20", "ALAND20", "AWATER20",
            "INTPTLAT20", "INTPTLON20", "NAMELSAD20",
        ]
        #expect(KnownSchema.match(fieldNames: blocks2020) == .matches(.tigerLine))
        #expect(
            KnownSchema.match(fieldNames: ["GEOID", "NAMELSAD", "ALAND"]) == .almost(.tigerLine, missing: ["AWATER"]))
    }

    @Test func unrelatedFieldsMatchNothing() {
        // Microsoft broadband usage header (space-padded names).
        #expect(
            KnownSchema.match(fieldNames: [
                "ST", "COUNTY ID", "COUNTY NAME", " BROADBAND AVAILABILITY PER FCC ", " BROADBAND USAGE ",
            ]) == .none)
        #expect(KnownSchema.match(fieldNames: []) == .none)
    }
}
