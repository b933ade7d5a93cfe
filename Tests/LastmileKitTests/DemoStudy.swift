import TestSupport

@testable import LastmileKit

/// The demo study (datasets/demo), for the tests that run it whole.
enum DemoStudy {
    static let path = TestPaths.repo("datasets/demo/study.toml")

    /// The demo study with `overrides`, run with its outputs and run store under `out`.
    static func run(_ overrides: [String], in out: TemporaryDirectory) throws -> RunOutcome {
        try StudyRunner.run(try Study.load(path: path, overrides: overrides), options: RunOptions(outputRoot: out.path))
    }
}
