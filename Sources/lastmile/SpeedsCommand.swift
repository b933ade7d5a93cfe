import ArgumentParser
import Foundation
import LastmileKit

struct Speeds: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Sum Ookla's open speed-test tiles per area of any polygon layer: tests, devices, measured speeds.",
        discussion: """
            A tile belongs to the area that contains its centroid (the convention of Ookla's own aggregation \
            tutorials). Per area: tiles, tests, devices, the tests-weighted mean download, upload and latency, and the \
            share of tests in tiles whose average is below 25/3 and below 100/20. Every row carries the quarter and \
            Ookla's CC BY-NC-SA 4.0 attribution; stderr says how many tiles fell outside every area.

            Example: lastmile speeds /vsizip/2023-10-01_performance_fixed_tiles.zip --areas tracts.gpkg --id GEOID
            """)

    @Argument(
        help:
            "Ookla tiles in any GDAL vector format (the published shapefile zip through /vsizip/, GeoJSON, GeoPackage)."
    )
    var tiles: String

    @Option(name: .customLong("tiles-layer"), help: "The tiles' layer (default: the only or first layer).")
    var tilesLayer: String?

    @Option(help: "The polygon layer of the areas (any GDAL vector source).")
    var areas: String

    @Option(name: .customLong("areas-layer"), help: "The areas' layer (default: the only or first layer).")
    var areasLayer: String?

    @Option(help: "The column holding each area's id (GEOID; for GeoJSON the feature id is the column 'id').")
    var id: String

    @Option(help: "The table as CSV or JSON.")
    var format: CSVOrJSON = .csv

    @OptionGroup var common: CommonOptions

    func run() throws {
        try reportingErrors {
            let (shapes, join) = try SpeedTable.join(
                tiles: tiles, tilesLayer: tilesLayer, areas: areas, areasLayer: areasLayer, idField: id)
            Console.out(try SpeedTable.text(areas: shapes, join: join, tiles: tiles, json: format == .json))
            if !common.quiet {
                Console.error(
                    "lastmile: " + SpeedTable.note(tiles: tiles, read: join.tilesRead, outside: join.tilesOutside))
            }
        }
    }
}
