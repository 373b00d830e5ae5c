import TownhallContent
import TownhallTemplates

/// The `{iso, text}` value of every date the pages' front matter holds, made once: cards on
/// tag, search and section pages show each page's dates again, and writing them out was a
/// sixth of a card. Found by day number, without hashing.
struct DateValues: Sendable {
    private let first: Int
    private let values: [TemplateData?]

    /// Dates further apart than this (about 270 years) are made when asked for, as others are.
    static let span = 100_000

    init(_ pages: [Page]) {
        var low = Int.max, high = Int.min
        func each(_ body: (CalendarDate) -> Void) {
            for page in pages {
                let fm = page.frontMatter
                for date in [fm.date, fm.updated, fm.reviewed] { if let date { body(date) } }
            }
        }
        each { date in
            low = min(low, date.dayNumber)
            high = max(high, date.dayNumber)
        }
        guard low <= high, high - low < Self.span else {
            (first, values) = (0, [])
            return
        }
        var values = [TemplateData?](repeating: nil, count: high - low + 1)
        each { date in
            if values[date.dayNumber - low] == nil { values[date.dayNumber - low] = DateText.value(date) }
        }
        (first, self.values) = (low, values)
    }

    /// The date's value, `.absent` for none.
    func value(_ date: CalendarDate?) -> TemplateData {
        guard let date else { return .absent }
        let k = date.dayNumber - first
        if k >= 0, k < values.count, let made = values[k] { return made }
        return DateText.value(date)
    }
}
