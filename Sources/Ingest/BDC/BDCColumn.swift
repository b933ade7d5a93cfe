/// A column of the FCC BDC fixed availability CSV (FCC, "Data Specifications for Fixed Broadband
/// Availability Data", public download files). Columns are found by header name: their order varies.
public enum BDCColumn: String, CaseIterable, Sendable {
    case frn
    case providerID = "provider_id"
    case brandName = "brand_name"
    case locationID = "location_id"
    case technology
    case maxDownload = "max_advertised_download_speed"
    case maxUpload = "max_advertised_upload_speed"
    case lowLatency = "low_latency"
    case businessResidential = "business_residential_code"
    case stateUSPS = "state_usps"
    case blockGEOID = "block_geoid"
    case h3Res8 = "h3_res8_id"

    /// The header name as written in the files.
    public var name: String { rawValue }

    /// Other header names of the column: the June 2022 round's November 2022 release (the FCC's first
    /// public BDC files) wrote `technology_code`, `block_fips` and `h3index_hex8`.
    public var formerNames: [String] {
        switch self {
        case .technology: ["technology_code"]
        case .blockGEOID: ["block_fips"]
        case .h3Res8: ["h3index_hex8"]
        default: []
        }
    }

    /// The column a (normalised, lower-case) header name stands for, under its current or a former name.
    static func named(_ normalized: String) -> BDCColumn? {
        BDCColumn(rawValue: normalized) ?? allCases.first { $0.formerNames.contains(normalized) }
    }

    /// Columns a file must have for its rows to be classified and aggregated.
    public static let required: [BDCColumn] = [
        .locationID, .technology, .maxDownload, .maxUpload, .lowLatency, .businessResidential, .blockGEOID,
    ]
}
