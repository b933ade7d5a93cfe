import Foundation
import Ingest
import LastmileKit

/// The peer benchmark's P1 pipeline (the peer kit's README, "P1 classify"; see README.md beside this file): classify
/// `bdc_fixed.csv` with the BEAD rule, count locations per block group, left-join the ACS block
/// groups, write `out/p1_swift.csv` sorted by GEOID, and compute the peers' digest line.
struct P1Pipeline {
    let dataDirectory: String
    let threads: Int

    /// What one run produced.
    struct Outcome {
        var digest: String
        var rowsRead: Int
        var outputPath: String
        /// Seconds spent classifying (read, parse, fold, count per block group), reading ACS, and writing.
        var classifySeconds: Double
        var acsSeconds: Double
        var writeSeconds: Double
    }

    /// ACS "not available" sentinel in `B19013_001E` (`common.py` SENTINEL), read as null.
    static let notAvailable = -666_666_666.0

    func run() throws -> Outcome {
        let bdc = (dataDirectory as NSString).appendingPathComponent("bdc_fixed.csv")
        let acsPath = (dataDirectory as NSString).appendingPathComponent("acs_blockgroups.csv")
        // P1 counts every business/residential code, as NTIA's BEAD method (bead-2022 does).
        let t0 = Date()
        let classified = try AreaClassification.run(
            files: [bdc], level: .blockgroup, profile: .bead2022, threads: threads)
        let t1 = Date()
        let acs = try ACSTable.read(path: acsPath)
        let t2 = Date()

        var csv =
            "GEOID,locations,unserved,underserved,served,share_unserved,population,households,"
            + "median_hh_income,hh_internet_universe,hh_no_internet,hh_no_computer\n"
        var md5 = MD5()
        var totals = ClassCounts()
        func text(_ v: Int?) -> String { v.map(String.init) ?? "" }
        for row in classified.rows {
            let c = row.counts
            totals = totals + c
            let d = acs.profiles[row.area]
            let income = d?.medianHouseholdIncome.flatMap { $0 == Self.notAvailable ? nil : Int($0) }
            let share = String(format: "%.6f", Double(c.unserved) / Double(c.locations))
            csv +=
                "\(row.area),\(c.locations),\(c.unserved),\(c.underserved),\(c.served),\(share),"
                + "\(text(d?.population)),\(text(d?.households)),\(text(income)),"
                + "\(text(d?.internetUniverseHouseholds)),\(text(d?.noInternetHouseholds)),\(text(d?.noComputerHouseholds))\n"
            md5.update(
                "\(row.area),\(c.locations),\(c.unserved),\(c.underserved),\(c.served),\(text(d?.population)),\(text(income))\n"
                    .utf8)
        }
        let outDirectory = (dataDirectory as NSString).appendingPathComponent("out")
        try FileManager.default.createDirectory(atPath: outDirectory, withIntermediateDirectories: true)
        let outPath = (outDirectory as NSString).appendingPathComponent("p1_swift.csv")
        // Written to a temporary name, then renamed: never a half-written file at the final path.
        let temporary = outPath + ".partial"
        do {
            try Data(csv.utf8).write(to: URL(fileURLWithPath: temporary))
            if FileManager.default.fileExists(atPath: outPath) { try FileManager.default.removeItem(atPath: outPath) }
            try FileManager.default.moveItem(atPath: temporary, toPath: outPath)
        } catch {
            throw LastmileError.io(path: outPath, "cannot write: \(LastmileError.reason(error))")
        }
        let digest =
            "P1 block_groups=\(classified.rows.count) locations=\(totals.locations) unserved=\(totals.unserved) "
            + "underserved=\(totals.underserved) served=\(totals.served) md5=\(md5.hex().prefix(12))"
        return Outcome(
            digest: digest, rowsRead: classified.rowsRead, outputPath: outPath,
            classifySeconds: t1.timeIntervalSince(t0), acsSeconds: t2.timeIntervalSince(t1),
            writeSeconds: Date().timeIntervalSince(t2))
    }
}
