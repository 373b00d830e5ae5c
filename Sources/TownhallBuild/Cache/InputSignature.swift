import Foundation
import TownhallRender
import TownhallContent

/// One hash over everything a build reads: the options, the build date, the townhall
/// binary, and the name and `FileSignature` of every file under the content and template
/// folders. When it equals the last build's (and the output is intact), there is nothing
/// to do, and a no-op rebuild costs a directory walk.
enum InputSignature {
    /// `content` is `FileTree.list(options.content)`, which the build reads its pages from;
    /// `templates` is `ofFolder(options.templates)` (both listed once per build).
    static func of(
        _ options: BuildOptions, content: [FileTree.Entry]? = nil, templates: UInt64? = nil,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) -> UInt64 {
        var hash = settings(options, environment: environment)
        hash.add(String(ofFolder(options.content, entries: content)))
        hash.add(String(templates ?? ofFolder(options.templates)))
        return hash.value
    }

    /// `of` with the signatures of `pages` (places in `content`, ascending) and of folders
    /// left out, every path kept in order: equal for two builds means that the same files
    /// are in the same places, and that nothing but those pages' contents can differ.
    static func rest(
        _ options: BuildOptions, content: [FileTree.Entry], templates: UInt64, pages: [Int],
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) -> UInt64 {
        var hash = settings(options, environment: environment)
        hash.add(options.contentDisplay)
        var folder = KeyHash()
        var next = 0
        for (i, entry) in content.enumerated() {
            folder.add(entry.path)
            if next < pages.count, pages[next] == i {
                folder.add(0 as UInt64)
                next += 1
            } else {
                // Not a folder's own signature: an editor that saves by writing a new file
                // and renaming it over the old one changes its folder's modification time,
                // and a file added or removed shows in the paths already.
                folder.add(entry.isDirectory ? 0 : entry.signature)
            }
        }
        hash.add(folder.value)
        hash.add(String(templates))
        return hash.value
    }

    /// The options, the build date and the binary.
    private static func settings(_ options: BuildOptions, environment: [String: String]) -> KeyHash {
        var hash = KeyHash()
        hash.add(BinaryIdentity.current)
        hash.add(options.content.path)
        hash.add(options.templates.path)
        hash.add(options.includeDrafts ? "drafts" : "")
        hash.add(options.asOf?.description ?? "")
        hash.add(environment["SOURCE_DATE_EPOCH"] ?? "")
        // Without a fixed date the build depends on the day (review reminders, upcoming events).
        hash.add(Int(Date().timeIntervalSince1970 / 86_400))
        return hash
    }

    /// The names and signatures of every file under `root` (0 when it does not exist).
    static func ofFolder(_ root: URL, entries: [FileTree.Entry]? = nil) -> UInt64 {
        var hash = KeyHash()
        let entries = entries ?? FileTree.list(root)
        guard !entries.isEmpty || FileManager.default.fileExists(atPath: root.path) else { return 0 }
        for entry in entries {
            hash.add(entry.path)
            hash.add(entry.signature)
        }
        return hash.value
    }
}
