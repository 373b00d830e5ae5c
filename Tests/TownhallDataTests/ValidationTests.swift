import Testing
import TownhallContent
import TownhallDiagnostics
@testable import TownhallData

@Suite struct ValidationTests {
    func messages(_ files: [String: String], asOf: String = "2026-11-20", config: SiteConfig = SiteConfig()) throws -> [String] {
        try DataFixture(files).load(asOf: asOf, config: config).messages
    }

    /// Compares the messages of a load with the expected ones (shown whole when they differ).
    func check(_ files: [String: String], asOf: String = "2026-11-20", config: SiteConfig = SiteConfig(), _ expected: [String],
               sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        let got = try messages(files, asOf: asOf, config: config)
        #expect(got == expected, sourceLocation: sourceLocation)
    }

    func replacing(_ text: String, _ old: String, _ new: String) -> String {
        precondition(text.contains(old), "fixture text not found: \(old)")
        return text.replacingOccurrences(of: old, with: new)
    }

    @Test func theBaseDataIsValid() throws {
        let (data, messages) = try DataFixture(Base.files()).load()
        #expect(messages.isEmpty)
        #expect(data.members.count == 3 && data.groups.count == 2 && data.events.count == 2)
        #expect(data.attendance.count == 2 && data.moderation.count == 1)
        #expect(data.member("m1")?.groups == ["all", "tea-02"])
        #expect(data.event("e1")?.end == EventTime(date: CalendarDate(year: 2024, month: 3, day: 2)!, minutes: 17 * 60))
        #expect(data.files == ["Content/data/attendance.csv", "Content/data/events.csv", "Content/data/groups.yaml", "Content/data/members.csv", "Content/data/moderation.csv"])
    }

    @Test func duplicateIDsPointAtTheSecondUse() throws {
        let members = Base.members + "\nm2,Someone Else,2024-05-01,,,member,all,,,,"
        try check(Base.files(members: members), [
            "Content/data/members.csv:5:1: error: duplicate member id \"m2\"; it is already used at Content/data/members.csv:3:1",
        ])
        let attendance = Base.attendance + "\ne1,m1,2024-02-25,yes,,no"
        try check(Base.files(attendance: attendance), [
            "Content/data/attendance.csv:4:4: error: member \"m1\" is registered twice for event \"e1\"; the first registration is at Content/data/attendance.csv:2:4",
        ])
    }

    @Test func unknownReferencesSuggestTheClosestID() throws {
        try check(Base.files(members: replacing(Base.members, "all;tea-02,,Riverside", "all;tea-2,,Riverside")), [
            "Content/data/members.csv:2:49: error: unknown group \"tea-2\"; did you mean \"tea-02\"?",
        ])
        try check(Base.files(attendance: replacing(Base.attendance, "e1,m3", "e3,m3")), [
            "Content/data/attendance.csv:3:1: error: unknown event \"e3\"; did you mean \"e1\"?",
        ])
        try check(Base.files(attendance: replacing(Base.attendance, "e1,m3", "e1,m9")), [
            "Content/data/attendance.csv:3:4: error: unknown member \"m9\"; did you mean \"m1\"?",
        ])
        try check(Base.files(groups: replacing(Base.groups, "parent: all", "parent: everyone")), [
            "Content/data/groups.yaml:7:11: error: unknown parent group \"everyone\"; known groups are all, tea-02",
        ])
        try check(Base.files(members: replacing(Base.members, "all,m1,Riverside", "all,x1,Riverside")), [
            "Content/data/members.csv:3:48: error: unknown referrer \"x1\"; did you mean \"m1\"?",
        ])
        try check(Base.files(events: replacing(Base.events, "meetup,tea-02", "meetup,tea-03")), [
            "Content/data/events.csv:2:46: error: unknown group \"tea-03\"; did you mean \"tea-02\"?",
        ])
        try check(Base.files(events: replacing(Base.events, "30,m1;m2", "30,m1;mm2")), [
            "Content/data/events.csv:2:79: error: unknown host \"mm2\"; did you mean \"m2\"?",
        ])
        try check(Base.files(moderation: replacing(Base.moderation, "m3", "m33")), [
            "Content/data/moderation.csv:2:12: error: unknown member \"m33\"; did you mean \"m3\"?",
        ])
    }

    /// The checks run side by side; the problems come in the same order on one thread or many.
    @Test func problemsComeInTheSameOrderOnAnyNumberOfThreads() throws {
        var members = replacing(Base.members, "all;tea-02,,Riverside", "all;tea-2,m3,Riverside")
        members += "\nm2,Someone Else,2024-05-01,,,member,all,,,,"
        let attendance = replacing(Base.attendance, "e1,m3", "e3,m9")
        let fixture = try DataFixture(Base.files(members: members, attendance: attendance))
        let one = fixture.load(threads: 1, keep: true).messages
        let every = fixture.load(threads: 0, keep: false).messages
        #expect(one.count >= 4, "duplicate, unknown group, cycle, unknown event and member: \(one)")
        #expect(one.contains { $0.contains("duplicate member id") } && one.contains { $0.contains("forms a cycle") })
        #expect(every == one)
    }

