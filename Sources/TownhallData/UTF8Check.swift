/// Finds the first byte of a data file that is not text: invalid UTF-8, or a NUL. Eight
/// bytes at a time while they are ASCII, which data files almost always are, so a 45 MB
/// attendance sheet is checked in a few milliseconds.
enum UTF8Check {
    enum Problem: Equatable {
        case invalid(Int)
        case nul(Int)
    }

    static func firstProblem(_ b: UnsafeRawBufferPointer) -> Problem? {
        let n = b.count
        var i = 0
        while i < n {
            if i + 8 <= n {
                let word = b.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                // No byte with its top bit set, and no zero byte (the classic "has zero" test).
                let hasZero = (word &- 0x0101_0101_0101_0101) & ~word & 0x8080_8080_8080_8080
                if word & 0x8080_8080_8080_8080 == 0 && hasZero == 0 {
                    i += 8
                    continue
                }
            }
            let c = b[i]
            if c == 0 { return .nul(i) }
            if c < 0x80 { i += 1; continue }
            let len: Int
            var minScalar: UInt32
            if c & 0xE0 == 0xC0 { len = 2; minScalar = 0x80 }
            else if c & 0xF0 == 0xE0 { len = 3; minScalar = 0x800 }
            else if c & 0xF8 == 0xF0 { len = 4; minScalar = 0x10000 }
            else { return .invalid(i) }
            guard i + len <= n else { return .invalid(i) }
            var scalar = UInt32(c) & (0xFF >> (len + 1))
            for k in 1..<len {
                guard b[i + k] & 0xC0 == 0x80 else { return .invalid(i) }
                scalar = scalar << 6 | UInt32(b[i + k] & 0x3F)
            }
            if scalar < minScalar || scalar > 0x10FFFF || (0xD800...0xDFFF).contains(scalar) { return .invalid(i) }
            minScalar = 0
            i += len
        }
        return nil
    }
}
