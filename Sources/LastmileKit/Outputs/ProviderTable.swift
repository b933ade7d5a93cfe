import Analysis
import Foundation
import GeoModel
import Ingest

/// providers.csv: who offers service where, from the availability files (see `ProviderLandscape`).
enum ProviderTable {
    static let header = [
        "scope", "provider_id", "label", "brands", "technologies", "locations", "locations_25_3",
        "locations_100_20", "locations_served", "max_download_mbps", "max_upload_mbps",
    ]

    /// One row per provider over the study (`scope` = "study"), then per area (`scope` = the GEOID),
    /// areas in id order. With `smallCellThreshold`, per-area rows are left out and study counts
    /// from 1 to threshold − 1 are written empty (the public edition).
    static func csv(_ landscape: ProviderLandscape, smallCellThreshold: Int? = nil) -> String {
        func count(_ n: Int) -> String {
            if let t = smallCellThreshold, n > 0, n < t { return "" }
            return String(n)
        }
        func row(_ scope: String, _ p: ProviderLandscape.Provider) -> String {
            [
                scope, p.id, CSVCell.text(p.label), CSVCell.text(p.brands.joined(separator: "; ")),
                p.technologies.map(String.init).joined(separator: " "), count(p.locations), count(p.locationsAt25x3),
                count(p.locationsAt100x20), count(p.locationsServed), Self.number(p.maxDownload),
                Self.number(p.maxUpload),
            ]
            .joined(separator: ",")
        }
        var lines = [header.joined(separator: ",")]
        lines += landscape.study.map { row("study", $0) }
        if smallCellThreshold == nil {
            for area in landscape.byArea.keys.sorted() {
                lines += landscape.byArea[area]!.map { row(area.rawValue, $0) }
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A speed as the FCC writes it: an integer when whole.
    static func number(_ v: Double) -> String {
        v == v.rounded() && abs(v) < 1e15 ? String(Int64(v)) : String(v)
    }
}
