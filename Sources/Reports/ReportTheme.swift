import Charts
import Graphics

/// Fonts, colours and page geometry of the report.
struct ReportTheme {
    let page: PageSize
    /// Side and bottom margins: 0.75 in (54 pt), the common US report margin that leaves room for
    /// printer non-printable edges (~0.25 in) and binding.
    let margin = 54.0
    /// Baseline area of the running header and footer inside the margins.
    let headerY = 28.0
    let contentTop = 66.0
    var footerY: Double { page.height - 40 }

    var content: PageRect {
        PageRect(x: margin, y: contentTop, width: page.width - 2 * margin, height: page.height - margin - contentTop)
    }

    static let ink = Color(red: 0.13, green: 0.13, blue: 0.13)
    static let muted = Color(red: 0.4, green: 0.4, blue: 0.4)
    static let rule = Color(red: 0.75, green: 0.75, blue: 0.75)
    static let stripe = Color(red: 0.95, green: 0.95, blue: 0.95)
    static let noticeFill = Color(red: 1.0, green: 0.93, blue: 0.88)

    let body = TextStyle(size: 10, color: ink)
    let small = TextStyle(size: 8, color: muted)
    let heading = TextStyle(size: 16, weight: .bold, color: ink)
    let subheading = TextStyle(size: 11, weight: .bold, color: ink)
    let caption = TextStyle(size: 9, italic: true, color: muted)
    let mono = TextStyle(family: FontCheck.monospaceFamily, size: 7, color: ink)
}
