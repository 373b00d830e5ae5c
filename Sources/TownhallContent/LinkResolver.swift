import Foundation
import TownhallDiagnostics
import TownhallMarkdown

/// Turns links written between source files (`../handbook/rules.md#sanctions`) into links
/// between output pages, and says precisely why a link goes nowhere.
public struct LinkResolver: Sendable {
    public let site: SiteContent
    private let staticPaths: Set<String>
    /// The anchors of the pages with many headings, by name; a page's few others are
    /// searched (a dictionary made for every page was most of making the resolver).
    private let manyAnchors: [Int: [String: Heading]]
    static let searchedHeadings = 32
    /// Each page's source folder, which its relative links start from.
    private let folders: [String]

    public init(site: SiteContent) {
        self.site = site
        self.staticPaths = Set(site.staticFiles.map(\.sourcePath))
        // Found on the bytes: by `Character` it was ten thousand instructions a page, on
        // one thread.
        self.folders = site.pages.map { page in
            guard let slash = page.sourcePath.utf8.lastIndex(of: UInt8(ascii: "/")) else { return "" }
            return String(page.sourcePath[..<slash])
        }
        var many: [Int: [String: Heading]] = [:]
        for i in site.pages.indices where site.pages[i].analysis.headings.count > Self.searchedHeadings {
            many[i] = Self.anchorMap(site.pages[i].analysis.headings)
        }
        self.manyAnchors = many
    }

