import Foundation
import GeoIO
import GeoModel

/// HUD's USPS ZIP code crosswalk, tract to ZIP (`TRACT_ZIP_MMYYYY`, saved as CSV; the HUD USPS
/// Crosswalk API returns the same columns): one row per tract and ZIP code that share residential
/// addresses, with `RES_RATIO` the share of the tract's residential addresses in that ZIP. The
/// ratios of a tract add up to 1, which is how this file is told from HUD's ZIP-to-tract file (same
/// columns, ratios adding up to 1 per ZIP code instead).
public struct ZIPCrosswalk: Sendable {
    /// Per 11-digit tract GEOID: its ZIP codes (5 digits) and the share of its residential addresses in each.
    public var tracts: [AreaID: [(zip: String, share: Double)]]

    /// How far a tract's ratios may be from adding up to 1 (HUD rounds them to 6 or more decimals).
    static let sumTolerance = 0.01

    /// - Throws: `.io` when the file cannot be opened; `.badInput` naming the file, line and column for a
    ///   missing column, a tract that is not 11 digits (10 are padded: a spreadsheet drops the leading
    ///   zero), a ZIP code that is not 5 digits, a ratio that is not 0 to 1, or, naming the first such
    ///   tract, ratios that do not add up to 1 per tract.
    public static func read(path: String) throws -> ZIPCrosswalk {
        try SingleCSV.read(
            path: path, what: "ZIP crosswalk",
            expectedHeader: "HUD's tract-to-ZIP crosswalk header (TRACT,ZIP,…,RES_RATIO,…)"
        ) { reader, header in
            let layout = "HUD's tract-to-ZIP file: TRACT, ZIP, RES_RATIO, …"
            let iTract = try header.require("TRACT", layout: layout)
            let iZIP = try header.require("ZIP", layout: layout)
            let iRatio = try header.require("RES_RATIO", layout: layout)
            var tracts: [AreaID: [(zip: String, share: Double)]] = [:]
            var firstLine: [AreaID: Int] = [:]
            while try reader.next(columnNames: header.names) {
                let line = reader.recordLine
                func digits(_ i: Int, count: Int, padFrom shortest: Int, what: String) throws -> String {
                    let text = i < reader.fieldCount ? reader.string(i).trimmingCharacters(in: .whitespaces) : ""
                    guard text.count >= shortest, text.count <= count, text.allSatisfy({ $0.isASCII && $0.isNumber })
                    else {
                        throw LastmileError.badInput(
                            SourceLocation(file: header.file, line: line, column: header.names[i]),
                            "expected \(what), found \"\(text.prefix(20))\"")
                    }
                    return String(repeating: "0", count: count - text.count) + text
                }
                let tract = AreaID(try digits(iTract, count: 11, padFrom: 10, what: "an 11-digit tract GEOID"))
                let zip = try digits(iZIP, count: 5, padFrom: 3, what: "a 5-digit ZIP code")
                let text = iRatio < reader.fieldCount ? reader.string(iRatio).trimmingCharacters(in: .whitespaces) : ""
                guard let ratio = Double(text), ratio >= 0, ratio <= 1 else {
                    throw LastmileError.badInput(
                        SourceLocation(file: header.file, line: line, column: header.names[iRatio]),
                        "expected a ratio from 0 to 1, found \"\(text.prefix(20))\"")
                }
                tracts[tract, default: []].append((zip, ratio))
                if firstLine[tract] == nil { firstLine[tract] = line }
            }
            // A tract with residential addresses has ratios adding up to 1; all zeros is a tract without any.
            for (tract, parts) in tracts.sorted(by: { firstLine[$0.key]! < firstLine[$1.key]! }) {
                let sum = parts.reduce(0) { $0 + $1.share }
                if sum > 0, abs(sum - 1) > sumTolerance {
                    throw LastmileError.badInput(
                        SourceLocation(file: header.file, line: firstLine[tract]!, column: header.names[iRatio]),
                        "the RES_RATIO of tract \(tract) add up to \(String(format: "%.4f", sum)), not 1: expected HUD's tract-to-ZIP file (TRACT_ZIP), where each tract's ratios add up to 1; HUD's ZIP-to-tract file (ZIP_TRACT) splits each ZIP code instead"
                    )
                }
            }
            return ZIPCrosswalk(tracts: tracts)
        }
    }

    /// A tract's figure from per-ZIP figures: the mean over its ZIP codes weighted by the share of the
    /// tract's residential addresses in each, over the ZIP codes that have a figure (their weights
    /// rescaled to 1); nil when none has. Also returns the share of the tract's addresses covered.
    public func tractValue(_ tract: AreaID, from value: (String) -> Double?) -> (value: Double, coverage: Double)? {
        guard let parts = tracts[tract] else { return nil }
        var weighted = 0.0
        var weight = 0.0
        for part in parts where part.share > 0 {
            guard let v = value(part.zip) else { continue }
            weighted += part.share * v
            weight += part.share
        }
        return weight > 0 ? (weighted / weight, weight) : nil
    }
}
