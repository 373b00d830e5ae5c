import TownhallContent
import TownhallTemplates
import TownhallData

/// Dates and times in words, independent of the machine's locale.
enum DateText {
    static let weekdays = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]

    /// 1970-01-01 (day 0) was a Thursday.
    static func weekday(_ date: CalendarDate) -> String {
        let index = ((date.dayNumber + 3) % 7 + 7) % 7
        return weekdays[index]
    }

    /// `Saturday 5 December 2026, 14:00–17:00`, or `… to Sunday 6 December 2026`.
    static func span(_ start: EventTime, _ end: EventTime?) -> String {
        var out = "\(weekday(start.date)) \(start.date.longText)"
        if let clock = start.clockText { out += ", \(clock)" }
        guard let end else { return out }
        if end.date == start.date {
            if let clock = end.clockText { out += "–\(clock)" }
        } else {
            out += " to \(weekday(end.date)) \(end.date.longText)"
            if let clock = end.clockText { out += ", \(clock)" }
        }
        return out
    }

    /// `{iso, text}` as the other templates use for dates.
    static func value(_ date: CalendarDate) -> TemplateData {
        ["iso": .string(date.description), "text": .string(date.longText)]
    }
}
