import CGDAL
import Foundation

extension GeoPackageWriter {
    /// A column's title and description for the GeoPackage schema extension (`gpkg_data_columns`): the
    /// title goes to `name` (GDAL's alternative name, QGIS's field alias) and `title`, the description
    /// to `description`. Titles must differ within a layer (the extension's unique constraint).
    public struct ColumnDescription: Hashable, Sendable {
        public var column: String
        public var title: String
        public var description: String
        public init(column: String, title: String, description: String) {
            self.column = column; self.title = title; self.description = description
        }
    }

    /// A style of a layer in QGIS's `layer_styles` table (QML and SLD), the table QGIS reads a
    /// GeoPackage layer's styles from; the default one is applied when the layer is opened.
    public struct LayerStyle: Hashable, Sendable {
        public var layer: String
        public var name: String
        public var qml: String
        public var sld: String
        public var isDefault: Bool
        public var description: String
        public init(layer: String, name: String, qml: String, sld: String, isDefault: Bool, description: String) {
            self.layer = layer; self.name = name; self.qml = qml; self.sld = sld; self.isDefault = isDefault
            self.description = description
        }
    }

    /// Writes the columns' titles and descriptions of `layer` into `gpkg_data_columns` (created, with its
    /// `gpkg_schema` registration in `gpkg_extensions`, when absent), in the write transaction.
    /// - Throws: `.io` naming the file with SQLite's message.
    public func describe(_ columns: [ColumnDescription], layer: String) throws {
        var sql = [
            """
            CREATE TABLE IF NOT EXISTS gpkg_extensions (table_name TEXT, column_name TEXT, extension_name TEXT NOT NULL,
              definition TEXT NOT NULL, scope TEXT NOT NULL, CONSTRAINT ge_tce UNIQUE (table_name, column_name, extension_name))
            """,
            """
            CREATE TABLE IF NOT EXISTS gpkg_data_columns (table_name TEXT NOT NULL, column_name TEXT NOT NULL, name TEXT,
              title TEXT, description TEXT, mime_type TEXT, constraint_name TEXT,
              CONSTRAINT pk_gdc PRIMARY KEY (table_name, column_name),
              CONSTRAINT gdc_tn UNIQUE (table_name, name))
            """,
            """
            CREATE TABLE IF NOT EXISTS gpkg_data_column_constraints (constraint_name TEXT NOT NULL,
              constraint_type TEXT NOT NULL, value TEXT, min NUMERIC, min_is_inclusive BOOLEAN, max NUMERIC,
              max_is_inclusive BOOLEAN, description TEXT,
              CONSTRAINT gdcc_ntv UNIQUE (constraint_name, constraint_type, value))
            """,
        ]
        for table in ["gpkg_data_columns", "gpkg_data_column_constraints"] {
            sql.append(
                "INSERT OR IGNORE INTO gpkg_extensions VALUES (\(Self.literal(table)), NULL, 'gpkg_schema', 'http://www.geopackage.org/spec121/#extension_schema', 'read-write')"
            )
        }
        for c in columns {
            sql.append(
                "INSERT OR REPLACE INTO gpkg_data_columns (table_name, column_name, name, title, description) VALUES (\(Self.literal(layer)), \(Self.literal(c.column)), \(Self.literal(c.title)), \(Self.literal(c.title)), \(Self.literal(c.description)))"
            )
        }
        try execute(sql)
    }

    /// Adds `styles` to `layer_styles` (created as QGIS creates it, and listed in `gpkg_contents` as an
    /// attributes table, when absent), in the write transaction.
    /// - Throws: `.io` naming the file with SQLite's message.
    public func addStyles(_ styles: [LayerStyle], geometryColumn: String = "geom") throws {
        var sql = [
            """
            CREATE TABLE IF NOT EXISTS layer_styles (id INTEGER PRIMARY KEY AUTOINCREMENT, f_table_catalog TEXT(256),
              f_table_schema TEXT(256), f_table_name TEXT(256), f_geometry_column TEXT(256), styleName TEXT(30),
              styleQML TEXT, styleSLD TEXT, useAsDefault BOOLEAN, description TEXT, owner TEXT(30), ui TEXT(30),
              update_time DATETIME DEFAULT CURRENT_TIMESTAMP)
            """,
            """
            INSERT OR IGNORE INTO gpkg_contents (table_name, data_type, identifier, description, last_change)
              VALUES ('layer_styles', 'attributes', 'layer_styles', 'QGIS layer styles (QML and SLD)', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
            """,
        ]
        for s in styles {
            sql.append(
                "INSERT INTO layer_styles (f_table_catalog, f_table_schema, f_table_name, f_geometry_column, styleName, styleQML, styleSLD, useAsDefault, description, owner, update_time) VALUES ('', '', \(Self.literal(s.layer)), \(Self.literal(geometryColumn)), \(Self.literal(s.name)), \(Self.literal(s.qml)), \(Self.literal(s.sld)), \(s.isDefault ? 1 : 0), \(Self.literal(s.description)), 'Lastmile', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))"
            )
        }
        try execute(sql)
    }

    /// An SQL string literal: in single quotes, each quote doubled.
    static func literal(_ s: String) -> String { "'" + s.replacingOccurrences(of: "'", with: "''") + "'" }
}
