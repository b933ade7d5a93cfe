import Analysis
import Foundation
import GeoModel

/// The per-area metrics every tabular output carries (results.csv, results.gpkg), in one place so
/// the formats cannot drift apart.
enum ResultColumns {
    enum Kind { case text, integer, real }

    struct Column: Sendable {
        var name: String
        var kind: Kind
        var value: @Sendable (AreaResult) -> MetricValue?
    }

    enum MetricValue {
        case text(String)
        case integer(Int)
        case real(Double)
        /// A yes/no column: `true`/`false` in CSV, 1/0 in the GeoPackage.
        case flag(Bool)

        var csv: String {
            switch self {
            case .text(let s): CSVCell.text(s)
            case .integer(let i): String(i)
            case .real(let d): String(format: "%.6f", d)
            case .flag(let b): b ? "true" : "false"
            }
        }
    }

    /// Each column's title and description (`result-columns.tsv` beside this file, embedded): the
    /// GeoPackage's field aliases and the column reference.
    static let dictionary: [String: (title: String, description: String)] = {
        var out: [String: (title: String, description: String)] = [:]
        let lines = String(decoding: PackageResources.result_columns_tsv, as: UTF8.self).split(separator: "\n")
        for (i, line) in lines.dropFirst().enumerated() {
            let f = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard f.count == 3 else { preconditionFailure("result-columns.tsv, line \(i + 2): expected 3 columns") }
            out[f[0]] = (f[1], f[2])
        }
        return out
    }()

    static let all: [Column] =
        [
            Column(name: "area", kind: .text) { .text($0.id.rawValue) },
            Column(name: "name", kind: .text) { .text($0.name) },
            Column(name: "locations", kind: .integer) { .integer($0.counts.locations) },
            Column(name: "unserved", kind: .integer) { .integer($0.counts.unserved) },
            Column(name: "underserved", kind: .integer) { .integer($0.counts.underserved) },
            Column(name: "served", kind: .integer) { .integer($0.counts.served) },
            // Not served, but with an enforceable commitment (inputs.funded_locations): apart from the need.
            Column(name: "unserved_funded", kind: .integer) { .integer($0.counts.unservedFunded) },
            Column(name: "underserved_funded", kind: .integer) { .integer($0.counts.underservedFunded) },
            Column(name: "unserved_share", kind: .real) { $0.counts.unservedShare.map(MetricValue.real) },
            Column(name: "underserved_share", kind: .real) { $0.counts.underservedShare.map(MetricValue.real) },
            Column(name: "unserved_or_underserved_share", kind: .real) {
                $0.counts.unservedOrUnderservedShare.map(MetricValue.real)
            },
            Column(name: "households", kind: .integer) { $0.households.map(MetricValue.integer) },
            Column(name: "population", kind: .integer) { $0.demographics?.population.map(MetricValue.integer) },
            Column(name: "median_household_income", kind: .real) { $0.medianHouseholdIncome.map(MetricValue.real) },
            Column(name: "no_internet_share", kind: .real) { $0.noInternetShare.map(MetricValue.real) },
            Column(name: "no_internet_share_moe", kind: .real) {
                $0.demographics?.noInternetShareMarginOfError.map(MetricValue.real)
            },
            Column(name: "no_internet_share_cv", kind: .real) {
                $0.demographics?.noInternetShareCoefficientOfVariation.map(MetricValue.real)
            },
            // CV above 30 %: the estimate is flagged (Census Bureau guidance on reliability).
            Column(name: "no_internet_share_unreliable", kind: .integer) {
                $0.demographics?.noInternetShareCoefficientOfVariation.map { .flag($0 > Estimate.unreliableCV) }
            },
            Column(name: "no_computer_share", kind: .real) {
                $0.demographics?.withoutComputerShare.map(MetricValue.real)
            },
            // Who no_internet_share and no_computer_share count: households (B28002) or persons_in_households (S2802).
            Column(name: "no_internet_universe", kind: .text) {
                $0.demographics?.subscriptionUniverse.map { MetricValue.text($0.rawValue) }
            },
            Column(name: "land_area_sq_mi", kind: .real) { $0.landAreaSquareMiles.map(MetricValue.real) },
            Column(name: "locations_per_sq_mi", kind: .real) { $0.locationDensity.map(MetricValue.real) },
            // Measured speeds (Ookla open-data tiles, inputs.speed_tests): empty without tiles.
            Column(name: "speed_tiles", kind: .integer) { $0.measuredSpeeds.map { .integer($0.tiles) } },
            Column(name: "speed_tests", kind: .integer) { $0.measuredSpeeds.map { .integer($0.tests) } },
            Column(name: "speed_devices", kind: .integer) { $0.measuredSpeeds.map { .integer($0.devices) } },
            Column(name: "measured_download_mbps", kind: .real) {
                $0.measuredSpeeds?.meanDownloadMbps.map(MetricValue.real)
            },
            Column(name: "measured_upload_mbps", kind: .real) {
                $0.measuredSpeeds?.meanUploadMbps.map(MetricValue.real)
            },
            Column(name: "measured_latency_ms", kind: .real) { $0.measuredSpeeds?.meanLatencyMs.map(MetricValue.real) },
            Column(name: "tests_below_25_3_share", kind: .real) {
                $0.measuredSpeeds?.testsBelow25x3Share.map(MetricValue.real)
            },
            Column(name: "tests_below_100_20_share", kind: .real) {
                $0.measuredSpeeds?.testsBelow100x20Share.map(MetricValue.real)
            },
            // Adoption: ACS subscription against the network, Census covered populations, Microsoft usage.
            Column(name: "subscription_share", kind: .real) { $0.subscriptionShare.map(MetricValue.real) },
            Column(name: "adoption_gap", kind: .real) { $0.adoptionGap.map(MetricValue.real) },
            Column(name: "covered_population", kind: .integer) {
                $0.coveredPopulations.map { .integer(Int($0.covered.value.rounded())) }
            },
            Column(name: "covered_population_moe", kind: .real) {
                $0.coveredPopulations?.covered.marginOfError.map(MetricValue.real)
            },
            Column(name: "covered_population_share", kind: .real) {
                $0.coveredPopulations?.coveredShare.map(MetricValue.real)
            },
            Column(name: "covered_population_cv", kind: .real) {
                $0.coveredPopulations?.covered.coefficientOfVariation.map(MetricValue.real)
            },
            Column(name: "covered_population_unreliable", kind: .integer) {
                $0.coveredPopulations?.covered.coefficientOfVariation.map { .flag($0 > Estimate.unreliableCV) }
            },
        ]
        + CoveredPopulations.Group.allCases.map { g in
            Column(name: "covered_\(g.columnName)_share", kind: .real) {
                $0.coveredPopulations?.share(g).map(MetricValue.real)
            }
        } + [
            Column(name: "no_fixed_broadband_share_fcc", kind: .real) {
                $0.coveredPopulations?.noFixedBroadbandShareFCC.map(MetricValue.real)
            },
            Column(name: "no_broadband_or_computer_share", kind: .real) {
                $0.coveredPopulations?.noBroadbandOrComputerShare.map(MetricValue.real)
            },
            Column(name: "no_broadband_or_computer_moe", kind: .real) {
                $0.coveredPopulations?.noBroadbandOrComputer?.marginOfError.map(MetricValue.real)
            },
            Column(name: "microsoft_availability_share", kind: .real) {
                $0.broadbandUsage?.availabilityShareFCC.map(MetricValue.real)
            },
            Column(name: "microsoft_usage_share", kind: .real) { $0.broadbandUsage?.usageShare.map(MetricValue.real) },
            Column(name: "microsoft_usage_gap", kind: .real) { $0.usageGap.map(MetricValue.real) },
            // Where a network must be built and where demand must be built ([evidence] thresholds).
            Column(name: "need_group", kind: .text) { $0.gaps.map { .text($0.group.rawValue) } },
            Column(name: "network_gap_reasons", kind: .text) {
                $0.gaps.map { .text($0.networkReasons.joined(separator: "; ")) }
            },
            Column(name: "adoption_gap_reasons", kind: .text) {
                $0.gaps.map { .text($0.adoptionReasons.joined(separator: "; ")) }
            },
            Column(name: "gap_indicators_missing", kind: .text) {
                $0.gaps.map { .text($0.missing.joined(separator: "; ")) }
            },
        ]

