import Analysis
import Foundation
import GeoModel
import Ingest

/// One community anchor institution of the study and whether BEAD would count it as eligible: it is
/// when no reliable record offers it 1 Gbps symmetrical service (BEAD NOFO §I.C(e), the CAI benchmark).
struct AnchorStatus: Hashable, Sendable {
    var type: String
    var name: String
    var locationID: Int64?
    /// Its area and class, when its location is in the study's table.
    var area: String?
    var serviceClass: String?
    var gigabitSymmetric: Bool
    /// Lacks 1/1 Gbps (also when its location has no availability record at all).
    var eligible: Bool { !gigabitSymmetric }

    static func evaluate(
        _ file: AnchorInstitutionsFile, table: LocationTable, details: LocationDetails,
        level: AreaLevel
    ) throws -> [AnchorStatus] {
        let wanted = Set(file.institutions.compactMap(\.locationID))
        var where_: [Int64: (block: UInt64, cls: ServiceClass)] = [:]
        table.forEach { id, block, cls in if wanted.contains(id) { where_[id] = (block, cls) } }
        return file.institutions.map { i in
            let place = i.locationID.flatMap { where_[$0] }
            let geoid = place.map { LocationTable.format($0.block, digits: 15) }
            return AnchorStatus(
                type: i.type, name: i.name, locationID: i.locationID,
                area: geoid.map { String($0.prefix(level.geoidLength)) }, serviceClass: place.map { "\($0.cls)" },
                gigabitSymmetric: i.locationID.flatMap { details.byLocation[$0]?.gigabitSymmetric } ?? false)
        }
    }

    /// The diagnostic line.
    static func summary(_ anchors: [AnchorStatus]) -> String {
        let eligible = anchors.filter(\.eligible).count
        let unplaced = anchors.filter { $0.area == nil }.count
        return
            "\(anchors.count) community anchor institution(s) (inputs.anchor_institutions): \(eligible) lack 1 Gbps symmetrical service and are eligible"
            + (unplaced > 0
                ? "; \(unplaced) have no location id found in the availability files or the locations file (counted as without service)"
                : "")
    }

    static let header = ["type", "type_name", "name", "location_id", "area", "class", "gigabit_symmetric", "eligible"]

    /// anchors.csv: every institution in file order.
    static func csv(_ anchors: [AnchorStatus]) -> String {
        var out = header.joined(separator: ",") + "\n"
        for a in anchors {
            out +=
                [
                    a.type, AnchorInstitutionsFile.types[a.type] ?? "", CSVCell.text(a.name),
                    a.locationID.map(String.init) ?? "", a.area ?? "", a.serviceClass ?? "",
                    a.gigabitSymmetric ? "1" : "0", a.eligible ? "1" : "0",
                ].joined(separator: ",") + "\n"
        }
        return out
    }
}
