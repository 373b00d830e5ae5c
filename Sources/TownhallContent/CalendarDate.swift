/// A calendar day with no time or zone: what front matter and data files mean by a date.
public struct CalendarDate: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var year: Int
    public var month: Int
    public var day: Int

    public init?(year: Int, month: Int, day: Int) {
        guard (1...12).contains(month), day >= 1, day <= CalendarDate.daysIn(month: month, year: year) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Reads `YYYY-MM-DD`, also the date part of `YYYY-MM-DDTHH:MM…`.
    public init?(iso text: String) {
        var text = text
        guard let date = text.withUTF8({ CalendarDate(isoUTF8: $0) }) else { return nil }
        self = date
    }

    /// Reads `YYYY-MM-DD` (or the date part of a date and time) straight from UTF-8 bytes,
    /// so that data files with a million dates need no `String` per value.
    public init?(isoUTF8 bytes: UnsafeBufferPointer<UInt8>) {
        guard bytes.count >= 10, bytes[4] == 45, bytes[7] == 45,
              bytes.count == 10 || bytes[10] == 84 || bytes[10] == 32 else { return nil }
        func number(_ r: Range<Int>) -> Int? {
            var n = 0
            for i in r {
                let b = bytes[i]
                guard b >= 48 && b <= 57 else { return nil }
                n = n * 10 + Int(b - 48)
            }
            return n
        }
        guard let y = number(0..<4), let m = number(5..<7), let d = number(8..<10) else { return nil }
        self.init(year: y, month: m, day: d)
    }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Days since 1970-01-01 (proleptic Gregorian), for intervals without Foundation's calendar.
    public var dayNumber: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }

    public init(dayNumber z0: Int) {
        let z = z0 + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        self.year = yoe + era * 400 + (m <= 2 ? 1 : 0)
        self.month = m
        self.day = d
    }

    public var description: String {
        // Digit by digit into one small string: every page and card shows a date or two,
        // and interpolating padded parts was a percent of a 10,000-page build.
        guard (0...9999).contains(year), (0...99).contains(month), (0...99).contains(day) else {
            func pad(_ n: Int, _ w: Int) -> String {
                let s = String(n)
                return String(repeating: "0", count: max(0, w - s.count)) + s
            }
            return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
        }
        return String(unsafeUninitializedCapacity: 10) { out in
            func digit(_ n: Int) -> UInt8 { UInt8(0x30 + n) }
            (out[0], out[1], out[2], out[3]) = (digit(year / 1000), digit(year / 100 % 10), digit(year / 10 % 10), digit(year % 10))
            (out[4], out[5], out[6]) = (UInt8(ascii: "-"), digit(month / 10), digit(month % 10))
            (out[7], out[8], out[9]) = (UInt8(ascii: "-"), digit(day / 10), digit(day % 10))
            return 10
        }
    }

    private static let monthNames = [
        "January", "February", "March", "April", "May", "June",
        "July", "August", "September", "October", "November", "December",
    ]

    /// `14 September 2026`: unambiguous in every English locale. Written byte by byte into
    /// one small string, as `description` is: every page and card shows a date or two, and
    /// the interpolation was a percent of a 10,000-page build.
    public var longText: String {
        guard (1...99).contains(day), (1000...9999).contains(year) else { return "\(day) \(Self.monthNames[month - 1]) \(year)" }
        var name = Self.monthNames[month - 1]
        return name.withUTF8 { name in
            String(unsafeUninitializedCapacity: 8 + name.count) { out in
                func digit(_ n: Int) -> UInt8 { UInt8(0x30 + n) }
                var k = 0
                if day >= 10 { out[k] = digit(day / 10); k += 1 }
                out[k] = digit(day % 10)
                out[k + 1] = UInt8(ascii: " ")
                k += 2
                for b in name { out[k] = b; k += 1 }
                (out[k], out[k + 1], out[k + 2]) = (UInt8(ascii: " "), digit(year / 1000), digit(year / 100 % 10))
                (out[k + 3], out[k + 4]) = (digit(year / 10 % 10), digit(year % 10))
                return k + 5
            }
        }
    }

    public static func < (a: CalendarDate, b: CalendarDate) -> Bool {
        (a.year, a.month, a.day) < (b.year, b.month, b.day)
    }
}
