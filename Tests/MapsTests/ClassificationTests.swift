import GeoModel
import Testing

@testable import Maps

/// Quantile, equal-interval and manual classification against mapclassify's semantics.
///
/// Every expected number below was worked out by hand (shown), then confirmed with
/// mapclassify 2.10.0 / scipy 1.17.1 / numpy 2.4.6 (`mapclassify.Quantiles(np.array(y), k=k).bins`,
/// `.counts`, `.yb`); where the last bit of a break differs from the decimal hand value, the
/// literal is mapclassify's `repr` output, which our arithmetic reproduces exactly.
struct ClassificationTests {
    @Test func quantileBreaksOfOneToTenInFiveClasses() throws {
        // y = 1…10 (n = 10), k = 5: percentiles p = 20, 40, 60, 80, 100; index = p/100·(n-1) = p·0.09.
        //   p=20: idx 1.8 → y[1]·0.2 + y[2]·0.8 = 2·0.2 + 3·0.8 = 2.8
        //   p=40: idx 3.6 → 4·0.4 + 5·0.6 = 4.6
        //   p=60: idx 5.4 → 6·0.6 + 7·0.4 = 6.4
        //   p=80: idx 7.2 → 8·0.8 + 9·0.2 = 8.2
        //   p=100: idx 9 → 10
        // numpy.percentile(y, [20,40,60,80,100]) prints [2.8 4.6 6.4 8.2 10.]; mapclassify's reprs:
        // 2.8000000000000003, 4.6, 6.3999999999999995, 8.2, 10.0. Counts: two values per class.
        let c = try Classification(values: (1...10).map(Double.init), scheme: .quantile, classCount: 5)
        #expect(c.breaks == [2.8000000000000003, 4.6, 6.3999999999999995, 8.2, 10.0])
        #expect(c.counts == [2, 2, 2, 2, 2])
        #expect(c.minimum == 1)
        #expect((1...10).map { c.classIndex(of: Double($0)) } == [0, 0, 1, 1, 2, 2, 3, 3, 4, 4])
    }

    @Test func quantileBreaksOfFractions() throws {
        // y = .05 .10 .15 .20 .30 .40 .55 .70 .85 1.00, k = 5 (same indices as above):
        //   idx 1.8 → .10·.2 + .15·.8 = .02 + .12 = .14
        //   idx 3.6 → .20·.4 + .30·.6 = .08 + .18 = .26
        //   idx 5.4 → .40·.6 + .55·.4 = .24 + .22 = .46
        //   idx 7.2 → .70·.8 + .85·.2 = .56 + .17 = .73
        //   idx 9   → 1.00
        // mapclassify: 0.13999999999999999, 0.26, 0.45999999999999996, 0.73, 1.0; counts [2,2,2,2,2].
        let y = [0.05, 0.10, 0.15, 0.20, 0.30, 0.40, 0.55, 0.70, 0.85, 1.00]
        let c = try Classification(values: y.reversed(), scheme: .quantile, classCount: 5)
        #expect(c.breaks == [0.13999999999999999, 0.26, 0.45999999999999996, 0.73, 1.0])
        #expect(c.counts == [2, 2, 2, 2, 2])
    }

    @Test func tiedQuantileBinsCollapse() throws {
        // y = 1 1 1 1 1 1 2 3 (n = 8), k = 4: p = 25, 50, 75, 100; idx = p/100·7.
        //   idx 1.75 → 1·.25 + 1·.75 = 1;  idx 3.5 → 1;  idx 5.25 → 1·.75 + 2·.25 = 1.25;  idx 7 → 3
        // np.unique([1, 1, 1.25, 3]) = [1, 1.25, 3]: three classes, not four.
        // Counts: v ≤ 1 → six 1s; 1 < v ≤ 1.25 → none; 1.25 < v ≤ 3 → 2 and 3. mapclassify: [6, 0, 2].
        let c = try Classification(values: [1, 1, 1, 1, 1, 1, 2, 3], scheme: .quantile, classCount: 4)
        #expect(c.breaks == [1, 1.25, 3])
        #expect(c.classCount == 3)
        #expect(c.counts == [6, 0, 2])
    }

