import TownhallContent

/// The retention cohort triangle: members grouped by the month they joined (their
/// cohort), and for k = 0, 1, 2 … the share still members, and the share still members who
/// attended an event in the `activeDays` days, on the last day of the k-th month after it.
public struct RetentionStats: Sendable, Equatable {
    public struct Cohort: Sendable, Equatable {
        public var month: YearMonth
        public var size = 0
        /// Still members at the end of month + k, for each k whose month has ended.
        public var retained: [Int] = []
        /// Of those, the ones who attended an event in the `activeDays` days up to it.
        public var attending: [Int] = []

        public func membership(_ k: Int) -> Ratio? { retained.indices.contains(k) ? Ratio(retained[k], of: size) : nil }
        public func attendance(_ k: Int) -> Ratio? { attending.indices.contains(k) ? Ratio(attending[k], of: size) : nil }
    }

    /// Oldest first.
    public var cohorts: [Cohort] = []
    /// Columns of the triangle (k = 0 … columns − 1).
    public var columns: Int { cohorts.map(\.retained.count).max() ?? 0 }

    /// Pooled k-month retention of the cohorts whose k-th month ended within the period
    /// (by the as-of date): retained ÷ cohort sizes, summed. Keyed by k.
    public var membershipAt: [Int: Ratio] = [:]
    public var attendanceAt: [Int: Ratio] = [:]

    /// The cohorts shown: the months of the period up to the as-of date, or the twelve
    /// months up to it when the period is shorter (so a monthly report still has a triangle).
    static func cohortMonths(from: CalendarDate, asOf: CalendarDate) -> [YearMonth] {
        let last = YearMonth(asOf)
        let first = min(YearMonth(from), last.adding(-11))
        return YearMonth.range(first, last)
    }

    static func compute(_ x: StatsIndex, period: StatsPeriod, asOf: CalendarDate, settings: StatsSettings) -> RetentionStats {
        var s = RetentionStats()
        let asOfDay = asOf.dayNumber
        let months = period.from <= asOf ? cohortMonths(from: period.from, asOf: asOf) : []
        guard let firstMonth = months.first else { return s }
        s.cohorts = months.map { month in
            // k runs while the month k months later has ended by the as-of date.
            var k = 0
            while month.adding(k).lastDay.dayNumber <= asOfDay { k += 1 }
            return Cohort(month: month, size: 0, retained: Array(repeating: 0, count: k), attending: Array(repeating: 0, count: k))
        }
        let ends = (0...months.count).map { firstMonth.adding($0).lastDay.dayNumber }
        for m in 0..<x.memberCount where !x.isGuest[m] {
            let c = YearMonth(CalendarDate(dayNumber: x.joined[m])).index - firstMonth.index
            guard c >= 0, c < months.count else { continue }
            s.cohorts[c].size += 1
            for k in s.cohorts[c].retained.indices {
                let end = ends[c + k]
                guard x.isMember(m, on: end) else { break }
                s.cohorts[c].retained[k] += 1
                if x.attended(m, within: settings.activeDays, upTo: end) { s.cohorts[c].attending[k] += 1 }
            }
        }
        // Summary marks: cohorts whose k-th month falls in the period and has ended.
        let periodMonths = Set(YearMonth.range(YearMonth(period.from), YearMonth(asOf)).map(\.index))
        for k in settings.retentionMarks {
            var size = 0, kept = 0, attending = 0
            for m in 0..<x.memberCount where !x.isGuest[m] {
                let target = YearMonth(CalendarDate(dayNumber: x.joined[m])).adding(k)
                guard periodMonths.contains(target.index) else { continue }
                let end = target.lastDay.dayNumber
                guard end <= asOfDay else { continue }
                size += 1
                if x.isMember(m, on: end) {
                    kept += 1
                    if x.attended(m, within: settings.activeDays, upTo: end) { attending += 1 }
                }
            }
            s.membershipAt[k] = Ratio(kept, of: size)
            s.attendanceAt[k] = Ratio(attending, of: size)
        }
        return s
    }
}
