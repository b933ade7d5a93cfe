import Atlas
import Foundation
import GeoModel
import Graphics
import Reports
import Synchronization

/// Everything needed to draw a run's report, maps and charts again without recomputing:
/// the report content (with the maps as resolution-independent display lists), the paper and
/// the PNG resolution. A run writes it as `report-content.json` in its folder.
public struct StoredReport: Codable, Hashable, Sendable {
    /// The file name in a run folder.
    public static let fileName = "report-content.json"
    /// Version of this file's layout; bumped when a field changes meaning or is added. 2: the business
    /// case's capital lines, grant, funding gap, coverage test, exposure and Monte Carlo correlations. 3: a
    /// scenario's headline figures (capital, NPV, IRR, paybacks, break-even, bond) under `metrics`. 4: the
    /// atlas's content (`atlas`).
    public static let currentFormatVersion = 4

    public var formatVersion: Int
    public var paper: Reports.PaperSize
    /// PNG resolution of maps/ and charts/ (`report.dpi`).
    public var dpi: Double
    public var content: ReportContent
    /// What atlas.html shows (areas simplified for the screen, layers, cards).
    public var atlas: AtlasContent?

    public init(paper: Reports.PaperSize, dpi: Double, content: ReportContent, atlas: AtlasContent? = nil) {
        self.formatVersion = Self.currentFormatVersion; self.paper = paper; self.dpi = dpi; self.content = content
        self.atlas = atlas
    }

    /// The JSON text (sorted keys, so equal content gives equal bytes).
    public func encoded() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        // Non-finite numbers (none expected) are kept rather than failing the run.
        encoder.nonConformingFloatEncodingStrategy = .convertToString(
            positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        do {
            return try encoder.encode(self)
        } catch {
            throw LastmileError.failed("cannot encode the report content: \(error)")
        }
    }

    /// Reads `report-content.json`.
    /// - Throws: `.io` when the file cannot be read, `.badInput` naming the file when it is not a
    ///   stored report of a version this tool reads.
    public static func read(path: String) throws -> StoredReport {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw LastmileError.io(
                path: path,
                FileManager.default.fileExists(atPath: path)
                    ? "cannot read the stored report content"
                    : "no stored report content (runs made before `lastmile report` existed do not have one; run the study again)"
            )
        }
        let decoder = JSONDecoder()
        decoder.nonConformingFloatDecodingStrategy = .convertFromString(
            positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        // The version first, so that a report stored by an earlier layout gets a plain answer.
        struct Version: Decodable { var formatVersion: Int }
        if let version = try? decoder.decode(Version.self, from: data), version.formatVersion != currentFormatVersion {
            throw LastmileError.badInput(
                SourceLocation(file: path, column: "formatVersion"),
                "expected format version \(currentFormatVersion), found \(version.formatVersion) "
                    + "(stored by an earlier Lastmile: run the study again to re-render it)")
        }
        do {
            return try decoder.decode(StoredReport.self, from: data)
        } catch {
            throw LastmileError.badInput(
                SourceLocation(file: path), "expected a stored report (report-content.json): \(error)")
        }
    }

    /// The maps by file name (without extension): "unserved", "unserved-count", "need-groups" (with adoption indicators), "challenge-candidates" (with speed tests) and, with a business case, "phases".
    public var maps: [(name: String, displayList: DisplayList)] {
        var out: [(String, DisplayList)] = []
        if let m = content.map { out.append(("unserved", m)) }
        if let m = content.countsMap { out.append(("unserved-count", m)) }
        if let m = content.needGroups?.map { out.append(("need-groups", m)) }
        if let m = content.challenges?.map { out.append(("challenge-candidates", m)) }
        if let m = content.businessCase?.phasesMap { out.append(("phases", m)) }
        return out
    }

    /// Draws the report into `dir`: report.pdf (`.pdf`), maps/NAME and charts/NAME as .png and .svg,
    /// atlas.html (`.html`, when the stored report has an atlas).
    /// Each file is written under a temporary name and renamed, so only the rendered files are
    /// replaced and never left half-written.
    /// - Parameters:
    ///   - dpi: PNG resolution; nil uses the stored `dpi`.
    ///   - alongside: more work run on the same cores, after the PDF is started and before the images
    ///     (a run's report-content.json); its files are not among those returned.
    /// - Returns: the files written, relative to `dir`, in writing order.
    public func render(
        into dir: String, formats: Set<ReportFormat>, dpi: Double? = nil, alongside: [() throws -> Void] = []
    ) throws -> [String] {
        let dpi = dpi ?? self.dpi
        guard dpi >= 10, dpi <= 1200 else {
            throw LastmileError.usage("the PNG resolution must be 10 to 1200 dpi, not \(dpi)")
        }
        func path(_ name: String) -> String { (dir as NSString).appendingPathComponent(name) }
        try ReportWriter.verifyFonts()
        let measurer = PangoTextMeasurer()
        let drawings =
            !(formats.contains(.png) || formats.contains(.svg))
            ? []
            : maps.map { (folder: "maps", name: $0.name, list: $0.displayList) }
                + ReportCharts.standalone(content, measurer: measurer).map {
                    (folder: "charts", name: $0.name, list: $0.displayList)
                }
        do {
            for folder in Set(drawings.map(\.folder)) {
                try FileManager.default.createDirectory(atPath: path(folder), withIntermediateDirectories: true)
            }
        } catch {
            throw LastmileError.io(
                path: dir, "cannot create the maps/ or charts/ folder: \(LastmileError.reason(error))")
        }
        // Every file is its own rendering (its own Cairo surface and Pango font map), so they are written
        // on all cores, the PDF (the longest) first. They are listed images, report, atlas.
        typealias Job = (file: String, write: () throws -> Void)
        var images: [Job] = []
        for d in drawings {
            let list = d.list
            if formats.contains(.png) {
                let name = "\(d.folder)/\(d.name).png"
                let target = path(name)
                images.append((name, { try RasterRenderer.writePNG(list, to: target, dpi: dpi) }))
            }
            if formats.contains(.svg) {
                let name = "\(d.folder)/\(d.name).svg"
                let target = path(name)
                images.append((name, { try SVGWriter.write(list, to: target) }))
            }
        }
        var report: [Job] = []
        if formats.contains(.pdf) {
            let (content, paper, target) = (content, paper, path("report.pdf"))
            report.append(("report.pdf", { try ReportWriter.writePDF(content, paper: paper, to: target) }))
        }
        var page: [Job] = []
        if formats.contains(.html), let atlas {
            let target = path(AtlasReport.fileName)
            page.append((AtlasReport.fileName, { try OutputFile.write(try AtlasPage.html(atlas), to: target) }))
        }
        let files = (images + report + page).map(\.file)
        do { try Concurrently.run(report.map(\.write) + alongside + (images + page).map(\.write)) } catch let error
            as GraphicsError
        {
            throw ReportWriter.lastmileError(error)
        }
        return files
    }
}
