import Foundation
import GeoModel
import Analysis

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

        var csv: String {
            switch self {
            case .text(let s): ResultColumns.csvQuote(s)
            case .integer(let i): String(i)
            case .real(let d): String(format: "%.6f", d)
            }
        }
    }

    static let all: [Column] = [
        Column(name: "area", kind: .text) { .text($0.id.rawValue) },
        Column(name: "name", kind: .text) { .text($0.name) },
        Column(name: "locations", kind: .integer) { .integer($0.counts.locations) },
        Column(name: "unserved", kind: .integer) { .integer($0.counts.unserved) },
        Column(name: "underserved", kind: .integer) { .integer($0.counts.underserved) },
        Column(name: "served", kind: .integer) { .integer($0.counts.served) },
        Column(name: "unserved_share", kind: .real) { $0.counts.unservedShare.map(MetricValue.real) },
        Column(name: "underserved_share", kind: .real) { $0.counts.underservedShare.map(MetricValue.real) },
        Column(name: "unserved_or_underserved_share", kind: .real) {
            $0.counts.unservedOrUnderservedShare.map(MetricValue.real)
        },
        Column(name: "households", kind: .integer) { $0.households.map(MetricValue.integer) },
        Column(name: "population", kind: .integer) { $0.demographics?.population.map(MetricValue.integer) },
        Column(name: "median_household_income", kind: .real) { $0.medianHouseholdIncome.map(MetricValue.real) },
        Column(name: "no_internet_share", kind: .real) { $0.noInternetShare.map(MetricValue.real) },
        Column(name: "land_area_sq_mi", kind: .real) { $0.landAreaSquareMiles.map(MetricValue.real) },
        Column(name: "locations_per_sq_mi", kind: .real) { $0.locationDensity.map(MetricValue.real) },
    ]

    /// results.csv: a header of column names, one row per area, empty cells for missing values.
    static func csv(_ results: [AreaResult]) -> String {
        var out = all.map(\.name).joined(separator: ",") + "\n"
        for r in results {
            out += all.map { $0.value(r)?.csv ?? "" }.joined(separator: ",") + "\n"
        }
        return out
    }

    static func csvQuote(_ s: String) -> String {
        guard s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return s }
        return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
