import Foundation

/// The URL rules: `handbook/rules.md` → `handbook/rules/`, `handbook/_index.md` and
/// `handbook/README.md` → `handbook/`, the root's → the home page.
public enum PageURL {
    public static func place(_ path: String, slug: String?) -> (kind: Page.Kind, section: String, url: String) {
        // Every page is placed when it is read: an ASCII path in the walker's form (no empty
        // segment) is cut at its last slash, the same as the `Character` way below.
        if let (folder, file) = asciiParts(path) {
            if file.utf8.count == 9, String(decoding: file.utf8.map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 32 : $0 }, as: UTF8.self) == "readme.md"
                || file == "_index.md" {
                return (folder.isEmpty ? .home : .section, folder, folder.isEmpty ? "" : folder + "/")
            }
            let name = slug ?? stem(file)
            return (.page, folder, (folder.isEmpty ? "" : folder + "/") + name + "/")
        }
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

    /// The folder and file name of an ASCII path with no empty segment; nil otherwise.
    private static func asciiParts(_ path: String) -> (folder: String, file: String)? {
        let bytes = path.utf8
        let slash = UInt8(ascii: "/")
        guard let first = bytes.first, first != slash, bytes.last != slash, bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
        var previous: UInt8 = 0
        for b in bytes {
            if b == slash, previous == slash { return nil }
            previous = b
        }
        guard let last = bytes.lastIndex(of: slash) else { return ("", path) }
        return (String(path[..<last]), String(path[bytes.index(after: last)...]))
    }

    public static func stem(_ path: String) -> String {
        // ASCII (each byte a `Character`): cut on bytes.
        if path.utf8.allSatisfy({ $0 < 0x80 }) {
            let bytes = path.utf8
            let end = bytes.last == UInt8(ascii: "/") ? nil : bytes.endIndex
            if let end {
                let start = bytes[..<end].lastIndex(of: UInt8(ascii: "/")).map(bytes.index(after:)) ?? bytes.startIndex
                let file = bytes[start..<end]
                guard let dot = file.lastIndex(of: UInt8(ascii: ".")) else { return String(path[start..<end]) }
                return String(path[start..<dot])
            }
        }
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
    /// Every nav item, crumb and card of every page comes through here, so it works on the
    /// UTF-8 bytes and copies the rest of `to` whole when it needs no escaping.
    public static func relative(from: String, to: String) -> String {
        var from = from, target = to
        return from.withUTF8 { f in target.withUTF8 { t in relative(f, t, to) } }
    }

    private static func relative(_ f: UnsafeBufferPointer<UInt8>, _ t: UnsafeBufferPointer<UInt8>, _ to: String) -> String {
        let slash = UInt8(ascii: "/")
        func segment(_ b: UnsafeBufferPointer<UInt8>, from i: inout Int) -> Range<Int>? {
            while i < b.count, b[i] == slash { i += 1 }
            guard i < b.count else { return nil }
            let start = i
            while i < b.count, b[i] != slash { i += 1 }
            return start..<i
        }
        var fromCount = 0
        var scan = 0
        while segment(f, from: &scan) != nil { fromCount += 1 }
        var fi = 0, ti = 0, common = 0
        while true {
            let before = ti
            // The last part of a file path is not a folder to share: a shared segment must
            // be followed by a slash.
            guard let fs = segment(f, from: &fi), let ts = segment(t, from: &ti), ts.upperBound < t.count,
                  fs.count == ts.count, memcmp(f.baseAddress! + fs.lowerBound, t.baseAddress! + ts.lowerBound, fs.count) == 0
            else {
                ti = before
                break
            }
            common += 1
        }
        while ti < t.count, t[ti] == slash { ti += 1 }
        let rest = UnsafeBufferPointer(rebasing: t[ti...]), ups = fromCount - common
        guard ups + rest.count > 0 else { return "./" }
        guard isPlainPath(rest) else { return String(repeating: "../", count: ups) + encodePath(rest) }
        // Made in place: the ups, the path and the string joining them were three strings.
        return String(unsafeUninitializedCapacity: ups * 3 + rest.count) { out in
            for k in 0..<ups {
                out[k * 3] = UInt8(ascii: ".")
                out[k * 3 + 1] = UInt8(ascii: ".")
                out[k * 3 + 2] = slash
            }
            if let base = rest.baseAddress { (out.baseAddress! + ups * 3).update(from: base, count: rest.count) }
            return ups * 3 + rest.count
        }
    }

    /// `path` with each of its segments percent-encoded (`encode`), empty ones dropped, and a
    /// trailing slash kept. A path of plain segments parted by single slashes, as nearly every
    /// site path is, is copied whole.
    public static func encodePath(_ path: String) -> String {
        var path = path
        return path.withUTF8 { encodePath($0) }
    }

    private static func encodePath(_ path: UnsafeBufferPointer<UInt8>) -> String {
        let slash = UInt8(ascii: "/")
        if isPlainPath(path) { return String(decoding: path, as: UTF8.self) }
        let parts = String(decoding: path, as: UTF8.self).split(separator: "/", omittingEmptySubsequences: true)
        let encoded = parts.map { encode(String($0)) }.joined(separator: "/")
        return path.last == slash && !parts.isEmpty ? encoded + "/" : encoded
    }

    /// Plain segments parted by single slashes: `encodePath` copies it as it is.
    private static func isPlainPath(_ path: UnsafeBufferPointer<UInt8>) -> Bool {
        var previous: UInt8 = 0
        for byte in path {
            guard isPlain(byte) || (byte == UInt8(ascii: "/") && previous != byte) else { return false }
            previous = byte
        }
        return true
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
