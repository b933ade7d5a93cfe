import Foundation
import TestSupport
import Testing

/// `lastmile classify --profile form477-25-3`: legacy Form 477 deployment files classified by block,
/// so old and new vintages can be compared side by side.
@Suite struct Form477CommandTests {
    static let header =
        "LogRecNo,Provider_Id,FRN,ProviderName,DBAName,HoldingCompanyName,HocoNum,HocoFinal,StateAbbr,BlockCode,TechCode,Consumer,MaxAdDown,MaxAdUp,Business"

    @Test func blocksByTractWithSatelliteLeftOut() throws {
        let dir = try TemporaryDirectory()
        // By hand: block …1000 served (cable 100/10 consumer); …1001 unserved (business-only fiber, DSL 10/1);
        // …2000 unserved (satellite 25/3 only: not fixed terrestrial); tract 970500 block unserved (25/2.9).
        let path = try dir.write(
            "f477.csv",
            """
            \(Self.header)
            1,1,0001,A,A,A,1,1,ME,230230101001000,40,1,100,10,1
            2,2,0002,B,B,B,2,2,ME,230230101001001,50,0,1000,1000,1
            3,3,0003,C,C,C,3,3,ME,230230101001001,10,1,10,1,0
            4,4,0004,D,D,D,4,4,ME,230230101002000,60,1,25,3,0
            5,3,0003,C,C,C,3,3,ME,230239705001000,10,1,25,2.9,0

            """)
        let r = try CommandLineRun.lastmile(["classify", path, "--profile", "form477-25-3", "--by", "tract"])
        #expect(
            r.stdout == """
                area,blocks,unserved,underserved,served,unserved_share,underserved_share
                23023010100,3,2,0,1,0.666667,0.000000
                23023970500,1,1,0,0,1.000000,0.000000

                """)
    }

    @Test func aBDCFileIsNotAForm477File() throws {
        try CommandLineRun.lastmile(
            [
                "classify", TestPaths.realData("fcc-bdc-maine/bdc_23023_sagadahoc_FTTP_J23.csv"),
                "--profile", "form477-25-3",
            ],
            expecting: .exit(65), stderr: .containing("blockcode"))
    }
}
