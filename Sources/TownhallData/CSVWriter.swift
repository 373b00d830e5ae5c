import TownhallContent

/// Writes CSV into a byte buffer: fields quoted only when they hold a comma, a quote, a
/// line break or surrounding spaces (RFC 4180), LF line ends, dates and numbers written
/// digit by digit so that a million rows take no formatting machinery.
struct CSVWriter {
    private(set) var bytes: [UInt8] = []
    private var first = true

    init(capacity: Int = 1 << 16) { bytes.reserveCapacity(capacity) }

    init(header: [String]) {
        self.init()
        for name in header { field(name) }
        endRow()
    }

    mutating func separator() {
        if !first { bytes.append(44) }
        first = false
    }

    mutating func field(_ text: String) {
        separator()
        let utf8 = text.utf8
        let needsQuotes = utf8.contains { $0 == 44 || $0 == 34 || $0 == 10 || $0 == 13 }
            || utf8.first == 32 || utf8.last == 32
        guard needsQuotes else {
            bytes.append(contentsOf: utf8)
            return
        }
        bytes.append(34)
        for b in utf8 {
            if b == 34 { bytes.append(34) }
            bytes.append(b)
        }
        bytes.append(34)
    }

    mutating func field(_ text: String?) { field(text ?? "") }

    mutating func field(_ date: CalendarDate) {
        separator()
        digits(date.year, 4)
        bytes.append(45)
        digits(date.month, 2)
        bytes.append(45)
        digits(date.day, 2)
    }

    mutating func field(_ date: CalendarDate?) {
        if let date { field(date) } else { separator() }
    }

    mutating func field(_ n: Int) {
        separator()
        digits(n, 1)
    }

    /// A non-negative number, zero-padded to `width`, without building a string.
    mutating func digits(_ n: Int, _ width: Int) {
        var count = 1
        var divisor = 1
        while divisor <= n / 10 {
            divisor *= 10
            count += 1
        }
        for _ in count..<max(width, count) { bytes.append(48) }
        var v = n
        while divisor > 0 {
            bytes.append(UInt8(48 + v / divisor))
            v %= divisor
            divisor /= 10
        }
    }

    mutating func endRow() {
        bytes.append(10)
        first = true
    }
}
