import Analysis
import Foundation

/// What a finished run produced: where its files are and the numbers a planner reads first.
public struct RunOutcome: Sendable {
    public var runID: String
    public var studyName: String
    public var outputDirectory: String
    public var reportPath: String
    public var totals: ClassCounts
    public var results: [AreaResult]
    public var diagnostics: [String]
    /// Files written in the run folder, relative to it.
    public var files: [String]
    /// The business case: per-area plans and each scenario's cash flows and metrics.
    public var businessCase: BusinessCase
}

extension RunOutcome {
    /// What `lastmile run` prints: where the report is and the headline numbers.
    public func text() -> String {
        func pct(_ n: Int) -> String {
            totals.locations == 0 ? "–" : String(format: "%.1f%%", 100 * Double(n) / Double(totals.locations))
        }
        return """
            Run \(runID): \(studyName)
              \(English.counted(results.count, "area")), \(English.counted(totals.locations, "location"))
              unserved     \(totals.unserved) (\(pct(totals.unserved)))
              underserved  \(totals.underserved) (\(pct(totals.underserved)))
              served       \(totals.served) (\(pct(totals.served)))

            """ + BusinessCaseSummary.table(businessCase) + """

                Report: \(reportPath)
                Outputs: \(outputDirectory)

                """
    }

    public func json() -> String {
        let object: [String: Any] = [
            "run_id": runID, "study": studyName, "report": reportPath, "output_directory": outputDirectory,
            "areas": results.count, "locations": totals.locations, "unserved": totals.unserved,
            "underserved": totals.underserved, "served": totals.served, "diagnostics": diagnostics, "files": files,
            "scenarios": businessCase.scenarios.map { s -> [String: Any] in
                [
                    "name": s.definition.name, "kind": s.definition.kind.rawValue, "capex": s.capex, "npv": s.npv,
                    "irr": BusinessCaseJSON.number(s.irr), "payback_years": BusinessCaseJSON.number(s.paybackYears),
                    "break_even_take_rate": BusinessCaseJSON.number(s.breakEvenTakeRate),
                ]
            },
        ]
        let data = try! JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys])
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
