import Testing
import TownhallContent
import TownhallData
@testable import TownhallStats

@Suite struct PeriodTests {
    @Test func readsMonthsQuartersYearsAndRanges() throws {
        let q = try StatsPeriod.parse("2026-Q3").get()
        #expect(q.kind == .quarter && q.from == Build.date("2026-07-01") && q.to == Build.date("2026-09-30"))
        #expect(q.label == "2026-Q3" && q.slug == "2026-q3" && q.text == "July to September 2026 (2026-Q3)")
        #expect(try StatsPeriod.parse("2026-q1").get().to == Build.date("2026-03-31"))
        let m = try StatsPeriod.parse("2026-02").get()
        #expect(m.kind == .month && m.to == Build.date("2026-02-28") && m.text == "February 2026")
        #expect(try StatsPeriod.parse("2024-02").get().to == Build.date("2024-02-29"), "a leap year's February")
        let y = try StatsPeriod.parse("2025").get()
        #expect(y.from == Build.date("2025-01-01") && y.to == Build.date("2025-12-31"))
        let r = try StatsPeriod.parse("2026-07-01..2026-09-30").get()
        #expect(r.kind == .range && r.months.map(\.description) == ["2026-07", "2026-08", "2026-09"])
        #expect(r.slug == "2026-07-01-to-2026-09-30")
    }

    @Test func rejectsMalformedPeriodsWithAnExplanation() {
        for bad in ["2026-Q5", "2026-13", "26-10", "Q3", "2026-10-01", "2026-09-30..2026-07-01", "2026-07-01..", ""] {
            guard case .failure(let error) = StatsPeriod.parse(bad) else {
                Issue.record("\(bad) should not parse")
                continue
            }
            #expect(error.message.contains(bad.isEmpty ? "found \"\"" : bad))
        }
    }

    @Test func asOfIsTheEndOrTheBuildDate() throws {
        let q = try StatsPeriod.parse("2026-Q4").get()
        #expect(q.asOf(Build.date("2026-11-20")) == Build.date("2026-11-20"))
        #expect(q.asOf(Build.date("2027-02-01")) == Build.date("2026-12-31"))
    }

    @Test func yearMonthArithmetic() {
        let m = YearMonth(year: 2026, month: 11)
        #expect(m.adding(2).description == "2027-01" && m.adding(-11).description == "2025-12")
        #expect(YearMonth(Build.date("2024-02-29")).lastDay == Build.date("2024-02-29"))
        #expect(YearMonth(year: 2025, month: 2).lastDay == Build.date("2025-02-28"))
        #expect(m.longText == "November 2026")
    }
}
