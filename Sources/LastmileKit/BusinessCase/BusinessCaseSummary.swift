import Analysis
import Charts
import Foundation

/// The business case as `lastmile run` prints it: one line per scenario.
enum BusinessCaseSummary {
    static func table(_ bc: BusinessCase) -> String {
        let f = bc.parameters.finance
        let built = bc.areas.filter { $0.phase != nil }
        var out =
            "Business case: \(English.counted(built.count, "area")) built in "
            + "\(English.counted(bc.parameters.plan.phases, "phase")), \(English.counted(f.horizonYears, "year")), "
            + "discount rate \(NumberFormatting.percent(f.discountRate))\n"
        let header = [
            "scenario", "kind", "capex", "NPV", "IRR", "payback", "break-even take", "P10 NPV", "P90 NPV", "P(NPV<0)",
        ]
        var rows = [header]
        for s in bc.scenarios {
            rows.append([
                s.definition.label, s.definition.kind.rawValue, MoneyFormatting.dollars(s.capex),
                MoneyFormatting.dollars(s.npv),
                s.irr.map { NumberFormatting.percent($0) } ?? "none",
                s.paybackYears.map { NumberFormatting.grouped($0, decimals: 1) + " y" } ?? "none",
                s.breakEvenTakeRate.map { NumberFormatting.percent($0, decimals: 2) } ?? "none",
                MoneyFormatting.dollars(s.monteCarlo.p10), MoneyFormatting.dollars(s.monteCarlo.p90),
                NumberFormatting.percent(s.monteCarlo.probabilityNPVNegative, decimals: 0),
            ])
        }
        let widths = header.indices.map { c in rows.map { $0[c].count }.max() ?? 0 }
        for r in rows {
            out +=
                "  "
                + r.enumerated().map { c, cell in
                    c < 2
                        ? cell.padding(toLength: widths[c], withPad: " ", startingAt: 0)
                        : String(repeating: " ", count: widths[c] - cell.count) + cell
                }.joined(separator: "  ") + "\n"
        }
        return out
    }
}
