import GeoModel

/// Advertised against measured: areas the availability files call mostly served while the speed tests
/// taken there mostly fall short. Each is a place to look for availability challenges (the FCC's
/// challenge process, a state's BEAD challenge), not proof: tests measure the plan a user bought and
/// their Wi-Fi as well as the network.
public struct ChallengeCandidates: Sendable {
    /// "Most locations served": at least this share served under the rule (planning assumption).
    public static let servedShare = 0.5
    /// "Tests fall short": at least this share of tests in tiles averaging below 100/20, i.e. the median
    /// test is below the benchmark the files claim (planning assumption).
    public static let testsBelowShare = 0.5

    /// The areas with at least `minimumTests` tests: those the tests can judge.
    public var judged: [AreaResult]
    /// The candidates among them, the largest shortfall first (ties: more tests, then id).
    public var candidates: [AreaResult]

    public init(_ results: [AreaResult], minimumTests: Int) {
        judged = results.filter { ($0.measuredSpeeds?.tests ?? 0) >= minimumTests }
        candidates = judged.filter { r in
            guard r.counts.locations > 0, let below = r.measuredSpeeds?.testsBelow100x20Share else { return false }
            return Double(r.counts.served) / Double(r.counts.locations) >= Self.servedShare
                && below >= Self.testsBelowShare
        }.sorted { a, b in
            let x = a.measuredSpeeds!
            let y = b.measuredSpeeds!
            if x.testsBelow100x20Share != y.testsBelow100x20Share {
                return x.testsBelow100x20Share! > y.testsBelow100x20Share!
            }
            return x.tests != y.tests ? x.tests > y.tests : a.id < b.id
        }
    }
}
