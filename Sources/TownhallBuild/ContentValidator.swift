import TownhallContent
import TownhallDiagnostics
import TownhallRender

/// Checks what can only be checked with the whole site loaded: links and anchors, layouts,
/// and pages overdue for review.
struct ContentValidator {
    let site: SiteContent
    let theme: Theme
    let resolver: LinkResolver
    let asOf: CalendarDate

    func validate() -> [Diagnostic] {
        var out: [Diagnostic] = []
        let linkSeverity: Diagnostic.Severity = site.config.brokenLinks == .warning ? .warning : .error
        for (i, page) in site.pages.enumerated() {
            for link in page.analysis.links {
                if case .failure(let error) = resolver.resolve(link, on: i) {
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
        }
        return out
    }
}
