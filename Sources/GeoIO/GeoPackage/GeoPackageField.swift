/// A column of a GeoPackage layer written by `GeoPackageWriter`.
public struct FieldDefinition: Hashable, Sendable {
    /// The column types Lastmile writes (GDAL `OFTString`, `OFTInteger64`, `OFTReal`).
    public enum Kind: String, Hashable, Sendable {
        case string, integer64, real
    }

    public var name: String
    public var kind: Kind

    public init(name: String, kind: Kind) { self.name = name; self.kind = kind }

    public static func string(_ name: String) -> FieldDefinition { FieldDefinition(name: name, kind: .string) }
    public static func integer64(_ name: String) -> FieldDefinition { FieldDefinition(name: name, kind: .integer64) }
    public static func real(_ name: String) -> FieldDefinition { FieldDefinition(name: name, kind: .real) }
}

/// One value of a feature written by `GeoPackageWriter`; `nil` in the values array writes NULL.
public enum FieldValue: Hashable, Sendable {
    case string(String)
    case integer(Int64)
    case real(Double)

    /// The column type this value fits.
    public var kind: FieldDefinition.Kind {
        switch self {
        case .string: .string
        case .integer: .integer64
        case .real: .real
        }
    }
}
