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
    /// Metres to the Fabric location it was placed at by its coordinates; nil when the file gave its
    /// location id (or it was not placed).
    var metresFromCoordinates: Double?
    /// Lacks 1/1 Gbps (also when its location has no availability record at all).
    var eligible: Bool { !gigabitSymmetric }

    /// Each institution's status: at its location id, or else at the nearest location of the locations
    /// file within `NearestLocation.maximumMetres` of its coordinates (`points`, the file's).
    static func evaluate(
        _ file: AnchorInstitutionsFile, table: LocationTable, details: LocationDetails,
        points: [Int64: Point] = [:], areas: AreaGrouping
    ) throws -> [AnchorStatus] {
        let byCoordinates = file.institutions.contains { $0.locationID == nil && $0.point != nil } && !points.isEmpty
        let finder = byCoordinates ? NearestLocation(points: points) : nil
        let placed = file.institutions.map { i -> (id: Int64, metres: Double?)? in
            if let id = i.locationID { return (id, nil) }
            return i.point.flatMap { finder?.nearest(to: $0) }.map { ($0.id, $0.metres) }
        }
        let wanted = Set(placed.compactMap { $0?.id })
        var where_: [Int64: (area: AreaID?, cls: ServiceClass)] = [:]
        table.forEach { id, block, cls in
            if wanted.contains(id) { where_[id] = (areas.key(location: id, block: block).map(areas.id), cls) }
        }
        return zip(file.institutions, placed).map { i, at in
            let place = at.flatMap { where_[$0.id] }
            return AnchorStatus(
                type: i.type, name: i.name, locationID: at?.id,
                area: place?.area?.rawValue, serviceClass: place.map { "\($0.cls)" },
                gigabitSymmetric: at.flatMap { details[$0.id]?.gigabitSymmetric } ?? false,
                metresFromCoordinates: at?.metres)
        }
    }

    /// The diagnostic line.
    static func summary(_ anchors: [AnchorStatus]) -> String {
        let eligible = anchors.filter(\.eligible).count
        let unplaced = anchors.filter { $0.area == nil }.count
        let byCoordinates = anchors.filter { $0.area != nil && $0.metresFromCoordinates != nil }.count
        return
            "\(English.counted(anchors.count, "community anchor institution")) (inputs.anchor_institutions): \(eligible) "
            + (eligible == 1
                ? "lacks 1 Gbps symmetrical service and is eligible"
                : "lack 1 Gbps symmetrical service and are eligible")
            + (byCoordinates > 0
                ? "; \(byCoordinates) placed by \(byCoordinates == 1 ? "its" : "their") coordinates at the nearest location of the locations file (within \(Int(NearestLocation.maximumMetres)) m)"
                : "")
            + (unplaced > 0
                ? "; \(unplaced) \(unplaced == 1 ? "has" : "have") no location id found in the availability files or the locations file (counted as without service)"
                : "")
    }

    static let header = [
        "type", "type_name", "name", "location_id", "area", "class", "gigabit_symmetric", "eligible",
        "metres_from_coordinates",
    ]

    /// anchors.csv: every institution in file order.
    static func csv(_ anchors: [AnchorStatus]) -> String {
        var out = header.joined(separator: ",") + "\n"
        for a in anchors {
            out +=
                [
                    a.type, AnchorInstitutionsFile.types[a.type] ?? "", CSVCell.text(a.name),
                    a.locationID.map(String.init) ?? "", a.area ?? "", a.serviceClass ?? "",
                    a.gigabitSymmetric ? "1" : "0", a.eligible ? "1" : "0",
                    a.metresFromCoordinates.map { String(format: "%.0f", $0) } ?? "",
                ].joined(separator: ",") + "\n"
        }
        return out
    }
}
