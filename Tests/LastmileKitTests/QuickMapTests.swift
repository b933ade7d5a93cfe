import Maps
import TestSupport
import Testing

@testable import LastmileKit

/// `QuickMap` helpers: output formats, option parsing and legend number formats.
struct QuickMapTests {
    @Test func formatsFollowTheExtension() throws {
        #expect(try QuickMap.format(of: "/tmp/a.PNG") == .png)
        #expect(try QuickMap.format(of: "map.pdf") == .pdf)
        #expect(try QuickMap.format(of: "x/y.svg") == .svg)
        #expect(throws: LastmileError.self) { try QuickMap.format(of: "map.jpg") }
        #expect(throws: LastmileError.self) { try QuickMap.format(of: "map") }
    }

    @Test func schemesAndPalettesByName() throws {
        #expect(try QuickMap.scheme(named: "Jenks", breaks: nil) == .naturalBreaks)
        #expect(try QuickMap.scheme(named: "equal", breaks: nil) == .equalInterval)
        #expect(try QuickMap.scheme(named: "manual", breaks: "0.1, 0.25,0.5") == .manual([0.1, 0.25, 0.5]))
        #expect(throws: LastmileError.self) { try QuickMap.scheme(named: "manual", breaks: "0.1,,0.5") }
        #expect(throws: LastmileError.self) { try QuickMap.scheme(named: "manual", breaks: "0.5,0.1") }
        #expect(try QuickMap.palette(named: "ylgnbu").name == "YlGnBu")
        #expect(throws: LastmileError.self) { try QuickMap.palette(named: "jet") }
    }

    @Test func legendNumbersGetDecimalsUntilEveryBoundDiffers() throws {
        // The benchmark's quantile bounds of share unserved: min 0, breaks .0048 .0417 .2411 .53 1.
        // Spread 1 → at least 1 decimal, but "0.0" would repeat; 2 decimals still print 0.00 twice
        // (0 and .0048 → "0.00"); 3 decimals separate all six.
        let values = [0, 0.0048032, 0.0417398, 0.241143, 0.529997, 1.0]
        let c = try Classification(values: values, scheme: .manual([0.0048032, 0.0417398, 0.241143, 0.529997, 1.0]))
        #expect(QuickMap.legendFormat(for: c, values: values, percent: false) == .number(decimals: 3, unit: nil))
        // As percentages: 0.0% and 0.5% already differ at one decimal.
        #expect(QuickMap.legendFormat(for: c, values: values, percent: true) == .percent(decimals: 1))
        // Square metres of land (spread ~2.4e9): whole numbers.
        let land = [82_625.0, 803_622, 1_583_380, 2_420_509_073]
        let l = try Classification(values: land, scheme: .quantile, classCount: 3)
        #expect(QuickMap.legendFormat(for: l, values: land, percent: false) == .number(decimals: 0, unit: nil))
    }
}
