import Analysis
import Charts
import Foundation
import GeoModel
import LastmileKit

/// libFuzzer entry for the study-file parser: TOML text → StudyParameters → Study, then the business
/// case of every study that loads. The study's folder does not exist, so path globbing finds nothing
/// and no real file is touched.
@_cdecl("LLVMFuzzerTestOneInput")
public func studyFileFuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = UnsafeBufferPointer(start: data, count: size)
    guard let text = String(validating: bytes, as: UTF8.self) else { return 0 }
    do {
        var parameters = try StudyParameters(text: text, sourcePath: "/nonexistent-lastmile-fuzz/study.toml")
        // The first line of the input also goes through --set, whose value is parsed as TOML too.
        let firstLine = text.split(separator: "\n", maxSplits: 1).first.map(String.init) ?? ""
        try parameters.apply(overrides: ["report.paper=a4", "report.title=" + firstLine])
        checkBusinessCase(try Study(parameters: parameters))
    } catch is LastmileError {
    } catch {
        fatalError("the study parser threw a non-Lastmile error: \(error)")
    }
    return 0
}

/// Every value the study's range checks accept keeps the business case finite (README, "Study
/// values"): it is evaluated over two synthetic areas (Monte Carlo draws capped for speed), and each
/// figure must be finite and format as money.
func checkBusinessCase(_ study: Study) {
    var parameters = study.businessCase.parameters
    parameters.risk.draws = min(parameters.risk.draws, 100)
    let areas = [
        BusinessCaseArea(
            id: AreaID("239900001001"), name: "A", passings: 40, households: 38,
            counts: ClassCounts(unserved: 12, underserved: 8, served: 20), landAreaSquareMiles: 2.5,
            medianIncome: 61_000, noInternetShare: 0.1),
        BusinessCaseArea(
            id: AreaID("239900001002"), name: "B", passings: 3, counts: ClassCounts(unserved: 3),
            landAreaSquareMiles: 40, medianIncome: nil, noInternetShare: nil, routeMiles: 6),
    ]
    let result = BusinessCase.evaluate(areas: areas, parameters: parameters)
    for s in result.scenarios {
        let figures =
            [s.capex, s.npv, s.bondAmount, s.monteCarlo.p10, s.monteCarlo.p50, s.monteCarlo.p90, s.monteCarlo.mean]
            + s.years.flatMap { [$0.revenue, $0.opex, $0.capex, $0.debtService, $0.subscribers] }
            + [s.irr, s.paybackYears, s.discountedPaybackYears, s.breakEvenTakeRate, s.minimumDebtServiceCoverage]
            .compactMap { $0 }
            + s.tornado.flatMap { [$0.npvAtLow, $0.npvAtHigh] }
        for v in figures {
            precondition(v.isFinite, "scenario \(s.definition.name): a business-case figure is not finite (\(v))")
            _ = MoneyFormatting.dollars(v)
            _ = NumberFormatting.grouped(v, decimals: 2)
        }
    }
    for a in result.areas {
        precondition(
            a.takeRate.isFinite && a.passCapex.isFinite && a.needScore.isFinite, "area \(a.id): a figure is not finite")
    }
}
