import CGDAL
import GeoModel

/// An owned OGR spatial reference (`OGRSpatialReferenceH`), always in traditional GIS axis order
/// (x = easting/longitude) when this module creates it.
final class SpatialReference {
    let handle: OGRSpatialReferenceH

    /// Creates a CRS from anything `OSRSetFromUserInput` understands ("EPSG:5070", a PROJ string, WKT).
    /// - Throws: `LastmileError.usage` with GDAL's message when the text is not a CRS.
    init(userInput: String) throws {
        handle = try GDALRuntime.capturingErrors { log in
            // OSRNewSpatialReference returns NULL only when out of memory.
            guard let srs = OSRNewSpatialReference(nil) else {
                throw LastmileError.failed("OSRNewSpatialReference failed: out of memory")
            }
            // OSRSetFromUserInput returns OGRERR_NONE on success.
            guard OSRSetFromUserInput(srs, userInput) == OGRERR_NONE else {
                // OSRDestroySpatialReference returns nothing; the handle is not yet owned by self.
                OSRDestroySpatialReference(srs)
                throw LastmileError.usage(
                    "'\(userInput)' is not a coordinate reference system GDAL understands: "
                        + log.message(or: "OSRSetFromUserInput failed"))
            }
            // OSRSetAxisMappingStrategy returns nothing. Without it EPSG:4326 would be lat/lon.
            OSRSetAxisMappingStrategy(srs, OAMS_TRADITIONAL_GIS_ORDER)
            return srs
        }
    }

    /// Takes a copy of a borrowed CRS (e.g. a layer's), keeping its axis mapping.
    init?(cloning borrowed: OGRSpatialReferenceH?) {
        // OSRClone returns a new reference (owned by the caller) or NULL on failure.
        guard let borrowed, let copy = OSRClone(borrowed) else { return nil }
        handle = copy
    }

    /// Whether both describe the same CRS (ignoring metadata such as names).
    func isSame(as other: SpatialReference) -> Bool {
        // OSRIsSame returns TRUE (1) when the two CRSs are equivalent.
        OSRIsSame(handle, other.handle) != 0
    }

    /// True for projected CRSs (metres or feet), false for geographic ones.
    var isProjected: Bool {
        // OSRIsProjected returns TRUE (1) for a projected CRS.
        OSRIsProjected(handle) != 0
    }

    /// Metres per unit of the linear (projected) axes.
    var metresPerLinearUnit: Double {
        // OSRGetLinearUnits returns the unit's size in metres (1.0 when undefined); the name is not needed.
        OSRGetLinearUnits(handle, nil)
    }

    /// The CRS's name from its WKT ("NAD83", "NAD83 / Conus Albers"), nil when it has none.
    var name: String? {
        // OSRGetName returns a borrowed string or NULL.
        guard let p = OSRGetName(handle) else { return nil }
        let s = String(cString: p)
        return s.isEmpty || s == "unknown" ? nil : s
    }

    /// The authority and code ("EPSG", "4269"), identifying it from the EPSG database when the
    /// definition carries none (e.g. ESRI WKT from a shapefile's .prj).
    var authorityAndCode: (authority: String, code: String)? {
        if let found = rootAuthority(of: handle) { return found }
        guard let copy = SpatialReference(cloning: handle) else { return nil }
        // OSRAutoIdentifyEPSG returns OGRERR_NONE when it could add an EPSG authority to the copy.
        guard OSRAutoIdentifyEPSG(copy.handle) == OGRERR_NONE else { return nil }
        return rootAuthority(of: copy.handle)
    }

    private func rootAuthority(of srs: OGRSpatialReferenceH) -> (authority: String, code: String)? {
        // OSRGetAuthorityName / OSRGetAuthorityCode return borrowed strings or NULL (NULL key = root node).
        guard let name = OSRGetAuthorityName(srs, nil), let code = OSRGetAuthorityCode(srs, nil) else { return nil }
        return (String(cString: name), String(cString: code))
    }

    deinit {
        // OSRRelease returns nothing; it frees the reference once no dataset holds it.
        OSRRelease(handle)
    }
}

/// An owned OGR coordinate transformation between two CRSs.
final class CoordinateTransform {
    let handle: OGRCoordinateTransformationH
    /// Kept alive while the transformation exists (it refers to them).
    private let source: SpatialReference
    private let target: SpatialReference

    /// - Throws: `LastmileError.failed` with GDAL's message when PROJ has no path between the CRSs.
    init(from source: SpatialReference, to target: SpatialReference) throws {
        self.source = source
        self.target = target
        handle = try GDALRuntime.capturingErrors { log in
            // OCTNewCoordinateTransformation returns NULL when no transformation can be built.
            guard let ct = OCTNewCoordinateTransformation(source.handle, target.handle) else {
                throw LastmileError.failed(
                    "cannot transform from \(source.name ?? "the source CRS") to "
                        + "\(target.name ?? "the target CRS"): "
                        + log.message(or: "OCTNewCoordinateTransformation failed"))
            }
            return ct
        }
    }

    deinit {
        // OCTDestroyCoordinateTransformation returns nothing.
        OCTDestroyCoordinateTransformation(handle)
    }
}

/// Checks a coordinate reference system a planner wrote (`report.crs`) before anything is read.
public enum CoordinateReferenceSystem {
    /// Nil when GDAL understands `text` as a CRS, else why not, in GDAL's own words.
    public static func problem(with text: String) -> String? {
        do {
            _ = try SpatialReference(userInput: text)
            return nil
        } catch let LastmileError.usage(message) {
            return message
        } catch {
            return "\(error)"
        }
    }
}

extension SpatialReference {
    /// The CRS an area or length is measured in: any text `OSRSetFromUserInput` understands, which
    /// must be a projected CRS in metres.
    /// - Throws: `LastmileError.usage` for any other CRS.
    static func equalArea(_ text: String) throws -> SpatialReference {
        let crs = try SpatialReference(userInput: text)
        guard crs.isProjected, abs(crs.metresPerLinearUnit - 1) < 1e-12 else {
            throw LastmileError.usage(
                "equal-area CRS '\(text)' must be a projected CRS in metres"
                    + (crs.name.map { " (it is \($0))" } ?? ""))
        }
        return crs
    }
}
