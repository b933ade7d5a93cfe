import Foundation
import Testing

@testable import Analysis

@Suite struct BassDiffusionTests {
    @Test func yearlyCurveMatchesClosedForm() {
        // F(t) = (1 − e^{−0.41t}) / (1 + (0.38/0.03) e^{−0.41t}), evaluated in python:
        // F(1) = 0.0357581643, F(2) = 0.0850562814, F(5) = 0.3311986425, F(10) = 0.8128032212, F(20) = 0.9962594145.
        let curve = BassDiffusion().yearlyCumulative(years: 20)
        #expect(curve.count == 20)
        for (t, expected) in [
            (1, 0.0357581643), (2, 0.0850562814), (5, 0.3311986425), (10, 0.8128032212), (20, 0.9962594145),
        ] {
            #expect(abs(curve[t - 1] - expected) < 1e-9, "F(\(t))")
        }
        #expect(BassDiffusion().cumulative(at: 0) == 0)
        #expect(zip(curve, curve.dropFirst()).allSatisfy { $0 < $1 })
    }

    @Test func fitRecoversTheDiscreteBassParameters() throws {
        // Generated in python by N_t = N_{t−1} + p·m + (q − p)·N_{t−1} − (q/m)·N_{t−1}², p = 0.03, q = 0.38, m = 1000.
        let observed = [
            30.0, 70.158, 122.84288491368001, 190.10355237138006, 272.9068386641602,
            370.1225380125432, 477.6089629218917, 588.0901777884903,
        ]
        let fit = try #require(BassDiffusion.fit(cumulativeSubscribers: observed))
        #expect(abs(fit.curve.p - 0.03) < 1e-6)
        #expect(abs(fit.curve.q - 0.38) < 1e-6)
        #expect(abs(fit.marketSize - 1000) < 1e-3)
    }

    @Test func fitNeedsThreeObservationsAndASaturatingCurve() {
        #expect(BassDiffusion.fit(cumulativeSubscribers: [10, 20]) == nil)
        // Accelerating without bound (c ≥ 0): no market size.
        #expect(BassDiffusion.fit(cumulativeSubscribers: [10, 30, 70, 150, 310]) == nil)
    }
}
