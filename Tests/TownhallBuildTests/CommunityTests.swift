import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
import TownhallContent
import TownhallDiagnostics
import TownhallData

/// The sample's community pages and feeds, built once for all the tests that read them.
enum SampleBuild {
    static let dir = TempDir()
    static let site: [String: Data] = {
        let result = try? townhall(
            ["build", "--content", Repo.root.appendingPathComponent("Content").path, "--templates", Repo.templates.path,
             "--output", dir.url.appendingPathComponent("Site").path, "--quiet"],
            in: dir.url)
        precondition(result?.status == 0, "the sample builds: \(result?.stderr ?? "")")
        return tree(dir.url.appendingPathComponent("Site"))
    }()

    static func text(_ path: String) -> String? { site[path].map { String(decoding: $0, as: UTF8.self) } }

    /// The sample's data, loaded the way the build loads it.
    static let data: CommunityData = {
        var diagnostics: [Diagnostic] = []
        let content = Repo.root.appendingPathComponent("Content")
        let loader = ContentLoader(root: content, displayRoot: "Content")
        let pages = loader.readPages(config: SiteConfig(), diagnostics: &diagnostics).pages
        return CommunityLoader(contentRoot: content, displayRoot: "Content")
            .load(pages: pages, config: SiteConfig(), asOf: CalendarDate(year: 2026, month: 11, day: 20)!, diagnostics: &diagnostics)
    }()
}

@Suite struct CommunityPagesTests {
    @Test func sampleHasEveryEventGroupAndIndexPage() throws {
        let site = SampleBuild.site
        let data = SampleBuild.data
        #expect(data.events.count >= 60 && data.groups.count >= 12)
        for event in data.events {
            let path = event.page.map { "events/" + PageURL.stem($0) } ?? "events/\(event.id)"
            let html = try #require(SampleBuild.text(path + "/index.html"), "page of \(event.id)")
            #expect(html.contains("<h1>\(HTMLText.escape(event.title))</h1>"))
        }
        for group in data.groups {
            #expect(site["groups/\(group.id)/index.html"] != nil, "page of \(group.id)")
        }
        #expect(site["events/index.html"] != nil && site["groups/index.html"] != nil)
        let index = try #require(SampleBuild.text("events/index.html"))
        for event in data.events { #expect(index.contains(">\(HTMLText.escape(event.title))</a>"), "\(event.id) is listed") }
    }

    @Test func eventPagesShowThePlanBeforeAndTheRecapAfter() throws {
        let upcoming = try #require(SampleBuild.text("events/2026-12-05-repair-cafe-riverside/index.html"))
        #expect(upcoming.contains("id=\"how-it-works\""), "the plan")
        #expect(!upcoming.contains("<caption>Attendance</caption>"))
        let past = try #require(SampleBuild.text("events/2024-03-16-bicycle-maintenance/index.html"))
        #expect(past.contains("<h2 id=\"recap\">"))
        #expect(past.contains("<caption>Attendance</caption>"))
        #expect(past.contains("<th scope=\"row\">Registered</th>"))
        #expect(past.contains("<summary>The plan, as announced before the event</summary>"))
        let frontMatterRecap = try #require(SampleBuild.text("events/2026-11-07-repair-cafe-riverside/index.html"))
        #expect(frontMatterRecap.contains("A busy afternoon with a queue at the triage desk"))
    }

    @Test func groupPagesShowTheTreeSizesAndEvents() throws {
        let group = try #require(SampleBuild.text("groups/electronics-bench/index.html"))
        #expect(group.contains("<dt>Split off from</dt>"))
        #expect(group.contains("<a href=\"../repair-cafe/\">Repair Café Riverside</a>"))
        #expect(group.contains("<caption>Members of Electronics Bench at the end of each quarter</caption>"))
        #expect(group.contains("href=\"../valve-radio-club/\""), "its sub-group")
        let index = try #require(SampleBuild.text("groups/index.html"))
        #expect(index.contains("<ul class=\"group-tree\">"))
        #expect(index.contains("Dormant (no event for three months)"))
        #expect(index.contains("Closed"))
    }

    @Test func linksBetweenCommunityPagesAreRelative() throws {
        for (path, data) in SampleBuild.site where path.hasPrefix("events/") || path.hasPrefix("groups/") {
            let html = String(decoding: data, as: UTF8.self)
            #expect(!html.contains("href=\"/"), "\(path) has a root-absolute link")
        }
    }
}

@Suite struct FeedTests {
    @Test func calendarFeedFollowsRFC5545AndParsesBackToTheUpcomingEvents() throws {
        let bytes = try #require(SampleBuild.site["events.ics"])
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(text.hasSuffix("\r\n"))
        let physical = text.components(separatedBy: "\r\n").dropLast()
        for line in physical {
            #expect(line.utf8.count <= 75, "folded at 75 octets: \(line)")
            #expect(!line.contains("\n") && !line.contains("\r"), "only CRLF line ends")
        }
        // Unfold: a line starting with a space continues the one before.
        var lines: [String] = []
        for line in physical {
            if line.hasPrefix(" ") { lines[lines.count - 1] += line.dropFirst() } else { lines.append(line) }
        }
        #expect(lines.first == "BEGIN:VCALENDAR" && lines.last == "END:VCALENDAR")
        #expect(lines.contains("VERSION:2.0"))
        var events: [[String: String]] = []
        var current: [String: String]?
        for line in lines {
            if line == "BEGIN:VEVENT" { current = [:]; continue }
            if line == "END:VEVENT" { events.append(current!); current = nil; continue }
            guard current != nil, let colon = line.firstIndex(of: ":") else { continue }
            current![String(line[..<colon])] = String(line[line.index(after: colon)...])
        }
        let asOf = CalendarDate(year: 2026, month: 11, day: 20)!
        let upcoming = SampleBuild.data.events.filter { $0.date >= asOf }
        #expect(!upcoming.isEmpty)
        #expect(events.map { $0["UID"] ?? "" } == upcoming.map { "\($0.id)@example.org" })
        for (parsed, event) in zip(events, upcoming) {
            #expect(parsed["DTSTAMP"] == "20261120T000000Z")
            #expect(unescape(parsed["SUMMARY"] ?? "") == event.title)
            #expect(unescape(parsed["LOCATION"] ?? "") == event.location)
            let start = parsed["DTSTART"] ?? ""
            #expect(start.hasPrefix(event.date.description.replacingOccurrences(of: "-", with: "")))
            #expect(parsed["DTEND"] != nil)
            #expect(parsed["URL"]?.hasPrefix("https://example.org/riverside/events/") == true)
        }
        // Escaping: commas in locations are written `\,`.
        #expect(text.contains("LOCATION:The Tannery workshop\\, bench room"))
    }

