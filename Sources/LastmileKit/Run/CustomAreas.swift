import Analysis
import Foundation
import GeoModel
import Ingest

/// Custom study areas (`study.area_level = "custom"`): wards, a utility's service territory, any
/// polygons with ids of their own. Each location of the locations file lies in the shape that contains
/// its coordinates; tables by census geography reach the areas through a `CustomAreaCrosswalk`.
struct CustomAreas {
    var grouping: AreaGrouping
    /// The located locations' blocks: the study's universe (locations outside every area are left out).
    var blocks: [Int64: UInt64]
    /// What the join did, for the run's diagnostics.
    var note: String

    /// Places every location of `file` (read from `path`) in the area of `areas` containing its point.
    /// - Throws: `.badInput` naming the locations file when it gives no coordinates, or when no
    ///   location lies in any area (another state, or coordinates in another order).
    init(areas: [Area], file: LocationsFile, path: String, areasPath: String) throws {
        guard !file.points.isEmpty else {
            throw LastmileError.badInput(
                SourceLocation(file: path, column: "latitude"),
                "custom areas (study.area_level = custom) hold the locations whose coordinates they contain: expected latitude and longitude columns with values"
            )
        }
        let ids = file.points.keys.sorted()
        let points = ids.map { file.points[$0]! }
        let found = AreaLocator(geometries: areas.map(\.geographicGeometry)).areas(containing: points)
        var areaOf: [Int64: Int32] = [:]
        var blocks: [Int64: UInt64] = [:]
        areaOf.reserveCapacity(ids.count)
        blocks.reserveCapacity(ids.count)
        for (i, id) in ids.enumerated() {
            guard let a = found[i], let block = file.blocks[id] else { continue }
            areaOf[id] = Int32(a)
            blocks[id] = block
        }
        guard !blocks.isEmpty else {
            throw LastmileError.badInput(
                SourceLocation(file: path, column: "latitude"),
                "none of the \(English.counted(points.count, "location")) with coordinates lies in an area of \((areasPath as NSString).lastPathComponent): are the shapes of the same place?"
            )
        }
        grouping = AreaGrouping(custom: areas.map(\.id), areaOfLocation: areaOf)
        self.blocks = blocks
        let left = file.blocks.count - blocks.count
        let withoutPoint = file.blocks.count - file.points.count
        note =
            "custom areas (study.area_level = custom): \(English.counted(blocks.count, "location")) of the locations file lie in the \(English.counted(areas.count, "area")) of \((areasPath as NSString).lastPathComponent), each in the shape that contains its coordinates"
            + (left > 0
                ? "; \(left) \(left == 1 ? "lies" : "lie") outside every area"
                    + (withoutPoint > 0
                        ? " or \(withoutPoint == 1 ? "has" : "have") no coordinates (\(withoutPoint))" : "")
                    + " and \(left == 1 ? "is" : "are") left out" : "")
    }

    /// How the census units at `level` fall into the areas (one pass over the located locations).
    func crosswalk(_ level: AreaLevel) -> CustomAreaCrosswalk {
        CustomAreaCrosswalk(grouping: grouping, blocks: blocks, level: level)
    }
}
