import Foundation
import RunStore

/// Text, CSV and JSON forms of the run list and of one run (`lastmile runs list|show`).
public enum RunHistoryFormatting {
    static func iso(_ d: Date?) -> String {
        guard let d else { return "" }
        let f = ISO8601DateFormatter()
        f.timeZone = TimeZone(identifier: "UTC")
        return f.string(from: d)
    }

    public static func listText(_ runs: [RunSummary]) -> String {
        if runs.isEmpty { return "No runs recorded.\n" }
        var out =
            "id                       study                          started (UTC)         status  areas  locations  unserved  underserved  served\n"
        for r in runs {
            func col(_ s: String, _ w: Int) -> String {
                s.count >= w ? String(s.prefix(w - 1)) + " " : s.padding(toLength: w, withPad: " ", startingAt: 0)
            }
            func num(_ n: Int, _ w: Int) -> String {
                String(repeating: " ", count: max(0, w - String(n).count)) + String(n)
            }
            out +=
                col(r.id.rawValue, 25) + col(r.studyName, 31) + col(iso(r.startedAt), 22) + col(r.status.rawValue, 7)
                + num(r.areaCount, 6) + num(r.locations, 11) + num(r.unserved, 10) + num(r.underserved, 13)
                + num(r.served, 8) + "\n"
            if r.status == .failed, let e = r.error { out += "    error: \(e)\n" }
        }
        return out
    }

    public static func listCSV(_ runs: [RunSummary]) -> String {
        var out = "id,study,started_at,finished_at,status,areas,locations,unserved,underserved,served,error\n"
        for r in runs {
            out +=
                [
                    r.id.rawValue, CSVCell.text(r.studyName), iso(r.startedAt), iso(r.finishedAt), r.status.rawValue,
                    String(r.areaCount), String(r.locations), String(r.unserved), String(r.underserved),
                    String(r.served),
                    CSVCell.text(r.error ?? ""),
                ].joined(separator: ",") + "\n"
        }
        return out
    }

    static func summaryObject(_ r: RunSummary) -> [String: Any] {
        [
            "id": r.id.rawValue, "study": r.studyName, "started_at": iso(r.startedAt),
            "finished_at": r.finishedAt.map { iso($0) as Any } ?? NSNull(), "status": r.status.rawValue,
            "error": r.error.map { $0 as Any } ?? NSNull(), "areas": r.areaCount, "locations": r.locations,
            "unserved": r.unserved, "underserved": r.underserved, "served": r.served,
        ]
    }

    public static func listJSON(_ runs: [RunSummary]) -> String { json(runs.map(summaryObject)) }

    public static func showText(_ d: RunDetail) -> String {
        let r = d.run
        var out = """
            Run \(r.id.rawValue): \(r.studyName)
              status:    \(r.status.rawValue)\(r.error.map { " — \($0)" } ?? "")
              started:   \(iso(r.startedAt))
              finished:  \(iso(r.finishedAt))
              study:     \(r.studyPath)
              outputs:   \(r.outputDirectory)
              version:   \(r.toolVersion)
              locations kept for diff: \(d.storedLocations)

            """
        out += "Inputs:\n"
        for i in d.inputs {
            out +=
                "  \(i.role.padding(toLength: 13, withPad: " ", startingAt: 0)) \(i.sha256.prefix(12))…  \(i.sizeBytes) bytes  \(i.path)\n"
        }
        if !d.parameters.isEmpty {
            out += "Parameters:\n"
            for k in d.parameters.keys.sorted() { out += "  \(k) = \(d.parameters[k]!)\n" }
        }
        if !d.diagnostics.isEmpty {
            out += "Diagnostics:\n"
            for x in d.diagnostics { out += "  \(x.severity.rawValue): \(x.message)\n" }
        }
        let t = d.areas.reduce(into: (0, 0, 0, 0)) {
            $0.0 += $1.locations
            $0.1 += $1.unserved
            $0.2 += $1.underserved
            $0.3 += $1.served
        }
        out +=
            "Totals: \(English.counted(d.areas.count, "area")), \(English.counted(t.0, "location")), \(t.1) unserved, \(t.2) underserved, \(t.3) served\n"
        return out
    }

    public static func showCSV(_ d: RunDetail) -> String {
        var out = "area,name,locations,unserved,underserved,served\n"
        for a in d.areas {
            out += "\(a.areaID),\(CSVCell.text(a.name)),\(a.locations),\(a.unserved),\(a.underserved),\(a.served)\n"
        }
        return out
    }

    public static func showJSON(_ d: RunDetail) -> String {
        let r = d.run
        let object: [String: Any] = [
            "id": r.id.rawValue, "study": r.studyName, "study_path": r.studyPath, "status": r.status.rawValue,
            "error": r.error.map { $0 as Any } ?? NSNull(), "started_at": iso(r.startedAt),
            "finished_at": r.finishedAt.map { iso($0) as Any } ?? NSNull(), "output_directory": r.outputDirectory,
            "tool_version": r.toolVersion, "stored_locations": d.storedLocations,
            "inputs": d.inputs.map {
                ["role": $0.role, "path": $0.path, "size_bytes": $0.sizeBytes, "sha256": $0.sha256] as [String: Any]
            },
            "parameters": d.parameters,
            "diagnostics": d.diagnostics.map { ["severity": $0.severity.rawValue, "message": $0.message] },
            "areas": d.areas.map {
                [
                    "area": $0.areaID, "name": $0.name, "locations": $0.locations, "unserved": $0.unserved,
                    "underserved": $0.underserved, "served": $0.served,
                ] as [String: Any]
            },
        ]
        return json(object)
    }

    static func json(_ object: Any) -> String {
        let data = try! JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys])
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
