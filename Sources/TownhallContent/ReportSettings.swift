import TownhallDiagnostics
import Yams

/// site.yaml `reports`: report pages generated from the data alone, besides the reports
/// written in `Content/reports/`.
///
/// ```yaml
/// reports:
///   generate: [monthly, quarterly]   # one page per complete month / quarter
///   since: 2026-01                   # the first month to generate (default: the first month of data)
/// ```
public struct ReportSettings: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        case monthly, quarterly
    }

    public var generate: [Kind] = []
    /// The first day of the first month to generate reports for.
    public var since: CalendarDate?

    public init() {}

    static func read(_ node: Node, reader: YAMLReader, diagnostics: inout [Diagnostic]) -> ReportSettings {
        var settings = ReportSettings()
        guard case .mapping(let map) = node else {
            diagnostics.append(.error("expected a mapping for `reports` (generate, since)", at: reader.location(node)))
            return settings
        }
        for (k, v) in map {
            switch k.string ?? "" {
            case "generate":
                for name in reader.strings(v, key: "reports.generate", into: &diagnostics) {
                    if let kind = Kind(rawValue: name) {
                        if !settings.generate.contains(kind) { settings.generate.append(kind) }
                    } else {
                        diagnostics.append(.error(
                            "unknown report kind \"\(name)\" in `reports.generate`; expected monthly or quarterly", at: reader.location(v)))
                    }
                }
            case "since":
                let text = v.string ?? ""
                if text.count == 7, let date = CalendarDate(iso: text + "-01") {
                    settings.since = date
                } else {
                    diagnostics.append(.error("expected a month like 2026-01 for `reports.since`, found \"\(text)\"", at: reader.location(v)))
                }
            default:
                diagnostics.append(.warning(
                    "unknown reports option `\(k.string ?? "")`; known options are generate, since", at: reader.location(k)))
            }
        }
        return settings
    }
}
