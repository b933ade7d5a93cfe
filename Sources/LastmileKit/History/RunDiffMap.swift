import Foundation
import GeoIO
import GeoModel
import Graphics
import Maps
import Reports
import RunStore

/// The map of a run diff (`lastmile runs diff A B --map FILE`): per area, the locations that moved
/// from unserved or underserved to served between the two runs. Shapes come from the later run's
/// results.gpkg. This is a local analysis file: its counts are not suppressed (see `PublicRelease`).
public enum RunDiffMap {
    /// Writes the map to `path` (`.svg` or `.png`).
    /// - Throws: `.usage` for another extension or a diff without location classes; `.io` when the
    ///   later run's results.gpkg is gone; the map writers' errors.
    public static func write(_ diff: RunDiff, storePath: String, to path: String) throws {
        let lower = path.lowercased()
        guard lower.hasSuffix(".svg") || lower.hasSuffix(".png") else {
            throw LastmileError.usage("--map writes .svg or .png, got '\(path)'")
        }
        guard diff.locationLevel else {
            throw LastmileError.usage("a diff map needs location classes in both runs (runs recorded by this version)")
        }
        guard let run = try RunStore(path: storePath).run(diff.to) else {
            throw LastmileError.usage("no run \(diff.to) in \(storePath)")
        }
        let gpkg = (run.outputDirectory as NSString).appendingPathComponent("results.gpkg")
        let areas = try VectorSource.readAreas(path: gpkg, layer: "areas", idField: "area", nameField: "name")
        let upgraded = Dictionary(
            uniqueKeysWithValues: diff.areas.map {
                ($0.areaID, Double($0.count(from: .unserved, to: .served) + $0.count(from: .underserved, to: .served)))
            })
        let map = ChoroplethMap(
            title: "Locations upgraded to served",
            subtitle: "Unserved or underserved in run \(diff.from), served in run \(diff.to)",
            areas: areas.map { MapArea(id: $0.id, geometry: $0.geometry, value: upgraded[$0.id.rawValue] ?? 0) },
            scheme: .quantile, classCount: 5, palette: .greens, valueFormat: .number(decimals: 0, unit: nil),
            legendTitle: "Locations upgraded", source: "Lastmile run history (local run store): \(diff.studyTo)")
        do {
            let drawing = try map.draw(size: RunReport.mapCanvas, measurer: PangoTextMeasurer())
            let temp =
                (path as NSString).deletingLastPathComponent + "/." + (path as NSString).lastPathComponent + ".tmp"
            if lower.hasSuffix(".svg") {
                try SVGWriter.write(drawing.displayList, to: temp)
            } else {
                try RasterRenderer.writePNG(drawing.displayList, to: temp, dpi: RunReport.mapDPI)
            }
            guard rename(temp, path) == 0 else {
                throw LastmileError.io(
                    path: path, "cannot rename the map into place: \(String(cString: strerror(errno)))")
            }
        } catch let error as GraphicsError {
            throw ReportWriter.lastmileError(error)
        }
    }
}
