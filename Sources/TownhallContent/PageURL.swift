import Foundation

/// The URL rules: `handbook/rules.md` → `handbook/rules/`, `handbook/_index.md` and
/// `handbook/README.md` → `handbook/`, the root's → the home page.
public enum PageURL {
    public static func place(_ path: String, slug: String?) -> (kind: Page.Kind, section: String, url: String) {
        let parts = path.split(separator: "/").map(String.init)
        let folder = parts.dropLast().joined(separator: "/")
        let file = parts.last ?? ""
        if file == "_index.md" || file.lowercased() == "readme.md" {
            return (folder.isEmpty ? .home : .section, folder, folder.isEmpty ? "" : folder + "/")
        }
        let name = slug ?? stem(file)
        let url = (folder.isEmpty ? "" : folder + "/") + name + "/"
        return (.page, folder, url)
    }

    public static func stem(_ path: String) -> String {
        let file = path.split(separator: "/").last.map(String.init) ?? path
        guard let dot = file.lastIndex(of: ".") else { return file }
        return String(file[..<dot])
    }

    /// `event-playbook` → `Event playbook`.
    public static func humanize(_ name: String) -> String {
        let words = name.replacingOccurrences(of: "_", with: " ").replacingOccurrences(of: "-", with: " ")
        guard let first = words.first else { return name }
        return first.uppercased() + words.dropFirst()
    }

    /// A relative link from the page at `from` to the site path `to` (both relative to the root).
    /// Shared leading folders are skipped: `handbook/rules/` → `handbook/roles/` is `../roles/`.
    public static func relative(from: String, to: String) -> String {
        let fromDirs = from.split(separator: "/", omittingEmptySubsequences: true)
        var toParts = to.split(separator: "/", omittingEmptySubsequences: true)
        let toIsFolder = to.isEmpty || to.hasSuffix("/")
        // The last part of a file path is not a folder to share.
        let sharable = toIsFolder ? toParts.count : toParts.count - 1
        var common = 0
        while common < fromDirs.count, common < sharable, fromDirs[common] == toParts[common] { common += 1 }
        toParts.removeFirst(common)
        var result = String(repeating: "../", count: fromDirs.count - common)
        result += toParts.map { encode(String($0)) }.joined(separator: "/")
        if toIsFolder && !toParts.isEmpty { result += "/" }
        return result.isEmpty ? "./" : result
    }

    /// Percent-encodes one path segment (spaces, `#`, `?` and the like).
    public static func encode(_ segment: String) -> String {
        // Nearly every segment is plain ASCII that needs no escaping: answer that without
        // Foundation, which is slow enough here to show in profiles of large sites.
        if segment.utf8.allSatisfy(isPlain) { return segment }
        return segment.addingPercentEncoding(withAllowedCharacters: allowedInSegment) ?? segment
    }

    private static let allowedInSegment: CharacterSet = {
        var allowed = CharacterSet.urlPathAllowed
        allowed.remove(charactersIn: "/;?#")
        return allowed
    }()

    /// Unreserved characters of RFC 3986, plus a few sub-delimiters that paths keep.
    private static func isPlain(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
             UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"):
            return true
        default:
            return false
        }
    }
}
