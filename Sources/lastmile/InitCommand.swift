import ArgumentParser
import LastmileKit

struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write a commented study.toml for the files found in a folder.")

    @Argument(help: "The folder holding the study's input files.")
    var directory: String

    @Flag(help: "Replace an existing study.toml.")
    var force = false

    func run() throws {
        try reportingErrors {
            let (path, found) = try StudyTemplate.write(directory: directory, force: force)
            Console.out("Wrote \(path)\n")
            Console.out("  availability: \(English.counted(found.availability.count, "file"))\n")
            Console.out(
                "  areas: \(found.areas.map { "\($0.path) (\($0.level.displayName) GEOIDs in \($0.idField))" } ?? "none found")\n"
            )
            Console.out(
                "  demographics: \(found.demographics.map { d in found.demographicsLevel.map { "\(d) (by \($0.displayName))" } ?? d } ?? "none found")\n"
            )
            Console.out("  locations: \(found.locations ?? "none found")\n")
            Console.out("  roads: \(found.roads ?? "none found")\n")
            Console.out("  water: \(found.water ?? "none found")\n")
            let level = StudyTemplate.areaLevel(for: found)
            Console.out("  area_level: \(level.level.rawValue), because \(level.why)\n")
            for note in found.notes { Console.out("  skipped \(note)\n") }
        }
    }
}
