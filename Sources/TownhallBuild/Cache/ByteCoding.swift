import Foundation

/// A compact binary encoding for the build cache. Hand-written rather than Codable: the
/// cache of 10,000 pages must load in a few tens of milliseconds for a rebuild after one
/// edit, and Foundation's JSON and property-list decoders take hundreds.
struct ByteWriter {
    /// An array, not `Data`: appending a byte to `Data` goes through `replaceSubrange`,
    /// which made writing the cache files a tenth of a rebuild after one edit.
    private(set) var bytes: [UInt8] = []

    init() {}

    /// With room for `capacity` bytes before it grows.
    init(capacity: Int) {
        bytes.reserveCapacity(capacity)
    }

    /// Writes the bytes to `url` atomically, without copying them first.
    func write(to url: URL) throws {
        _ = try CacheFile.write(to: url) { try $0(bytes) }
    }

    mutating func int(_ v: Int) {
        // LEB128 over the zig-zag form: small numbers take one byte.
        var z = UInt64(bitPattern: Int64((v << 1) ^ (v >> 63)))
        repeat {
            var byte = UInt8(z & 0x7F)
            z >>= 7
            if z != 0 { byte |= 0x80 }
            bytes.append(byte)
        } while z != 0
    }

    mutating func bool(_ v: Bool) { bytes.append(v ? 1 : 0) }

    /// Little-endian, fixed width: for tables read without decoding.
    mutating func fixed32(_ v: UInt32) {
        for shift in stride(from: 0, to: 32, by: 8) { bytes.append(UInt8(truncatingIfNeeded: v >> UInt32(shift))) }
    }

    mutating func fixed64(_ v: UInt64) {
        for shift in stride(from: 0, to: 64, by: 8) { bytes.append(UInt8(truncatingIfNeeded: v >> UInt64(shift))) }
    }

    mutating func append(_ more: some Collection<UInt8>) { bytes.append(contentsOf: more) }

    /// Length-prefixed, so a reader can take them whole without decoding them.
    mutating func blob(_ b: some Collection<UInt8>) {
        int(b.count)
        bytes.append(contentsOf: b)
    }

    mutating func double(_ v: Double) {
        var bits = v.bitPattern.littleEndian
        withUnsafeBytes(of: &bits) { bytes.append(contentsOf: $0) }
    }

    mutating func string(_ s: String) {
        var s = s
        s.withUTF8 { buffer in
            int(buffer.count)
            bytes.append(contentsOf: buffer)
        }
    }

    mutating func optional<T>(_ v: T?, _ write: (inout ByteWriter, T) -> Void) {
        bool(v != nil)
        if let v { write(&self, v) }
    }

    mutating func array<T>(_ items: [T], _ write: (inout ByteWriter, T) -> Void) {
        int(items.count)
        for item in items { write(&self, item) }
    }

    /// A map of output paths to 64-bit keys (render keys, the output manifest), as an array
    /// of pairs in the dictionary's own order: it is read back into a dictionary, and neither
    /// sorting nor an array copy of ten thousand paths is worth its time on an edit's rebuild.
    mutating func keyed(_ map: [String: UInt64]) {
        int(map.count)
        for (key, value) in map {
            string(key)
            int(Int(bitPattern: UInt(value)))
        }
    }
}

/// Reads what `ByteWriter` wrote; any inconsistency throws, and the cache is then ignored.
struct ByteReader {
    struct Corrupt: Error {}

    private let bytes: [UInt8]
    private(set) var offset = 0
    /// Where reading stops: the end of the bytes, or of the range given.
    private let end: Int

    init(_ data: Data) { self.init([UInt8](data)) }

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
        end = bytes.count
    }

    /// Reads `range` of `bytes` only (sharing, not copying, them).
    init(_ bytes: [UInt8], range: Range<Int>) {
        self.bytes = bytes
        offset = range.lowerBound
        end = range.upperBound
    }

    var atEnd: Bool { offset == end }

    mutating func skip(_ count: Int) { offset += count }

    mutating func int() throws -> Int {
        var result: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            guard offset < end, shift < 64 else { throw Corrupt() }
            let byte = bytes[offset]
            offset += 1
            result |= UInt64(byte & 0x7F) << shift
            if byte & 0x80 == 0 { break }
            shift += 7
        }
        // Zig-zag decoding: the shift must be logical, on the unsigned value.
        return Int(bitPattern: UInt(result >> 1)) ^ -Int(result & 1)
    }

    mutating func bool() throws -> Bool {
        guard offset < end else { throw Corrupt() }
        offset += 1
        return bytes[offset - 1] != 0
    }

    mutating func double() throws -> Double {
        guard offset + 8 <= end else { throw Corrupt() }
        var bits: UInt64 = 0
        for i in 0..<8 { bits |= UInt64(bytes[offset + i]) << (8 * UInt64(i)) }
        offset += 8
        return Double(bitPattern: bits)
    }

    mutating func string() throws -> String {
        let count = try int()
        guard count >= 0, offset + count <= end else { throw Corrupt() }
        defer { offset += count }
        return bytes.withUnsafeBufferPointer { String(decoding: $0[offset..<offset + count], as: UTF8.self) }
    }

    mutating func blob() throws -> [UInt8] {
        Array(try blobSlice())
    }

    /// A blob sharing the reader's bytes, not copied.
    mutating func blobSlice() throws -> ArraySlice<UInt8> {
        let count = try int()
        guard count >= 0, offset + count <= end else { throw Corrupt() }
        defer { offset += count }
        return bytes[offset..<offset + count]
    }

    mutating func optional<T>(_ read: (inout ByteReader) throws -> T) throws -> T? {
        try bool() ? try read(&self) : nil
    }

    /// What `ByteWriter.keyed` wrote, into a dictionary sized first: grown by doubling, it
    /// hashed every path again each time.
    mutating func keyed() throws -> [String: UInt64] {
        let count = try int()
        guard count >= 0, count <= end - offset else { throw Corrupt() }
        var map: [String: UInt64] = [:]
        map.reserveCapacity(count)
        for _ in 0..<count {
            let key = try string()
            map[key] = UInt64(UInt(bitPattern: try int()))
        }
        return map
    }

    mutating func array<T>(_ read: (inout ByteReader) throws -> T) throws -> [T] {
        let count = try int()
        guard count >= 0, count <= end - offset else { throw Corrupt() }
        var out: [T] = []
        out.reserveCapacity(count)
        for _ in 0..<count { out.append(try read(&self)) }
        return out
    }
}

