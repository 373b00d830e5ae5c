import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing

/// The statistics pages, reports, stats.json and CSV downloads of the sample, read back.
@Suite struct StatsSiteTests {
    static var statsJSON: [String: Any] {
        (try? JSONSerialization.jsonObject(with: SampleBuild.site["stats/stats.json"] ?? Data())) as? [String: Any] ?? [:]
    }

    static var statsPagePaths: [String] {
        SampleBuild.site.keys.filter { $0.hasPrefix("stats/") && $0.hasSuffix("index.html") }.sorted()
    }

    @Test func statsJSONHasTheDocumentedSchema() throws {
        let json = Self.statsJSON
        #expect(json["schema"] as? String == "townhall-stats/1")
        #expect(json["site"] as? String == "Riverside Makers")
        let period = try #require(json["period"] as? [String: String])
        #expect(period == ["label": "all", "from": "2024-01-01", "to": "2026-11-20", "as_of": "2026-11-20",
                           "text": "every record from 1 January 2024 to 20 November 2026"])
        #expect((json["privacy"] as? [String: Any])?["min_group_size"] as? Int == 5)
        let figures = try #require(json["figures"] as? [String: [String: Any]])
        #expect(figures.count > 70)
        for (name, figure) in figures {
            #expect(figure["title"] is String && figure["definition"] is String && figure["sources"] is [String], "\(name)")
        }
        let bytes = try #require(SampleBuild.site["stats/stats.json"])
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(!text.contains("NaN") && !text.contains("Infinity") && text.hasSuffix("}\n"))
    }

    @Test func csvDownloadsMatchStatsJSON() throws {
        let tables = try #require(Self.statsJSON["tables"] as? [String: [String: Any]])
        #expect(tables.count >= 25)
        for (name, table) in tables {
            let csv = try #require(SampleBuild.text("stats/\(name).csv"), "stats/\(name).csv")
            #expect(table["csv"] as? String == "\(name).csv")
            let records = CSVText.parse(csv)
            #expect(records.first == table["columns"] as? [String], "\(name) header")
            let rows = table["rows"] as? [[Any]] ?? []
            #expect(records.count - 1 == rows.count, "\(name) rows")
            for (row, record) in zip(rows, records.dropFirst()) {
                #expect(row.count == record.count && zip(record, row).allSatisfy(Agreement.csv), "\(name): \(record)")
            }
        }
    }

    @Test func statsPagesShowTheFiguresAndTablesOfStatsJSON() throws {
        let json = Self.statsJSON
        let figures = try #require(json["figures"] as? [String: [String: Any]])
        let tables = try #require(json["tables"] as? [String: [String: Any]])
        let byTitle = Dictionary(figures.values.map { ($0["title"] as! String, $0["value"] as Any) }, uniquingKeysWith: { a, _ in a })
        let tableByTitle = Dictionary(tables.values.map { ($0["title"] as! String, $0) }, uniquingKeysWith: { a, _ in a })
        var checkedFigures = 0, checkedCells = 0
        #expect(Self.statsPagePaths.count == 9, "overview and eight pages: \(Self.statsPagePaths)")
        for path in Self.statsPagePaths {
            let html = try #require(SampleBuild.text(path))
            for (title, value) in HTMLScan.keyFigures(html) {
                let expected = try #require(byTitle[title], "\(title) on \(path)")
                #expect(Agreement.pageText(value, matches: expected), "\(title) on \(path): \(value)")
                checkedFigures += 1
            }
            for table in HTMLScan.tables(html) {
                let expected = try #require(tableByTitle[table.caption], "table \(table.caption) on \(path)")
                #expect(table.header == expected["columns"] as? [String])
                let rows = expected["rows"] as? [[Any]] ?? []
                #expect(table.rows.count == rows.count, "\(table.caption)")
                for (cells, row) in zip(table.rows, rows) {
                    for (cell, value) in zip(cells, row) {
                        #expect(Agreement.pageText(cell, matches: value), "\(table.caption): \(cell) vs \(value)")
                        checkedCells += 1
                    }
                }
            }
        }
        #expect(checkedFigures > 80 && checkedCells > 2000)
    }

    @Test func theCommandPrintsTheSameJSON() throws {
        let result = try townhall(["stats", "--format", "json"], in: Repo.root)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(Data(result.stdout.utf8) == SampleBuild.site["stats/stats.json"])
    }

    @Test func everySVGParsesAsXMLWithTitleAndDescription() throws {
        var count = 0
        for (path, data) in SampleBuild.site where path.hasSuffix(".html") && (path.hasPrefix("stats/") || path.hasPrefix("reports/")) {
            let html = String(decoding: data, as: UTF8.self)
            for svg in HTMLScan.svgs(html) {
                count += 1
                let parser = XMLParser(data: Data(svg.utf8))
                #expect(parser.parse(), "an SVG of \(path) is not well-formed XML: \(String(describing: parser.parserError))")
                #expect(svg.contains("role=\"img\"") && svg.contains("<title id=") && svg.contains("<desc id="), "\(path)")
            }
        }
        #expect(count > 30)
    }

    @Test func statsPagesShowRealCharts() throws {
        for path in Self.statsPagePaths {
            let html = try #require(SampleBuild.text(path))
            let svgs = HTMLScan.svgs(html)
            #expect(!svgs.isEmpty, "\(path) has a chart")
            for svg in svgs {
                #expect(!svg.contains("No data for this period"), "\(path) draws data")
                #expect(svg.contains("<rect") || svg.contains("<polyline") || svg.contains("<circle"), "\(path) draws marks")
            }
            #expect(html.contains("<figcaption>"), "\(path) captions its figures")
            #expect(html.contains("download>Download"), "\(path) links CSV downloads")
            #expect(html.contains("as of <time datetime=\"2026-11-20\">20 November 2026</time>"))
        }
    }

    @Test func navigationListsStatisticsAfterEventsAndGroups() throws {
        let home = try #require(SampleBuild.text("index.html"))
        let order = ["handbook/\">Handbook", "playbook/\">Event playbook", "events/\">Events", "groups/\">Groups", "stats/\">Statistics", "reports/\">Reports"]
        let positions = order.map { home.range(of: "<a href=\"\($0)</a>")?.lowerBound }
        #expect(!positions.contains(nil), "\(order)")
        #expect(positions.compactMap { $0 } == positions.compactMap { $0 }.sorted())
    }

    @Test func reportsEmbedFiguresForTheirPeriod() throws {
        let q3 = try #require(SampleBuild.text("reports/2026-q3/index.html"))
        #expect(q3.contains("<h1>Quarterly report: July to September 2026</h1>"))
        #expect(q3.contains("as of <time datetime=\"2026-09-30\">30 September 2026</time>"))
        #expect(q3.contains("<span class=\"figure-value\""))
        #expect(!q3.contains("{{"), "every request was replaced")
        #expect(HTMLScan.svgs(q3).count >= 3)
        // The report's CSV files hold the figures of its period: the same as `townhall stats --period 2026-Q3`.
        let result = try townhall(["stats", "--period", "2026-Q3", "--format", "json"], in: Repo.root)
        #expect(result.status == 0)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let tables = try #require(json["tables"] as? [String: [String: Any]])
        for name in ["members.flow", "events.attendance", "funnel.stages", "retention.attendance"] {
            let csv = CSVText.parse(try #require(SampleBuild.text("reports/2026-q3/\(name).csv"), "\(name)"))
            let rows = tables[name]?["rows"] as? [[Any]] ?? []
            #expect(csv.count - 1 == rows.count && zip(csv.dropFirst(), rows).allSatisfy { r in zip(r.0, r.1).allSatisfy(Agreement.csv) }, "\(name)")
        }
        let figures = try #require(json["figures"] as? [String: [String: Any]])
        let total = Agreement.pageTextOf(figures["members.total"]?["value"] as Any)
        #expect(q3.contains(">\(total)</span>: "), "the inline figure is the period's value")
    }

    @Test func generatedReportsFillTheMonthsAndQuartersNobodyWrote() throws {
        for month in 1...9 {
            let page = try #require(SampleBuild.text("reports/2026-0\(month)/index.html"), "2026-0\(month)")
            #expect(page.contains("<h1>Monthly report: "))
            #expect(page.contains("This report was generated from the community data"))
        }
        #expect(SampleBuild.text("reports/2026-q1/index.html")?.contains("<h1>Quarterly report: 2026-Q1</h1>") == true)
        #expect(SampleBuild.text("reports/2026-10/index.html")?.contains("spoon-carving") == true, "the written report wins")
        #expect(SampleBuild.text("reports/2026-q3/index.html")?.contains("generated from the community data") == false)
        #expect(SampleBuild.site["reports/2026-11/index.html"] == nil, "November is not over")
        #expect(SampleBuild.site["reports/2025-12/index.html"] == nil, "site.yaml says since 2026-01")
        let index = try #require(SampleBuild.text("reports/index.html"))
        let october = try #require(index.range(of: "Monthly report: October 2026")), january = try #require(index.range(of: "Monthly report: January 2026"))
        #expect(october.lowerBound < january.lowerBound, "newest first")
    }

    @Test func statsOutputsAreInThePrivacyScan() {
        // PrivacyTests scans every file of SampleBuild.site; the statistics outputs are among them.
        let statsFiles = SampleBuild.site.keys.filter { $0.hasPrefix("stats/") || $0.hasPrefix("reports/") }
        #expect(statsFiles.contains("stats/stats.json") && statsFiles.filter { $0.hasSuffix(".csv") }.count > 30)
    }
}

