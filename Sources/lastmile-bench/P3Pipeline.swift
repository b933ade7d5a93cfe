import Foundation
import LastmileKit

/// The peer benchmark's P3 pipeline (the peer kit's README, "P3 render"): the block groups of
/// `blockgroups.gpkg` coloured by their share of unserved locations from P1's output, five quantile
/// classes of YlOrRd, drawn by `lastmile map`'s code to a PNG 2,400 px wide and a PDF; then the peers'
/// digest line (bins, counts, file sizes).
struct P3Pipeline {
    let dataDirectory: String

    func run() throws -> String {
        let data = dataDirectory as NSString
        let out = data.appendingPathComponent("out") as NSString
        // The peers read DuckDB's P1 output; this pipeline's own when DuckDB's is not there.
        let p1 = [out.appendingPathComponent("p1_duckdb.csv"), out.appendingPathComponent("p1_swift.csv")]
            .first { FileManager.default.fileExists(atPath: $0) }
        guard let p1 else {
            throw LastmileError.usage("\(out) has no p1_duckdb.csv or p1_swift.csv: run P1 first")
        }
        // The share at full precision (unserved / locations, as the peers compute it), not P1's rounded column.
        let shares = try sharesTable(p1: p1)
        defer { try? FileManager.default.removeItem(atPath: shares) }
        let png = out.appendingPathComponent("p3_swift.png")
        let pdf = out.appendingPathComponent("p3_swift.pdf")
        var request = QuickMapRequest(
            source: data.appendingPathComponent("blockgroups.gpkg"), idField: "GEOID", field: "share",
            outputs: [png, pdf])
        request.layer = "blockgroups"
        request.join = .init(path: shares, keyColumn: "GEOID")
        request.widthPixels = 2_400
        request.percent = true
        request.title = "Share of broadband locations unserved (no reliable 25/3 Mbps)"
        request.legendTitle = "Share unserved"
        // A fixed source line (the default names the temporary shares file), so the files' sizes in the
        // digest are the same run after run.
        request.sourceLine = "Source: the peer benchmark kit's synthetic data (P1 output)."
        request.waterAreas = false
        let result = try QuickMap.render(request)
        // Where the time went inside QuickMap.render (the process's start-up and exit come on top).
        print(
            "lastmile-bench p3 phases: "
                + result.phases.map { "\($0.name) " + String(format: "%.3f s", $0.seconds) }.joined(separator: ", "))
        let bins = result.breaks.map { String(format: "%.6f", $0) }.joined(separator: ",")
        let counts = result.classCounts.map(String.init).joined(separator: ",")
        let files = try [png, pdf].map { path in
            let size = try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int ?? 0
            return "\((path as NSString).lastPathComponent)=\(size)B"
        }
        return "P3 bins=\(bins) counts=\(counts) \(files.joined(separator: " "))"
    }

    /// A temporary CSV of GEOID and unserved / locations from P1's output (empty where there are no
    /// locations). P1's file is plain ASCII CSV without quotes: cut at bytes, not Characters.
    private func sharesTable(p1: String) throws -> String {
        let data = try Data(contentsOf: URL(fileURLWithPath: p1))
        let lines = data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: true)
        func cells(_ line: Data) -> [String] {
            line.split(separator: UInt8(ascii: ","), omittingEmptySubsequences: false).map {
                String(decoding: $0, as: UTF8.self)
            }
        }
        guard let first = lines.first else { throw LastmileError.usage("\(p1): the file is empty") }
        let header = cells(first)
        guard let iGEOID = header.firstIndex(of: "GEOID"), let iLocations = header.firstIndex(of: "locations"),
            let iUnserved = header.firstIndex(of: "unserved")
        else { throw LastmileError.usage("\(p1): expected a P1 header with GEOID, locations and unserved") }
        var csv = "GEOID,share\n"
        for line in lines.dropFirst() {
            let row = cells(line)
            guard row.count > max(iGEOID, iLocations, iUnserved) else { continue }
            let share = Double(row[iLocations]).flatMap { n in
                Double(row[iUnserved]).map { n > 0 ? "\($0 / n)" : "" }
            }
            csv += "\(row[iGEOID]),\(share ?? "")\n"
        }
        let path = NSTemporaryDirectory() + "lastmile-p3-\(getpid()).csv"
        try Data(csv.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }
}
