import Foundation

/// Finds the default theme to copy into a new site.
enum ThemeLocator {
    static func find(explicit: String?) -> URL? {
        let fm = FileManager.default
        func isTheme(_ url: URL) -> Bool { fm.fileExists(atPath: url.appendingPathComponent("layouts/base.mustache").path) }
        if let explicit {
            let url = URL(fileURLWithPath: explicit)
            return isTheme(url) ? url : nil
        }
        var candidates = [URL(fileURLWithPath: "Templates")]
        // A binary built in the project (`.build/<config>/townhall`) finds the project's theme.
        var dir = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<4 {
            candidates.append(dir.appendingPathComponent("Templates"))
            dir = dir.deletingLastPathComponent()
        }
        return candidates.first(where: isTheme)
    }
}
