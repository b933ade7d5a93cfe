import Analysis
import GeoIO
import GeoModel

/// Which edition of a run's files is written: the full one, or the public one, whose small-cell
/// suppression withholds per-area counts below its threshold (`PublicRelease`). Every area table
/// (results.csv, results.gpkg) takes its columns and cells from here, so the editions cannot drift.
enum OutputEdition {
    case full
    case publicRelease(SmallCellSuppression)

    var suppression: SmallCellSuppression? {
        if case .publicRelease(let s) = self { s } else { nil }
    }

    /// The area table's columns: coverage, then business case, then (public edition) `counts_suppressed`.
    var columns: [(name: String, kind: ResultColumns.Kind)] {
        ResultColumns.all.map { ($0.name, $0.kind) } + ResultColumns.plan.map { ($0.name, $0.kind) }
            + (suppression == nil ? [] : [("counts_suppressed", .integer)])
    }

    /// One area's cells in column order; nil is an empty cell (NULL in the GeoPackage).
    func cells(_ r: AreaResult, plan: AreaPlan?) -> [ResultColumns.MetricValue?] {
        guard let s = suppression else {
            return ResultColumns.all.map { $0.value(r) } + ResultColumns.plan.map { c in plan.flatMap { c.value($0) } }
        }
        return ResultColumns.all.map { PublicRelease.publicValue($0, r, s) }
            + ResultColumns.plan.map { PublicRelease.publicPlanValue($0, plan, r.id, s) }
            + [.flag(s.hasSuppression(r.id))]
    }

    /// results.csv: a header of column names, one row per area, empty cells for missing values.
    func resultsCSV(_ areas: StudyAreas, order results: [AreaResult]) -> String {
        var out = columns.map(\.name).joined(separator: ",") + "\n"
        for r in results {
            out += cells(r, plan: areas.plan(r.id)).map { $0?.csv ?? "" }.joined(separator: ",") + "\n"
        }
        return out
    }

    /// results.gpkg: layer `areas`, one MultiPolygon feature per area with a shape (EPSG:4326), every column;
    /// in the full edition, when the locations file gives coordinates, layer `locations`: one point per
    /// location that has them, with locations.csv's columns (the coordinates are the Fabric's, licensed:
    /// the public edition leaves the layer out).
    /// The areas layer's columns carry their titles and descriptions (`gpkg_data_columns`) and `styles` go
    /// to `layer_styles`, so that QGIS opens it classed and coloured as the report's maps.
    func writeGeoPackage(
        _ areas: StudyAreas, order results: [AreaResult], metadata: [String: String],
        locations: (rows: [LocationsCSV.Row], points: [Int64: Point]), styles: [GeoPackageWriter.LayerStyle] = [],
        to path: String
    ) throws {
        let fields: [FieldDefinition] = columns.map { c in
            switch c.kind {
            case .text: .string(c.name)
            case .integer: .integer64(c.name)
            case .real: .real(c.name)
            }
        }
        var layers = [
            GeoPackageWriter.Layer(name: "areas", geometry: .multiPolygon, fields: fields, metadata: metadata)
        ]
        let withPoints = suppression == nil && !locations.points.isEmpty
        if withPoints {
            layers.append(GeoPackageWriter.Layer(name: "locations", geometry: .point, fields: LocationsCSV.columns))
        }
        let writer = try GeoPackageWriter(path: path, layers: layers)
        for r in results {
            guard let geometry = areas.shape(r.id) else { continue }
            try writer.add(
                geometry: geometry,
                values: cells(r, plan: areas.plan(r.id)).map { v -> FieldValue? in
                    switch v {
                    case .text(let t): .string(t)
                    case .integer(let i): .integer(Int64(i))
                    case .real(let d): .real(d)
                    case .flag(let b): .integer(b ? 1 : 0)
                    case nil: nil
                    }
                })
        }
        if withPoints {
            for row in locations.rows {
                guard let point = locations.points[row.id] else { continue }
                try writer.add(point: point, values: row.fieldValues, layer: 1)
            }
        }
        try writer.describe(
            columns.map { c in
                let d = ResultColumns.dictionary[c.name]
                return .init(column: c.name, title: d?.title ?? c.name, description: d?.description ?? "")
            }, layer: "areas")
        try writer.addStyles(styles)
        try writer.close()
    }
}
