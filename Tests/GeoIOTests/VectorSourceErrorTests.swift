import Foundation
import GeoIO
import GeoModel
import TestSupport
import Testing

@Suite struct VectorSourceErrorTests {
    /// A GeoJSON FeatureCollection (lon/lat) with the given features' JSON.
    static func featureCollection(_ features: [String]) -> String {
        "{\"type\":\"FeatureCollection\",\"features\":[\(features.joined(separator: ","))]}"
    }

    static func square(_ id: String, x: Double) -> String {
        "{\"type\":\"Feature\",\"properties\":{\"GEOID\":\"\(id)\"},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":"
            + "[[[\(x),44],[\(x + 0.1),44],[\(x + 0.1),44.1],[\(x),44.1],[\(x),44]]]}}"
    }

    /// Runs `body` expecting `LastmileError.badInput`; returns its location and message.
    static func badInput(_ body: () throws -> Void, sourceLocation: Testing.SourceLocation = #_sourceLocation)
        -> (GeoModel.SourceLocation, String)?
    {
        do {
            try body()
            Issue.record("expected badInput, nothing was thrown", sourceLocation: sourceLocation)
        } catch let LastmileError.badInput(at, message) {
            return (at, message)
        } catch {
            Issue.record("expected badInput, got \(error)", sourceLocation: sourceLocation)
        }
        return nil
    }

    /// Writes `features` as the FeatureCollection `name` in `dir` and reads its areas (id field GEOID),
    /// expecting `LastmileError.badInput`; returns its location and message.
    static func refusal(
        _ name: String, _ features: [String], in dir: TemporaryDirectory,
        sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) throws -> (GeoModel.SourceLocation, String)? {
        let path = try dir.write(name, featureCollection(features))
        return badInput(
            { _ = try VectorSource.readAreas(path: path, idField: "GEOID") }, sourceLocation: sourceLocation)
    }

    @Test func missingFileIsAnIOError() throws {
        let dir = try TemporaryDirectory()
        let missing = dir.file("nope.gpkg")
        for call in [
            { _ = try VectorSource.describe(path: missing) },
            { _ = try VectorSource.readAreas(path: missing, idField: "GEOID") },
            { _ = try VectorSource.describe(path: "/vsizip/" + dir.file("nope.zip") + "/a.shp") },
        ] {
            do {
                try call()
                Issue.record("expected an io error")
            } catch let error as LastmileError {
                guard case .io(let path, _) = error else {
                    Issue.record("got \(error)")
                    continue
                }
                #expect(path.contains("nope."))
                #expect(error.exitCode == 74)
            }
        }
    }

    @Test func nonVectorTextFileIsBadInputNamingTheFile() throws {
        let dir = try TemporaryDirectory()
        let notes = try dir.write("notes.txt", "These are meeting notes, not a map.\nSecond line.\n")
        let found = Self.badInput { _ = try VectorSource.describe(path: notes) }
        #expect(found?.0.file == notes)
        #expect(found?.1.contains("GDAL cannot open this as vector data") == true)
        #expect(LastmileError.badInput(found!.0, found!.1).description.hasPrefix(notes))
    }

    @Test func missingIdColumnNamesItAndListsTheColumns() throws {
        let path = TestPaths.realData("tiger-tracts-hawaii/tracts_2015_st15.geojson")
        let found = Self.badInput { _ = try VectorSource.readAreas(path: path, idField: "TRACT_ID") }
        #expect(found?.0.file == path)
        #expect(found?.0.column == "TRACT_ID")
        #expect(found?.1.contains("no column 'TRACT_ID'") == true)
        #expect(found?.1.contains("GEOID, NAME, NAMELSAD") == true)
        // A missing name column is reported the same way.
        let name = Self.badInput { _ = try VectorSource.readAreas(path: path, idField: "GEOID", nameField: "LABEL") }
        #expect(name?.0.column == "LABEL")
    }

    @Test func duplicateIdsNameBothFeatures() throws {
        let dir = try TemporaryDirectory()
        let found = try Self.refusal(
            "dup.geojson",
            [Self.square("23001", x: -70), Self.square("23003", x: -69.8), Self.square("23001", x: -69.6)], in: dir)
        #expect(found?.0.feature == 3)
        #expect(found?.1.contains("duplicate id '23001'") == true)
        #expect(found?.1.contains("features 1 and 3") == true)
    }

    @Test func missingOrEmptyGeometryNamesTheFeature() throws {
        let dir = try TemporaryDirectory()
        let found = try Self.refusal(
            "null.geojson",
            [Self.square("1", x: -70), "{\"type\":\"Feature\",\"properties\":{\"GEOID\":\"2\"},\"geometry\":null}"],
            in: dir)
        #expect(found?.0.feature == 2)
        #expect(found?.1.contains("no geometry") == true)

        // GeoJSON "coordinates": [] reads as no geometry at all; WKT in a CSV keeps an empty polygon.
        let emptyGeometry = try dir.write(
            "empty.csv", "GEOID,WKT\n1,\"POLYGON ((-70 44,-69.9 44,-69.9 44.1,-70 44))\"\n2,POLYGON EMPTY\n")
        let empty = Self.badInput { _ = try VectorSource.readAreas(path: emptyGeometry, idField: "GEOID") }
        #expect(empty?.0.feature == 2)
        #expect(empty?.1.contains("empty geometry") == true)
    }

    @Test func nonPolygonGeometryNamesTheFeatureAndExpectedType() throws {
        let dir = try TemporaryDirectory()
        let found = try Self.refusal(
            "points.geojson",
            [
                Self.square("1", x: -70),
                "{\"type\":\"Feature\",\"properties\":{\"GEOID\":\"2\"},\"geometry\":{\"type\":\"LineString\",\"coordinates\":[[-70,44],[-69,45]]}}",
            ], in: dir)
        #expect(found?.0.feature == 2)
        #expect(found?.1.contains("Line String") == true)
        #expect(found?.1.contains("expected Polygon or MultiPolygon") == true)
    }

    @Test func emptyIdIsBadInput() throws {
        let dir = try TemporaryDirectory()
        let found = try Self.refusal("blank.geojson", [Self.square("1", x: -70), Self.square(" ", x: -69)], in: dir)
        #expect(found?.0.feature == 2)
        #expect(found?.0.column == "GEOID")
    }

    @Test func csvWithoutCRSIsLonLatWhenItFits() throws {
        let dir = try TemporaryDirectory()
        let lonLat = try dir.write(
            "lonlat.csv",
            "GEOID,WKT\n23001,\"POLYGON ((-70 44,-69.9 44,-69.9 44.1,-70 44.1,-70 44))\"\n")
        let areas = try VectorSource.readAreas(path: lonLat, idField: "GEOID")
        #expect(areas.map(\.id.rawValue) == ["23001"])
        #expect(areas[0].geographicGeometry.boundingBox == BoundingBox(minX: -70, minY: 44, maxX: -69.9, maxY: 44.1))

        let metres = try dir.write(
            "metres.csv",
            "GEOID,WKT\n23001,\"POLYGON ((2000000 2600000,2001000 2600000,2001000 2601000,2000000 2600000))\"\n")
        let found = Self.badInput { _ = try VectorSource.readAreas(path: metres, idField: "GEOID") }
        #expect(found?.0.file == metres)
        #expect(found?.1.contains("no CRS") == true)
    }

    @Test func landAreaFromATextColumnIsParsedOrRejected() throws {
        let dir = try TemporaryDirectory()
        let square = "\"POLYGON ((-70 44,-69.9 44,-69.9 44.1,-70 44.1,-70 44))\""
        let good = try dir.write("good.csv", "GEOID,ALAND,WKT\n23001,1250.5,\(square)\n23003,,\(square)\n")
        let areas = try VectorSource.readAreas(path: good, idField: "GEOID")
        #expect(areas.map(\.landAreaSquareMetres) == [1250.5, nil])  // CSV fields are text; empty = no value
        let bad = try dir.write("bad.csv", "GEOID,ALAND,WKT\n23001,12 acres,\(square)\n")
        let found = Self.badInput { _ = try VectorSource.readAreas(path: bad, idField: "GEOID") }
        #expect(found?.0.feature == 1)
        #expect(found?.0.column == "ALAND")
        #expect(found?.1.contains("'12 acres'") == true)
    }
}
