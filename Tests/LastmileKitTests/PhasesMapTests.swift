import Foundation
import Graphics
import Maps
import TestSupport
import Testing

@testable import LastmileKit

/// The phases map: phase 1, built first, in the darkest colour, each later phase lighter.
@Suite struct PhasesMapTests {
    /// Relative luminance weights (ITU-R BT.709) of a colour's sRGB components: lower is darker.
    static func luma(_ c: Color) -> Double { 0.2126 * c.red + 0.7152 * c.green + 0.0722 * c.blue }

    @Test func phaseOneIsTheDarkestAndLaterPhasesAreLighter() throws {
        let out = try TemporaryDirectory()
        for phases in [1, 2, 3, 5, 7] {
            let study = try Study.load(
                path: TestPaths.repo("datasets/demo/study.toml"),
                overrides: ["risk.draws=100", "plan.phases=\(phases)"])
            let c = try StudyRunner.compute(study, options: RunOptions(outputRoot: out.path))
            let map = try BusinessCaseReport.phasesMap(c, study: study, measurer: PangoTextMeasurer())
            let rows = map.legend.filter { $0.classIndex != nil }
            #expect(rows.map(\.label) == (1...phases).map { "Phase \($0) (year \($0 - 1))" })
            let l = rows.map { Self.luma($0.color) }
            #expect(zip(l, l.dropFirst()).allSatisfy { $0 < $1 }, "\(phases) phases: \(rows.map(\.color.hex))")
            if phases == 3 {
                // ColorBrewer Blues 3 (#deebf7 #9ecae1 #3182bd), darkest first.
                #expect(rows.map(\.color.hex) == ["#3182bd", "#9ecae1", "#deebf7"])
            }
        }
    }
}
