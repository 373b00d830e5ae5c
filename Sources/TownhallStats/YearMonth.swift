import TownhallContent

/// A calendar month: what the monthly series, cohorts and reports count in. Dates carry no
/// time or zone (they are days on the site's clock), so a date's month is the month written.
public struct YearMonth: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// Months since year 0: `year * 12 + month - 1`.
    public let index: Int

    public init(index: Int) { self.index = index }

    public init(year: Int, month: Int) { index = year * 12 + month - 1 }

    /// The month a day falls in.
    public init(_ date: CalendarDate) { self.init(year: date.year, month: date.month) }

    public var year: Int { index / 12 }
    public var month: Int { index % 12 + 1 }

    public var firstDay: CalendarDate { CalendarDate(year: year, month: month, day: 1)! }
    public var lastDay: CalendarDate { CalendarDate(year: year, month: month, day: CalendarDate.daysIn(month: month, year: year))! }

    public func adding(_ months: Int) -> YearMonth { YearMonth(index: index + months) }

    /// Months from `self` to `other` (negative when `other` is earlier).
    public func distance(to other: YearMonth) -> Int { other.index - index }

    /// `2026-10`.
    public var description: String { "\(year)-\(month < 10 ? "0" : "")\(month)" }

    static let names = [
        "January", "February", "March", "April", "May", "June",
        "July", "August", "September", "October", "November", "December",
    ]

    /// `October 2026`.
    public var longText: String { "\(Self.names[month - 1]) \(year)" }

    /// `Oct 2026`.
    public var shortText: String { "\(Self.names[month - 1].prefix(3)) \(year)" }

    public static func < (a: YearMonth, b: YearMonth) -> Bool { a.index < b.index }

    /// Every month from `first` to `last`, both included.
    public static func range(_ first: YearMonth, _ last: YearMonth) -> [YearMonth] {
        first <= last ? (first.index...last.index).map(YearMonth.init(index:)) : []
    }
}
