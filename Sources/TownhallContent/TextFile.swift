import Foundation
#if canImport(Glibc)
import Glibc
#endif
import TownhallDiagnostics
import TownhallMarkdown

/// Reads a text file as UTF-8, dropping a byte-order mark and turning CRLF into LF, so
/// files saved by any editor give the same pages.
public enum TextFile {
    public static func read(_ url: URL, displayPath: String) -> Result<String, Diagnostic> {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            return .failure(.error("cannot read file: \(error.localizedDescription)", at: SourceLocation(file: displayPath)))
        }
        return decode(data, displayPath: displayPath)
    }

    /// What `readBytes` found.
    enum ReadOutcome {
        case bytes([UInt8])
        case tooLarge(Int)
        case failure(Diagnostic)
    }

    /// A file's bytes by its path, with `open`, `fstat` and `read`: the way for the thousands
    /// of pages of a build (a `URL` joined per page and `Data` copied into an array were 3 %
    /// of a 10,000-page build). A file over `limit` bytes is not read.
    static func readBytes(path: String, displayPath: String, limit: Int) -> ReadOutcome {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return .failure(cannotRead(displayPath)) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { return .failure(cannotRead(displayPath)) }
        let size = Int(info.st_size)
        if size > limit { return .tooLarge(size) }
        var bytes = [UInt8](repeating: 0, count: size)
        var done = 0
        while done < size {
            let n = bytes.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress! + done, size - done) }
            if n < 0, errno == EINTR { continue }
            guard n >= 0 else { return .failure(cannotRead(displayPath)) }
            if n == 0 { break }
            done += n
        }
        // A file that shrank while it was read: what was there.
        if done < size { bytes.removeLast(size - done) }
        return .bytes(bytes)
    }

    private static func cannotRead(_ displayPath: String) -> Diagnostic {
        .error("cannot read file: \(String(cString: strerror(errno)))", at: SourceLocation(file: displayPath))
    }

    public static func decode(_ data: Data, displayPath: String) -> Result<String, Diagnostic> {
        decode([UInt8](data), displayPath: displayPath)
    }

    static func decode(_ bytes: [UInt8], displayPath: String) -> Result<String, Diagnostic> {
        // Most files are ASCII with no NUL or carriage return: one pass, eight bytes at a time.
        if isPlainASCII(bytes) { return .success(String(decoding: bytes, as: UTF8.self)) }
        var bytes = bytes
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        // The standard library's check makes the string too; the byte-by-byte scan only
        // says where a file that fails it goes wrong (it was a second pass over every page).
        guard var text = String(validating: bytes, as: UTF8.self) else {
            let bad = firstInvalidUTF8(bytes) ?? 0
            let (line, column) = position(of: bad, in: bytes)
            return .failure(.error(
                "file is not valid UTF-8 (byte 0x\(String(bytes[bad], radix: 16, uppercase: true)))",
                at: SourceLocation(file: displayPath, line: line, column: column),
                notes: ["save the file as UTF-8 in your editor"]
            ))
        }
        let (nul, carriageReturn) = bytes.withUnsafeBytes { raw -> (Int?, Bool) in
            guard let base = raw.baseAddress else { return (nil, false) }
            return (memchr(base, 0, raw.count).map { base.distance(to: UnsafeRawPointer($0)) }, memchr(base, 13, raw.count) != nil)
        }
        if let nul {
            let (line, column) = position(of: nul, in: bytes)
            return .failure(.error("file contains a NUL byte; expected text", at: SourceLocation(file: displayPath, line: line, column: column)))
        }
        if carriageReturn {
            text = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        }
        return .success(text)
    }

    /// True when every byte is ASCII and none is NUL or a carriage return.
    static func isPlainASCII(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBytes { raw in
            var i = 0
            while i + 8 <= raw.count {
                let word = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                if ByteWords.nonASCII(word) | ByteWords.equal(word, 0) | ByteWords.equal(word, 13) != 0 { return false }
                i += 8
            }
            while i < raw.count {
                if raw[i] >= 0x80 || raw[i] == 0 || raw[i] == 13 { return false }
                i += 1
            }
            return true
        }
    }

    package static func position(of offset: Int, in bytes: [UInt8]) -> (Int, Int) {
        var line = 1
        var column = 1
        for b in bytes[..<offset] {
            if b == 10 { line += 1; column = 1 } else if b & 0xC0 != 0x80 { column += 1 }
        }
        return (line, column)
    }

    /// Offset of the first byte that does not belong to a valid UTF-8 sequence.
    package static func firstInvalidUTF8(_ b: [UInt8]) -> Int? {
        var i = 0
        let n = b.count
        // ASCII eight bytes at a time: most pages are all ASCII.
        b.withUnsafeBytes { raw in
            while i + 8 <= n, ByteWords.nonASCII(raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)) == 0 { i += 8 }
        }
        while i < n {
            let c = b[i]
            if c < 0x80 { i += 1; continue }
            let len: Int
            var minScalar: UInt32
            if c & 0xE0 == 0xC0 { len = 2; minScalar = 0x80 }
            else if c & 0xF0 == 0xE0 { len = 3; minScalar = 0x800 }
            else if c & 0xF8 == 0xF0 { len = 4; minScalar = 0x10000 }
            else { return i }
            guard i + len <= n else { return i }
            var scalar = UInt32(c) & (0xFF >> (len + 1))
            for k in 1..<len {
                guard b[i + k] & 0xC0 == 0x80 else { return i }
                scalar = scalar << 6 | UInt32(b[i + k] & 0x3F)
            }
            if scalar < minScalar || scalar > 0x10FFFF || (0xD800...0xDFFF).contains(scalar) { return i }
            minScalar = 0
            i += len
        }
        return nil
    }
}
