import Foundation
import GeoIO
import GeoModel

/// Microsoft's broadband usage (Microsoft Airband, "US Broadband Usage Percentages"), in either of its
/// published layouts: the county CSV (`ST, COUNTY ID, COUNTY NAME, BROADBAND AVAILABILITY PER FCC,
/// BROADBAND USAGE`; `-` for no figure) or the ZIP-code CSV (`ST, COUNTY NAME, COUNTY ID, POSTAL CODE,
/// BROADBAND USAGE, ERROR RANGE (MAE)(+/-), ERROR RANGE (95%)(+/-), MSD`). Ids are written as integers
/// without their leading zeros (`4101` is ZIP 04101) and are padded back to 5 digits here.
public struct BroadbandUsageTable: Sendable {
    /// Per 5-digit county FIPS (the county file; empty for the ZIP file).
    public var counties: [AreaID: BroadbandUsage]
    /// Per 5-digit ZIP code (the ZIP file; empty for the county file).
    public var zipCodes: [String: ZIPUsage]

    /// One ZIP code's figures: the usage share and Microsoft's 95 % error range (±, as a share).
    public struct ZIPUsage: Hashable, Sendable {
        public var usageShare: Double
        public var errorRange95: Double?
        public init(usageShare: Double, errorRange95: Double?) {
            self.usageShare = usageShare; self.errorRange95 = errorRange95
        }
    }

    /// Whether the file was Microsoft's ZIP-code layout.
    public var isByZIPCode: Bool { !zipCodes.isEmpty }

    /// - Throws: `.io` when the file cannot be opened; `.badInput` naming the file, line and column for a
    ///   missing column, an id that is not a number, a share that is not 0 to 1, or a ZIP code listed
    ///   twice with different figures (the ZIP file lists a ZIP once per county it reaches, with the
    ///   same figures).
    public static func read(path: String) throws -> BroadbandUsageTable {
        try SingleCSV.read(
            path: path, what: "broadband usage table",
            expectedHeader:
                "Microsoft's header (ST,COUNTY ID,COUNTY NAME,BROADBAND AVAILABILITY PER FCC,BROADBAND USAGE, or the ZIP-code file's ST,COUNTY NAME,COUNTY ID,POSTAL CODE,BROADBAND USAGE,…)"
        ) { reader, header in
            let byZIP = header.index("POSTAL CODE") != nil
            let layout = "Microsoft's \(byZIP ? "ZIP-code" : "county") file"
            let iUsage = try header.require("BROADBAND USAGE", layout: layout)
            let iID = try header.require(byZIP ? "POSTAL CODE" : "COUNTY ID", layout: layout)
            let iAvailability = byZIP ? nil : try header.require("BROADBAND AVAILABILITY PER FCC", layout: layout)
            let iError = byZIP ? header.index("ERROR RANGE (95%)(+/-)") : nil
            var table = BroadbandUsageTable(counties: [:], zipCodes: [:])
            while try reader.next(columnNames: header.names) {
                let line = reader.recordLine
                func share(_ i: Int) throws -> Double? {
                    let text = i < reader.fieldCount ? reader.string(i).trimmingCharacters(in: .whitespaces) : ""
                    if text.isEmpty || text == "-" { return nil }
                    guard let d = Double(text), d >= 0, d <= 1 else {
                        throw LastmileError.badInput(
                            SourceLocation(file: header.file, line: line, column: header.names[i]),
                            "expected a share from 0 to 1 or -, found \"\(text.prefix(20))\"")
                    }
                    return d
                }
                let raw = reader.string(iID).trimmingCharacters(in: .whitespaces)
                guard let n = Int(raw), n > 0, n < 100_000 else {
                    throw LastmileError.badInput(
                        SourceLocation(file: header.file, line: line, column: header.names[iID]),
                        "expected a \(byZIP ? "ZIP code" : "county FIPS code"), found \"\(raw.prefix(20))\"")
                }
                let id = String(format: "%05d", n)
                guard byZIP else {
                    table.counties[AreaID(id)] = BroadbandUsage(
                        availabilityShareFCC: try iAvailability.flatMap(share), usageShare: try share(iUsage),
                        level: "county")
                    continue
                }
                guard let usage = try share(iUsage) else { continue }
                let figures = ZIPUsage(usageShare: usage, errorRange95: try iError.flatMap(share))
                if let earlier = table.zipCodes[id], earlier != figures {
                    throw LastmileError.badInput(
                        SourceLocation(file: header.file, line: line, column: header.names[iID]),
                        "ZIP code \(id) is listed earlier with other figures")
                }
                table.zipCodes[id] = figures
            }
            return table
        }
    }
}
