import Foundation

/// What the last build wrote: each output path with a hash of its bytes (or, for copied
/// files, of the source's size and modification time). It tells the next build which
/// files it may leave alone and which stale files are its own to delete.
struct OutputManifest: Equatable, Sendable {
    var entries: [String: UInt64] = [:]

    func write(_ w: inout ByteWriter) {
        w.array(entries.keys.sorted()) { w, key in
            w.string(key)
            w.int(Int(bitPattern: UInt(entries[key]!)))
        }
    }

    static func read(_ r: inout ByteReader) throws -> OutputManifest {
        var m = OutputManifest()
        for (key, value) in try r.array({ r in (try r.string(), UInt64(UInt(bitPattern: try r.int()))) }) {
            m.entries[key] = value
        }
        return m
    }

    /// The manifest entry of a file about to be written.
    static func fingerprint(_ file: OutputFile) -> UInt64 {
        var h = ContentHash()
        switch file.contents {
        case .data(let data):
            h.add("data")
            h.add(data)
        case .copy(let url):
            let attributes = try? FileManager.default.attributesOfItem(atPath: url.path)
            h.add("copy")
            h.add(url.path)
            h.add(String(describing: attributes?[.size] ?? 0))
            h.add(String(describing: (attributes?[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0))
        }
        return h.value
    }
}