    @Test func valueEqualToABreakGoesToTheLowerClass() throws {
        // y = 1 2 3 4 5, k = 4: idx = p/100·4 = 1, 2, 3, 4 exactly → bins [2, 3, 4, 5].
        // 2 == bins[0] → class 0 (bins[j-1] < v <= bins[j]); 3 → class 1; 4 → 2; 5 → 3.
        // mapclassify: yb [0, 0, 1, 2, 3], counts [2, 1, 1, 1].
        let c = try Classification(values: [5, 4, 3, 2, 1], scheme: .quantile, classCount: 4)
        #expect(c.breaks == [2, 3, 4, 5])
        #expect(c.classIndex(of: 2) == 0)
        #expect(c.classIndex(of: 2.000001) == 1)
        #expect(c.classIndex(of: 3) == 1)
        #expect(c.classIndex(of: 5) == 3)
        #expect(c.classIndex(of: 5.5) == nil)
        #expect(c.classIndex(of: -10) == 0)
        #expect(c.counts == [2, 1, 1, 1])
        // Legend ranges: class 0 from the minimum, others from the previous break.
        #expect(c.lowerBound(ofClass: 0) == 1)
        #expect(c.lowerBound(ofClass: 2) == 3)
    }

    @Test func singleValueMakesOneClass() throws {
        // Every percentile of one value is that value: np.unique leaves one bin (mapclassify: [0.42], [1]).
        let c = try Classification(values: [0.42], scheme: .quantile, classCount: 5)
        #expect(c.breaks == [0.42])
        #expect(c.counts == [1])
    }

    @Test func equalIntervalBreaks() throws {
        // y = 0 .1 .25 .5 .8 1, k = 4: width = (1 - 0)/4 = .25; cuts .25 .5 .75, last set to max 1.
        // v ≤ .25: 0, .1, .25 (3); .25 < v ≤ .5: .5 (1); .5 < v ≤ .75: none; .75 < v ≤ 1: .8, 1 (2).
        // mapclassify.EqualInterval: bins [0.25, 0.5, 0.75, 1.0], counts [3, 1, 0, 2].
        let c = try Classification(values: [0, 0.1, 0.25, 0.5, 0.8, 1.0], scheme: .equalInterval, classCount: 4)
        #expect(c.breaks == [0.25, 0.5, 0.75, 1.0])
        #expect(c.counts == [3, 1, 0, 2])
        #expect(c.classIndex(of: 0.25) == 0)
    }

    @Test func equalIntervalWithUnevenRange() throws {
        // y = .02 .30 .11 .47 .05, k = 3: width = (.47 - .02)/3 = .15; cuts .17, .32, then max .47.
        // Counts: ≤ .17: .02 .11 .05 (3); (.17, .32]: .30 (1); (.32, .47]: .47 (1).
        // mapclassify: bins 0.16999999999999998, 0.31999999999999995, 0.47; counts [3, 1, 1].
        let c = try Classification(values: [0.02, 0.3, 0.11, 0.47, 0.05], scheme: .equalInterval, classCount: 3)
        #expect(c.breaks == [0.16999999999999998, 0.31999999999999995, 0.47])
        #expect(c.counts == [3, 1, 1])
    }

    @Test func equalIntervalOfEqualValuesIsOneClass() throws {
        let c = try Classification(values: [0.3, 0.3, 0.3], scheme: .equalInterval, classCount: 5)
        #expect(c.breaks == [0.3])
        #expect(c.counts == [3])
    }

    @Test func naturalBreaksFindObviousClusters() throws {
        // Three clusters 1–3, 10–12, 20–22: any other 3-way split mixes clusters and costs more;
        // class upper bounds 3, 12, 22 (mapclassify.FisherJenks(k=3).bins: [3.0, 12.0, 22.0]).
        let c = try Classification(values: [22, 1, 2, 3, 10, 11, 12, 20, 21], scheme: .naturalBreaks, classCount: 3)
        #expect(c.breaks == [3, 12, 22])
        #expect(c.counts == [3, 3, 3])
    }

