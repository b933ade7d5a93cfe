import Foundation
import GeoIO
import GeoModel
import Ingest

/// `lastmile init`: a commented study file for the files found in a folder, recognised by content
/// (the same schema detection as `lastmile inspect`), not by name.
public enum StudyTemplate {
    /// What the folder holds, as far as a study is concerned.
    public struct Found: Sendable {
        /// FCC BDC availability files, relative to the folder.
        public var availability: [String] = []
        /// The area shapes: file, id field and the census level of its ids.
        public var areas: (path: String, idField: String, level: AreaLevel)?
        public var demographics: String?
        /// The census level of the ACS table's rows (its finest, when it mixes levels).
        public var demographicsLevel: AreaLevel?
        /// A location list (FCC Fabric layout) to use as the location universe.
        public var locations: String?
        /// A TIGER/Line roads layer (route miles, and the maps' roads) and an area-water layer (the maps' water).
        public var roads: String?
        public var water: String?
        /// The state the area shapes lie in, when they all lie in one.
        public var state: String?
        /// Files looked at and not used, with the reason.
        public var notes: [String] = []
    }

    /// Looks at every file in `directory` and in its immediate subfolders.
    /// - Throws: `.io` when the folder cannot be read.
    public static func scan(directory: String) throws -> Found {
        let fm = FileManager.default
        var isDir: ObjCBool = false
        guard fm.fileExists(atPath: directory, isDirectory: &isDir), isDir.boolValue else {
            throw LastmileError.io(path: directory, "no such folder")
        }
        var candidates: [String] = []
        for name in try fm.contentsOfDirectory(atPath: directory).sorted() where !name.hasPrefix(".") {
            let full = (directory as NSString).appendingPathComponent(name)
            var sub: ObjCBool = false
            if fm.fileExists(atPath: full, isDirectory: &sub), sub.boolValue {
                for inner in ((try? fm.contentsOfDirectory(atPath: full)) ?? []).sorted() where !inner.hasPrefix(".") {
                    candidates.append((name as NSString).appendingPathComponent(inner))
                }
            } else {
                candidates.append(name)
            }
        }
        let readable = ["csv", "gz", "zip", "gpkg", "geojson", "json", "shp"]
        var found = Found()
        for relative in candidates where readable.contains((relative as NSString).pathExtension.lowercased()) {
            if relative == "study.toml" { continue }
            let path = (directory as NSString).appendingPathComponent(relative)
            // A FIFO would block the scan and a link to a device never end: neither is opened.
            if let reason = FileKind.notRegularReason(path: path) {
                found.notes.append("\(relative): \(reason)")
                continue
            }
            guard let inspection = try? Inspection.inspect(path: path), let layer = inspection.layers.first else {
                found.notes.append("\(relative): not a table or layer Lastmile can read")
                continue
            }
            guard layer.schemaStatus == "matches" else {
                found.notes.append(
                    "\(relative): no known schema"
                        + (layer.schema.map {
                            " (almost \($0); missing \(layer.missingFields.joined(separator: ", ")))"
                        } ?? ""))
                continue
            }
            switch layer.schema {
            case KnownSchema.bdcFixedAvailability.displayName:
                found.availability.append(relative)
            case KnownSchema.acsDetailedTable.displayName, KnownSchema.acsSubjectTable.displayName:
                if found.demographics == nil {
                    found.demographics = relative
                    found.demographicsLevel = (try? ACSTable.read(path: path))?.profiles.keys.compactMap(\.level).max()
                } else {
                    found.notes.append("\(relative): a second ACS table (not used)")
                }
            case KnownSchema.locations.displayName:
                if found.locations == nil {
                    found.locations = relative
                } else {
                    found.notes.append("\(relative): a second location list (not used)")
                }
            case KnownSchema.tigerRoads.displayName where layer.geometryType != nil:
                if found.roads == nil {
                    found.roads = relative
                } else {
                    found.notes.append("\(relative): a second roads layer (not used)")
                }
            case KnownSchema.tigerAreaWater.displayName where layer.geometryType != nil:
                if found.water == nil {
                    found.water = relative
                } else {
                    found.notes.append("\(relative): a second water layer (not used)")
                }
            case KnownSchema.tigerLine.displayName where layer.geometryType != nil:
                let idField =
                    ["GEOID", "GEOID20", "GEOID10"].first { f in layer.fields.contains { $0.name == f } } ?? "GEOID"
                guard found.areas == nil, let features = try? VectorSource.readFeatures(path: path, idField: idField),
                    let level = features.first?.id.level
                else {
                    found.notes.append("\(relative): area shapes not used (a second layer, or ids that are not GEOIDs)")
                    continue
                }
                found.areas = (relative, idField, level)
                let states = Set(features.map { $0.id.rawValue.prefix(2) })
                if states.count == 1, let id = features.first?.id { found.state = StateName.of(id) }
            default:
                found.notes.append("\(relative): \(layer.schema ?? "unknown") is not a study input yet")
            }
        }
        return found
    }

