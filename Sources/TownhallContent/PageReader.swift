import Foundation
import TownhallDiagnostics
import TownhallMarkdown

/// Reads one Markdown file into a page, or the diagnostics that stop it.
struct PageReader: Sendable {
    /// The content folder's path, without a trailing `/`.
    let rootPath: String
    let display: String
    let options: MarkdownOptions

    struct Result: Sendable {
        var page: Page?
        var diagnostics: [Diagnostic]
    }

    /// Larger Markdown files are refused before they are read: no handbook page is this
    /// long, and a runaway file (a log pasted by mistake) should not stall every build.
    static let maxBytes = 8 << 20

    func read(_ path: String) -> Result {
        var diagnostics: [Diagnostic] = []
        let text: String
        switch TextFile.readBytes(path: rootPath + "/" + path, displayPath: display, limit: Self.maxBytes) {
        case .tooLarge(let size):
            return Result(page: nil, diagnostics: [.error(
                "page is \(size >> 20) MB; pages larger than \(Self.maxBytes >> 20) MB are refused",
                at: SourceLocation(file: display), notes: ["split it into several pages, or link to it as a file that is copied"])])
        case .failure(let d): return Result(page: nil, diagnostics: [d])
        case .bytes(let bytes):
            switch TextFile.decode(bytes, displayPath: display) {
            case .success(let t): text = t
            case .failure(let d): return Result(page: nil, diagnostics: [d])
            }
        }
        let split: SplitSource
        switch FrontMatterSplitter.split(text, file: display) {
        case .success(let s): split = s
        case .failure(let d): return Result(page: nil, diagnostics: [d])
        }
        var fm = FrontMatter()
        if let yaml = split.yaml {
            fm = FrontMatterParser.parse(yaml, file: display, diagnostics: &diagnostics)
        }
        var markdownOptions = options
        markdownOptions.numbered = fm.numbered
        var title = fm.title ?? ""
        if fm.title == nil, let leading = Markdown.analyse(split.body, options: markdownOptions).leadingTitle {
            // A GitHub-style file: its first heading is the title, so it is not repeated.
            title = leading
            markdownOptions.dropLeadingTitle = true
        }
        let (analysis, readable, prerendered) = Markdown.analyseAndPrerender(
            split.body, options: markdownOptions, rewritable: LinkResolver.mayRewrite)
        let (kind, section, url) = PageURL.place(path, slug: fm.slug)
        if title.isEmpty {
            title = PageURL.humanize(kind == .page ? PageURL.stem(path) : (section.split(separator: "/").last.map(String.init) ?? ""))
        }
        let description = fm.description ?? Summary.make(analysis.firstParagraph ?? "", limit: 160)
        var page = Page(
            kind: kind, sourcePath: path, displayPath: display, sectionPath: section,
            frontMatter: fm, title: title, description: description, body: split.body,
            bodyLineOffset: split.bodyLineOffset, url: url,
            markdownOptions: markdownOptions, analysis: analysis, frontMatterYAML: split.yaml
        )
        page.prerendered = prerendered
        page.searchKeywords = SearchKeywords.make(
            title: title, description: description,
            headings: analysis.headings.filter { $0.level == 2 || $0.level == 3 }.map(\.text), utf8: readable)
        return Result(page: diagnostics.hasErrors ? nil : page, diagnostics: diagnostics)
    }
}
