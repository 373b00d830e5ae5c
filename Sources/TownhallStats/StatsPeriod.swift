import TownhallContent

/// The days a set of figures covers: a month (`2026-10`), a quarter (`2026-Q3`), a year
/// (`2026`), a range of days (`2026-07-01..2026-09-30`), or everything on record (`all`).
/// Figures are counted from `from` to the *as-of date*: `to`, or the build date when that
/// comes first (a period still running is counted so far).
public struct StatsPeriod: Sendable, Hashable, CustomStringConvertible {
    public enum Kind: String, Sendable, Hashable {
        case month, quarter, year, range, all
    }

    public var kind: Kind
    public var from: CalendarDate
    public var to: CalendarDate

    public init(kind: Kind, from: CalendarDate, to: CalendarDate) {
        self.kind = kind
        self.from = from
        self.to = to
    }

    public static func month(_ m: YearMonth) -> StatsPeriod { StatsPeriod(kind: .month, from: m.firstDay, to: m.lastDay) }

    public static func quarter(year: Int, _ q: Int) -> StatsPeriod {
        let first = YearMonth(year: year, month: (q - 1) * 3 + 1)
        return StatsPeriod(kind: .quarter, from: first.firstDay, to: first.adding(2).lastDay)
    }

    public static func year(_ y: Int) -> StatsPeriod {
        StatsPeriod(kind: .year, from: CalendarDate(year: y, month: 1, day: 1)!, to: CalendarDate(year: y, month: 12, day: 31)!)
    }

    /// Everything on record: from the first day of the month of the earliest record to `through`.
    public static func all(from first: CalendarDate?, through: CalendarDate) -> StatsPeriod {
        let start = first.map { min(YearMonth($0).firstDay, through) } ?? YearMonth(through).firstDay
        return StatsPeriod(kind: .all, from: start, to: through)
    }

    /// What went wrong reading a period.
    public struct ParseError: Error, Sendable, Equatable {
        public var message: String
    }

    /// Reads `2026-10`, `2026-Q3` (or `2026-q3`), `2026`, `2026-07-01..2026-09-30`.
    /// `all` needs the data's first date, so callers handle it.
    public static func parse(_ text: String) -> Result<StatsPeriod, ParseError> {
        let t = String(text.drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
        let fail = Result<StatsPeriod, ParseError>.failure(ParseError(
            message: "expected a period like 2026-10 (a month), 2026-Q3 (a quarter), 2026 (a year) or 2026-07-01..2026-09-30 (a range of days), found \"\(text)\""))
        if let dots = t.range(of: "..") {
            let a = String(t[..<dots.lowerBound]), b = String(t[dots.upperBound...])
            guard a.count == 10, b.count == 10, let from = CalendarDate(iso: a), let to = CalendarDate(iso: b) else { return fail }
            guard from <= to else {
                return .failure(ParseError(message: "the period \(text) ends before it starts"))
            }
            return .success(StatsPeriod(kind: .range, from: from, to: to))
        }
        let parts = t.split(separator: "-", omittingEmptySubsequences: false).map(String.init)
        guard let yearText = parts.first, yearText.count == 4, let year = Int(yearText), year >= 1 else { return fail }
        switch parts.count {
        case 1: return .success(.year(year))
        case 2:
            let p = parts[1]
            if p.count == 2, p.first == "Q" || p.first == "q", let q = Int(p.dropFirst()), (1...4).contains(q) {
                return .success(.quarter(year: year, q))
            }
            if p.count == 2, let m = Int(p), (1...12).contains(m) { return .success(.month(YearMonth(year: year, month: m))) }
            return fail
        default: return fail
        }
    }

    /// The date the figures describe: the end of the period, or `build` when that is earlier.
    public func asOf(_ build: CalendarDate) -> CalendarDate { min(to, build) }

    /// The calendar months the period touches, first to last.
    public var months: [YearMonth] { YearMonth.range(YearMonth(from), YearMonth(to)) }

    public var quarter: Int { (from.month - 1) / 3 + 1 }

    /// How the period is written in front matter and on the command line: `2026-Q3`.
    public var label: String {
        switch kind {
        case .month: return YearMonth(from).description
        case .quarter: return "\(from.year)-Q\(quarter)"
        case .year: return String(from.year)
        case .range: return "\(from)..\(to)"
        case .all: return "all"
        }
    }

    public var description: String { label }

    /// A URL segment: `2026-q3`, `2026-10`, `2026`, `2026-07-01-to-2026-09-30`, `all`.
    public var slug: String {
        switch kind {
        case .quarter: return "\(from.year)-q\(quarter)"
        case .range: return "\(from)-to-\(to)"
        default: return label
        }
    }

    /// In words: `October 2026`, `July to September 2026 (2026-Q3)`, `1 July 2026 to 30 September 2026`.
    public var text: String {
        switch kind {
        case .month: return YearMonth(from).longText
        case .quarter:
            let first = YearMonth(from), last = YearMonth(to)
            return "\(YearMonth.names[first.month - 1]) to \(YearMonth.names[last.month - 1]) \(from.year) (\(label))"
        case .year: return "the year \(from.year)"
        case .range: return "\(from.longText) to \(to.longText)"
        case .all: return "every record from \(from.longText) to \(to.longText)"
        }
    }
}
