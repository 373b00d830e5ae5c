import TownhallContent
import TownhallDiagnostics
import TownhallMarkdown
import TownhallRender

/// Checks what can only be checked with the whole site loaded: links and anchors, layouts,
/// and pages overdue for review. Each page's result is kept between builds under a key of
/// everything the check reads (see `keys`), so an edit re-checks only the pages it can
/// affect, and the pages are checked on every core.
struct ContentValidator {
    let site: SiteContent
    let theme: Theme
    let resolver: LinkResolver
    let asOf: CalendarDate

    /// The checks of every page, in page order, reusing `cached` results whose key is
    /// unchanged. Deterministic whatever the thread count: each page is checked alone. With
    /// them, where the links of each page checked now lead (`rewrites`), so that rendering
    /// does not resolve them again.
    func validate(keys: [UInt64], cached: [String: PageCheck], threads: Int) -> (checks: [PageCheck], rewrites: [[LinkRewrite?]?]) {
        let results = Array(site.pages.indices).concurrentMap(threads: threads) { i -> (PageCheck, [LinkRewrite?]?) in
            if let hit = cached[site.pages[i].url], hit.key == keys[i] { return (hit, nil) }
            var (check, rewrites) = check(i)
            check.key = keys[i]
            return (check, rewrites)
        }
        return (results.map(\.0), results.map(\.1))
    }

    /// For each page, a key of everything its check reads: the page itself (`pageKeys`),
    /// every page's link targets (`LinkSurface`), the settings and build date (`settings`)
    /// and the theme's layouts.
    func keys(pageKeys: [UInt64], settings: UInt64, threads: Int) -> [UInt64] {
        var shared = KeyHash()
        shared.add(LinkSurface.hash(site, threads: threads))
        shared.add(settings)
        shared.add(asOf.description)
        shared.add(site.config.brokenLinks == .warning ? "warn" : "error")
        shared.add(site.config.markdownUnsafe ? "unsafe" : "")
        shared.add(site.config.reviewIntervalDays)
        for name in theme.layoutNames { shared.add(name) }
        let context = shared.value
        return pageKeys.map { key in
            var h = KeyHash()
            h.add(context)
            h.add(key)
            return h.value
        }
    }

    /// One page's problems, and where its links lead: the `LinkKey` of its render key, and
    /// for each of its links the rewrite rendering gives it (nil for one left as written).
    func check(_ i: Int) -> (PageCheck, [LinkRewrite?]) {
        let page = site.pages[i]
        var out: [Diagnostic] = []
        var links = LinkKey()
        var rewrites: [LinkRewrite?] = []
        rewrites.reserveCapacity(page.analysis.links.count)
        let linkSeverity: Diagnostic.Severity = site.config.brokenLinks == .warning ? .warning : .error
        for link in page.analysis.links {
            let result = resolver.resolve(link, on: i)
            links.add(result)
            rewrites.append(try? result.get())
            if case .failure(let error) = result {
                out.append(Diagnostic(linkSeverity, error.message, at: page.location(line: link.line, column: link.column)))
            }
            if link.url.lowercased().hasPrefix("javascript:"), !site.config.markdownUnsafe {
                out.append(.warning(
                    "javascript: link removed (raw HTML and unsafe URLs are off; set markdown.unsafe in site.yaml to allow)",
                    at: page.location(line: link.line, column: link.column)))
            }
        }
        let layout = SiteRenderer.layout(of: page)
        if !theme.hasLayout(layout) {
            var message = "unknown layout \"\(layout)\""
            if let guess = Suggestion.closest(to: layout, in: theme.layoutNames) { message += "; did you mean \"\(guess)\"?" }
            out.append(.error(
                message, at: page.frontMatter.keyLocations["layout"] ?? SourceLocation(file: page.displayPath),
                notes: ["layouts available: \(theme.layoutNames.joined(separator: ", "))"]))
        }
        if let reviewed = page.frontMatter.reviewed {
            let age = asOf.dayNumber - reviewed.dayNumber
            if age > site.config.reviewIntervalDays {
                out.append(.warning(
                    "page was last reviewed \(age) days ago (\(reviewed)); the site asks for a review every \(site.config.reviewIntervalDays) days",
                    at: page.frontMatter.keyLocations["reviewed"] ?? SourceLocation(file: page.displayPath)))
            } else if age < 0 {
                out.append(.warning(
                    "`reviewed: \(reviewed)` is after the build date \(asOf)",
                    at: page.frontMatter.keyLocations["reviewed"] ?? SourceLocation(file: page.displayPath)))
            }
        }
        return (PageCheck(key: 0, diagnostics: out, links: links.value), rewrites)
    }
}

/// One page's checks as the next build may reuse them.
struct PageCheck: Sendable, Equatable {
    /// See `ContentValidator.keys`.
    var key: UInt64
    var diagnostics: [Diagnostic]
    /// `LinkKey` of the page's links.
    var links: UInt64
}
