import Foundation
import Graphics
import Maps
import TestSupport
import Testing

@testable import LastmileKit

/// The study's map palette (report.palette, report.palette_reverse): written reversed as "-YlOrRd" or
/// with report.palette_reverse = true, and an unknown name refused naming the key and the palettes.
@Suite struct MapPaletteStudyTests {
    static let demo = TestPaths.repo("datasets/demo/study.toml")

    @Test func aPaletteIsReversedByALeadingMinusOrByPaletteReverse() throws {
        #expect(try Study.load(path: Self.demo).mapPalette == .ylOrRd)
        #expect(try Study.load(path: Self.demo, overrides: ["report.palette=-YlOrRd"]).mapPalette == .ylOrRd.reversed)
        #expect(
            try Study.load(path: Self.demo, overrides: ["report.palette_reverse=true"]).mapPalette == .ylOrRd.reversed)
        #expect(
            try Study.load(path: Self.demo, overrides: ["report.palette=blues", "report.palette_reverse=true"])
                .mapPalette
                == .blues.reversed)
        // Both ways at once ask for the same thing: reversed once.
        #expect(
            try Study.load(path: Self.demo, overrides: ["report.palette=-Blues", "report.palette_reverse=true"])
                .mapPalette == .blues.reversed)
        #expect(
            try Study.load(path: Self.demo, overrides: ["report.palette=viridis", "report.palette_reverse=false"])
                .mapPalette == .viridis)
    }

    @Test func anUnknownPaletteNamesTheKeyAndTheValidOnes() throws {
        // The key table says the same in words, and takes what the parser takes.
        let entry = try #require(StudyKeys.named("report.palette"))
        #expect(entry.allowed == Palette.namesInWords)
        #expect(entry.accepts(.string("-viridis")) && !entry.accepts(.string("Rainbow")))
        for (override, key) in [
            ("report.palette=Rainbow", "report.palette"), ("report.palette=--YlOrRd", "report.palette"),
            ("report.palette=3", "report.palette"), ("report.palette_reverse=yes", "report.palette_reverse"),
        ] {
            do {
                _ = try Study.load(path: Self.demo, overrides: [override])
                Issue.record("\(override) was accepted")
            } catch let error as LastmileError {
                #expect("\(error)".contains("column '\(key)'"), "\(error)")
                if override.contains("Rainbow") {
                    for p in Palette.all { #expect("\(error)".contains(p.name), "\(error)") }
                    #expect("\(error)".contains("-YlOrRd") && "\(error)".contains("'Rainbow'"), "\(error)")
                }
            }
        }
    }

    /// A study with "-YlOrRd" renders its map: the same classes, the colours the other way round (the
    /// lowest share darkest).
    @Test func aStudyWithAReversedPaletteRendersItsMap() throws {
        let out = try TemporaryDirectory()
        let plain = try Study.load(path: Self.demo, overrides: ["risk.draws=100"])
        let reversed = try Study.load(path: Self.demo, overrides: ["risk.draws=100", "report.palette=-YlOrRd"])
        let c = try StudyRunner.compute(plain, options: RunOptions(outputRoot: out.path))
        let measurer = PangoTextMeasurer()
        let a = try RunReport.unservedMap(c, study: plain, measurer: measurer)
        let b = try RunReport.unservedMap(c, study: reversed, measurer: measurer)
        let classes = a.classification.classCount
        #expect(classes == 5)
        #expect(b.classification == a.classification)
        #expect(b.legend.map(\.label) == a.legend.map(\.label))
        let colours = b.legend.compactMap { $0.classIndex == nil ? nil : $0.color }
        #expect(colours == Array(a.legend.compactMap { $0.classIndex == nil ? nil : $0.color }.reversed()))
        #expect(colours == (try Palette.ylOrRd.colors(count: classes)).reversed())
        #expect(colours.first?.hex == "#bd0026")
        // And the whole run writes it.
        let run = try StudyRunner.run(reversed, options: RunOptions(outputRoot: out.path))
        #expect(FileManager.default.fileExists(atPath: run.outputDirectory + "/maps/unserved.png"))
        #expect(FileManager.default.fileExists(atPath: run.reportPath))
    }
}
