import Analysis
import Foundation

/// challenge-candidates.csv: the areas the availability files call mostly served while most speed
/// tests there fall below 100/20, with Ookla's attribution on every row.
enum ChallengeTable {
    static let header = [
        "area", "name", "locations", "served_share_fcc", "speed_tests", "measured_download_mbps",
        "measured_upload_mbps", "tests_below_100_20_share", "source",
    ]

    static func csv(_ candidates: [AreaResult], tiles: String) -> String {
        let number = SpeedTable.number
        let source = CSVCell.text(SpeedTable.source(tiles: tiles))
        var out = header.joined(separator: ",") + "\n"
        for r in candidates {
            let m = r.measuredSpeeds!
            let served = r.counts.locations > 0 ? Double(r.counts.served) / Double(r.counts.locations) : nil
            let cells = [
                CSVCell.text(r.id.rawValue), CSVCell.text(r.name), String(r.counts.locations), number(served, 4),
                String(m.tests), number(m.meanDownloadMbps, 3), number(m.meanUploadMbps, 3),
                number(m.testsBelow100x20Share, 4), source,
            ]
            out += cells.joined(separator: ",") + "\n"
        }
        return out
    }
}
