/// Content types by file extension, with a charset for text.
enum MIMEType {
    static func of(_ path: String) -> String {
        let ext = path.split(separator: ".").last.map { $0.lowercased() } ?? ""
        switch ext {
        case "html", "htm": return "text/html; charset=utf-8"
        case "css": return "text/css; charset=utf-8"
        case "js", "mjs": return "text/javascript; charset=utf-8"
        case "json": return "application/json"
        case "xml": return path.hasSuffix("feed.xml") ? "application/atom+xml" : "application/xml"
        case "svg": return "image/svg+xml"
        case "txt", "md": return "text/plain; charset=utf-8"
        case "csv": return "text/csv; charset=utf-8"
        case "ics": return "text/calendar; charset=utf-8"
        case "png": return "image/png"
        case "jpg", "jpeg": return "image/jpeg"
        case "gif": return "image/gif"
        case "webp": return "image/webp"
        case "avif": return "image/avif"
        case "ico": return "image/x-icon"
        case "pdf": return "application/pdf"
        case "woff2": return "font/woff2"
        case "woff": return "font/woff"
        case "mp4": return "video/mp4"
        default: return "application/octet-stream"
        }
    }

    /// Fingerprinted assets (`style.1a2b3c4d5e.css`) never change; everything else is revalidated.
    static func cacheControl(_ path: String) -> String {
        let parts = path.split(separator: "/").last?.split(separator: ".") ?? []
        if parts.count >= 3, let hash = parts.dropLast().last, hash.count == 10, hash.allSatisfy(\.isHexDigit) {
            return "public, max-age=31536000, immutable"
        }
        return "no-cache"
    }
}
