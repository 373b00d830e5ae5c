import Testing
@testable import TownhallContent

@Suite struct URLTests {
    @Test func linkPathsJoinAndClimb() {
        let cases: [(String, String, String?)] = [
            ("a/b", "../c.md", "a/c.md"), ("a/b", "./d/./e/", "a/b/d/e/"), ("a/b", "/x//y.md", "x/y.md"),
            ("a/b", "..", "a"), ("a", "..", ""), ("a", "../", ""), ("", "x/../../y", nil),
            ("a", "../../x", nil), ("", "", ""), ("a//b", "c", "a/b/c"), ("x", "é/ü.md", "x/é/ü.md"),
            ("a", "b/../../c/", "c/"), ("a", "..x/.y/", "a/..x/.y/"),
        ]
        for (base, path, expected) in cases {
            #expect(LinkResolver.normalize(base, path) == expected, "\(base) + \(path)")
        }
    }

    @Test func pagesGetCleanURLs() {
        #expect(PageURL.place("handbook/rules.md", slug: nil).url == "handbook/rules/")
        #expect(PageURL.place("handbook/rules.md", slug: "house-rules").url == "handbook/house-rules/")
        #expect(PageURL.place("handbook/_index.md", slug: nil).url == "handbook/")
        #expect(PageURL.place("handbook/README.md", slug: nil).kind == .section)
        #expect(PageURL.place("_index.md", slug: nil).kind == .home)
        #expect(PageURL.place("README.md", slug: nil).url == "")
    }

    @Test func relativeLinksShareLeadingFolders() {
        #expect(PageURL.relative(from: "handbook/rules/", to: "handbook/roles/") == "../roles/")
        #expect(PageURL.relative(from: "handbook/rules/", to: "playbook/") == "../../playbook/")
        #expect(PageURL.relative(from: "handbook/", to: "handbook/rules/") == "rules/")
        #expect(PageURL.relative(from: "handbook/rules/", to: "handbook/rules/") == "./")
        #expect(PageURL.relative(from: "", to: "") == "./")
        #expect(PageURL.relative(from: "handbook/joining/", to: "handbook/tiers.svg") == "../tiers.svg")
        #expect(PageURL.relative(from: "a/", to: "a b/c#d.txt") == "../a%20b/c%23d.txt")
    }

    /// ASCII text is slugged on bytes: every ASCII byte, alone and in runs, as by `Character`.
    @Test func asciiSlugsMatchTheCharacterDefinition() {
        func reference(_ text: String) -> String {
            var out = "", pendingHyphen = false
            for ch in text.lowercased() {
                if ch.isLetter || ch.isNumber {
                    if pendingHyphen && !out.isEmpty { out.append("-") }
                    out.append(ch)
                    pendingHyphen = false
                } else {
                    pendingHyphen = true
                }
            }
            return out
        }
        var samples = (0..<128).map { String(UnicodeScalar(UInt8($0))) } + ["Repair Cafe & Tea", "  a--b  ", "A\r\nB", "x_y.z"]
        var rng = SystemRandomNumberGenerator()
        for _ in 0..<500 {
            samples.append(String((0..<Int.random(in: 0...16, using: &rng)).map { _ in Character(UnicodeScalar(UInt8.random(in: 0...127, using: &rng))) }))
        }
        for text in samples { #expect(Slug.make(text) == reference(text), "\(Array(text.utf8))") }
    }

    @Test func slugsAreLowercaseWords() {
        #expect(Slug.make("Repair Cafés & Tea") == "repair-cafés-tea")
        #expect(Slug.make("  --On boarding--  ") == "on-boarding")
    }

    @Test func datesRoundTripThroughDayNumbers() {
        let leap = CalendarDate(year: 2028, month: 2, day: 29)!
        #expect(CalendarDate(dayNumber: leap.dayNumber) == leap)
        #expect(CalendarDate(year: 1970, month: 1, day: 1)!.dayNumber == 0)
        #expect(CalendarDate(year: 2027, month: 2, day: 29) == nil)
        #expect(CalendarDate(iso: "2026-11-20T10:00:00Z")?.description == "2026-11-20")
        #expect(CalendarDate(iso: "20-11-2026") == nil)
        #expect(leap.longText == "29 February 2028")
    }

    /// Plain paths are copied whole; others are encoded a segment at a time, as `relative`
    /// encodes what it links to.
    @Test func pathsAreEncodedBySegment() {
        #expect(PageURL.encodePath("") == "")
        #expect(PageURL.encodePath("handbook/rules/") == "handbook/rules/")
        #expect(PageURL.encodePath("handbook/our rules/") == "handbook/our%20rules/")
        #expect(PageURL.encodePath("a//b#c") == "a/b%23c")
        #expect(PageURL.encodePath("café/") == PageURL.encode("café") + "/")
        #expect(PageURL.relative(from: "x/", to: "our rules/") == "../" + PageURL.encodePath("our rules/"))
    }

    /// Written byte by byte in the common case; the rest as interpolated.
    @Test func longTextOfEveryMonthAndShortDays() {
        let names = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
        for (m, name) in names.enumerated() {
            for day in [1, 9, 10, 28] {
                #expect(CalendarDate(year: 2026, month: m + 1, day: day)!.longText == "\(day) \(name) 2026")
            }
        }
        #expect(CalendarDate(year: 999, month: 5, day: 3)!.longText == "3 May 999")
        #expect(CalendarDate(year: 12026, month: 12, day: 31)!.longText == "31 December 12026")
        #expect(CalendarDate(dayNumber: 0).longText == "1 January 1970")
    }
}
