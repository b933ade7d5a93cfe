import GeoModel
import TestSupport
import Testing

@testable import Analysis

@Suite struct LocationClassTableTests {
    /// 300,000 ids (far past several growths) checked against a Dictionary doing the same fold.
    @Test func matchesADictionaryThroughGrowth() {
        var table = LocationClassTable()
        var expected: [Int64: (UInt64, Int)] = [:]
        var x: UInt64 = 12345
        for i in 0..<900_000 {
            // A linear congruential sequence (Knuth MMIX constants) picks ids, blocks and classes.
            x = x &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let id = Int64(x >> 45)  // about 500 k distinct ids
            let block = UInt64(i % 1000) * 1_000_000_000_000 + 50_000_000
            let cls = Int(x >> 20 & 3) % 3
            table.add(location: id, block: block, serviceClass: ServiceClass(rawValue: cls)!)
            if let e = expected[id] { expected[id] = (e.0, max(e.1, cls)) } else { expected[id] = (block, cls) }
        }
        #expect(table.count == expected.count)
        var seen = 0
        table.forEach { id, block, cls in
            seen += 1
            #expect(expected[id]?.0 == block)
            #expect(expected[id]?.1 == cls.rawValue)
        }
        #expect(seen == expected.count)
        #expect(table[Int64(x >> 45)]?.serviceClass.rawValue == expected[Int64(x >> 45)]?.1)
        #expect(table[-5] == nil)
    }

    @Test func mergeTakesTheBestClassAndCountsBlockDisagreements() {
        var a = LocationClassTable()
        var b = LocationClassTable()
        a.add(location: 1, block: 230_230_101_001_000, serviceClass: .underserved)
        a.add(location: 2, block: 230_230_101_001_001, serviceClass: .served)
        b.add(location: 1, block: 230_230_101_001_000, serviceClass: .served)  // same block, better class
        b.add(location: 2, block: 230_230_101_001_001, serviceClass: .unserved)  // does not lower it
        b.add(location: 3, block: 10_010_201_001_000, serviceClass: .unserved)  // leading zero: 14 digits as a number
        b.add(location: 4, block: 230_230_101_001_009, serviceClass: .unserved)
        a.add(location: 4, block: 230_230_101_001_008, serviceClass: .unserved)  // another block than b's
        a.merge(b)
        #expect(a.count == 4)
        #expect(a[1]! == (230_230_101_001_000, .served))
        #expect(a[2]! == (230_230_101_001_001, .served))
        #expect(a[3]! == (10_010_201_001_000, .unserved))
        #expect(a[4]!.block == 230_230_101_001_008)
        #expect(a.blockDisagreements == 1)
    }

    /// The prepared rule gives the profile's own answer on a grid of every case.
    @Test(arguments: PolicyProfile.builtIn)
    func serviceRuleEqualsTheProfile(profile: PolicyProfile) {
        let rule = ServiceRule(profile)
        let speeds: [Double?] = [nil, 0, 2.999, 3, 19.99, 20, 24.9, 25, 99.99, 100, 1000]
        for tech in [-1, 0, 10, 40, 50, 60, 61, 70, 71, 72, 99, 300] {
            for down in speeds {
                for up in speeds {
                    for latency in [nil, false, true] as [Bool?] {
                        let expected = profile.serviceClass(
                            technology: Technology(code: tech), download: down.map(Bandwidth.mbps),
                            upload: up.map(Bandwidth.mbps), lowLatency: latency)
                        #expect(
                            rule.serviceClass(technology: tech, download: down, upload: up, lowLatency: latency)
                                == expected)
                    }
                }
            }
        }
        for code in BusinessResidentialCode.allCases { #expect(rule.counts(code) == profile.counts(code)) }
    }

    @Test func tablesMergeToTheSameCountsAsOneTable() {
        // Rows split between two tables as two workers would: the merged counts equal one table's.
        func row(_ id: Int64, _ tech: Technology, _ d: Double, _ u: Double, block: String) -> AvailabilityRecord {
            AvailabilityRecord(
                locationID: id, technology: tech, download: .mbps(d), upload: .mbps(u), lowLatency: true,
                businessResidential: .residential, blockGEOID: block)
        }
        let rows = [
            row(1, .copper, 10, 1, block: "230230101001000"), row(2, .cable, 300, 20, block: "230230101002000"),
            row(1, .fiber, 50, 5, block: "230230101001000"), row(3, .copper, 25, 3, block: "230230102001000"),
            row(2, .copper, 10, 1, block: "230230101002000"), row(3, .gsoSatellite, 100, 20, block: "230230102001000"),
        ]
        var one = LocationTable(profile: .bead2022)
        rows.forEach { one.add($0) }
        var first = LocationTable(profile: .bead2022)
        var second = LocationTable(profile: .bead2022)
        for (i, r) in rows.enumerated() { if i % 2 == 0 { first.add(r) } else { second.add(r) } }
        first.merge(second)
        // Location 1: underserved (fiber 50/5); 2: served; 3: underserved (copper 25/3).
        #expect(first.totals == ClassCounts(unserved: 0, underserved: 2, served: 1))
        #expect(first.totals == one.totals)
        #expect(first.counts(by: .blockgroup) == one.counts(by: .blockgroup))
        #expect(first.rowsSeen == 6)
    }
}
