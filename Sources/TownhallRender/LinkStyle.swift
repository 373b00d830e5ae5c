import TownhallContent

/// How a page links to the rest of the site: relative (works under any sub-path and from
/// disk) for pages, root-absolute for the 404 page, which is served at any depth.
public struct LinkStyle: Sendable {
    /// The page's own output folder (`handbook/rules/`).
    public var from: String
    /// Set for root-absolute links: the base path (`/riverside/`).
    public var absoluteBase: String?

    public init(from: String, absoluteBase: String? = nil) {
        self.from = from
        self.absoluteBase = absoluteBase
    }

    /// A link to a site path (`playbook/`, `assets/style.css`, `""` for home).
    public func url(_ sitePath: String) -> String {
        if let base = absoluteBase {
            return base + sitePath.split(separator: "/", omittingEmptySubsequences: false).map { PageURL.encode(String($0)) }.joined(separator: "/")
        }
        return PageURL.relative(from: from, to: sitePath)
    }

    /// Prefix to reach the site root.
    public var root: String { url("") }
}
