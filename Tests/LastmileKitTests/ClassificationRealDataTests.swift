import Analysis
import GeoModel
import TestSupport
import Testing

@testable import LastmileKit

/// The bead-2022 classification of the real FCC BDC fiber files for Maine (June 2023 release).
///
/// Expected counts were derived independently of Lastmile with Python's csv module, applying the rule
/// of PRODUCT.md row by row and taking each location's best class (script in the comment below):
///
///     import csv, gzip, collections
///     def cls(r):
///         if r['technology'] not in ('10','40','50','71','72'): return 0
///         if r['low_latency'] != '1': return 0
///         d, u = r['max_advertised_download_speed'], r['max_advertised_upload_speed']
///         if d == '' or u == '': return 0
///         d, u = float(d), float(u)
///         return 0 if d < 25 or u < 3 else (1 if d < 100 or u < 20 else 2)
///     best, block = {}, {}
///     for r in csv.DictReader(open(path, newline='')):   # gzip.open(path, 'rt') for .gz
///         best[r['location_id']] = max(best.get(r['location_id'], 0), cls(r))
///         block.setdefault(r['location_id'], r['block_geoid'])
///     # then count per block[l][:n] for n = 11 (tract) or 5 (county)
@Suite struct ClassificationRealDataTests {
    static let sagadahoc = TestPaths.realData("fcc-bdc-maine/bdc_23023_sagadahoc_FTTP_J23.csv")
    static let maine = TestPaths.realData(
        "fcc-bdc-maine/bdc_23_FibertothePremises_fixed_broadband_J23_05mar2024.csv.gz")

    @Test func sagadahocByTract() throws {
        let r = try AreaClassification.run(files: [Self.sagadahoc], level: .tract, profile: .bead2022)
        // tract: locations unserved underserved served (Python, see above)
        let expected: [(String, Int, Int, Int)] = [
            ("23023970100", 0, 0, 4), ("23023970200", 0, 1, 480), ("23023970301", 9, 2, 364),
            ("23023970302", 4, 4, 1168), ("23023970400", 1, 0, 907), ("23023970500", 0, 2, 1712),
            ("23023970600", 0, 1, 1058), ("23023970700", 0, 0, 3),
        ]
        #expect(r.rows.map(\.area.rawValue) == expected.map(\.0))
        for (row, e) in zip(r.rows, expected) {
            #expect(row.counts == ClassCounts(unserved: e.1, underserved: e.2, served: e.3), "tract \(e.0)")
        }
        #expect(r.totals == ClassCounts(unserved: 14, underserved: 10, served: 5696))
        #expect(r.rowsRead == 5842)
    }

    @Test func statewideGzipByCounty() throws {
        let r = try AreaClassification.run(files: [Self.maine], level: .county, profile: .bead2022)
        let expected: [String: (Int, Int, Int)] = [
            "23001": (41, 9, 20849), "23003": (2, 9, 5921), "23005": (111, 61, 47733), "23007": (5, 12, 6191),
            "23009": (4, 2, 15043), "23011": (20, 3, 18475), "23013": (10, 12, 8380), "23015": (8, 5, 4284),
            "23017": (67, 13, 5379), "23019": (65, 28, 26929), "23021": (1, 1, 4498), "23023": (14, 10, 5696),
            "23025": (10, 11, 6163), "23027": (2, 11, 5607), "23029": (4, 7, 3493), "23031": (19, 47, 23876),
        ]
        #expect(r.rows.count == 16)
        for row in r.rows {
            let e = try #require(expected[row.area.rawValue])
            #expect(row.counts == ClassCounts(unserved: e.0, underserved: e.1, served: e.2), "county \(row.area)")
        }
        #expect(r.totals == ClassCounts(unserved: 383, underserved: 241, served: 208517))
        #expect(r.totals.locations == 209_141)
        #expect(r.rowsRead == 237_768)
    }

    @Test func csvAndJSONCarryTheCounts() throws {
        let r = try AreaClassification.run(files: [Self.sagadahoc], level: .county, profile: .bead2022)
        #expect(
            r.csv() == """
                area,locations,unserved,underserved,served,unserved_share,underserved_share
                23023,5720,14,10,5696,0.002448,0.001748

                """)
        #expect(r.json().contains("\"unserved\" : 14"))
    }
}