    @Test func cyclesAreReportedOnceWithTheWholeLoop() throws {
        // all → x → all is a cycle; tea-02 hangs off it but is not part of it.
        let groups = replacing(Base.groups, "  created: 2023-03-11", "  parent: x\n  created: 2023-03-11")
            + "\n- id: x\n  name: X\n  parent: all\n  created: 2023-03-11\n  kind: interest"
        try check(Base.files(groups: groups), [
            "Content/data/groups.yaml:3:11: error: group parents form a cycle: all → x → all",
        ])
        let members = replacing(Base.members, "founder,steward,all;tea-02,,", "founder,steward,all;tea-02,m3,")
        try check(Base.files(members: members), [
            "Content/data/members.csv:2:56: error: referral chain forms a cycle: m1 → m3 → m2 → m1",
        ])
        let selfReferral = replacing(Base.members, "founder,steward,all;tea-02,,", "founder,steward,all;tea-02,m1,")
        try check(Base.files(members: selfReferral), [
            "Content/data/members.csv:2:56: error: referral chain forms a cycle: m1 → m1",
        ])
    }

    @Test func thingsCannotEndBeforeTheyBegin() throws {
        try check(Base.files(members: replacing(Base.members, "2024-02-01,2025-01-01", "2024-02-01,2023-12-31")), [
            "Content/data/members.csv:4:24: error: member \"m3\" left on 2023-12-31, before joining on 2024-02-01",
        ])
        try check(Base.files(groups: Base.groups + "\n  closed: 2023-12-01"), [
            "Content/data/groups.yaml:10:11: error: group \"tea-02\" closed on 2023-12-01, before it was created on 2024-01-01",
        ])
        try check(Base.files(events: replacing(Base.events, "14:00,17:00", "14:00,13:00")), [
            "Content/data/events.csv:2:33: error: event \"e1\" ends (2024-03-02T13:00) before it starts (2024-03-02T14:00)",
        ])
    }

    @Test func subGroupsCannotBeOlderThanTheirParents() throws {
        try check(Base.files(groups: replacing(Base.groups, "created: 2024-01-01", "created: 2022-01-01")), [
            "Content/data/groups.yaml:8:12: error: group \"tea-02\" was created on 2022-01-01, before its parent \"all\" (created 2023-03-11)",
        ])
    }

    @Test func recordedDatesCannotBeAfterTheBuildDate() throws {
        try check(Base.files(), asOf: "2024-02-10", [
            "Content/data/attendance.csv:2:7: error: registration date 2024-02-20 is after the build date 2024-02-10",
            "Content/data/attendance.csv:3:7: error: registration date 2024-02-21 is after the build date 2024-02-10",
            "Content/data/moderation.csv:2:1: error: moderation date 2024-06-01 is after the build date 2024-02-10",
        ])
        try check(Base.files(attendance: "event,member,registered,attended\n", moderation: "date,member,rule,action\n"), asOf: "2024-01-10", [
            "Content/data/members.csv:3:16: error: joined date 2024-01-13 is after the build date 2024-01-10",
            "Content/data/members.csv:4:13: error: joined date 2024-02-01 is after the build date 2024-01-10",
        ])
        try check(Base.files(
            members: "id,name,joined,tier\n", attendance: "event,member,registered,attended\n", moderation: "date,member,rule,action\n"
        ).filter { $0.key != "data/events.csv" }, asOf: "2023-06-01", [
            "Content/data/groups.yaml:8:12: error: created date 2024-01-01 is after the build date 2023-06-01",
        ])
    }

    @Test func valuesOutsideAnEnumSuggestOrList() throws {
        try check(Base.files(members: replacing(Base.members, ",member,all", ",membr,all")), [
            "Content/data/members.csv:4:36: error: unknown tier \"membr\"; did you mean \"member\"?",
        ])
        try check(Base.files(events: replacing(Base.events, ",workshop,", ",hackathon,")), [
            "Content/data/events.csv:3:37: error: unknown kind \"hackathon\"; expected one of meetup, talk, workshop, online",
        ])
        try check(Base.files(moderation: replacing(Base.moderation, "warning", "ban")), [
            "Content/data/moderation.csv:2:22: error: unknown action \"ban\"; expected one of warning, second-warning, removal",
        ])
    }

