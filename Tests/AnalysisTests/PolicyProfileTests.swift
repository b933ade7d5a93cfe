import GeoModel
import Testing

@testable import Analysis

/// The per-record rule of bead-2022, branch by branch, at the exact thresholds (PRODUCT.md, NTIA BEAD NOFO).
@Suite struct PolicyProfileTests {
    let bead = PolicyProfile.bead2022

    func cls(_ down: Double?, _ up: Double?, lowLatency: Bool? = true) -> ServiceClass {
        cls(.fiber, down, up, lowLatency: lowLatency)
    }

    func cls(_ tech: Technology, _ down: Double?, _ up: Double?, lowLatency: Bool? = true) -> ServiceClass {
        bead.serviceClass(
            technology: tech, download: down.map(Bandwidth.mbps), upload: up.map(Bandwidth.mbps),
            lowLatency: lowLatency)
    }

    @Test func unservedBelowTwentyFiveThree() {
        #expect(cls(24.99, 3) == .unserved)
        #expect(cls(25, 2.99) == .unserved)
        #expect(cls(0.2, 0.2) == .unserved)
    }

    @Test func underservedFromTwentyFiveThreeBelowHundredTwenty() {
        #expect(cls(25, 3) == .underserved)  // exactly 25/3 is not unserved
        #expect(cls(99.99, 20) == .underserved)
        #expect(cls(100, 19.99) == .underserved)
        #expect(cls(1000, 10) == .underserved)  // upload decides
    }

    @Test func servedAtHundredTwenty() {
        #expect(cls(100, 20) == .served)
        #expect(cls(1000, 1000) == .served)
    }

    @Test func latencyAndMissingSpeeds() {
        #expect(cls(1000, 1000, lowLatency: false) == .unserved)
        #expect(cls(1000, 1000, lowLatency: nil) == .unserved)
        #expect(cls(nil, 1000) == .unserved)
        #expect(cls(1000, nil) == .unserved)
    }

    @Test(arguments: [0, 60, 61, 70, 99])
    func nonQualifyingTechnologiesCannotServe(code: Int) {
        #expect(cls(Technology(code: code), 1000, 1000) == .unserved)
    }

    @Test(arguments: [10, 40, 50, 71, 72])
    func qualifyingTechnologiesServe(code: Int) {
        #expect(cls(Technology(code: code), 100, 20) == .served)
    }

    @Test func otherProfiles() throws {
        // bead-2025 lets unlicensed fixed wireless count where its provider (or the location) is listed as
        // having demonstrated 100/20 (June 2025 Restructuring Policy Notice); fcc-2024 drops the latency rule.
        #expect(
            PolicyProfile.bead2025.serviceClass(
                technology: .unlicensedFixedWireless, download: .mbps(100),
                upload: .mbps(20), lowLatency: true, provider: 290518) == .unserved)
        var listed = PolicyProfile.bead2025
        listed.unlicensedFixedWirelessDemonstrated = .init(providers: [290518], locations: [7])
        #expect(
            listed.serviceClass(
                technology: .unlicensedFixedWireless, download: .mbps(100), upload: .mbps(20),
                lowLatency: true, provider: 290518) == .served)
        #expect(
            listed.serviceClass(
                technology: .unlicensedFixedWireless, download: .mbps(100), upload: .mbps(20),
                lowLatency: true, provider: 1, location: 7) == .served)
        #expect(
            listed.serviceClass(
                technology: .unlicensedFixedWireless, download: .mbps(100), upload: .mbps(20),
                lowLatency: true, provider: 1, location: 8) == .unserved)
        #expect(
            ServiceRule(listed).serviceClass(
                technology: 70, download: 100, upload: 20, lowLatency: true, provider: 290518) == .served)
        #expect(
            ServiceRule(listed).serviceClass(technology: 70, download: 100, upload: 20, lowLatency: true, provider: 2)
                == .unserved)
        #expect(
            PolicyProfile.fcc2024.serviceClass(
                technology: .cable, download: .mbps(100), upload: .mbps(20),
                lowLatency: false) == .served)
        #expect(
            PolicyProfile.fcc2024.serviceClass(
                technology: .gsoSatellite, download: .mbps(100),
                upload: .mbps(20), lowLatency: true) == .unserved)
        #expect(throws: LastmileError.self) { try PolicyProfile.named("bead-2030") }
        #expect(try PolicyProfile.named("bead-2025") == .bead2025)
    }
}

@Suite struct LocationTableTests {
    func record(
        _ id: Int64, _ tech: Technology, _ down: Double?, _ up: Double?, lowLatency: Bool? = true,
        code: BusinessResidentialCode = .residential, block: String = "230230101001000"
    ) -> AvailabilityRecord {
        AvailabilityRecord(
            locationID: id, technology: tech, download: down.map(Bandwidth.mbps),
            upload: up.map(Bandwidth.mbps), lowLatency: lowLatency, businessResidential: code,
            blockGEOID: block)
    }

    @Test func bestClassWins() {
        var t = LocationTable(profile: .bead2022)
        t.add(record(1, .gsoSatellite, 100, 20, lowLatency: false))  // unserved
        t.add(record(1, .copper, 50, 5))  // underserved
        t.add(record(1, .copper, 10, 1))  // unserved: does not lower it
        t.add(record(2, .ngsoSatellite, 200, 30))  // only satellite: unserved
        t.add(record(3, .fiber, 1000, 1000))
        t.add(record(3, .copper, 10, 1))
        #expect(t.count == 3)
        #expect(t.entries[1]?.best == .underserved)
        #expect(t.entries[2]?.best == .unserved)
        #expect(t.entries[3]?.best == .served)
        #expect(t.totals == ClassCounts(unserved: 1, underserved: 1, served: 1))
        #expect(t.rowsSeen == 6)
    }

    @Test func rollUpByGEOIDPrefix() {
        var t = LocationTable(profile: .bead2022)
        t.add(record(1, .fiber, 1000, 1000, block: "010010201001000"))  // leading zero kept
        t.add(record(2, .copper, 10, 1, block: "010010201001001"))
        t.add(record(3, .copper, 50, 5, block: "010010201002000"))
        t.add(record(4, .copper, 50, 5, block: "010030101001000"))
        let bg = t.counts(by: .blockgroup)
        #expect(bg[AreaID("010010201001")] == ClassCounts(unserved: 1, underserved: 0, served: 1))
        #expect(bg[AreaID("010010201002")] == ClassCounts(unserved: 0, underserved: 1, served: 0))
        #expect(t.counts(by: .tract)[AreaID("01001020100")]?.locations == 3)
        #expect(t.counts(by: .county)[AreaID("01003")]?.locations == 1)
        #expect(t.counts(by: .state) == [AreaID("01"): ClassCounts(unserved: 1, underserved: 2, served: 1)])
        #expect(t.counts(by: .block).count == 4)
    }

    @Test func businessResidentialFilter() {
        var profile = PolicyProfile.bead2022
        profile.businessResidential = [.residential, .both]
        var t = LocationTable(profile: profile)
        t.add(record(1, .fiber, 1000, 1000, code: .business))  // ignored: location 1 not in the universe
        t.add(record(2, .fiber, 1000, 1000, code: .business))
        t.add(record(2, .copper, 10, 1, code: .both))  // location 2 counts, but only its X row
        #expect(t.count == 1)
        #expect(t.entries[2]?.best == .unserved)
        #expect(t.rowsIgnored == 2)
    }
}
