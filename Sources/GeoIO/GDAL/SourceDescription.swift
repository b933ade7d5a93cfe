import GeoModel

/// What a vector source holds, for `lastmile inspect`: driver and, per layer, geometry type, CRS,
/// fields, feature count and extent. Encodes to JSON.
public struct SourceDescription: Hashable, Sendable, Codable {
    /// The path as the user gave it.
    public var path: String
    /// GDAL's short driver name ("GPKG", "ESRI Shapefile", "GeoJSON", "CSV").
    public var driver: String
    public var layers: [LayerDescription]
    /// GDAL warnings raised while reading the description.
    public var warnings: [String]

    public init(path: String, driver: String, layers: [LayerDescription], warnings: [String] = []) {
        self.path = path; self.driver = driver; self.layers = layers; self.warnings = warnings
    }
}

/// One layer of a vector source.
public struct LayerDescription: Hashable, Sendable, Codable {
    public var name: String
    /// OGR's geometry type name ("Polygon", "Multi Polygon", "Unknown (any)", "None").
    public var geometryType: String
    /// The layer's CRS, nil when it declares none (CSV).
    public var crs: CRSDescription?
    public var fields: [FieldDescription]
    public var featureCount: Int
    /// Extent in the layer's own CRS (x = easting/longitude), nil for an empty layer or one without geometry.
    public var extent: BoundingBox?

    public init(
        name: String, geometryType: String, crs: CRSDescription?, fields: [FieldDescription],
        featureCount: Int, extent: BoundingBox?
    ) {
        self.name = name; self.geometryType = geometryType; self.crs = crs; self.fields = fields
        self.featureCount = featureCount; self.extent = extent
    }

    /// The field named `name`, if any.
    public func field(named name: String) -> FieldDescription? { fields.first { $0.name == name } }
}

/// A coordinate reference system as a planner would name it.
public struct CRSDescription: Hashable, Sendable, Codable {
    /// The EPSG code when the CRS is (or matches) an EPSG one.
    public var epsg: Int?
    /// "AUTHORITY:CODE" ("EPSG:4269", "ESRI:102003") when known.
    public var identifier: String?
    /// The name from the definition ("NAD83", "WGS 84", "NAD83 / Conus Albers").
    public var name: String?

    public init(epsg: Int?, identifier: String?, name: String?) {
        self.epsg = epsg; self.identifier = identifier; self.name = name
    }
}

/// A field (attribute column) of a layer.
public struct FieldDescription: Hashable, Sendable, Codable {
    public var name: String
    /// OGR's type name: String, Integer, Integer64, Real, Date, Time, DateTime, Binary, StringList…
    public var type: String
    /// OGR's subtype name when there is one (Boolean, Int16, Float32, JSON, UUID).
    public var subtype: String?

    public init(name: String, type: String, subtype: String? = nil) {
        self.name = name; self.type = type; self.subtype = subtype
    }
}