    @Test func calendarTimesAreConvertedFromTheSiteClockToUTC() throws {
        let dir = TempDir()
        try dir.copyTemplates()
        try dir.write("""
            -- Content/site.yaml --
            base_url: https://example.org/x/
            time_zone: Europe/London
            -- Content/_index.md --
            # Home
            -- Content/data/members.csv --
            id,name,joined,tier
            m1,Maren Okafor,2024-01-06,steward
            -- Content/data/events.csv --
            id,title,date,end,kind,location,capacity,hosts
            summer,"Picnic; with tea, cake \\ more",2027-07-10 14:00,16:30,meetup,Riverside Park,40,m1
            winter,Lantern walk,2027-01-09 17:00,,meetup,Old Weir,40,m1
            fair,Makers' fair,2027-05-01,2027-05-02,meetup,Millrace,200,m1
            """)
        #expect(try townhall(["build", "--quiet", "--as-of", "2026-11-20"], in: dir.url).status == 0)
        let ics = try #require(dir.read("Site/events.ics"))
        #expect(ics.contains("DTSTART:20270109T170000Z\r\nDTEND:20270109T190000Z"), "winter: GMT, and two hours when no end is given")
        #expect(ics.contains("DTSTART:20270710T130000Z\r\nDTEND:20270710T153000Z"), "summer: BST is an hour ahead of UTC")
        #expect(ics.contains("DTSTART;VALUE=DATE:20270501\r\nDTEND;VALUE=DATE:20270503"), "all-day: the end date is exclusive")
        #expect(ics.contains("SUMMARY:Picnic\\; with tea\\, cake \\\\ more"))
    }

    /// RFC 5545 §3.3.11 in reverse.
    func unescape(_ text: String) -> String {
        var out = ""
        var escaped = false
        for ch in text {
            if escaped {
                out.append(ch == "n" || ch == "N" ? "\n" : ch)
                escaped = false
            } else if ch == "\\" {
                escaped = true
            } else {
                out.append(ch)
            }
        }
        return out
    }

