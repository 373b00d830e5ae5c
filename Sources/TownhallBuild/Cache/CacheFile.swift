import Foundation

/// Reading and writing the cache's files: written whole to a temporary name and renamed
/// over the old file, so that a reader never sees half of one; appended to after their
/// valid length; read in ranges straight into arrays.
enum CacheFile {
    /// Calls `body` with a function that appends bytes, then renames the file into place;
    /// returns the file's length. Pieces go out as they come, so that a file of tens of
    /// megabytes never sits whole in memory beside what it was made from.
    static func write(to url: URL, _ body: (_ write: ([UInt8]) throws -> Void) throws -> Void) throws -> Int {
        let temporary = url.path + ".townhall-new"
        guard FileManager.default.createFile(atPath: temporary, contents: nil) else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: temporary])
        }
        var length = 0
        do {
            let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: temporary))
            defer { try? handle.close() }
            try body { bytes in
                try write(bytes, to: handle)
                length += bytes.count
            }
        } catch {
            unlink(temporary)
            throw error
        }
        guard rename(temporary, url.path) == 0 else {
            unlink(temporary)
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: url.path])
        }
        return length
    }

    /// Appends `bytes` after the first `length` bytes of `url` (whatever lies past them was
    /// left by a build that did not save); returns the new length.
    static func append(_ bytes: [UInt8], to url: URL, after length: Int) throws -> Int {
        let handle = try FileHandle(forWritingTo: url)
        defer { try? handle.close() }
        try handle.truncate(atOffset: UInt64(length))
        try handle.seekToEnd()
        try write(bytes, to: handle)
        return length + bytes.count
    }

    /// `count` bytes of the open file `fd` from `offset`; nil when the file is shorter.
    static func read(_ fd: Int32, at offset: Int, count: Int) -> [UInt8]? {
        guard offset >= 0, count >= 0 else { return nil }
        if count == 0 { return [] }
        let bytes = [UInt8](unsafeUninitializedCapacity: count) { buffer, done in
            done = 0
            while done < count {
                let n = pread(fd, buffer.baseAddress! + done, count - done, off_t(offset + done))
                if n <= 0 { break }
                done += n
            }
        }
        return bytes.count == count ? bytes : nil
    }

    private static func write(_ bytes: [UInt8], to handle: FileHandle) throws {
        try bytes.withUnsafeBytes { raw in
            guard let base = raw.baseAddress else { return }
            // Only read while `handle` writes it: no copy.
            try handle.write(contentsOf: Data(bytesNoCopy: UnsafeMutableRawPointer(mutating: base), count: raw.count, deallocator: .none))
        }
    }
}