/// How the same value is written in JSON, CSV and on pages (README, "stats.json").
enum Agreement {
    /// A CSV cell agrees with a JSON value: "—" or empty for null, the same string, the
    /// same number (JSON readers drop trailing zeros, so numbers compare as numbers).
    static func csv(_ cell: String, _ json: Any) -> Bool {
        switch json {
        case is NSNull: return cell == "—" || cell.isEmpty
        case let s as String: return cell == s
        case let n as NSNumber: return Double(cell).map { abs($0 - n.doubleValue) < 1e-9 } ?? false
        default: return false
        }
    }

    /// The page text of a JSON value, when it can be known without the column's type.
    static func pageTextOf(_ json: Any) -> String {
        if let s = json as? String { return s }
        if let n = json as? NSNumber, !String(describing: n).contains(".") {
            let digits = String(n.intValue.magnitude)
            var out = ""
            for (i, ch) in digits.enumerated() {
                if i > 0 && (digits.count - i) % 3 == 0 { out.append(",") }
                out.append(ch)
            }
            return (n.intValue < 0 ? "-" : "") + out
        }
        return "?"
    }

    /// A page cell agrees with a JSON value: the same text, the same whole number, the same
    /// share rounded to a percent, or the same decimal.
    static func pageText(_ page: String, matches json: Any) -> Bool {
        switch json {
        case is NSNull: return page == "—" || page.isEmpty
        case let s as String: return page == s
        case let n as NSNumber:
            let value = n.doubleValue
            if page.hasSuffix("%"), let percent = Double(page.dropLast()) { return abs(percent - value * 100) <= 0.5 + 1e-9 }
            guard let shown = Double(page.replacingOccurrences(of: ",", with: "")) else { return false }
            let places = page.split(separator: ".").dropFirst().first?.count ?? 0
            return abs(shown - value) <= 0.5 * pow(10, Double(-places)) + 1e-9
        default: return false
        }
    }
}

