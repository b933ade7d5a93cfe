import Foundation
import GeoModel
@_exported import RunStore

/// The run history a store keeps, for `lastmile runs list|show|diff`.
public enum RunHistory {
    /// Every run, newest first.
    public static func list(storePath: String) throws -> [RunSummary] {
        try openExisting(storePath).runs()
    }

    /// One run with its inputs, parameters, diagnostics and per-area results.
    /// - Throws: `.usage` when no run (or more than one) matches `id` (a full id or a unique prefix).
    public static func show(storePath: String, id: String) throws -> RunDetail {
        let store = try openExisting(storePath)
        let runID = try resolve(id, in: store)
        guard let run = try store.run(runID) else { throw LastmileError.usage("no run \(id) in \(storePath)") }
        return RunDetail(
            run: run, inputs: try store.inputs(runID), parameters: try store.parameters(runID),
            diagnostics: try store.diagnostics(runID), areas: try store.areaResults(runID),
            storedLocations: try store.locationClassCount(runID))
    }

    /// What changed from run `a` to run `b`: per area, locations by class, and locations that changed
    /// class (by transition), appeared or vanished.
    public static func diff(storePath: String, from a: String, to b: String) throws -> RunDiff {
        let (store, idA, idB) = try finishedRuns(storePath: storePath, a, b)
        let before = Dictionary(uniqueKeysWithValues: try store.areaResults(idA).map { ($0.areaID, $0) })
        let after = Dictionary(uniqueKeysWithValues: try store.areaResults(idB).map { ($0.areaID, $0) })
        let hasLocations = try store.locationClassCount(idA) > 0 && store.locationClassCount(idB) > 0
        let transitions = hasLocations ? try store.locationTransitions(from: idA, to: idB) : []
        let byArea = Dictionary(grouping: transitions, by: \.areaID)
        let areaIDs = Set(before.keys).union(after.keys).union(byArea.keys).sorted()
        let areas = areaIDs.map { id in
            RunDiff.Area(
                areaID: id, name: after[id]?.name ?? before[id]?.name ?? id,
                before: before[id].map(RunDiff.Counts.init), after: after[id].map(RunDiff.Counts.init),
                transitions: byArea[id] ?? [])
        }
        return RunDiff(
            from: idA, to: idB, studyFrom: try store.run(idA)?.studyName ?? "",
            studyTo: try store.run(idB)?.studyName ?? "", locationLevel: hasLocations, areas: areas)
    }

    /// The locations whose class changed from run `a` to run `b` (`runs diff --locations`): CSV
    /// `location_id,area,from,to` (empty for a location not in that run), or a JSON array.
    /// - Throws: `.usage` for an unknown or unfinished run, or runs without stored location classes.
    public static func locationChanges(storePath: String, from a: String, to b: String, json: Bool) throws -> String {
        let (store, idA, idB) = try finishedRuns(storePath: storePath, a, b)
        guard try store.locationClassCount(idA) > 0, try store.locationClassCount(idB) > 0 else {
            throw LastmileError.usage(
                "run \(idA) or \(idB) has no stored location classes (made before they were stored)")
        }
        let changes = try store.locationChanges(from: idA, to: idB)
        if json {
            let objects: [[String: Any]] = changes.map {
                [
                    "location_id": $0.locationID, "area": $0.areaID, "from": $0.from.map { "\($0)" } ?? NSNull(),
                    "to": $0.to.map { "\($0)" } ?? NSNull(),
                ]
            }
            let data = try JSONSerialization.data(withJSONObject: objects, options: [.prettyPrinted, .sortedKeys])
            return String(decoding: data, as: UTF8.self) + "\n"
        }
        var out = "location_id,area,from,to\n"
        for c in changes {
            out += "\(c.locationID),\(c.areaID),\(c.from.map { "\($0)" } ?? ""),\(c.to.map { "\($0)" } ?? "")\n"
        }
        return out
    }

    /// The store and the two runs a diff compares.
    /// - Throws: `.usage` for an unknown, ambiguous, failed or unfinished run.
    static func finishedRuns(storePath: String, _ a: String, _ b: String) throws -> (RunStore, RunID, RunID) {
        let store = try openExisting(storePath)
        let idA = try resolve(a, in: store)
        let idB = try resolve(b, in: store)
        for id in [idA, idB] {
            guard let run = try store.run(id) else { continue }
            guard run.status == .done else {
                throw LastmileError.usage(
                    "run \(id) \(run.status == .failed ? "failed" : "has not finished (\(run.status.rawValue))"); "
                        + "only finished runs can be compared (see lastmile runs list)")
            }
        }
        return (store, idA, idB)
    }

    /// A full run id, or the only run whose id starts with `text`.
    static func resolve(_ text: String, in store: RunStore) throws -> RunID {
        if try store.run(RunID(text)) != nil { return RunID(text) }
        let matches = try store.runs().map(\.id).filter { $0.rawValue.hasPrefix(text) }
        guard matches.count == 1 else {
            throw LastmileError.usage(
                matches.isEmpty
                    ? "no run '\(text)' in \(store.path) (see lastmile runs list)"
                    : "'\(text)' matches \(matches.count) runs: \(matches.prefix(5).map(\.rawValue).joined(separator: ", "))"
            )
        }
        return matches[0]
    }

    static func openExisting(_ path: String) throws -> RunStore {
        guard FileManager.default.fileExists(atPath: path) else {
            throw LastmileError.io(
                path: path, "no run store here (runs are recorded in <out>/runs.sqlite; give --store or --out)")
        }
        return try RunStore(path: path)
    }
}