    /// The area level the files support, and why, in words for the study file.
    public static func areaLevel(for found: Found) -> (level: AreaLevel, why: String, demographicsUsable: Bool) {
        let availability = "the availability files give each location's 2020 block, which rolls up to any level"
        guard let areas = found.areas else {
            if let d = found.demographics, let l = found.demographicsLevel {
                return (
                    l, "no area shapes were found; the ACS table (\(d)) is by \(l.displayName), and \(availability)",
                    true
                )
            }
            return (
                .tract,
                "no area shapes or ACS table were found, so tract (the finest level the ACS publishes most tables for); \(availability)",
                true
            )
        }
        var why =
            "the area shapes (\(areas.path)) have \(areas.level.geoidLength)-digit \(areas.level.displayName) GEOIDs; \(availability)"
        var usable = true
        if let d = found.demographics, let l = found.demographicsLevel {
            if l > areas.level {
                why += "; the ACS table (\(d)) is by \(l.displayName) and is summed up to \(areas.level.pluralName)"
            } else if l < areas.level {
                why +=
                    "; the ACS table (\(d)) is by \(l.displayName), coarser than the shapes, so it cannot be used (download it by \(areas.level.displayName))"
                usable = false
            } else {
                why += "; the ACS table (\(d)) is by \(l.displayName) too"
            }
        }
        return (areas.level, why, usable)
    }

    /// The study file text: every input found, every other key commented out with its default and source.
    public static func text(for found: Found, name: String) -> String {
        func quoted(_ s: String) -> String { StudyValue.string(s).description }
        let (level, why, demographicsUsable) = areaLevel(for: found)
        var lines = [
            "# Study file written by `lastmile init`. Paths are relative to this file.",
            "# Every key left commented out takes the default shown (with its source).",
            "",
            "[study]",
            "name = \(quoted(name))   # the report's title and cover: name the place",
            "area_level = \(quoted(level.rawValue))   # block | blockgroup | tract | county | state",
            "# area_level is \(level.rawValue) because " + why + ".",
            "",
            "[inputs]",
        ]
        if let areas = found.areas {
            lines.append("areas = \(quoted(areas.path))")
            lines.append("areas_id = \(quoted(areas.idField))")
        } else {
            lines.append(
                "# areas = \"tracts.gpkg\"   # REQUIRED for `lastmile run`: TIGER/Line shapes (none found here)")
        }
        if found.availability.isEmpty {
            lines.append("availability = []   # REQUIRED: FCC BDC fixed availability files (none found here)")
        } else {
            lines.append("availability = [" + found.availability.map(quoted).joined(separator: ", ") + "]")
        }
        if let d = found.demographics, demographicsUsable {
            lines.append("demographics = \(quoted(d))")
        } else if let d = found.demographics {
            lines.append("# demographics = \(quoted(d))   # coarser than the area shapes: see area_level above")
        } else {
            lines.append("# demographics = \"acs.csv\"   # ACS 5-year table (none found here)")
        }
        if let l = found.locations {
            lines.append(
                "locations = \(quoted(l))   # the location universe (Fabric layout; licensed: never copied into outputs)"
            )
        }
        if let r = found.roads {
            lines.append(
                "roads = \(quoted(r))   # road centrelines (TIGER/Line): measured route miles, and the maps' roads")
        }
        if let w = found.water {
            lines.append("water = \(quoted(w))   # area water (TIGER/Line AREAWATER), drawn on the maps")
        }
        var shown: Set<String> = [
            "study.name", "study.area_level", "inputs.areas", "inputs.areas_id",
            "inputs.availability", "inputs.demographics",
        ]
        if found.locations != nil { shown.insert("inputs.locations") }
        if found.roads != nil { shown.insert("inputs.roads") }
        if found.water != nil { shown.insert("inputs.water") }
        var section = ""
        for entry in StudyKeys.all.sorted(by: { $0.key < $1.key }) where !shown.contains(entry.key) {
            guard let table = entry.section?.rawValue else { continue }
            if table != section {
                section = table
                lines.append("")
                lines.append("# [\(section)]")
            }
            lines.append("# \(entry.field)   — default: \(entry.defaultWithSource)")
        }
        if !found.notes.isEmpty {
            lines.append("")
            lines.append("# Files not used:")
            lines += found.notes.map { "#   \($0)" }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Writes `DIR/study.toml` (atomically) and returns its path and what was found.
    /// - Throws: `.usage` when the file exists and `force` is false.
    public static func write(directory: String, force: Bool) throws -> (path: String, found: Found) {
        let path = (directory as NSString).appendingPathComponent("study.toml")
        if FileManager.default.fileExists(atPath: path) && !force {
            throw LastmileError.usage("\(path) exists; use --force to replace it")
        }
        let found = try scan(directory: directory)
        // Named for the place the shapes cover, never for the folder (folder names are not titles).
        let name = found.state.map { "\($0) broadband plan" } ?? "Broadband plan"
        try OutputFile.write(text(for: found, name: name), to: path)
        return (path, found)
    }
}
