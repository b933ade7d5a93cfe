import Charts
import Testing

@Test func niceTicksForACountyTotal() {
    // 9,137 / 5 target ticks = 1,827.4 → magnitude 1,000, normalised 1.83 → step 2 × 1,000 = 2,000;
    // the domain widens to 0…10,000 (ceil(9,137 / 2,000) = 5 steps).
    let scale = LinearScale(domain: (0, 9137), range: (0, 500)).niced()
    #expect(scale.domainStart == 0 && scale.domainEnd == 10000)
    #expect(scale.ticks() == [0, 2000, 4000, 6000, 8000, 10000])
    // Mapping: 5,000 of 10,000 is halfway along 0…500.
    #expect(scale(5000) == 250)
}

@Test func niceStepsFollowOneTwoFive() {
    // span/5: 87/5 = 17.4 → 20; 1/5 = 0.2 → 0.2; 30/5 = 6 → 10; 12/5 = 2.4 → 5; 5/5 = 1 → 1.
    #expect(LinearScale.niceStep(span: 87, targetCount: 5) == 20)
    #expect(abs(LinearScale.niceStep(span: 1, targetCount: 5) - 0.2) < 1e-12)
    #expect(LinearScale.niceStep(span: 30, targetCount: 5) == 10)
    #expect(LinearScale.niceStep(span: 12, targetCount: 5) == 5)
    #expect(LinearScale.niceStep(span: 5, targetCount: 5) == 1)
    #expect(LinearScale(domain: (0, 1), range: (0, 1)).ticks() == [0, 0.2, 0.4, 0.6, 0.8, 1])
    // An all-zero domain still gives an axis: 0…1.
    let empty = LinearScale(domain: (0, 0), range: (0, 100)).niced()
    #expect(empty.domainEnd == 1)
}

@Test func bandScaleFollowsTheStepFormula() {
    // step = 100 / (4 − 0.25 + 2 × 0.15) = 100 / 4.05 = 24.6914; bandwidth = 0.75 × step = 18.5185;
    // first band starts at 0.15 × step = 3.7037.
    let b = BandScale(count: 4, range: (0, 100), paddingInner: 0.25, paddingOuter: 0.15)
    #expect(abs(b.step - 24.6914) < 1e-3)
    #expect(abs(b.bandwidth - 18.5185) < 1e-3)
    #expect(abs(b.start(0) - 3.7037) < 1e-3)
    // The last band ends one outer padding before the range end: 100 − 3.7037.
    #expect(abs(b.start(3) + b.bandwidth - 96.2963) < 1e-3)
}

@Test func numbersGetThousandsSeparators() {
    #expect(NumberFormatting.grouped(1_234_567) == "1,234,567")
    #expect(NumberFormatting.grouped(999) == "999")
    #expect(NumberFormatting.grouped(1000) == "1,000")
    #expect(NumberFormatting.grouped(0) == "0")
    #expect(NumberFormatting.grouped(-45_000) == "-45,000")
    #expect(NumberFormatting.grouped(12_345.678, decimals: 1) == "12,345.7")
    #expect(NumberFormatting.grouped(0.05, decimals: 2) == "0.05")
    #expect(NumberFormatting.percent(0.4567) == "45.7%")
    #expect(NumberFormatting.percent(1) == "100.0%")
    #expect(NumberFormatting.tick(0.6000000000000001, step: 0.2) == "0.6")
}