    @Test func badValuesAreReportedWhereTheyAre() throws {
        let attendance = Base.attendance + "\ne2,m2,2026-11-30,maybe,7,no\ne1,m2,20/02/2024,yes,,no"
        try check(Base.files(attendance: attendance), [
            "Content/data/attendance.csv:4:18: error: expected yes or no for \"attended\", found \"maybe\"",
            "Content/data/attendance.csv:4:24: error: expected a whole number from 1 to 5 for \"rating\", found \"7\"",
            "Content/data/attendance.csv:5:7: error: expected a date like 2026-09-14 for \"registered\", found \"20/02/2024\"",
        ])
        try check(Base.files(events: replacing(Base.events, ",30,", ",thirty,")), [
            "Content/data/events.csv:2:73: error: expected a whole number (0 or more) for \"capacity\", found \"thirty\"",
        ])
        try check(Base.files(members: replacing(Base.members, "m2,Tomasz Wren,2024-01-13", "m2,,2024-01-13")), [
            "Content/data/members.csv:3:4: error: missing value for \"name\"",
        ])
        try check(Base.files(members: replacing(Base.members, "m3,Amira", "m 3,Amira")), [
            // The row is left out, so the rows that name m3 name nobody.
            "Content/data/attendance.csv:3:4: error: unknown member \"m3\"; did you mean \"m1\"?",
            "Content/data/members.csv:4:1: error: invalid id \"m 3\"; ids may contain only letters, digits, -, _ and . (they become URLs)",
            "Content/data/moderation.csv:2:12: error: unknown member \"m3\"; did you mean \"m1\"?",
        ])
    }

    @Test func aBadMemberRowDoesNotCascadeIntoUnknownReferences() throws {
        // m3's tier is wrong, but attendance and moderation rows naming m3 are not errors too.
        let messages = try messages(Base.files(members: replacing(Base.members, ",member,all", ",gold,all")))
        #expect(messages == ["Content/data/members.csv:4:36: error: unknown tier \"gold\"; expected one of guest, member, steward"])
    }

    @Test func wrongColumnCountsAreErrors() throws {
        try check(Base.files(attendance: Base.attendance + "\ne1,m2,2024-02-21,yes,,no,extra"), [
            "Content/data/attendance.csv:4:1: error: row has 7 fields but the header has 6; the row is left out",
        ])
    }

    @Test func unknownColumnsAreWarningsAndMissingOnesErrors() throws {
        let members = replacing(Base.members, "city,email,phone", "city,emial,phone")
        try check(Base.files(members: members), [
            "Content/data/members.csv:1:55: warning: unknown column \"emial\" in members is ignored; did you mean \"email\"?",
        ])
        let noTier = Base.members.split(separator: "\n").map { line in
            line.split(separator: ",", omittingEmptySubsequences: false).enumerated().filter { $0.offset != 5 }.map(\.element).joined(separator: ",")
        }.joined(separator: "\n")
        let result = try messages(Base.files(members: noTier))
        #expect(result == ["Content/data/members.csv:1:1: error: missing required column \"tier\""])
    }

    @Test func dataFilesAreFoundByKindAndFormat() throws {
        var files = Base.files()
        files["data/members.yaml"] = "- id: m9\n"
        files["data/memebers.json"] = "[]"
        try check(files, [
            "Content/data/members.yaml: error: members are already read from Content/data/members.csv; keep one file per kind",
            "Content/data/memebers.json: warning: unknown data file \"memebers.json\" is ignored; did you mean \"members.json\"?",
        ])
    }

    @Test func jsonAndYamlAreDecodedLikeCSV() throws {
        var files = Base.files()
        files["data/events.csv"] = nil
        files["data/events.json"] = """
            [{"id": "e1", "title": "Repair café", "date": "2024-03-02 14:00", "end": "17:00", "kind": "meetup",
              "group": "tea-02", "location": "Lock Street Library", "capacity": 30, "hosts": ["m1", "m2"]},
             {"id": "e2", "title": "Soldering", "date": "2026-12-10T18:30", "kind": "workshop", "location": "The Tannery",
              "capacity": 8, "hosts": ["m2", "m4"], "fee": "€15"}]
            """
        let (data, messages) = try DataFixture(files).load()
        #expect(messages == ["Content/data/events.json:4:34: error: unknown host \"m4\"; did you mean \"m1\"?"])
        #expect(data.events.map(\.capacity) == [30, 8])
    }

    @Test func publishedMemberFieldsMustExist() throws {
        var config = SiteConfig()
        config.privacy.publishMemberFields = ["name", "emial"]
        config.privacy.publishMemberFieldLocations = [SourceLocation(file: "site.yaml", line: 3, column: 27), SourceLocation(file: "site.yaml", line: 3, column: 33)]
        try check(Base.files(), config: config, [
            "site.yaml:3:33: error: unknown member field \"emial\" in privacy.publish_member_fields; did you mean \"email\"?",
        ])
    }
}
