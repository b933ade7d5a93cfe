import CGDAL
import GeoModel

/// Process-wide GDAL set-up: drivers registered once, thread-safely.
enum GDALRuntime {
    private static let registered: Bool = {
        // GDALAllRegister has no return value; it is idempotent but not thread-safe, hence the static let.
        GDALAllRegister()
        // GDAL 3.6 builds a GeoPackage layer's R-tree on a background thread once the layer is large; with
        // a second layer in the file (results.gpkg: areas and a million locations) that thread's temporary
        // database stays locked and closing fails ("DETACH DATABASE temp_rtree_… is locked"; GDAL pull
        // requests 6959 and 9685). The R-tree is then built when the layer is finished, on the writer's
        // thread. CPLSetConfigOption returns nothing.
        CPLSetConfigOption("OGR_GPKG_ALLOW_THREADED_RTREE", "NO")
        return true
    }()

    static func ensureRegistered() { _ = registered }

    /// The message of the last GDAL error on this thread, or a fallback.
    static func lastErrorMessage(or fallback: String) -> String {
        // CPLGetLastErrorMsg returns a borrowed, never-NULL string ("" when there was no error).
        guard let p = CPLGetLastErrorMsg(), p.pointee != 0 else { return fallback }
        return String(cString: p)
    }

    /// Runs `body` with an error handler that records every GDAL message raised on this thread
    /// during the call, instead of letting GDAL print them to stderr.
    ///
    /// The handler is a non-capturing C function that finds the log through the handler's user
    /// data (`CPLPushErrorHandlerEx`); it is popped before returning. `body` must be synchronous:
    /// the handler stack is per thread.
    static func capturingErrors<T>(_ body: (GDALErrorLog) throws -> T) rethrows -> T {
        ensureRegistered()
        let log = GDALErrorLog()
        let box = Unmanaged.passRetained(log)
        // CPLErrorReset and CPLPushErrorHandlerEx return nothing.
        CPLErrorReset()
        CPLPushErrorHandlerEx(
            { errorClass, _, message in
                // CPLGetErrorHandlerUserData returns the pointer given to CPLPushErrorHandlerEx.
                guard let data = CPLGetErrorHandlerUserData() else { return }
                let log = Unmanaged<GDALErrorLog>.fromOpaque(data).takeUnretainedValue()
                log.record(errorClass, message.map { String(cString: $0) } ?? "")
            }, box.toOpaque())
        defer {
            // CPLPopErrorHandler returns nothing.
            CPLPopErrorHandler()
            box.release()
        }
        return try body(log)
    }
}

/// GDAL messages raised during one call (see `GDALRuntime.capturingErrors`).
extension GDALRuntime {
    /// Reads every feature of `layer` from the start, calling `body` with the feature (owned by this
    /// loop, valid during the call), its 1-based position and the call's error log.
    /// - Throws: `.badInput` naming `file` and the feature when GDAL fails to read one; `body`'s errors.
    static func forEachFeature(
        of layer: OGRLayerH, file: String,
        _ body: (OGRFeatureH, Int, GDALErrorLog) throws -> Void
    ) throws {
        try capturingErrors { log in
            // OGR_L_ResetReading returns nothing.
            OGR_L_ResetReading(layer)
            var ordinal = 0
            while true {
                let failuresBefore = log.failureCount
                // OGR_L_GetNextFeature returns an owned feature (OGR_F_Destroy), NULL at the end or on error.
                guard let feature = OGR_L_GetNextFeature(layer) else {
                    if log.failureCount > failuresBefore {
                        throw LastmileError.badInput(
                            SourceLocation(file: file, feature: ordinal + 1),
                            "cannot read the feature: " + log.message(or: "read error"))
                    }
                    return
                }
                defer { OGR_F_Destroy(feature) }
                ordinal += 1
                try body(feature, ordinal, log)
            }
        }
    }
}

final class GDALErrorLog {
    /// Failure messages (`CE_Failure`, `CE_Fatal`), oldest first.
    private(set) var failures: [String] = []
    /// Warnings (`CE_Warning`), oldest first: these go to diagnostics, never to stderr directly.
    private(set) var warnings: [String] = []

    fileprivate func record(_ errorClass: CPLErr, _ message: String) {
        switch errorClass {
        case CE_Failure, CE_Fatal: failures.append(message)
        case CE_Warning: warnings.append(message)
        default: break  // CE_Debug / CE_None: not worth keeping.
        }
    }

    /// Number of failures recorded so far; compare before and after a call to see whether it failed.
    var failureCount: Int { failures.count }

    /// The failure messages, distinct, oldest first (falling back to GDAL's last error message, then
    /// to `fallback`).
    func message(or fallback: String) -> String {
        // Every distinct failure, the first (the cause: "GeoJSON object too complex/large. You may define
        // OGR_GEOJSON_MAX_OBJ_SIZE …") before the generic ones that follow it ("Failed to read GeoJSON data").
        var seen = Set<String>()
        let distinct = failures.filter { !$0.isEmpty && seen.insert($0).inserted }
        if !distinct.isEmpty { return distinct.joined(separator: "; ") }
        return GDALRuntime.lastErrorMessage(or: fallback)
    }
}
