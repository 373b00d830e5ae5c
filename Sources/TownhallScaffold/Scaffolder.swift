import Foundation
import TownhallContent
import TownhallDiagnostics

/// Creates new sites, pages and events. Never overwrites: an existing file or a non-empty
/// folder is an error.
public struct Scaffolder: Sendable {
    public var today: CalendarDate

    public init(today: CalendarDate) {
        self.today = today
    }

    /// A starter community in `folder`: Content/ with a few pages and an event, and a copy
    /// of the default theme as Templates/.
    public func newSite(at folder: URL, display: String, title: String, theme: URL?) throws(Diagnostic) -> [String] {
        let fm = FileManager.default
        if let entries = try? fm.contentsOfDirectory(atPath: folder.path), !entries.isEmpty {
            throw .error("folder is not empty; choose a new folder for the site", at: SourceLocation(file: display))
        }
        var written: [String] = []
        for (path, text) in StarterSite.files(title: title, today: today) {
            try write(text, to: folder.appendingPathComponent(path), display: display + "/" + path)
            written.append(path)
        }
        if let theme {
            do {
                try fm.copyItem(at: theme, to: folder.appendingPathComponent("Templates"))
            } catch {
                throw .error("cannot copy the theme from \(theme.path): \(error.localizedDescription)", at: SourceLocation(file: display + "/Templates"))
            }
            written.append("Templates/")
        }
        return written
    }

    /// `handbook/faq` → `Content/handbook/faq.md` from the `page` archetype.
    public func newPage(_ path: String, title: String?, content: URL, contentDisplay: String) throws(Diagnostic) -> String {
        var relative = path.hasSuffix(".md") ? path : path + ".md"
        if relative.hasPrefix(contentDisplay + "/") { relative.removeFirst(contentDisplay.count + 1) }
        let parts = relative.split(separator: "/")
        guard !parts.isEmpty, !parts.contains(where: { $0 == ".." || $0 == "." }), !relative.hasPrefix("/") else {
            throw .error("page path must stay inside the content folder", at: SourceLocation(file: path))
        }
        let name = PageURL.stem(relative)
        let pageTitle = title ?? PageURL.humanize(name)
        let archetype = Archetype.load("page", content: content, contentDisplay: contentDisplay)
        let text = try archetype.render(["title": pageTitle, "titleYAML": Archetype.yamlQuoted(pageTitle), "date": today.description, "slug": Slug.make(pageTitle)])
        try write(text, to: content.appendingPathComponent(relative), display: contentDisplay + "/" + relative)
        return contentDisplay + "/" + relative
    }

    /// `Content/events/2026-12-05-repair-cafe.md` from the `event` archetype.
    public func newEvent(
        title: String, date: CalendarDate, kind: String, group: String?, hosts: [String],
        content: URL, contentDisplay: String
    ) throws(Diagnostic) -> String {
        let allowed = ["meetup", "talk", "workshop", "online"]
        guard allowed.contains(kind) else {
            throw .error("unknown event kind \"\(kind)\"; expected one of \(allowed.joined(separator: ", "))", at: SourceLocation(file: "--kind"))
        }
        // Ids end up in URLs and calendar UIDs: plain ASCII letters travel best.
        let slug = Slug.make(title.folding(options: .diacriticInsensitive, locale: Locale(identifier: "en_US_POSIX")))
        guard !slug.isEmpty else { throw .error("the event title needs at least one letter or digit", at: SourceLocation(file: "title")) }
        let id = "\(date)-\(slug)"
        let archetype = Archetype.load("event", content: content, contentDisplay: contentDisplay)
        var values = [
            "title": title, "titleYAML": Archetype.yamlQuoted(title), "date": date.description, "id": id, "slug": slug, "kind": kind,
            "hosts": hosts.map(Archetype.yamlQuoted).joined(separator: ", "),
        ]
        if let group { values["group"] = group; values["groupYAML"] = Archetype.yamlQuoted(group) }
        let text = try archetype.render(values)
        let relative = "events/\(id).md"
        try write(text, to: content.appendingPathComponent(relative), display: contentDisplay + "/" + relative)
        return contentDisplay + "/" + relative
    }

    private func write(_ text: String, to url: URL, display: String) throws(Diagnostic) {
        let fm = FileManager.default
        if fm.fileExists(atPath: url.path) {
            throw .error("file already exists; Townhall does not overwrite it", at: SourceLocation(file: display))
        }
        do {
            try fm.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            // `.withoutOverwriting` closes the gap between the check above and the write.
            try Data(text.utf8).write(to: url, options: .withoutOverwriting)
        } catch {
            throw .error("cannot write file: \(error.localizedDescription)", at: SourceLocation(file: display))
        }
    }
}