    /// A business-case column: the area's plan (passings, take, cost, need, phase).
    struct PlanColumn: Sendable {
        var name: String
        var kind: Kind
        var value: @Sendable (AreaPlan) -> MetricValue?
    }

    static let plan: [PlanColumn] =
        [
            PlanColumn(name: "passings", kind: .integer) { .integer($0.passings) },
            PlanColumn(name: "households_per_sq_mi", kind: .real) { $0.householdDensity.map(MetricValue.real) },
            PlanColumn(name: "unserved_factor", kind: .real) { .real($0.takeAdjustments.unserved) },
            PlanColumn(name: "competition_factor", kind: .real) { .real($0.takeAdjustments.competition) },
            PlanColumn(name: "price_factor", kind: .real) { .real($0.takeAdjustments.price) },
            PlanColumn(name: "density_factor", kind: .real) { .real($0.takeAdjustments.density) },
            PlanColumn(name: "take_rate", kind: .real) { .real($0.takeRate) },
            PlanColumn(name: "subscribers_at_horizon", kind: .real) { .real($0.subscribersAtHorizon) },
            PlanColumn(name: "cost_per_passing", kind: .real) { .real($0.costToPassPerPassing) },
            PlanColumn(name: "cost_to_pass", kind: .real) { .real($0.passCapex) },
            PlanColumn(name: "cost_basis", kind: .text) { .text($0.costBasis.label) },
            PlanColumn(name: "route_miles", kind: .real) { $0.routeMiles.map(MetricValue.real) },
            PlanColumn(name: "hub_electronics", kind: .real) { .real($0.hubCapex) },
            PlanColumn(name: "make_ready", kind: .real) { .real($0.makeReadyCapex) },
            PlanColumn(name: "served_passings", kind: .integer) { .integer($0.servedPassings) },
            PlanColumn(name: "cost_per_unserved_location", kind: .real) {
                $0.costPerUnservedLocation.map(MetricValue.real)
            },
            PlanColumn(name: "need_score", kind: .real) { $0.need.score.map(MetricValue.real) },
        ]
        // Each indicator's percentile rank within the study (0…1, 1 the neediest), and those an area lacks.
        + NeedIndicator.allCases.map { i in
            PlanColumn(name: "need_rank_\(i.rawValue)", kind: .real) { $0.need.ranks[i].map(MetricValue.real) }
        } + [
            PlanColumn(name: "need_indicators_missing", kind: .text) {
                .text($0.need.missing.map(\.rawValue).joined(separator: ";"))
            },
            PlanColumn(name: "phase", kind: .integer) { $0.phase.map(MetricValue.integer) },
        ]

    /// The plan's numeric columns by name (for the run store's metrics_json).
    static func planMetrics(_ p: AreaPlan) -> [String: Double] {
        var out: [String: Double] = [:]
        for c in plan {
            switch c.value(p) {
            case .integer(let i): out[c.name] = Double(i)
            case .real(let d) where d.isFinite: out[c.name] = d
            default: break
            }
        }
        return out
    }
}
