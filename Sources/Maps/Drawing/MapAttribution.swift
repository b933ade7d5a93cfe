/// Source and licence lines a map must carry for the data it shows.
public enum MapAttribution {
    /// Ookla's attribution for its open speed-test tiles, as its licence requires: the credit wording
    /// of Ookla's open-data README (github.com/teamookla/ookla-open-data, "License") and the licence,
    /// Creative Commons Attribution-NonCommercial-ShareAlike 4.0 (CC BY-NC-SA 4.0), © Ookla, LLC.
    public static let ookla =
        "Speedtest® by Ookla® Global Fixed and Mobile Network Performance Maps, "
        + "© Ookla, LLC, licensed under CC BY-NC-SA 4.0. Ookla trademarks used under license and reprinted with permission."

    /// The source line with the given attributions appended, each as its own sentence.
    public static func joined(_ source: String, adding attributions: [String]) -> String {
        ([source] + attributions).map { $0.trimmingSpaces() }.filter { !$0.isEmpty }.joined(separator: " ")
    }
}

extension String {
    fileprivate func trimmingSpaces() -> String {
        var s = Substring(self)
        while s.first == " " { s.removeFirst() }
        while s.last == " " { s.removeLast() }
        return String(s)
    }
}
