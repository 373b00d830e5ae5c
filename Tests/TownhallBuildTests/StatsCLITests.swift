import Foundation
import Testing

@Suite struct StatsCLITests {
    static let tinySite = """
        -- Content/_index.md --
        # Home
        -- Content/data/members.csv --
        id,name,joined,tier,referred_by,email
        m1,Maren Okafor,2026-01-06,steward,,maren@example.org
        m2,Tomasz Wren,2026-02-13,member,m1,tomasz@example.org
        m3,Amira Kaur,2026-10-01,member,m1,amira@example.org
        -- Content/data/events.csv --
        id,title,date,kind,location,capacity,hosts
        e1,Repair café,2026-10-31 23:30,meetup,Lock Street Library,30,m1
        -- Content/data/attendance.csv --
        event,member,registered,attended
        e1,m1,2026-10-20,yes
        e1,m2,2026-10-20,yes
        e1,m3,2026-10-21,no
        """

    @Test func printsTextJSONAndMarkdown() throws {
        let dir = TempDir()
        try dir.write(Self.tinySite)
        let text = try townhall(["stats", "--period", "2026-10", "--as-of", "2026-11-20"], in: dir.url)
        #expect(text.status == 0, "\(text.stderr)")
        #expect(text.stdout.hasPrefix("Untitled community: statistics for October 2026, as of 31 October 2026\n"))
        #expect(text.stdout.contains("events.count") && text.stdout.contains("fewer than 5"))
        let markdown = try townhall(["stats", "--period", "2026-10", "--format", "markdown", "--as-of", "2026-11-20"], in: dir.url)
        #expect(markdown.stdout.hasPrefix("## Untitled community: statistics for October 2026, as of 31 October 2026\n"))
        #expect(markdown.stdout.contains("| Events | 1 | `events.count` |"))
        let json = try townhall(["stats", "--period", "2026-10", "--format", "json", "--as-of", "2026-11-20"], in: dir.url)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(object["schema"] as? String == "townhall-stats/1")
        #expect(!json.stdout.contains("Maren") && !json.stdout.contains("example.org"), "names are not published by default")
    }

    @Test func rejectsBadPeriodsAndBadData() throws {
        let dir = TempDir()
        try dir.write(Self.tinySite)
        let bad = try townhall(["stats", "--period", "2026-Q5", "--as-of", "2026-11-20"], in: dir.url)
        #expect(bad.status == 1 && bad.stdout.isEmpty)
        #expect(bad.stderr.contains("error: expected a period like 2026-10 (a month), 2026-Q3 (a quarter)"))
        let future = try townhall(["stats", "--period", "2027-Q1", "--as-of", "2026-11-20"], in: dir.url)
        #expect(future.status == 1 && future.stderr.contains("the period 2027-Q1 starts after the build date 2026-11-20"))
        try dir.write("""
            -- Content/data/members.csv --
            id,name,joined,tier
            m1,Maren Okafor,2026-01-06,gold
            """)
        let invalid = try townhall(["stats", "--as-of", "2026-11-20"], in: dir.url)
        #expect(invalid.status == 1 && invalid.stdout.isEmpty && invalid.stderr.contains("unknown tier \"gold\""))
    }

    @Test func theBuildDateFollowsTheSiteTimeZoneAtAMonthBoundary() throws {
        // 2026-10-31 23:30 UTC is already 1 November in Berlin (UTC+1 after the clocks change).
        let epoch = ["SOURCE_DATE_EPOCH": "1793489400"]
        let berlin = TempDir()
        try berlin.write(Self.tinySite + "\n-- Content/site.yaml --\ntime_zone: Europe/Berlin\n")
        let all = try townhall(["stats", "--format", "json"], in: berlin.url, environment: epoch)
        #expect(all.stdout.contains("\"as_of\": \"2026-11-01\""), "\(all.stderr)")
        let november = try townhall(["stats", "--period", "2026-11", "--format", "json"], in: berlin.url, environment: epoch)
        #expect(november.status == 0 && november.stdout.contains("\"as_of\": \"2026-11-01\""))
        let october = try townhall(["stats", "--period", "2026-10", "--format", "json"], in: berlin.url, environment: epoch)
        #expect(october.stdout.contains("\"as_of\": \"2026-10-31\""))
        #expect(october.stdout.contains("\"events.count\": {") && october.stdout.contains("\"value\": 1\n"), "the 23:30 event is in October")
        let utc = TempDir()
        try utc.write(Self.tinySite)
        let same = try townhall(["stats", "--format", "json"], in: utc.url, environment: epoch)
        #expect(same.stdout.contains("\"as_of\": \"2026-10-31\""))
        let early = try townhall(["stats", "--period", "2026-11"], in: utc.url, environment: epoch)
        #expect(early.status == 1, "in UTC, November has not begun")
    }
}

