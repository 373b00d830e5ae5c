import Foundation
import TownhallDiagnostics

/// Identifies a version of a file without reading it: path, size and modification time
/// to the nanosecond. The incremental build trusts it the way make and Hugo do; an edit
/// that keeps size and timestamp (rare, and only by deliberate effort) is not noticed.
public enum FileSignature {
    public static func of(_ url: URL) -> UInt64? {
        var info = stat()
        guard stat(url.path, &info) == 0 else { return nil }
        return of(info)
    }

    /// The signature of what `stat` or `lstat` returned.
    public static func of(_ info: stat) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for part in [UInt64(bitPattern: Int64(info.st_size)), UInt64(bitPattern: Int64(info.st_mtim.tv_sec)), UInt64(bitPattern: Int64(info.st_mtim.tv_nsec)), UInt64(bitPattern: Int64(info.st_ino))] {
            for shift in stride(from: 0, to: 64, by: 8) {
                h ^= (part >> UInt64(shift)) & 0xFF
                h = h &* 0x0000_0100_0000_01B3
            }
        }
        return h
    }
}

/// A page as read from its file, kept between builds so that an unchanged file is not
/// read, split and analysed again.
public struct PageCacheEntry: Sendable {
    /// `FileSignature` of the source, mixed with the Markdown options it was read with.
    public var signature: UInt64
    public var page: Page
    /// Warnings found while reading; replayed when the entry is reused.
    public var diagnostics: [Diagnostic]

    public init(signature: UInt64, page: Page, diagnostics: [Diagnostic]) {
        self.signature = signature
        self.page = page
        self.diagnostics = diagnostics
    }
}