    @Test func atomFeedIsWellFormedXMLWithOneEntryPerRecap() throws {
        let bytes = try #require(SampleBuild.site["feed.xml"])
        let collector = AtomCollector()
        let parser = XMLParser(data: bytes)
        parser.delegate = collector
        #expect(parser.parse(), "feed.xml is well-formed: \(String(describing: parser.parserError))")
        #expect(collector.root == "feed")
        #expect(collector.entries > 0 && collector.entries <= 50)
        #expect(collector.titles.allSatisfy { $0.hasPrefix("Recap: ") })
        #expect(collector.titles.contains("Recap: Repair Café Riverside, November"))
    }
}

/// Counts what an Atom feed holds.
final class AtomCollector: NSObject, XMLParserDelegate, @unchecked Sendable {
    var root: String?
    var entries = 0
    var titles: [String] = []
    private var path: [String] = []
    private var text = ""

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
        if root == nil { root = name }
        if name == "entry" { entries += 1 }
        path.append(name)
        text = ""
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) { text += string }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        if name == "title", path.dropLast().last == "entry" { titles.append(text) }
        path.removeLast()
    }
}

@Suite struct PrivacyTests {
    @Test func noEmailOrPhoneOfAnyMemberReachesTheSampleSite() throws {
        var diagnostics: [Diagnostic] = []
        let table = try #require(DataFileReader().read(
            Repo.root.appendingPathComponent("Content/data/members.csv"), displayPath: "members.csv", diagnostics: &diagnostics))
        let email = try #require(table.column(named: "email")), phone = try #require(table.column(named: "phone"))
        var secrets: [String] = []
        for row in 0..<table.rowCount {
            for column in [email, phone] {
                let value = table.text(row: row, column: column)
                if !value.isEmpty { secrets.append(value) }
            }
        }
        #expect(secrets.count > 500, "the sample has private columns to protect")
        let site = SampleBuild.site
        #expect(site.count > 250)
        #expect(site["stats/stats.json"] != nil && site.keys.contains { $0.hasPrefix("reports/") && $0.hasSuffix(".csv") },
                "the scan covers the statistics pages, stats.json, the CSV downloads and the reports")
        // One search per secret over every file at once (Foundation's byte search is fast
        // even in debug builds); the file is named when one is found.
        var all = Data()
        for path in site.keys.sorted() { all.append(site[path]!); all.append(0) }
        for secret in secrets where all.range(of: Data(secret.utf8)) != nil {
            let paths = site.filter { $0.value.range(of: Data(secret.utf8)) != nil }.keys.sorted()
            Issue.record("\(paths) contain the private value \(secret)")
        }
        // No address of the sample's domain at all (the calendar's UIDs are `id@host`, not addresses).
        for (path, data) in site where path != "events.ics" && data.range(of: Data("@example.org".utf8)) != nil {
            Issue.record("\(path) contains an example.org address")
        }
    }

    @Test func smallCountsAreShownAsFewerThanK() throws {
        let dir = TempDir()
        try dir.copyTemplates()
        try dir.write("""
            -- Content/_index.md --
            # Home
            -- Content/data/members.csv --
            id,name,joined,tier,email
            m1,Maren Okafor,2024-01-06,steward,maren@example.org
            m2,Tomasz Wren,2024-01-13,steward,tomasz@example.org
            m3,Amira Kaur,2024-02-01,member,amira@example.org
            -- Content/data/events.csv --
            id,title,date,kind,location,capacity,hosts
            e1,Repair café,2024-03-02,meetup,Lock Street Library,30,m1
            -- Content/data/attendance.csv --
            event,member,registered,attended,rating
            e1,m1,2024-02-20,yes,5
            e1,m2,2024-02-20,yes,4
            e1,m3,2024-02-21,no,
            """)
        #expect(try townhall(["build", "--quiet", "--as-of", "2026-11-20"], in: dir.url).status == 0)
        let page = try #require(dir.read("Site/events/e1/index.html"))
        #expect(page.contains("<tr><th scope=\"row\">Registered</th><td>fewer than 5</td></tr>"))
        #expect(!page.contains("Show-up rate"), "no rate over fewer than 5 people")
        #expect(!page.contains("Average rating"))
        #expect(!page.contains("Maren Okafor"), "names are not published unless site.yaml says so")
        #expect(!page.contains("maren@example.org"))
    }

    @Test func privateFieldsAppearOnlyWhenSiteYamlListsThem() throws {
        let dir = TempDir()
        try dir.copyTemplates()
        try dir.write("""
            -- Content/site.yaml --
            privacy: { publish_member_fields: [name, email], min_group_size: 2 }
            -- Content/_index.md --
            # Home
            -- Content/data/members.csv --
            id,name,joined,tier,email,phone
            m1,Maren Okafor,2024-01-06,steward,maren@example.org,+44 20 7946 0001
            -- Content/data/events.csv --
            id,title,date,kind,location,capacity,hosts
            e1,Repair café,2026-12-05,meetup,Lock Street Library,30,m1
            """)
        #expect(try townhall(["build", "--quiet", "--as-of", "2026-11-20"], in: dir.url).status == 0)
        let page = try #require(dir.read("Site/events/e1/index.html"))
        #expect(page.contains("Maren Okafor"))
        #expect(page.contains("mailto:maren@example.org"))
        #expect(!page.contains("7946"), "the phone is still private")
    }
}

