import CGDAL
import GeoModel

/// Process-wide GDAL set-up: drivers registered once, thread-safely.
enum GDALRuntime {
    private static let registered: Bool = {
        // GDALAllRegister has no return value; it is idempotent but not thread-safe, hence the static let.
        GDALAllRegister()
        return true
    }()

    static func ensureRegistered() { _ = registered }

    /// The message of the last GDAL error on this thread, or a fallback.
    static func lastErrorMessage(or fallback: String) -> String {
        guard let p = CPLGetLastErrorMsg(), p.pointee != 0 else { return fallback }
        return String(cString: p)
    }
}
