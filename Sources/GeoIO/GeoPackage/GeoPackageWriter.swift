import CGDAL
import Foundation
import GeoModel

/// Writes layers of features (EPSG:4326, lon/lat) to a new GeoPackage through GDAL: MultiPolygon areas,
/// or points.
///
/// The file is written under a temporary name in the destination folder inside one transaction
/// and renamed to `path` by `close()`; if `close()` is never called (or fails), the temporary file
/// is removed and nothing appears at `path`. An existing file at `path` is replaced on `close()`.
/// Each layer has `fid` as primary key and `geom` as geometry column. Not thread-safe.
public final class GeoPackageWriter {
    /// One layer to create: its name, geometry, fields and metadata items.
    public struct Layer: Sendable {
        public enum Geometry: Sendable { case multiPolygon, point }
        public var name: String
        public var geometry: Geometry
        public var fields: [FieldDefinition]
        /// Name/value items of the layer (kept by GDAL in the GeoPackage's `gpkg_metadata` tables; read
        /// back with `gdalinfo`/`ogrinfo` or `GDALGetMetadataItem`).
        public var metadata: [String: String]
        public init(name: String, geometry: Geometry, fields: [FieldDefinition], metadata: [String: String] = [:]) {
            self.name = name; self.geometry = geometry; self.fields = fields; self.metadata = metadata
        }
    }

    /// The final path, as given.
    public let path: String
    public let layers: [Layer]
    /// The first layer's name and fields.
    public var layerName: String { layers[0].name }
    public var fields: [FieldDefinition] { layers[0].fields }
    /// Features added so far, per layer.
    public private(set) var featureCounts: [Int]
    /// Features added to the first layer so far.
    public var featureCount: Int { featureCounts[0] }

    private let temporaryPath: String
    /// The open dataset; nil once closed (its single owner: freed in `close()` or `deinit`).
    private var dataset: GDALDatasetH?
    private let handles: [OGRLayerH]
    /// The layers' CRS, kept alive while the dataset is open.
    private let crs: SpatialReference

    /// One layer of MultiPolygon features named `layerName`.
    public convenience init(
        path: String, layerName: String, fields: [FieldDefinition], metadata: [String: String] = [:]
    ) throws {
        try self.init(
            path: path, layers: [Layer(name: layerName, geometry: .multiPolygon, fields: fields, metadata: metadata)])
    }

    /// Creates the temporary GeoPackage with its layers and fields, and starts the write transaction.
    /// - Throws: `.io` naming `path` when the file or a layer cannot be created (GDAL's message attached).
    public init(path: String, layers: [Layer]) throws {
        precondition(!layers.isEmpty, "a GeoPackage needs a layer")
        GDALRuntime.ensureRegistered()
        let url = URL(fileURLWithPath: path)
        let temporary = url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).\(UUID().uuidString).partial.gpkg").path
        let crs = try SpatialReference(userInput: "EPSG:4326")