@Suite struct DataCLITests {
    @Test func checkReportsDataErrorsAsJSONAndWritesNothing() throws {
        let dir = TempDir()
        try dir.copyTemplates()
        try dir.write("""
            -- Content/_index.md --
            # Home
            -- Content/data/members.csv --
            id,name,joined,tier
            m1,Maren Okafor,2024-01-06,gold
            """)
        let result = try townhall(["check", "--format", "json", "--as-of", "2026-11-20"], in: dir.url)
        #expect(result.status == 1)
        #expect(result.stdout.contains("\"file\":\"Content/data/members.csv\""))
        #expect(result.stdout.contains("\"line\":2"))
        #expect(result.stdout.contains("unknown tier \\\"gold\\\""))
        #expect(!FileManager.default.fileExists(atPath: dir.url.appendingPathComponent("Site").path))
        let github = try townhall(["check", "--format", "github", "--as-of", "2026-11-20"], in: dir.url)
        #expect(github.stderr == "::error file=Content/data/members.csv,line=2,col=28::unknown tier \"gold\"; expected one of guest, member, steward\n")
    }

    @Test func unknownColumnsAreOnlyWarnings() throws {
        let dir = TempDir()
        try dir.copyTemplates()
        try dir.write("""
            -- Content/_index.md --
            # Home
            -- Content/data/members.csv --
            id,name,joined,tier,shoe_size
            m1,Maren Okafor,2024-01-06,steward,39
            """)
        let result = try townhall(["check", "--as-of", "2026-11-20"], in: dir.url)
        #expect(result.status == 0)
        #expect(result.stderr.hasPrefix("Content/data/members.csv:1:21: warning: unknown column \"shoe_size\" in members is ignored; known columns are id, name"))
        // 9 pages: the home page and the eight statistics pages a member list gives (no moderation page).
        #expect(result.stderr.contains("No errors in Content/ (9 pages, 1 member, 0 groups, 0 events, 0 registrations, 0 moderation records, 1 warning)"))
    }

    @Test func sampleCommandIsDeterministicAndMatchesTheCommittedSample() throws {
        let dir = TempDir()
        let arguments = ["sample", "--members", "400", "--seed", "7", "--event-pages", Repo.root.appendingPathComponent("Content/events").path]
        #expect(try townhall(arguments + ["--output", "a"], in: dir.url).status == 0)
        #expect(try townhall(arguments + ["--output", "b"], in: dir.url).status == 0)
        let a = tree(dir.url.appendingPathComponent("a")), b = tree(dir.url.appendingPathComponent("b"))
        #expect(a.keys.sorted() == ["attendance.csv", "events.csv", "groups.yaml", "members.csv", "moderation.csv"])
        #expect(a == b, "same seed, same bytes")
        let committed = tree(Repo.root.appendingPathComponent("Content/data"))
        #expect(a == committed, "Content/data is `townhall sample --members 400 --seed 7 --event-pages Content/events --output Content/data`")
    }
}

/// HTML escaping as the templates do it, for comparing titles.
enum HTMLText {
    static func escape(_ s: String) -> String {
        s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
            .replacingOccurrences(of: "'", with: "&#39;")
    }
}
