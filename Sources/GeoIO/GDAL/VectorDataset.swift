import CGDAL
import Foundation
import GeoModel

/// An open, read-only GDAL vector dataset (`GDALDatasetH`), closed in `deinit`.
///
/// Layers (`OGRLayerH`) borrowed from it are only used while this object is alive.
final class VectorDataset {
    let handle: GDALDatasetH
    /// The user's path, used in every message.
    let displayName: String

    /// Opens `path` read-only. A plain `.zip` is opened through `/vsizip/`, a plain `.gz` through
    /// `/vsigzip/`; `/vsi…` paths are passed as they are.
    /// - Throws: `.io` when the file does not exist; `.badInput` naming the file when it exists but GDAL
    ///   cannot open it as vector data.
    init(path: String) throws {
        let gdalPath = VectorDataset.gdalPath(for: path)
        displayName = path
        try VectorDataset.checkExists(path: path, gdalPath: gdalPath)
        handle = try GDALRuntime.capturingErrors { log in
            let flags = UInt32(GDAL_OF_VECTOR | GDAL_OF_READONLY | GDAL_OF_VERBOSE_ERROR)
            // GDALOpenEx returns an owned dataset, or NULL when no vector driver accepts the file.
            guard let ds = GDALOpenEx(gdalPath, flags, nil, nil, nil) else {
                throw LastmileError.badInput(
                    SourceLocation(file: path),
                    "GDAL cannot open this as vector data: "
                        + log.message(or: "no vector driver recognises the file"))
            }
            // GDAL drivers (GeoJSON, Shapefile) fall back to a default CRS when PROJ does not know the
            // file's CRS, reporting it only as an error message: refuse the file instead of guessing.
            if let unknown = log.failures.first(where: { $0.contains("proj_create") || $0.contains("crs not found") }) {
                // GDALClose returns nothing in GDAL 3.6; a read-only dataset has nothing to flush.
                GDALClose(ds)
                throw LastmileError.badInput(
                    SourceLocation(file: path),
                    "unknown CRS: PROJ does not know the coordinate reference system the file names (\(unknown)); give it a known one, e.g. ogr2ogr -a_srs EPSG:4269"
                )
            }
            return ds
        }
    }

    /// The GDAL path to open for a user's path.
    static func gdalPath(for path: String) -> String {
        if path.hasPrefix("/vsi") { return path }
        let lower = path.lowercased()
        if lower.hasSuffix(".zip") { return "/vsizip/" + path }
        if lower.hasSuffix(".gz") { return "/vsigzip/" + path }
        return path
    }

    /// Throws `.io` when nothing exists at `path`; `.badInput` when a `/vsi…` path points into an archive
    /// that exists but does not hold the member.
    private static func checkExists(path: String, gdalPath: String) throws {
        if !path.hasPrefix("/vsi") {
            guard FileManager.default.fileExists(atPath: path) else {
                throw LastmileError.io(path: path, "no such file")
            }
            return
        }
        if VectorDataset.vsiExists(gdalPath) { return }
        if let real = VirtualPath.realFile(under: gdalPath) {
            throw LastmileError.badInput(
                SourceLocation(file: path),
                "'\(real)' exists but the path inside it cannot be read")
        }
        throw LastmileError.io(path: path, "no such file")
    }

    /// Whether a GDAL virtual path exists.
    static func vsiExists(_ gdalPath: String) -> Bool {
        // VSIStatBufL (struct stat64) is imported as an opaque type: give VSIStatExL generous raw storage
        // (struct stat64 is 144 bytes on x86_64 and arm64 Linux).
        let storage = UnsafeMutableRawPointer.allocate(byteCount: 512, alignment: 16)
        defer { storage.deallocate() }
        // VSIStatExL returns 0 when the (virtual) path exists.
        return VSIStatExL(gdalPath, OpaquePointer(storage), VSI_STAT_EXISTS_FLAG) == 0
    }

    /// The driver's short name ("GPKG", "ESRI Shapefile", "GeoJSON", "CSV").
    var driverName: String {
        // GDALGetDatasetDriver borrows the driver; GDALGetDriverShortName returns a borrowed string.
        guard let driver = GDALGetDatasetDriver(handle), let name = GDALGetDriverShortName(driver) else { return "" }
        return String(cString: name)
    }

    /// The borrowed layers, in dataset order.
    var layers: [OGRLayerH] {
        // GDALDatasetGetLayerCount returns the number of layers; GDALDatasetGetLayer borrows layer i.
        (0..<GDALDatasetGetLayerCount(handle)).compactMap { GDALDatasetGetLayer(handle, $0) }
    }

    /// The layer named `name`, or the only layer when `name` is nil.
    /// - Throws: `.badInput` naming the file and listing its layers when there is no such layer, or
    ///   when `name` is nil and the file has several.
    func layer(named name: String?) throws -> OGRLayerH {
        let all = layers
        let names = all.map(VectorDataset.name(of:))
        if let name {
            if let i = names.firstIndex(of: name) { return all[i] }
            throw LastmileError.badInput(
                SourceLocation(file: displayName),
                "no layer '\(name)'; layers: \(names.joined(separator: ", "))")
        }
        guard all.count == 1 else {
            throw LastmileError.badInput(
                SourceLocation(file: displayName),
                all.isEmpty
                    ? "the file has no layers"
                    : "the file has \(all.count) layers, name one of: \(names.joined(separator: ", "))")
        }
        return all[0]
    }

    static func name(of layer: OGRLayerH) -> String {
        // OGR_L_GetName returns a borrowed string.
        OGR_L_GetName(layer).map { String(cString: $0) } ?? ""
    }

    /// The layer's fields, in order (index = OGR field index).
    static func fields(of layer: OGRLayerH) -> [FieldDescription] {
        // OGR_L_GetLayerDefn borrows the definition; OGR_FD_GetFieldDefn borrows field i.
        guard let defn = OGR_L_GetLayerDefn(layer) else { return [] }
        return (0..<OGR_FD_GetFieldCount(defn)).compactMap { i in
            guard let field = OGR_FD_GetFieldDefn(defn, i) else { return nil }
            // OGR_Fld_GetNameRef / OGR_GetFieldTypeName / OGR_GetFieldSubTypeName return borrowed strings.
            let subtype = OGR_Fld_GetSubType(field)
            return FieldDescription(
                name: OGR_Fld_GetNameRef(field).map { String(cString: $0) } ?? "",
                type: OGR_GetFieldTypeName(OGR_Fld_GetType(field)).map { String(cString: $0) } ?? "",
                subtype: subtype == OFSTNone ? nil : OGR_GetFieldSubTypeName(subtype).map { String(cString: $0) })
        }
    }

    /// The layer's extent in its own CRS, scanning the features when needed; nil when empty.
    static func extent(of layer: OGRLayerH) -> BoundingBox? {
        var envelope = OGREnvelope()
        // OGR_L_GetExtent returns OGRERR_NONE on success (an error for layers without geometry).
        guard OGR_L_GetExtent(layer, &envelope, 1) == OGRERR_NONE else { return nil }
        let box = BoundingBox(minX: envelope.MinX, minY: envelope.MinY, maxX: envelope.MaxX, maxY: envelope.MaxY)
        return box.isEmpty ? nil : box
    }

    deinit {
        // GDALClose returns nothing in GDAL 3.6; a read-only dataset has nothing to flush.
        GDALClose(handle)
    }
}