        let (dataset, handles) = try GDALRuntime.capturingErrors { log -> (GDALDatasetH, [OGRLayerH]) in
            func fail(_ what: String, _ ds: GDALDatasetH?) -> LastmileError {
                let error = LastmileError.io(path: path, "\(what): " + log.message(or: "GDAL gave no reason"))
                // GDALClose returns nothing; the half-made file is removed with its SQLite side files.
                if let ds { GDALClose(ds) }
                GeoPackageWriter.removeTemporaryFiles(temporary)
                return error
            }
            // GDALGetDriverByName returns a borrowed driver, NULL when GDAL was built without it.
            guard let driver = GDALGetDriverByName("GPKG") else { throw fail("the GPKG driver is not available", nil) }
            // GDALCreate returns an owned dataset, NULL when the file cannot be created.
            guard let ds = GDALCreate(driver, temporary, 0, 0, 0, GDT_Unknown, nil) else {
                throw fail("cannot create the GeoPackage", nil)
            }
            // CSLSetNameValue returns the (re)allocated list; CSLDestroy frees it.
            var options = CSLSetNameValue(nil, "FID", "fid")
            options = CSLSetNameValue(options, "GEOMETRY_NAME", "geom")
            defer { CSLDestroy(options) }
            var handles: [OGRLayerH] = []
            for l in layers {
                let type = l.geometry == .point ? wkbPoint : wkbMultiPolygon
                // GDALDatasetCreateLayer returns a layer borrowed from the dataset, NULL on failure.
                guard let layer = GDALDatasetCreateLayer(ds, l.name, crs.handle, type, options) else {
                    throw fail("cannot create layer '\(l.name)'", ds)
                }
                for field in l.fields {
                    let type: OGRFieldType =
                        switch field.kind {
                        case .string: OFTString
                        case .integer64: OFTInteger64
                        case .real: OFTReal
                        }
                    // OGR_Fld_Create returns an owned definition (copied by OGR_L_CreateField, then destroyed).
                    let definition = OGR_Fld_Create(field.name, type)
                    defer { OGR_Fld_Destroy(definition) }
                    // OGR_L_CreateField returns OGRERR_NONE on success (bApproxOK = 0: the exact type or fail).
                    guard OGR_L_CreateField(layer, definition, 0) == OGRERR_NONE else {
                        throw fail("cannot create field '\(field.name)'", ds)
                    }
                }
                for (name, value) in l.metadata.sorted(by: { $0.key < $1.key }) {
                    // GDALSetMetadataItem returns CE_None on success (a layer is a GDALMajorObject).
                    guard GDALSetMetadataItem(layer, name, value, nil) == CE_None else {
                        throw fail("cannot set layer metadata '\(name)'", ds)
                    }
                }
                handles.append(layer)
            }
            // GDALDatasetStartTransaction returns OGRERR_NONE on success (bForce = 0: a real transaction).
            guard GDALDatasetStartTransaction(ds, 0) == OGRERR_NONE else {
                throw fail("cannot start a transaction", ds)
            }
            return (ds, handles)
        }
        self.path = path
        self.layers = layers
        self.featureCounts = Array(repeating: 0, count: layers.count)
        self.temporaryPath = temporary
        self.crs = crs
        self.handles = handles
        self.dataset = dataset
    }

    /// Adds one area to the first layer (or `layer`, by position): `geometry` in EPSG:4326 (lon/lat) and
    /// one value per field (nil = NULL).
    /// - Returns: the feature's `fid`.
    /// - Throws: `.failed` when the values do not match the fields (a programming error), `.io` when GDAL
    ///   cannot write the feature, `.failed` after `close()`.
    @discardableResult
    public func add(geometry: MultiPolygon, values: [FieldValue?], layer: Int = 0) throws -> Int64 {
        try add(values: values, layer: layer) {
            // ogrGeometry returns an owned multipolygon; OGR_G_ForceToMultiPolygon consumes it and returns an
            // owned MultiPolygon (unchanged here) so the layer never sees a mismatched type.
            guard let built = OGRGeometryConversion.ogrGeometry(from: geometry) else { return nil }
            return OGR_G_ForceToMultiPolygon(built)
        }
    }

    /// Adds one point (x = longitude, y = latitude, EPSG:4326) to `layer`, a point layer.
    @discardableResult
    public func add(point: Point, values: [FieldValue?], layer: Int) throws -> Int64 {
        try add(values: values, layer: layer) {
            // OGR_G_CreateGeometry returns an owned empty geometry, NULL when out of memory;
            // OGR_G_SetPoint_2D returns nothing.
            guard let g = OGR_G_CreateGeometry(wkbPoint) else { return nil }
            OGR_G_SetPoint_2D(g, 0, point.x, point.y)
            return g
        }
    }

    /// Writes one feature of `layer` with `values` and the owned geometry `makeGeometry` returns.
    private func add(values: [FieldValue?], layer i: Int, _ makeGeometry: () -> OGRGeometryH?) throws -> Int64 {
        guard dataset != nil else { throw LastmileError.failed("GeoPackage \(path): add after close") }
        let definition = layers[i]
        guard values.count == definition.fields.count else {
            throw LastmileError.failed(
                "GeoPackage \(path), layer \(definition.name): \(values.count) values for \(definition.fields.count) fields"
            )
        }
        for (value, field) in zip(values, definition.fields) where value != nil && value!.kind != field.kind {
            throw LastmileError.failed(
                "GeoPackage \(path), field '\(field.name)' is \(field.kind.rawValue), "
                    + "got a \(value!.kind.rawValue) value")
        }
        let layer = handles[i]
        return try GDALRuntime.capturingErrors { log in
            // OGR_L_GetLayerDefn borrows the definition; OGR_F_Create returns an owned feature (OGR_F_Destroy).
            guard let feature = OGR_F_Create(OGR_L_GetLayerDefn(layer)) else {
                throw LastmileError.failed("OGR_F_Create failed: out of memory")
            }
            defer { OGR_F_Destroy(feature) }
            for (i, value) in values.enumerated() {
                let index = Int32(i)
                // The OGR_F_SetField* setters return nothing; values are copied.
                switch value {
                case nil: OGR_F_SetFieldNull(feature, index)
                case .string(let s)?: OGR_F_SetFieldString(feature, index, s)
                case .integer(let n)?: OGR_F_SetFieldInteger64(feature, index, n)
                case .real(let x)?: OGR_F_SetFieldDouble(feature, index, x)
                }
            }
            guard let geometry = makeGeometry() else { throw LastmileError.failed("cannot build an OGR geometry") }
            // OGR_G_AssignSpatialReference returns nothing; the geometry keeps a reference to the CRS.
            OGR_G_AssignSpatialReference(geometry, crs.handle)
            // OGR_F_SetGeometryDirectly takes ownership of the geometry (even on failure); OGRERR_NONE on success.
            guard OGR_F_SetGeometryDirectly(feature, geometry) == OGRERR_NONE else {
                throw LastmileError.io(
                    path: path, "cannot set a feature geometry: " + log.message(or: "OGR_F_SetGeometryDirectly failed"))
            }
            // OGR_L_CreateFeature returns OGRERR_NONE on success and sets the feature's FID.
            guard OGR_L_CreateFeature(layer, feature) == OGRERR_NONE else {
                throw LastmileError.io(
                    path: path,
                    "cannot write feature \(featureCounts[i] + 1) of layer \(definition.name): "
                        + log.message(or: "OGR_L_CreateFeature failed"))
            }
            featureCounts[i] += 1
            // OGR_F_GetFID returns the id assigned by the layer.
            return Int64(OGR_F_GetFID(feature))
        }
    }

    /// Commits the transaction, closes the GeoPackage (checking GDAL's errors while it flushes) and
    /// renames it to `path`. Calling it again does nothing.
    /// - Throws: `.io` naming `path` with GDAL's or the system's message; the temporary file is removed.
    public func close() throws {
        guard let ds = dataset else { return }
        dataset = nil
        try GDALRuntime.capturingErrors { log in
            // GDALDatasetCommitTransaction returns OGRERR_NONE on success.
            let committed = GDALDatasetCommitTransaction(ds) == OGRERR_NONE
            let failuresBeforeClose = log.failureCount
            // GDALClose returns nothing in GDAL 3.6: failures while flushing are raised as CPLErrors.
            GDALClose(ds)
            guard committed, log.failureCount == failuresBeforeClose else {
                GeoPackageWriter.removeTemporaryFiles(temporaryPath)
                throw LastmileError.io(
                    path: path,
                    (committed ? "closing the GeoPackage failed: " : "commit failed: ")
                        + log.message(or: "GDAL gave no reason"))
            }
        }
        // rename returns 0 on success, -1 with errno set; it replaces an existing file atomically.
        guard rename(temporaryPath, path) == 0 else {
            let reason = String(cString: strerror(errno))
            GeoPackageWriter.removeTemporaryFiles(temporaryPath)
            throw LastmileError.io(path: path, "cannot move the finished GeoPackage into place: \(reason)")
        }
    }

    /// Runs SQL statements on the open GeoPackage (SQLite's dialect, in the write transaction); a
    /// statement that returns rows has them discarded.
    /// - Throws: `.failed` after `close()`; `.io` naming `path` with SQLite's message when one fails.
    func execute(_ statements: [String]) throws {
        guard let ds = dataset else { throw LastmileError.failed("GeoPackage \(path): SQL after close") }
        try GDALRuntime.capturingErrors { log in
            for sql in statements {
                let before = log.failureCount
                // GDALDatasetExecuteSQL returns a result layer to release, NULL for statements without rows.
                if let result = GDALDatasetExecuteSQL(ds, sql, nil, nil) { GDALDatasetReleaseResultSet(ds, result) }
                guard log.failureCount == before else {
                    throw LastmileError.io(
                        path: path, "cannot write \(sql.prefix(60))…: " + log.message(or: "SQLite gave no reason"))
                }
            }
        }
    }

    /// Removes the temporary GeoPackage and any SQLite side files.
    private static func removeTemporaryFiles(_ temporary: String) {
        for suffix in ["", "-journal", "-wal", "-shm"] {
            try? FileManager.default.removeItem(atPath: temporary + suffix)
        }
    }

    deinit {
        guard let ds = dataset else { return }
        // Never closed: discard. GDALClose returns nothing; its messages are captured, not printed.
        GDALRuntime.capturingErrors { _ in GDALClose(ds) }
        GeoPackageWriter.removeTemporaryFiles(temporaryPath)
    }
}
