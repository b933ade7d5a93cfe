/// Warnings `lastmile` prints on stderr on a successful run over the test inputs, for the tests to
/// pin (a successful command's stderr is otherwise expected empty).
enum Warnings {
    /// The start of the warning every run over availability files lacking a technology family prints.
    static let incompleteUniverse = "lastmile: warning: The location universe is incomplete"
    /// The whole stderr of a successful run of the bad-input corpus' base study
    /// (Tests/IngestTests/Fixtures/bad/base): its availability file has no unlicensed fixed wireless rows.
    static let baseStudy =
        "lastmile: warning: The location universe is incomplete: the availability files hold no"
        + " unlicensed fixed wireless (70) rows, and no locations file (the FCC Fabric) was given. Unserved may be"
        + " undercounted: locations present only in the missing files are absent.\n"
    /// The warning of the real Sagadahoc fiber-only file (datasets/real/fcc-bdc-maine), classify's whole stderr.
    static let fiberOnly =
        "lastmile: warning: The location universe is incomplete: the availability files hold no"
        + " copper (10), cable (40), unlicensed fixed wireless (70), licensed fixed wireless (71, 72) and satellite"
        + " (60, 61) rows, and no locations file (the FCC Fabric) was given. Unserved may be undercounted: locations"
        + " present only in the missing files are absent. Locations served only by copper (10), cable (40) or"
        + " licensed fixed wireless (71, 72) are counted as worse served than they are.\n"
    /// A study over the 16 Maine counties with availability in one county only.
    static let fifteenEmptyCounties =
        "lastmile: warning: 15 areas in the areas file have no location in the"
        + " availability files (reported with 0 locations)"
}