    /// nil for a link left as written (external, mail, empty); a rewrite for an internal
    /// link; a failure message for a broken one.
    public func resolve(_ link: MarkdownLink, on pageIndex: Int) -> Result<LinkRewrite?, LinkError> {
        let pageURL = site.pages[pageIndex].url
        let raw = link.url
        if raw.isEmpty || Self.isExternal(raw) { return .success(nil) }
        // Every link of every page comes through here (validation, render keys, rendering):
        // the cuts are made on UTF-8 bytes, and percent-decoding only runs when there is a `%`.
        var path = raw
        var fragment: String?
        if let hash = path.firstIndex(ofASCII: UInt8(ascii: "#")) {
            fragment = String(path[path.index(after: hash)...])
            path = String(path[..<hash])
        }
        if let q = path.firstIndex(ofASCII: UInt8(ascii: "?")) { path = String(path[..<q]) }
        if path.firstIndex(ofASCII: UInt8(ascii: "%")) != nil { path = path.removingPercentEncoding ?? path }

        let targetIndex: Int
        if path.isEmpty {
            targetIndex = pageIndex
        } else {
            let base = path.hasPrefix("/") ? "" : folders[pageIndex]
            guard let joined = Self.normalize(base, path) else {
                return .failure(LinkError("link \"\(raw)\" points outside the content folder"))
            }
            if staticPaths.contains(joined) {
                if fragment != nil {
                    return .success(LinkRewrite(url: PageURL.relative(from: pageURL, to: joined) + "#" + fragment!))
                }
                return .success(LinkRewrite(url: PageURL.relative(from: pageURL, to: joined)))
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
        var url = targetIndex == pageIndex && !path.isEmpty ? "./" : (path.isEmpty ? "" : PageURL.relative(from: pageURL, to: site.pages[targetIndex].url))
        var citation: String?
        if let fragment, !fragment.isEmpty {
            guard let heading = heading(fragment, on: targetIndex) else {
                var message = "link \"\(raw)\" points to a missing heading #\(fragment) in \(site.pages[targetIndex].displayPath)"
                if let guess = Suggestion.closest(to: fragment, in: anchorNames(on: targetIndex)) {
                    message += "; did you mean #\(guess)?"
                }
                return .failure(LinkError(message))
            }
            url += "#" + fragment
            if link.isCitation { citation = heading.citation }
        } else if link.isCitation {
            citation = site.pages[targetIndex].title
        }
        return .success(LinkRewrite(url: url, citationText: citation))
    }

    /// Each heading by its id and by its rule number's anchor; a later heading takes a name
    /// an earlier one had.
    private static func anchorMap(_ headings: [Heading]) -> [String: Heading] {
        var map: [String: Heading] = [:]
        for h in headings {
            map[h.id] = h
            if let n = h.numberAnchor { map[n] = h }
        }
        return map
    }

    /// The heading a fragment names on a page: as `anchorMap` finds it, the last that has it.
    private func heading(_ fragment: String, on page: Int) -> Heading? {
        if let map = manyAnchors[page] { return map[fragment] }
        var found: Heading?
        for h in site.pages[page].analysis.headings where h.id == fragment || h.numberAnchor == fragment { found = h }
        return found
    }

    private func anchorNames(on page: Int) -> [String] {
        (manyAnchors[page] ?? Self.anchorMap(site.pages[page].analysis.headings)).keys.sorted()
    }

    /// A Markdown file, a folder with a section page, or a page's output URL.
    private func findPage(_ path: String) -> Int? {
        if let i = site.pageBySource[path] { return i }
        let folder = path.hasSuffix("/") ? String(path.dropLast()) : path
        if let section = site.sections[folder] { return section.page }
        return site.pageByURL[folder.isEmpty ? "" : folder + "/"]
    }

    /// Whether `resolve` may give the link a new destination: the first pass marks where
    /// these links' URLs go in a prerendered body (see `PrerenderedBody`).
    static func mayRewrite(_ url: String) -> Bool { !url.isEmpty && !isExternal(url) }

    static func isExternal(_ url: String) -> Bool {
        if url.hasPrefix("//") { return true }
        guard let colon = url.firstIndex(ofASCII: UInt8(ascii: ":")) else { return false }
        let scheme = url[..<colon]
        return !scheme.isEmpty && scheme.allSatisfy { $0.isLetter || $0.isNumber || "+.-".contains($0) }
    }

    /// Joins and removes `.` and `..`; nil when the path climbs above the root.
    static func normalize(_ base: String, _ path: String) -> String? {
        // On raw UTF-8 bytes: every link of every page comes through here, and splitting
        // `String`s by `Character` was 4 % of a full build (through `Substring` views, 1.7 %).
        var base = base, path = path
        return base.withUTF8 { base in path.withUTF8 { path in normalize(base, path) } }
    }

    private static func normalize(_ base: UnsafeBufferPointer<UInt8>, _ path: UnsafeBufferPointer<UInt8>) -> String? {
        let slash = UInt8(ascii: "/"), dot = UInt8(ascii: ".")
        let absolute = path.first == slash
        let capacity = (absolute ? 0 : base.count) + path.count + 1
        var climbed = false
        let text = String(unsafeUninitializedCapacity: capacity) { out in
            var count = 0
            // Appends each segment between slashes; `.` is skipped and `..` drops the last
            // segment (false when there is none).
            func add(_ bytes: UnsafeBufferPointer<UInt8>, dots: Bool) -> Bool {
                var start = 0
                while start < bytes.count {
                    var end = start
                    while end < bytes.count, bytes[end] != slash { end += 1 }
                    let length = end - start
                    if length == 0 || dots && length == 1 && bytes[start] == dot {
                        // An empty or `.` segment.
                    } else if dots && length == 2 && bytes[start] == dot && bytes[start + 1] == dot {
                        guard count > 0 else { return false }
                        // Back to the slash before the last segment, or to the start.
                        while count > 0, out[count - 1] != slash { count -= 1 }
                        if count > 0 { count -= 1 }
                    } else {
                        if count > 0 { out[count] = slash; count += 1 }
                        for k in start..<end { out[count] = bytes[k]; count += 1 }
                    }
                    start = end + 1
                }
                return true
            }
            if !absolute { _ = add(base, dots: false) }
            guard add(path, dots: true) else {
                climbed = true
                return 0
            }
            if path.last == slash, count > 0 { out[count] = slash; count += 1 }
            return count
        }
        return climbed ? nil : text
    }
}

public struct LinkError: Error, Sendable, Hashable {
    public var message: String
    public init(_ message: String) { self.message = message }
}
