/// Turns a request path into a key of the served site, or says why it is refused.
/// The served files are a list of relative paths, so a path can only ever name one of
/// them; anything that tries to climb or smuggle separators is refused before lookup.
public enum RequestPath {
    public enum Outcome: Sendable, Equatable {
        /// The file to serve, relative to the site root.
        case file(String)
        /// A folder asked for without its trailing slash: redirect so relative links work.
        case redirect(String)
        case refused(String)
    }

    /// `raw` is the percent-encoded path of the request, after the base path was removed.
    public static func resolve(_ raw: String, exists: (String) -> Bool) -> Outcome {
        let lower = raw.lowercased()
        // Encoded separators and NUL have no honest use in a static site's paths.
        for smuggled in ["%2f", "%5c", "%00", "\\"] where lower.contains(smuggled) {
            return .refused("encoded separator or NUL in path")
        }
        guard let decoded = raw.removingPercentEncodingStrict() else { return .refused("malformed percent-encoding") }
        if decoded.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) {
            return .refused("control character in path")
        }
        let segments = decoded.split(separator: "/", omittingEmptySubsequences: true)
        if segments.contains(where: { $0 == ".." || $0 == "." }) { return .refused("dot segment in path") }
        let path = segments.joined(separator: "/")
        if path.isEmpty { return .file("index.html") }
        if decoded.hasSuffix("/") { return .file(path + "/index.html") }
        if exists(path) { return .file(path) }
        if exists(path + "/index.html") { return .redirect(path + "/") }
        return .file(path)
    }
}

extension String {
    /// Percent-decoding that fails on a `%` not followed by two hex digits.
    func removingPercentEncodingStrict() -> String? {
        var bytes: [UInt8] = []
        var iterator = utf8.makeIterator()
        while let byte = iterator.next() {
            guard byte == 0x25 else { bytes.append(byte); continue }
            guard let h = iterator.next().flatMap(Self.hex), let l = iterator.next().flatMap(Self.hex) else { return nil }
            bytes.append(h << 4 | l)
        }
        return String(validating: bytes, as: UTF8.self)
    }

    private static func hex(_ c: UInt8) -> UInt8? {
        switch c {
        case 0x30...0x39: return c - 0x30
        case 0x41...0x46: return c - 0x41 + 10
        case 0x61...0x66: return c - 0x61 + 10
        default: return nil
        }
    }
}
