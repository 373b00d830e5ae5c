import Foundation
import TownhallContent

/// The build's "today". Never the clock when anything more stable is given, so identical
/// inputs give identical output.
public enum BuildDate {
    public enum Source: String, Sendable { case option = "--as-of", environment = "SOURCE_DATE_EPOCH", config = "site.yaml as_of", clock = "the clock" }

    public static func resolve(
        option: CalendarDate?, config: SiteConfig, environment: [String: String] = ProcessInfo.processInfo.environment
    ) -> (date: CalendarDate, source: Source) {
        if let option { return (option, .option) }
        if let raw = environment["SOURCE_DATE_EPOCH"], let seconds = Int(raw) {
            return (day(of: Date(timeIntervalSince1970: TimeInterval(seconds)), zone: config.timeZone), .environment)
        }
        if let asOf = config.asOf { return (asOf, .config) }
        return (day(of: Date(), zone: config.timeZone), .clock)
    }

    static func day(of date: Date, zone: String) -> CalendarDate {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: zone) ?? TimeZone(identifier: "UTC")!
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        return CalendarDate(year: parts.year!, month: parts.month!, day: parts.day!)!
    }
}
