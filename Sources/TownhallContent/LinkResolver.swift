import Foundation
import TownhallDiagnostics
import TownhallMarkdown

/// Turns links written between source files (`../handbook/rules.md#sanctions`) into links
/// between output pages, and says precisely why a link goes nowhere.
public struct LinkResolver: Sendable {
    public let site: SiteContent
    private let staticPaths: Set<String>
    private let anchors: [[String: Heading]]

    public init(site: SiteContent) {
        self.site = site
        self.staticPaths = Set(site.staticFiles.map(\.sourcePath))
        self.anchors = site.pages.map { page in
            var map: [String: Heading] = [:]
            for h in page.analysis.headings {
                map[h.id] = h
                if let n = h.numberAnchor { map[n] = h }
            }
            return map
        }
    }

    /// nil for a link left as written (external, mail, empty); a rewrite for an internal
    /// link; a failure message for a broken one.
    public func resolve(_ link: MarkdownLink, on pageIndex: Int) -> Result<LinkRewrite?, LinkError> {
        let page = site.pages[pageIndex]
        let raw = link.url
        if raw.isEmpty || Self.isExternal(raw) { return .success(nil) }
        var path = raw
        var fragment: String?
        if let hash = path.firstIndex(of: "#") {
            fragment = String(path[path.index(after: hash)...])
            path = String(path[..<hash])
        }
        if let q = path.firstIndex(of: "?") { path = String(path[..<q]) }
        // Foundation's decoding is slow, and most links have nothing to decode.
        if path.contains("%") { path = path.removingPercentEncoding ?? path }

        let targetIndex: Int
        if path.isEmpty {
            targetIndex = pageIndex
        } else {
            let base = path.hasPrefix("/") ? "" : sourceFolder(page)
            guard let joined = Self.normalize(base, path) else {
                return .failure(LinkError("link \"\(raw)\" points outside the content folder"))
            }
            if staticPaths.contains(joined) {
                if fragment != nil {
                    return .success(LinkRewrite(url: PageURL.relative(from: page.url, to: joined) + "#" + fragment!))
                }
                return .success(LinkRewrite(url: PageURL.relative(from: page.url, to: joined)))
            }
            guard let found = findPage(joined) else {
                var message = "link \"\(raw)\" points to a missing page or file (\(joined.isEmpty ? "/" : joined))"
                if let guess = Suggestion.closest(to: joined, in: site.pageBySource.keys.sorted() + staticPaths.sorted()) {
                    message += "; did you mean \"\(guess)\"?"
                }
                return .failure(LinkError(message))
            }
            targetIndex = found
        }
        let target = site.pages[targetIndex]
        var url = targetIndex == pageIndex && !path.isEmpty ? "./" : (path.isEmpty ? "" : PageURL.relative(from: page.url, to: target.url))
        var citation: String?
        if let fragment, !fragment.isEmpty {
            guard let heading = anchors[targetIndex][fragment] else {
                var message = "link \"\(raw)\" points to a missing heading #\(fragment) in \(target.displayPath)"
                if let guess = Suggestion.closest(to: fragment, in: anchors[targetIndex].keys.sorted()) {
                    message += "; did you mean #\(guess)?"
                }
                return .failure(LinkError(message))
            }
            url += "#" + fragment
            if link.isCitation { citation = heading.citation }
        } else if link.isCitation {
            citation = target.title
        }
        return .success(LinkRewrite(url: url, citationText: citation))
    }

    private func sourceFolder(_ page: Page) -> String {
        guard let slash = page.sourcePath.lastIndex(of: "/") else { return "" }
        return String(page.sourcePath[..<slash])
    }

    /// A Markdown file, a folder with a section page, or a page's output URL.
    private func findPage(_ path: String) -> Int? {
        if let i = site.pageBySource[path] { return i }
        let folder = path.hasSuffix("/") ? String(path.dropLast()) : path
        if let section = site.sections[folder] { return section.page }
        return site.pageByURL[folder.isEmpty ? "" : folder + "/"]
    }

    static func isExternal(_ url: String) -> Bool {
        if url.hasPrefix("//") { return true }
        guard let colon = url.firstIndex(of: ":") else { return false }
        let scheme = url[..<colon]
        return !scheme.isEmpty && scheme.allSatisfy { $0.isLetter || $0.isNumber || "+.-".contains($0) }
    }

    /// Joins and removes `.` and `..`; nil when the path climbs above the root.
    static func normalize(_ base: String, _ path: String) -> String? {
        var parts: [Substring] = path.hasPrefix("/") ? [] : base.split(separator: "/")
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            if part == ".." {
                guard !parts.isEmpty else { return nil }
                parts.removeLast()
            } else {
                parts.append(part)
            }
        }
        let joined = parts.joined(separator: "/")
        return path.hasSuffix("/") && !joined.isEmpty ? joined + "/" : joined
    }
}

public struct LinkError: Error, Sendable, Hashable {
    public var message: String
    public init(_ message: String) { self.message = message }
}
