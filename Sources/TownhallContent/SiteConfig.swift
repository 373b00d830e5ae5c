import Foundation
import TownhallDiagnostics
import Yams

/// `Content/site.yaml`: the site-wide settings.
public struct SiteConfig: Sendable, Hashable {
    public enum Severity: String, Sendable, Hashable { case error, warning }

    public var title = "Untitled community"
    public var description = ""
    /// Absolute URL the site is published at, with a trailing slash; may carry a sub-path.
    public var baseURL = "/"
    public var language = "en"
    public var timeZone = "UTC"
    /// The build's "today", when set here.
    public var asOf: CalendarDate?
    /// Top-level section folders in navigation order; others follow by weight, then title.
    public var nav: [String] = []
    public var markdownUnsafe = false
    public var markdownSmart = true
    /// Pages whose `reviewed:` date is older than this many days get a warning.
    public var reviewIntervalDays = 365
    /// What a broken internal link is: an error (default) or, for legacy handbooks, a warning.
    public var brokenLinks: Severity = .error
    /// Footer line, e.g. a licence.
    public var footer = ""
    /// Free-form values for templates (`site.params.x`).
    public var params: [String: FrontMatterValue] = [:]
    /// What may be published about members.
    public var privacy = PrivacySettings()
    /// Report pages generated from the data.
    public var reports = ReportSettings()

    public init() {}

    public init(timeZone: String) {
        self.timeZone = timeZone
    }

    static let knownKeys: Set<String> = [
        "title", "description", "base_url", "language", "time_zone", "as_of", "nav", "markdown",
        "review_interval_days", "broken_links", "footer", "params", "privacy", "reports",
    ]

    /// Reads site.yaml; a missing file gives the defaults.
    public static func load(from url: URL, displayPath: String, diagnostics: inout [Diagnostic]) -> SiteConfig {
        var config = SiteConfig()
        guard FileManager.default.fileExists(atPath: url.path) else { return config }
        let text: String
        switch TextFile.read(url, displayPath: displayPath) {
        case .success(let t): text = t
        case .failure(let d):
            diagnostics.append(d)
            return config
        }
        let reader = YAMLReader(file: displayPath)
        guard case .success(let parsed) = reader.parse(text).mapError({ d -> Diagnostic in diagnostics.append(d); return d }),
              let root = parsed else { return config }
        guard case .mapping(let mapping) = root else {
            diagnostics.append(.error("site.yaml must be a mapping of settings", at: reader.location(root)))
            return config
        }
        for (keyNode, node) in mapping {
            guard let key = keyNode.string else { continue }
            switch key {
            case "title": config.title = reader.string(node, key: key, into: &diagnostics) ?? config.title
            case "description": config.description = reader.string(node, key: key, into: &diagnostics) ?? ""
            case "base_url":
                if let raw = reader.string(node, key: key, into: &diagnostics) {
                    config.baseURL = raw.hasSuffix("/") ? raw : raw + "/"
                }
            case "language": config.language = reader.string(node, key: key, into: &diagnostics) ?? "en"
            case "time_zone":
                if let zone = reader.string(node, key: key, into: &diagnostics) {
                    if TimeZone(identifier: zone) == nil {
                        diagnostics.append(.error("unknown time zone \"\(zone)\"; expected an IANA name like Europe/Berlin", at: reader.location(node)))
                    } else {
                        config.timeZone = zone
                    }
                }
            case "as_of": config.asOf = reader.date(node, key: key, into: &diagnostics)
            case "nav": config.nav = reader.strings(node, key: key, into: &diagnostics)
            case "markdown":
                guard case .mapping(let md) = node else {
                    diagnostics.append(.error("expected a mapping for `markdown` (unsafe, smart)", at: reader.location(node)))
                    continue
                }
                for (k, v) in md {
                    switch k.string ?? "" {
                    case "unsafe": config.markdownUnsafe = reader.bool(v, key: "markdown.unsafe", into: &diagnostics) ?? false
                    case "smart": config.markdownSmart = reader.bool(v, key: "markdown.smart", into: &diagnostics) ?? true
                    default:
                        diagnostics.append(.warning("unknown markdown option `\(k.string ?? "")`; known options are unsafe, smart", at: reader.location(k)))
                    }
                }
            case "review_interval_days":
                if let days = reader.int(node, key: key, into: &diagnostics) {
                    if days > 0 { config.reviewIntervalDays = days } else {
                        diagnostics.append(.error("`review_interval_days` must be a positive number of days", at: reader.location(node)))
                    }
                }
            case "broken_links":
                let raw = reader.string(node, key: key, into: &diagnostics) ?? "error"
                if let severity = Severity(rawValue: raw) { config.brokenLinks = severity } else {
                    diagnostics.append(.error("expected `error` or `warning` for `broken_links`, found \"\(raw)\"", at: reader.location(node)))
                }
            case "footer": config.footer = reader.string(node, key: key, into: &diagnostics) ?? ""
            case "params":
                if case .map(let pairs) = reader.value(node) {
                    for pair in pairs { config.params[pair.key] = pair.value }
                }
            case "privacy":
                config.privacy = readPrivacy(node, reader: reader, diagnostics: &diagnostics)
            case "reports":
                config.reports = ReportSettings.read(node, reader: reader, diagnostics: &diagnostics)
            default:
                let known = knownKeys.sorted().joined(separator: ", ")
                diagnostics.append(.warning("unknown setting `\(key)` in site.yaml; known settings are \(known)", at: reader.location(keyNode)))
            }
        }
        return config
    }

    static func readPrivacy(_ node: Node, reader: YAMLReader, diagnostics: inout [Diagnostic]) -> PrivacySettings {
        var privacy = PrivacySettings()
        guard case .mapping(let map) = node else {
            diagnostics.append(.error("expected a mapping for `privacy` (publish_member_fields, min_group_size)", at: reader.location(node)))
            return privacy
        }
        for (k, v) in map {
            switch k.string ?? "" {
            case "publish_member_fields":
                let nodes: [Node]
                switch v {
                case .sequence(let seq): nodes = Array(seq)
                case .scalar(let s) where s.string.isEmpty: nodes = []
                default: nodes = [v]
                }
                for item in nodes {
                    guard let field = reader.string(item, key: "privacy.publish_member_fields", into: &diagnostics) else { continue }
                    privacy.publishMemberFields.append(field)
                    privacy.publishMemberFieldLocations.append(reader.location(item))
                }
            case "min_group_size":
                if let k = reader.int(v, key: "privacy.min_group_size", into: &diagnostics) {
                    if k >= 1 { privacy.minGroupSize = k } else {
                        diagnostics.append(.error("`privacy.min_group_size` must be 1 or more", at: reader.location(v)))
                    }
                }
            default:
                diagnostics.append(.warning(
                    "unknown privacy option `\(k.string ?? "")`; known options are min_group_size, publish_member_fields",
                    at: reader.location(k)))
            }
        }
        return privacy
    }

    /// The path part of the base URL (`/riverside/` for `https://example.org/riverside/`).
    public var basePath: String {
        guard let url = URL(string: baseURL), let host = url.host, !host.isEmpty else {
            return baseURL.hasPrefix("/") ? baseURL : "/" + baseURL
        }
        let path = url.path
        return path.hasSuffix("/") ? path : path + "/"
    }
}