@Suite struct StatsPrivacyTests {
    @Test func statsOutputsPublishCountsOnlyAndNoNamesByDefault() throws {
        let dir = TempDir()
        try dir.copyTemplates()
        try dir.write(StatsCLITests.tinySite)
        let result = try townhall(["build", "--quiet", "--as-of", "2026-11-20"], in: dir.url)
        #expect(result.status == 0, "\(result.stderr)")
        let files = tree(dir.url.appendingPathComponent("Site")).filter { $0.key.hasPrefix("stats/") }
        #expect(files.count > 30)
        for (path, data) in files {
            let text = String(decoding: data, as: UTF8.self)
            for secret in ["Maren", "Tomasz", "Amira", "example.org", "m1", "m2"] where text.contains(secret) {
                // Member ids are not names, but they are not published either.
                Issue.record("\(path) contains \(secret)")
            }
        }
        let overview = try #require(dir.read("Site/stats/index.html"))
        #expect(overview.contains("<div class=\"key-figure\"><dt>Members</dt><dd>fewer than 5</dd></div>"))
        #expect(overview.contains("<div class=\"key-figure\"><dt>Show-up rate</dt><dd>fewer than 5</dd></div>"), "a rate over three registrations")
        #expect(overview.contains("<div class=\"key-figure\"><dt>Events</dt><dd>1</dd></div>"), "events are not people")
    }

    @Test func aPageInContentStatsIntroducesTheGeneratedPage() throws {
        let dir = TempDir()
        try dir.copyTemplates()
        try dir.write(StatsCLITests.tinySite + """

            -- Content/stats/membership.md --
            ---
            title: Who we are
            ---

            Members are counted on the day, and leave on the day they say so.
            """)
        let result = try townhall(["build", "--quiet", "--as-of", "2026-11-20"], in: dir.url)
        #expect(result.status == 0, "\(result.stderr)")
        let page = try #require(dir.read("Site/stats/membership/index.html"))
        #expect(page.contains("<h1>Who we are</h1>"))
        #expect(page.contains("<p>Members are counted on the day, and leave on the day they say so.</p>"))
        #expect(page.contains("<div class=\"key-figure\"><dt>Joined</dt>") && page.contains("<svg "))
    }

    @Test func aSiteWithoutDataBuildsReportsWithEmptyFigures() throws {
        let dir = TempDir()
        try dir.copyTemplates()
        try dir.write("""
            -- Content/_index.md --
            # Home
            -- Content/reports/2026-10.md --
            ---
            title: October
            period: 2026-10
            ---

            We had `{{members.total}}` members and a show-up rate of `{{events.show_up_rate}}`.

            ```chart
            events.attendance
            ```
            """)
        let result = try townhall(["build", "--quiet", "--as-of", "2026-11-20"], in: dir.url)
        #expect(result.status == 0, "\(result.stderr)")
        let page = try #require(dir.read("Site/reports/2026-10/index.html"))
        #expect(page.contains(">fewer than 5</span> members") && page.contains("show-up rate of <span class=\"figure-value\""))
        #expect(page.contains(">—</span>."), "0/0 is a dash")
        #expect(page.contains("No data for this period"))
        #expect(dir.read("Site/reports/2026-10/events.attendance.csv") == "Month,First-timers,Returning,Attended\r\n2026-10,fewer than 5,fewer than 5,fewer than 5\r\n")
        #expect(dir.read("Site/stats/index.html") == nil, "no statistics pages without data")
    }

    @Test func aReportPeriodAfterTheBuildDateIsAnError() throws {
        let dir = TempDir()
        try dir.copyTemplates()
        try dir.write("""
            -- Content/_index.md --
            # Home
            -- Content/reports/next.md --
            ---
            title: Next year
            period: 2027
            ---

            Soon.
            """)
        let result = try townhall(["build", "--as-of", "2026-11-20"], in: dir.url)
        #expect(result.status == 1)
        #expect(result.stderr.hasPrefix("Content/reports/next.md:3:9: error: the period 2027 starts after the build date 2026-11-20"))
    }
}
