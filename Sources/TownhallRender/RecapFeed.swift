import TownhallContent
import TownhallData

/// `feed.xml`: an Atom feed (RFC 4287) of event recaps, newest first, so that members can
/// follow what happened. Dates come from the events, never the clock.
public enum RecapFeed {
    /// Feed readers only look at recent entries; older recaps stay on the site.
    public static let limit = 50

    public static func render(_ community: CommunityView, renderer: SiteRenderer) -> String {
        let config = renderer.site.config
        let base = config.baseURL
        var entries: [(event: Int, recap: String)] = []
        for e in community.pastEvents {
            guard let recap = renderer.eventBody(e).recap else { continue }
            entries.append((e, recap))
            if entries.count == limit { break }
        }
        let updated = entries.first.map { stamp(community.data.events[$0.event].date) } ?? stamp(community.asOf)
        var out = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
        out += "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"\(xml(config.language))\">\n"
        out += "  <title>\(xml(config.title)): event recaps</title>\n"
        out += "  <id>\(xml(base))feed.xml</id>\n"
        out += "  <link rel=\"self\" type=\"application/atom+xml\" href=\"\(xml(base))feed.xml\"/>\n"
        out += "  <link rel=\"alternate\" type=\"text/html\" href=\"\(xml(base + CommunityView.eventsPath))\"/>\n"
        out += "  <updated>\(updated)</updated>\n"
        out += "  <author><name>\(xml(config.title))</name></author>\n"
        out += "  <generator>Townhall</generator>\n"
        for (e, recap) in entries {
            let event = community.data.events[e]
            let url = base + community.eventURLs[e]
            out += "  <entry>\n"
            out += "    <title>Recap: \(xml(event.title))</title>\n"
            out += "    <id>\(xml(url))</id>\n"
            out += "    <link rel=\"alternate\" type=\"text/html\" href=\"\(xml(url))\"/>\n"
            out += "    <published>\(stamp(event.date))</published>\n"
            out += "    <updated>\(stamp(event.date))</updated>\n"
            out += "    <summary>\(xml(DateText.span(event.start, event.end))), \(xml(event.location))</summary>\n"
            // Relative links in the recap resolve against the event page.
            out += "    <content type=\"html\" xml:base=\"\(xml(url))\">\(xml(recap))</content>\n"
            out += "  </entry>\n"
        }
        return out + "</feed>\n"
    }

    static func stamp(_ date: CalendarDate) -> String { "\(date)T00:00:00Z" }

    /// XML text: markup characters escaped, and characters XML 1.0 forbids dropped.
    static func xml(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            default:
                let v = scalar.value
                if v < 0x20 && v != 0x9 && v != 0xA && v != 0xD { continue }
                if v == 0xFFFE || v == 0xFFFF { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
