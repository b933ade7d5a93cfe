import Foundation
import GeoModel
import RunStore

/// The difference between two runs (e.g. two FCC releases of the same study), per area.
public struct RunDiff: Sendable {
    /// Locations by class in one run's area.
    public struct Counts: Hashable, Sendable {
        public var locations, unserved, underserved, served: Int
        init(_ r: StoredAreaResult) {
            locations = r.locations
            unserved = r.unserved
            underserved = r.underserved
            served = r.served
        }
    }

    /// One area's change.
    public struct Area: Sendable {
        public var areaID: String
        public var name: String
        /// Nil when the area is not in that run.
        public var before: Counts?
        public var after: Counts?
        /// Locations that changed class, appeared (`from` nil) or vanished (`to` nil).
        public var transitions: [LocationTransition]

        public func count(from: ServiceClass?, to: ServiceClass?) -> Int {
            transitions.filter { $0.from == from && $0.to == to }.reduce(0) { $0 + $1.count }
        }
        public var newLocations: Int { transitions.filter { $0.from == nil }.reduce(0) { $0 + $1.count } }
        public var vanishedLocations: Int { transitions.filter { $0.to == nil }.reduce(0) { $0 + $1.count } }
        var changed: Bool { before != after || !transitions.isEmpty }
    }

    public var from: RunID
    public var to: RunID
    public var studyFrom: String
    public var studyTo: String
    /// False when one of the runs has no stored location classes: only per-area counts are compared.
    public var locationLevel: Bool
    public var areas: [Area]

    /// The six class-to-class transitions in a fixed order, for tables.
    public static let classChanges: [(ServiceClass, ServiceClass)] = ServiceClass.allCases.flatMap { a in
        ServiceClass.allCases.filter { $0 != a }.map { (a, $0) }
    }

    /// Whether both runs are of the same study (by name); a diff across studies is allowed but said.
    public var sameStudy: Bool { studyFrom == studyTo }

    /// Transition counts summed over every area.
    public func total(from: ServiceClass?, to: ServiceClass?) -> Int {
        areas.reduce(0) { $0 + $1.count(from: from, to: to) }
    }
    public var totalNew: Int { areas.reduce(0) { $0 + $1.newLocations } }
    public var totalVanished: Int { areas.reduce(0) { $0 + $1.vanishedLocations } }

    // MARK: Formats

    public func text() -> String {
        var out = "Runs \(from) (\(studyFrom)) → \(to) (\(studyTo))\n"
        if !sameStudy {
            out +=
                "  note: the runs belong to different studies ('\(studyFrom)' and '\(studyTo)'): areas may not correspond\n"
        }
        if !locationLevel {
            out += "  (one of the runs has no stored location classes: transitions are not available)\n"
        }
        out += "Locations that changed class:\n"
        for (a, b) in Self.classChanges {
            let n = total(from: a, to: b)
            if n > 0 { out += "  \(a) → \(b): \(n)\n" }
        }
        out += "  new: \(totalNew), vanished: \(totalVanished)\n"
        let changed = areas.filter(\.changed)
        out += "Areas with changes: \(changed.count) of \(areas.count)\n"
        if !changed.isEmpty {
            out +=
                "  area            locations      unserved       underserved    served         new  gone  changed class\n"
            for a in changed {
                func delta(_ k: KeyPath<Counts, Int>) -> String {
                    let x = a.before?[keyPath: k] ?? 0
                    let y = a.after?[keyPath: k] ?? 0
                    let d = y - x
                    return "\(x)→\(y) (\(d >= 0 ? "+" : "")\(d))".padding(toLength: 14, withPad: " ", startingAt: 0)
                }
                let moves = Self.classChanges.compactMap { (p, q) -> String? in
                    let n = a.count(from: p, to: q)
                    return n > 0 ? "\(p)→\(q) \(n)" : nil
                }.joined(separator: ", ")
                out +=
                    "  " + a.areaID.padding(toLength: 15, withPad: " ", startingAt: 0) + " "
                    + delta(\.locations) + " " + delta(\.unserved) + " " + delta(\.underserved) + " " + delta(\.served)
                    + " "
                    + String(a.newLocations).padding(toLength: 4, withPad: " ", startingAt: 0) + " "
                    + String(a.vanishedLocations).padding(toLength: 5, withPad: " ", startingAt: 0) + " " + moves + "\n"
            }
        }
        return out
    }

    /// CSV header: area, name, then before/after counts per class, new, vanished, and one column per transition.
    public static var csvHeader: String {
        var cols = ["area", "name"]
        for k in ["locations", "unserved", "underserved", "served"] { cols += ["\(k)_before", "\(k)_after"] }
        cols += ["new_locations", "vanished_locations"]
        cols += classChanges.map { "\($0.0)_to_\($0.1)" }
        return cols.joined(separator: ",")
    }

    public func csv() -> String {
        var out = Self.csvHeader + "\n"
        for a in areas {
            var f = [a.areaID, CSVCell.text(a.name)]
            for k in [\Counts.locations, \.unserved, \.underserved, \.served] {
                f += [a.before.map { String($0[keyPath: k]) } ?? "", a.after.map { String($0[keyPath: k]) } ?? ""]
            }
            f += [String(a.newLocations), String(a.vanishedLocations)]
            f += Self.classChanges.map { String(a.count(from: $0.0, to: $0.1)) }
            out += f.joined(separator: ",") + "\n"
        }
        return out
    }

    public func json() -> String {
        func counts(_ c: Counts?) -> Any {
            guard let c else { return NSNull() }
            return ["locations": c.locations, "unserved": c.unserved, "underserved": c.underserved, "served": c.served]
        }
        func transitions(_ list: [LocationTransition]) -> [[String: Any]] {
            list.map {
                [
                    "from": $0.from.map { $0.description as Any } ?? NSNull(),
                    "to": $0.to.map { $0.description as Any } ?? NSNull(), "count": $0.count,
                ]
            }
        }
        var totals: [[String: Any]] = Self.classChanges.map {
            ["from": $0.0.description, "to": $0.1.description, "count": total(from: $0.0, to: $0.1)]
        }
        totals = totals.filter { ($0["count"] as? Int ?? 0) > 0 }
        let object: [String: Any] = [
            "from": from.rawValue, "to": to.rawValue, "study_from": studyFrom, "study_to": studyTo,
            "location_level": locationLevel, "same_study": sameStudy,
            "totals": ["new_locations": totalNew, "vanished_locations": totalVanished, "transitions": totals]
                as [String: Any],
            "areas": areas.map { a -> [String: Any] in
                [
                    "area": a.areaID, "name": a.name, "before": counts(a.before), "after": counts(a.after),
                    "new_locations": a.newLocations, "vanished_locations": a.vanishedLocations,
                    "transitions": transitions(a.transitions.filter { $0.from != nil && $0.to != nil }),
                ]
            },
        ]
        let data = try! JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys])
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
