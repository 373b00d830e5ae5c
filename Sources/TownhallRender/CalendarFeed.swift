import Foundation
import TownhallContent
import TownhallData
import TownhallMarkdown

/// `events.ics`: the upcoming events as an iCalendar feed (RFC 5545) that calendar apps
/// can subscribe to. Lines end in CRLF and are folded at 75 octets; text is escaped; each
/// event has a stable UID; DTSTAMP is the build date, so identical builds are identical.
public enum CalendarFeed {
    public static func render(_ community: CommunityView, site: SiteContent) -> String {
        let config = site.config
        let host = URL(string: config.baseURL)?.host ?? "townhall.invalid"
        let stamp = stampText(community.asOf)
        var lines = [
            "BEGIN:VCALENDAR",
            "VERSION:2.0",
            "PRODID:-//Townhall//\(escape(config.title))//EN",
            "CALSCALE:GREGORIAN",
            "METHOD:PUBLISH",
            "X-WR-CALNAME:\(escape(config.title))",
        ]
        let zone = TimeZone(identifier: community.timeZone) ?? TimeZone(identifier: "UTC")!
        for e in community.upcomingEvents {
            let event = community.data.events[e]
            let url = config.baseURL + community.eventURLs[e]
            lines.append("BEGIN:VEVENT")
            lines.append("UID:\(event.id.rawValue)@\(host)")
            lines.append("DTSTAMP:\(stamp)")
            let (start, end) = times(event)
            lines.append(dateLine("DTSTART", start, zone: zone))
            lines.append(dateLine("DTEND", end, zone: zone))
            lines.append("SUMMARY:\(escape(event.title))")
            lines.append("LOCATION:\(escape(event.location))")
            let summary = description(of: event, site: site)
            lines.append("DESCRIPTION:\(escape(summary.isEmpty ? url : summary + "\n\n" + url))")
            lines.append("URL:\(url)")
            lines.append("CATEGORIES:\(escape(CommunityLabels.event(event.kind)))")
            lines.append("END:VEVENT")
        }
        lines.append("END:VCALENDAR")
        return lines.map(fold).joined(separator: "\r\n") + "\r\n"
    }

    /// Start and (exclusive) end. Without `end`, a timed event lasts two hours and an
    /// all-day event one day; RFC 5545 reads a missing DTEND as zero length, which
    /// calendar apps show badly.
    static func times(_ event: Event) -> (EventTime, EventTime) {
        let start = event.start
        if let end = event.end {
            if end.minutes == nil {
                // An all-day end date is inclusive in our data, exclusive in iCalendar.
                return (start, EventTime(date: CalendarDate(dayNumber: end.date.dayNumber + 1), minutes: start.minutes == nil ? nil : 0))
            }
            return (start, end)
        }
        guard let minutes = start.minutes else {
            return (start, EventTime(date: CalendarDate(dayNumber: start.date.dayNumber + 1)))
        }
        let total = start.date.dayNumber * 1440 + minutes + 120
        return (start, EventTime(date: CalendarDate(dayNumber: total / 1440), minutes: total % 1440))
    }

    /// `DTSTART;VALUE=DATE:20261205` or `DTSTART:20261205T140000Z` (local time on the site's
    /// clock converted to UTC, so that no VTIMEZONE block is needed).
    static func dateLine(_ name: String, _ time: EventTime, zone: TimeZone) -> String {
        guard let minutes = time.minutes else { return "\(name);VALUE=DATE:\(compact(time.date))" }
        let local = TimeInterval(time.date.dayNumber * 86_400 + minutes * 60)
        var utc = local - TimeInterval(zone.secondsFromGMT(for: Date(timeIntervalSince1970: local)))
        let offset = zone.secondsFromGMT(for: Date(timeIntervalSince1970: utc))
        utc = local - TimeInterval(offset)
        let seconds = Int(utc)
        let day = CalendarDate(dayNumber: Int((Double(seconds) / 86_400).rounded(.down)))
        let rest = seconds - day.dayNumber * 86_400
        return "\(name):\(compact(day))T\(two(rest / 3600))\(two(rest % 3600 / 60))00Z"
    }

    static func stampText(_ date: CalendarDate) -> String { "\(compact(date))T000000Z" }

    static func compact(_ date: CalendarDate) -> String { date.description.replacingOccurrences(of: "-", with: "") }

    static func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }

    /// A plain-text summary: the page's description, or the first paragraph of the plan.
    static func description(of event: Event, site: SiteContent) -> String {
        if let path = event.page, let index = site.pageBySource[path] { return site.pages[index].description }
        guard let plan = event.plan else { return "" }
        return Markdown.analyse(plan).firstParagraph ?? ""
    }

    /// RFC 5545 §3.3.11: backslash, semicolon, comma and line breaks are escaped.
    static func escape(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case ";": out += "\\;"
            case ",": out += "\\,"
            case "\n": out += "\\n"
            case "\r": continue
            default:
                // Other control characters are not allowed in iCalendar text.
                if scalar.value < 0x20 && scalar != "\t" { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// RFC 5545 §3.1: lines longer than 75 octets continue on the next line after a space,
    /// split between characters, never inside one.
    static func fold(_ line: String) -> String {
        guard line.utf8.count > 75 else { return line }
        var out = ""
        var count = 0
        var limit = 75
        for scalar in line.unicodeScalars {
            let size = String(scalar).utf8.count
            if count + size > limit {
                out += "\r\n "
                count = 1
                limit = 75
            }
            out.unicodeScalars.append(scalar)
            count += size
        }
        return out
    }
}
