/// Bounds on what a CSV input may hold, so that a file that is not line-oriented text (a sparse
/// file, `/dev/zero`, a binary dump named `.csv`) is refused instead of buffered without limit.
public enum CSVLimits {
    /// The longest line (record) read: 1 MiB. BDC rows are about 150 bytes and the widest ACS
    /// header a few tens of kilobytes.
    public static let maximumLineLength = 1 << 20

    /// The message for a record longer than `maximumLineLength` (its line is in the error's location).
    public static let tooLong =
        "the line is longer than 1 MiB (\(maximumLineLength) bytes): this is not a line-oriented CSV file, or a quote is left open"

}
