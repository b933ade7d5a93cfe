import Testing

@testable import Maps

struct ScaleBarTests {
    @Test func roundLengthsFollowOneTwoFive() {
        #expect(ScaleBar.roundLength(notExceeding: 1) == 1)
        #expect(ScaleBar.roundLength(notExceeding: 0.999) == 0.5)
        #expect(ScaleBar.roundLength(notExceeding: 7) == 5)
        #expect(ScaleBar.roundLength(notExceeding: 19.99) == 10)
        #expect(ScaleBar.roundLength(notExceeding: 20) == 20)
        #expect(ScaleBar.roundLength(notExceeding: 1234) == 1000)
        #expect(ScaleBar.roundLength(notExceeding: 0.0031) == 0.002)
        #expect(ScaleBar.roundLength(notExceeding: 0) == 0)
    }

    @Test func tenKilometresAcrossFourHundredPoints() {
        // 10,000 m / 400 pt = 25 m/pt. A fifth of the width is 80 pt = 2,000 m:
        //   km: 2 km fits exactly → 2 km, 2,000/25 = 80 pt.
        //   mi: 2,000 m = 1.2427 mi → 1 mi = 1,609.344 m → 64.37376 pt.
        let km = ScaleBar(unit: .kilometres, metresPerPoint: 25, maxWidth: 400 / 5)
        #expect(km.length == 2)
        #expect(km.width == 80)
        #expect(km.label == "2 km")
        let mi = ScaleBar(unit: .miles, metresPerPoint: 25, maxWidth: 80)
        #expect(mi.length == 1)
        #expect(abs(mi.width - 64.37376) < 1e-9)
        #expect(mi.label == "1 mi")
    }

    @Test func hundredKilometresAcrossFiveHundredPoints() {
        // 200 m/pt, max 100 pt = 20 km → 20 km bar (100 pt); 20 km = 12.43 mi → 10 mi = 16,093.44 m → 80.4672 pt.
        let km = ScaleBar(unit: .kilometres, metresPerPoint: 200, maxWidth: 100)
        #expect(km.length == 20 && km.width == 100 && km.label == "20 km")
        let mi = ScaleBar(unit: .miles, metresPerPoint: 200, maxWidth: 100)
        #expect(mi.length == 10 && abs(mi.width - 80.4672) < 1e-9 && mi.label == "10 mi")
    }

    @Test func threeKilometresAcrossThreeHundredPoints() {
        // 10 m/pt, max 60 pt = 600 m: km → 0.5 km ("500 m", 50 pt); 600 m = 0.3728 mi → 0.2 mi
        // = 321.8688 m → 32.18688 pt.
        let km = ScaleBar(unit: .kilometres, metresPerPoint: 10, maxWidth: 60)
        #expect(km.length == 0.5 && km.width == 50 && km.label == "500 m")
        let mi = ScaleBar(unit: .miles, metresPerPoint: 10, maxWidth: 60)
        #expect(mi.length == 0.2 && abs(mi.width - 32.18688) < 1e-9 && mi.label == "0.2 mi")
    }

    @Test func maineWideBar() {
        // Maine is about 330 km wide; drawn 400 pt wide that is 825 m/pt; max 80 pt = 66 km → 50 km
        // (60.6 pt); 66 km = 41.0 mi → 20 mi = 32,186.88 m → 39.02 pt. Bars stay within the limit.
        let km = ScaleBar(unit: .kilometres, metresPerPoint: 825, maxWidth: 80)
        #expect(km.length == 50 && km.width <= 80 && km.width >= 0.4 * 80)
        let mi = ScaleBar(unit: .miles, metresPerPoint: 825, maxWidth: 80)
        #expect(mi.length == 20 && mi.width <= 80)
    }
}
