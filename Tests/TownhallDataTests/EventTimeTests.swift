import Testing
import TownhallContent
@testable import TownhallData

@Suite struct EventTimeTests {
    @Test func readsDatesWithAndWithoutTimes() {
        #expect(EventTime(text: "2026-12-05")?.minutes == nil)
        #expect(EventTime(text: "2026-12-05 14:30")?.minutes == 14 * 60 + 30)
        #expect(EventTime(text: "2026-12-05T09:05")?.clockText == "09:05")
        #expect(EventTime(text: "2026-12-05T09:05:00")?.minutes == 9 * 60 + 5)
        #expect(EventTime(text: "2026-12-05 25:00") == nil)
        #expect(EventTime(text: "5 December") == nil)
        #expect(EventTime.clock("17:00") == 17 * 60)
    }

    @Test func ordersAllDayBeforeTimedOnTheSameDay() {
        let day = EventTime(text: "2026-12-05")!, morning = EventTime(text: "2026-12-05 09:00")!
        #expect(day < morning)
        #expect(morning.description == "2026-12-05T09:00")
    }

    @Test func figuresCountFirstTimersOnce() throws {
        let (data, messages) = try DataFixture(Base.files(attendance: Base.attendance + "\ne2,m1,2026-11-01,no,,no")).load()
        #expect(messages.isEmpty)
        let figures = EventFigures.all(data)
        #expect(figures[0].registered == 2 && figures[0].attended == 1 && figures[0].firstTimers == 1)
        #expect(figures[0].averageRating == 5)
        #expect(figures[1].registered == 1 && figures[1].firstTimers == 0)
    }

    @Test func groupSizesFollowJoiningLeavingAndClosing() throws {
        let (data, _) = try DataFixture(Base.files()).load()
        let membership = GroupMembership(data)
        let tea = data.groupIndex["tea-02"]!
        #expect(membership.size(of: tea, on: CalendarDate(iso: "2024-01-10")!) == 1)
        #expect(membership.size(of: tea, on: CalendarDate(iso: "2024-06-01")!) == 2)
        #expect(membership.size(of: tea, on: CalendarDate(iso: "2025-01-01")!) == 1, "m3 left that day")
        #expect(GroupMembership.quarterEnds(from: CalendarDate(iso: "2024-02-10")!, through: CalendarDate(iso: "2024-11-20")!)
            .map(\.description) == ["2024-03-31", "2024-06-30", "2024-09-30", "2024-11-20"])
    }
}