/// Reads back the parts of a statistics page that carry figures.
enum HTMLScan {
    static func unescape(_ s: String) -> String {
        s.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&amp;", with: "&")
    }

    static func matches(_ pattern: String, in text: String) -> [[String]] {
        let regex = try! NSRegularExpression(pattern: pattern, options: [.dotMatchesLineSeparators])
        let ns = text as NSString
        return regex.matches(in: text, range: NSRange(location: 0, length: ns.length)).map { m in
            (0..<m.numberOfRanges).map { m.range(at: $0).location == NSNotFound ? "" : ns.substring(with: m.range(at: $0)) }
        }
    }

    /// `<div class="key-figure"><dt>Title</dt><dd>Value</dd></div>` pairs.
    static func keyFigures(_ html: String) -> [(String, String)] {
        matches("<div class=\"key-figure\"><dt>(.*?)</dt><dd>(.*?)</dd></div>", in: html).map { (unescape($0[1]), unescape($0[2])) }
    }

    struct Table {
        var caption: String
        var header: [String]
        var rows: [[String]]
    }

    static func tables(_ html: String) -> [Table] {
        matches("<table class=\"stats-table\">\n<caption>(.*?)</caption>(.*?)</table>", in: html).map { m in
            let header = matches("<th scope=\"col\">(.*?)</th>", in: m[2]).map { unescape($0[1]) }
            let body = m[2].components(separatedBy: "<tbody>").last ?? ""
            let rows = matches("<tr>(.*?)</tr>", in: body).map { row in
                matches("<t[hd][^>]*>(.*?)</t[hd]>", in: row[1]).map { unescape($0[1]) }
            }.filter { !($0.count == 1 && $0[0] == "No data for this period") }
            return Table(caption: unescape(m[1]), header: header, rows: rows)
        }
    }

    static func svgs(_ html: String) -> [String] {
        matches("<svg .*?</svg>", in: html).map { $0[0] }
    }
}

/// RFC 4180 CSV, read back.
enum CSVText {
    static func parse(_ text: String) -> [[String]] {
        var records: [[String]] = []
        var record: [String] = []
        var field = ""
        var quoted = false
        var chars = Array(text.unicodeScalars)[...]
        while let c = chars.popFirst() {
            if quoted {
                if c == "\"" {
                    if chars.first == "\"" { field.unicodeScalars.append("\""); chars.removeFirst() } else { quoted = false }
                } else {
                    field.unicodeScalars.append(c)
                }
            } else if c == "\"" {
                quoted = true
            } else if c == "," {
                record.append(field); field = ""
            } else if c == "\r" {
                continue
            } else if c == "\n" {
                record.append(field); field = ""
                records.append(record); record = []
            } else {
                field.unicodeScalars.append(c)
            }
        }
        if !field.isEmpty || !record.isEmpty { record.append(field); records.append(record) }
        return records
    }
}
