import Testing

@testable import LastmileKit

@Suite struct DataVintageTests {
    @Test func vintagesFromPublishedFileNames() {
        #expect(
            DataVintage.bdcAsOf("bdc_23_FibertothePremises_fixed_broadband_J23_05mar2024.csv.gz") == "June 30, 2023")
        #expect(DataVintage.bdcAsOf("bdc_06_Cable_fixed_broadband_D22_10may2023.zip") == "December 31, 2022")
        #expect(DataVintage.bdcAsOf("bdc.csv") == nil)
        // The first release (November 2022) named files by the as-of date, MMDDYY.
        #expect(DataVintage.bdcAsOf("bdc_23_Cable_fixed_broadband_063022.zip") == "June 30, 2022")
        #expect(DataVintage.bdcAsOf("bdc_23_Cable_fixed_broadband_123122.zip") == "December 31, 2022")
        #expect(DataVintage.bdcAsOf("bdc_23023_sagadahoc_jun2022_nov2022release.csv") == "June 30, 2022")
        #expect(DataVintage.tigerVintage("maine_counties_tiger2019_covered_pop.geojson") == "TIGER/Line 2019")
        #expect(DataVintage.acsVintage("ACSST5Y2022.S2802-Data.csv") == "ACS 2018–2022 5-year")
        #expect(DataVintage.tigerVintage("tl_2020_23_tract.zip") == "TIGER/Line 2020")
        #expect(
            DataVintage.coverLine(role: "availability", path: "/x/bdc_23_x_J23_05mar2024.csv", synthetic: false)
                == "Availability: FCC BDC fixed availability, as of June 30, 2023 (bdc_23_x_J23_05mar2024.csv)")
    }
}
