import TownhallContent

/// What `townhall stats` prints: the figures as aligned text, or as Markdown for a CI job
/// summary or a pull-request comment (GitHub-flavoured tables).
public enum StatsSummary {
    /// The catalog's figures grouped by their area (the part of the name before the dot).
    static func areas(_ catalog: FigureCatalog) -> [(area: String, figures: [Figure])] {
        var out: [(String, [Figure])] = []
        for f in catalog.figures where !f.name.hasPrefix("period.") {
            let area = String(f.name.prefix { $0 != "." })
            if out.last?.0 == area { out[out.count - 1].1.append(f) } else { out.append((area, [f])) }
        }
        return out
    }

    static let areaTitles = [
        "members": "Membership", "retention": "Retention", "roles": "Roles and tiers", "concentration": "Concentration",
        "events": "Events", "groups": "Groups", "referrals": "Referrals", "funnel": "Funnel", "moderation": "Moderation",
    ]

    static func heading(_ catalog: FigureCatalog, site: String) -> String {
        let s = catalog.stats
        return "\(site): statistics for \(s.period.text), as of \(s.asOf.longText)"
    }

    public static func text(_ catalog: FigureCatalog, site: String) -> String {
        let k = catalog.disclosure.k
        var out = heading(catalog, site: site) + "\n"
        let width = catalog.figures.map(\.name.count).max() ?? 0
        for (area, figures) in areas(catalog) {
            if area == "moderation" && !catalog.stats.moderation.hasData { continue }
            out += "\n" + (areaTitles[area] ?? area) + "\n"
            let valueWidth = figures.map { $0.value.pageText(k: k).count }.max() ?? 0
            for f in figures {
                let value = f.value.pageText(k: k)
                out += "  " + f.name + String(repeating: " ", count: width - f.name.count + 2)
                out += String(repeating: " ", count: valueWidth - value.count) + value + "  " + f.title + "\n"
            }
        }
        out += "\nCounts of fewer than \(k) people are shown as “fewer than \(k)”; — means there was nothing to divide by.\n"
        return out
    }

    public static func markdown(_ catalog: FigureCatalog, site: String) -> String {
        let k = catalog.disclosure.k
        var out = "## " + markdownEscape(heading(catalog, site: site)) + "\n"
        for (area, figures) in areas(catalog) {
            if area == "moderation" && !catalog.stats.moderation.hasData { continue }
            out += "\n### " + (areaTitles[area] ?? area) + "\n\n| Figure | Value | Name |\n| --- | ---: | --- |\n"
            for f in figures {
                out += "| \(markdownEscape(f.title)) | \(markdownEscape(f.value.pageText(k: k))) | `\(f.name)` |\n"
            }
        }
        out += "\nCounts of fewer than \(k) people are shown as “fewer than \(k)”; — means there was nothing to divide by. "
        out += "Definitions: the README's “Statistics reference”.\n"
        return out
    }

    /// Escapes what would change a Markdown table cell or start markup.
    static func markdownEscape(_ s: String) -> String {
        var out = ""
        for ch in s {
            if "\\|*_`[]<>#".contains(ch) { out.append("\\") }
            out.append(ch)
        }
        return out
    }
}
