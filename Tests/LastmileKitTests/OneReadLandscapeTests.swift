import Analysis
import Foundation
import GeoModel
import Ingest
import TestSupport
import Testing

@testable import LastmileKit

/// The providers and location details of the one parallel read equal those of a record-by-record
/// read through the builders, whatever the number of threads; the passings table equals a read with
/// the passing codes as the filter.
@Suite struct OneReadLandscapeTests {
    static let sagadahoc = TestPaths.realData("fcc-bdc-maine/bdc_23023_sagadahoc_FTTP_J23.csv")
    static let header =
        "frn,provider_id,brand_name,location_id,technology,max_advertised_download_speed,"
        + "max_advertised_upload_speed,low_latency,business_residential_code,state_usps,block_geoid,h3_res8_id"

    /// Records the builders take one by one, in file order: the reference.
    static func reference(_ files: [String], profile: PolicyProfile, level: AreaLevel) throws
        -> (providers: ProviderLandscape, details: LocationDetails)
    {
        let rule = ServiceRule(profile)
        var providers = ProviderLandscape.Builder(profile: profile)
        var details = LocationDetails.Builder()
        for file in files {
            try BDCReader.read(path: file) { r in
                guard rule.counts(r.businessResidential) else { return }
                let cls = rule.serviceClass(
                    technology: r.technology.code, download: r.download?.mbps,
                    upload: r.upload?.mbps, lowLatency: r.lowLatency,
                    provider: Int64(r.providerID) ?? -1, location: r.locationID)
                providers.add(r, serviceClass: cls)
                details.add(r, serviceClass: cls)
            }
        }
        return providers.finish(grouping: AreaGrouping(census: level), details: &details)
    }

    /// Ties that only file order settles: one location's records with the same class and download (the
    /// first one's technology and upload win), its H3 cell first given on a later record, brands of
    /// equal counts, a provider id written "+7", a quoted brand with a doubled quote, and top speeds that
    /// are not whole kbps or exceed 33,554 Mbps (kept apart at full precision).
    static let ties = """
        \(header)
        0000000001,7,Alpha,900000001,40,100,20,1,R,AR,050010001001000,
        0000000001,7,Beta,900000001,50,100,30,1,R,AR,050010001001000,882b1a59bbfffff
        0000000001,8,"The ""Best"" Net",900000001,10,100,25,1,B,AR,050010001001000,882B1A59BBFFFFF
        0000000001,+7,Gamma,900000002,50,1000,1000,1,X,AR,050010001001001,8826
        0000000001,8,Delta,900000002,70,25,3,1,R,AR,050010001001001,882b1a59bbfffff
        0000000001,9,Zeta,900000003,50,0.7685,50000,1,R,AR,050010001001001,
        0000000001,9,Zeta,900000003,40,100,20,1,R,AR,050010001001001,

        """

    @Test(arguments: [1, 2, 8])
    func oneReadEqualsRecordByRecord(threads: Int) throws {
        let dir = try TemporaryDirectory()
        let ties = try dir.write("ties.csv", Self.ties)
        // The ties file repeated, so that its rows land in several chunks read by several threads.
        let files = [Self.sagadahoc, ties, Self.sagadahoc, ties]
        for level in [AreaLevel.county, .block] {
            let expected = try Self.reference(files, profile: .bead2022, level: level)
            let read = try AreaClassification.classifyLocations(
                files: files, profile: .bead2022,
                passingCodes: [.residential], landscapeGrouping: AreaGrouping(census: level),
                threads: threads)
            #expect(read.landscape?.providers.study == expected.providers.study)
            #expect(read.landscape?.providers.byArea == expected.providers.byArea)
            #expect(read.landscape?.details.byLocation == expected.details.byLocation)
            var passingProfile = PolicyProfile.bead2022
            passingProfile.businessResidential = [.residential]
            let passings = try AreaClassification.classifyLocations(
                files: files, profile: passingProfile,
                threads: threads
            ).table
            #expect(read.passings?.entries == passings.entries)
            #expect(read.passings?.rowsIgnored == passings.rowsIgnored)
        }
    }

    @Test func tiesAreSettledByFileOrder() throws {
        let dir = try TemporaryDirectory()
        let ties = try dir.write("ties.csv", Self.ties)
        let read = try AreaClassification.classifyLocations(
            files: [ties], profile: .bead2022, landscapeGrouping: AreaGrouping(census: .county),
            threads: 1)
        let first = read.landscape?.details.byLocation[900_000_001]
        #expect(first?.bestTechnology == 40 && first?.bestUpload == 20)
        #expect(first?.h3Cell == "882b1a59bbfffff")
        #expect(read.landscape?.details.byLocation[900_000_002]?.h3Cell == "8826")
        let ids = read.landscape?.providers.study.map(\.id).sorted()
        #expect(ids == ["+7", "7", "8", "9"])
        let zeta = read.landscape?.providers.study.first { $0.id == "9" }
        #expect(zeta?.maxDownload == 100 && zeta?.maxUpload == 50_000 && zeta?.technologies == [40, 50])
        #expect(zeta?.locationsAt100x20 == 1)
        #expect(read.landscape?.providers.study.first { $0.id == "8" }?.brands == ["Delta", "The \"Best\" Net"])
    }
}
