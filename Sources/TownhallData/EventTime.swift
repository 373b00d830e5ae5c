import TownhallContent

/// When an event starts or ends: a day and, optionally, a time of day on the site's clock
/// (`time_zone` in site.yaml). Without a time the event lasts all day.
public struct EventTime: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var date: CalendarDate
    /// Minutes after midnight, when a time was given.
    public var minutes: Int?

    public init(date: CalendarDate, minutes: Int? = nil) {
        self.date = date
        self.minutes = minutes
    }

    /// `2026-12-05`, `2026-12-05 14:00`, `2026-12-05T14:00` or `2026-12-05T14:00:00`.
    public init?(text: String) {
        guard let date = CalendarDate(iso: text) else { return nil }
        let bytes = Array(text.utf8)
        if bytes.count == 10 {
            self.init(date: date)
            return
        }
        guard let minutes = Self.clock(bytes[11...]) else { return nil }
        self.init(date: date, minutes: minutes)
    }

    /// `14:00` or `14:00:00` → minutes after midnight.
    public static func clock(_ text: String) -> Int? { clock(Array(text.utf8)[...]) }

    static func clock(_ b: ArraySlice<UInt8>) -> Int? {
        let s = b.startIndex
        guard b.count == 5 || (b.count == 8 && b[s + 5] == 58 && b[s + 6] == 48 && b[s + 7] == 48), b[s + 2] == 58 else { return nil }
        func digit(_ k: Int) -> Int? {
            let c = b[s + k]
            return c >= 48 && c <= 57 ? Int(c - 48) : nil
        }
        guard let h1 = digit(0), let h2 = digit(1), let m1 = digit(3), let m2 = digit(4) else { return nil }
        let hour = h1 * 10 + h2, minute = m1 * 10 + m2
        guard hour < 24, minute < 60 else { return nil }
        return hour * 60 + minute
    }

    /// `14:00`, or nil for an all-day time.
    public var clockText: String? {
        guard let minutes else { return nil }
        let h = minutes / 60, m = minutes % 60
        return (h < 10 ? "0" : "") + "\(h):" + (m < 10 ? "0" : "") + "\(m)"
    }

    /// `2026-12-05` or `2026-12-05T14:00`, as HTML's `<time datetime>` wants it.
    public var description: String {
        guard let clock = clockText else { return date.description }
        return "\(date)T\(clock)"
    }

    public static func < (a: EventTime, b: EventTime) -> Bool {
        if a.date != b.date { return a.date < b.date }
        return (a.minutes ?? -1) < (b.minutes ?? -1)
    }
}
