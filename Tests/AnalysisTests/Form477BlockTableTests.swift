import GeoModel
import TestSupport
import Testing

@testable import Analysis

@Suite struct Form477BlockTableTests {
    @Test func blockIsServedByAnyConsumerOfferingAtTwentyFiveThree() {
        var t = Form477BlockTable()
        t.add(blockCode: "230230101001000", consumer: true, download: 10, upload: 1)
        t.add(blockCode: "230230101001000", consumer: true, download: 100, upload: 10)  // serves …1000
        t.add(blockCode: "230230101001001", consumer: false, download: 1000, upload: 1000)  // business only
        t.add(blockCode: "230230101001001", consumer: true, download: 24.9, upload: 3)
        t.add(blockCode: "230230101002000", consumer: true, download: 25, upload: 3)  // exactly 25/3: served
        t.add(blockCode: "230239705001000", consumer: true, download: 50, upload: 2.9)  // upload short
        // satellite: not counted
        t.add(blockCode: "230239705001000", technology: 60, consumer: true, download: 100, upload: 10)
        t.add(blockCode: "2302301010", consumer: true, download: 50, upload: 5)  // not a block code
        // Blocks: …1000 served, …1001 unserved, bg 2302301010 02: …2000 served, tract 970500: unserved.
        #expect(t.totals == ClassCounts(unserved: 2, underserved: 0, served: 2))
        #expect(t.rowsSeen == 8)
        #expect(t.rowsWithBadBlock == 1)
        #expect(
            t.counts(by: .blockgroup) == [
                AreaID("230230101001"): ClassCounts(unserved: 1, served: 1),
                AreaID("230230101002"): ClassCounts(served: 1),
                AreaID("230239705001"): ClassCounts(unserved: 1),
            ])
        #expect(t.counts(by: .county) == [AreaID("23023"): ClassCounts(unserved: 2, served: 2)])
        #expect(Form477BlockTable.profileName == "form477-25-3")
    }
}
