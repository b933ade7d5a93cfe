import Analysis
import Foundation
import GeoModel
import RunStore

extension LocationsCSV.Row {
    /// The row as the run store's `locations` table keeps it.
    var stored: StoredLocation {
        var s = StoredLocation(StoredLocationClass(locationID: id, areaID: area, serviceClass: serviceClass))
        s.blockGEOID = block
        if let d = details {
            s.h3Cell = d.h3Cell.isEmpty ? nil : d.h3Cell
            s.bestTechnology = d.bestTechnology
            s.bestDownload = d.bestDownload
            s.bestUpload = d.bestUpload
            s.providersAt100x20 = d.providersAt100x20
            s.businessResidential = d.businessResidential.isEmpty ? nil : d.businessResidential
        }
        s.funded = program != nil
        s.fundedProgram = program.flatMap { $0.isEmpty ? nil : $0 }
        s.anchor = anchor
        return s
    }
}
