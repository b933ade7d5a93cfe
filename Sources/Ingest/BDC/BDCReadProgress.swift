/// How far a parallel BDC read has come, for a progress line (`BDCReader.fold`'s `progress`).
public struct BDCReadProgress: Hashable, Sendable {
    /// CSV bytes read so far, after decompression.
    public var bytesRead: Int
    /// Seconds since the read started.
    public var elapsedSeconds: Double
    /// Input files finished, and files given.
    public var filesDone: Int
    public var filesTotal: Int
    /// The size of all inputs when every one is a plain (uncompressed) file, else nil: then
    /// `bytesRead / plainBytesTotal` is the fraction done.
    public var plainBytesTotal: Int?

    public init(bytesRead: Int, elapsedSeconds: Double, filesDone: Int, filesTotal: Int, plainBytesTotal: Int?) {
        self.bytesRead = bytesRead; self.elapsedSeconds = elapsedSeconds; self.filesDone = filesDone
        self.filesTotal = filesTotal; self.plainBytesTotal = plainBytesTotal
    }

    /// Bytes per second so far.
    public var bytesPerSecond: Double { elapsedSeconds > 0 ? Double(bytesRead) / elapsedSeconds : 0 }

    /// Fraction done (0…1) when the total is known.
    public var fractionDone: Double? {
        guard let total = plainBytesTotal, total > 0 else { return nil }
        return min(1, Double(bytesRead) / Double(total))
    }

    /// Seconds left at the rate so far, when the total is known.
    public var secondsLeft: Double? {
        guard let total = plainBytesTotal, bytesPerSecond > 0 else { return nil }
        return max(0, Double(total - bytesRead) / bytesPerSecond)
    }

    /// One line for a terminal: `412 MB of 2.37 GB (17 %), 602 MB/s, 3 s left` or, for compressed
    /// inputs, `412 MB read, 602 MB/s, file 2 of 50`.
    public var line: String {
        func mb(_ b: Double) -> String {
            b >= 1e9 ? String(format: "%.2f GB", b / 1e9) : String(format: "%.0f MB", b / 1e6)
        }
        let rate = mb(bytesPerSecond) + "/s"
        if let total = plainBytesTotal, let f = fractionDone, let left = secondsLeft {
            return
                "\(mb(Double(bytesRead))) of \(mb(Double(total))) (\(Int(f * 100)) %), \(rate), \(Int(left.rounded())) s left"
        }
        return "\(mb(Double(bytesRead))) read, \(rate), file \(min(filesDone + 1, filesTotal)) of \(filesTotal)"
    }
}