    @Test func naturalBreaksMatchMapclassify() throws {
        // y_i = round(((37·i) mod 101)/101 · (1 + i mod 5), 4) for i = 0…39 (printed by Python);
        // mapclassify 2.10.0 FisherJenks(y, k=5): bins [0.495, 1.1881, 1.7228, 3.1188, 4.802],
        // counts [10, 11, 7, 8, 4].
        let y = [
            0.0, 0.7327, 2.198, 0.396, 2.3267, 0.8317, 0.396, 1.6931, 3.7228, 1.4851, 0.6634, 0.0594, 1.1881,
            3.0495, 0.6436, 0.495, 1.7228, 0.6832, 2.3762, 4.802, 0.3267, 1.3861, 0.1782, 1.703, 3.9604, 0.1584,
            1.0495, 2.6733, 1.0297, 3.1188, 0.9901, 0.7129, 2.1683, 0.3564, 2.2772, 0.8218, 0.3762, 1.6634,
            3.6832, 1.4356,
        ]
        let c = try Classification(values: y, scheme: .naturalBreaks, classCount: 5)
        #expect(c.breaks == [0.495, 1.1881, 1.7228, 3.1188, 4.802])
        #expect(c.counts == [10, 11, 7, 8, 4])
        // Shares with ties, k = 4: mapclassify bins [0.051, 0.22, 0.51, 1.0], counts [4, 3, 2, 5].
        let shares = [0.0123, 0.0456, 0.0456, 0.051, 0.2, 0.21, 0.22, 0.5, 0.51, 0.9, 0.93, 0.95, 0.97, 1.0]
        let d = try Classification(values: shares, scheme: .naturalBreaks, classCount: 4)
        #expect(d.breaks == [0.051, 0.22, 0.51, 1.0])
        #expect(d.counts == [4, 3, 2, 5])
    }

    @Test func naturalBreaksWithFewDistinctValues() throws {
        // Two distinct values, five classes asked: one class per distinct value.
        let c = try Classification(values: [0.2, 0.2, 0.7], scheme: .naturalBreaks, classCount: 5)
        #expect(c.breaks == [0.2, 0.7])
        #expect(c.counts == [2, 1])
        let one = try Classification(values: [0.4, 0.4], scheme: .naturalBreaks, classCount: 5)
        #expect(one.breaks == [0.4])
    }

    @Test func manualBreaksAppendTheMaximum() throws {
        // mapclassify.UserDefined(y=[.05, .3, .9], bins=[.1, .5]): .9 > .5 so bins [.1, .5, .9], counts [1, 1, 1].
        let c = try Classification(values: [0.05, 0.3, 0.9], scheme: .manual([0.1, 0.5]))
        #expect(c.breaks == [0.1, 0.5, 0.9])
        #expect(c.counts == [1, 1, 1])
        // Breaks that already cover the data are kept as given, empty classes included.
        let d = try Classification(values: [0.2, 0.3], scheme: .manual([0.1, 0.25, 1]))
        #expect(d.breaks == [0.1, 0.25, 1])
        #expect(d.counts == [0, 1, 1])
        // The minimum .2 is above the first break: class 0 has no lower end ("≤ 10.0%").
        #expect(d.lowerBound(ofClass: 0) == nil)
    }

    @Test func badParametersAreUsageErrors() {
        #expect(throws: LastmileError.self) { try Classification(values: [1], scheme: .quantile, classCount: 0) }
        #expect(throws: LastmileError.self) { try Classification(values: [1], scheme: .manual([0.5, 0.2])) }
        #expect(throws: LastmileError.self) { try Classification(values: [1], scheme: .manual([])) }
        #expect(throws: LastmileError.self) { try Classification(values: [.nan], scheme: .quantile) }
    }

    @Test func noValuesGiveNoClasses() throws {
        let c = try Classification(values: [], scheme: .quantile)
        #expect(c.breaks.isEmpty)
        #expect(c.counts.isEmpty)
        #expect(c.minimum == nil)
    }
}
