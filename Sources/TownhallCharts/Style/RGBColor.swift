import Foundation

/// An sRGB colour, for the contrast arithmetic behind text colours (WCAG 2 definitions).
struct RGBColor: Equatable {
    var red: Double
    var green: Double
    var blue: Double

    /// `#RRGGBB`; anything else is black, which only a programming error could produce.
    init(hex: String) {
        let digits = Array(hex.utf8.drop { $0 == UInt8(ascii: "#") })
        func channel(_ i: Int) -> Double {
            guard digits.count == 6, let value = UInt8(String(decoding: digits[i..<(i + 2)], as: UTF8.self), radix: 16) else { return 0 }
            return Double(value) / 255
        }
        self.init(red: channel(0), green: channel(2), blue: channel(4))
    }

    init(red: Double, green: Double, blue: Double) {
        self.red = red
        self.green = green
        self.blue = blue
    }

    var hex: String {
        func byte(_ v: Double) -> String {
            let n = Int((min(max(v, 0), 1) * 255).rounded())
            let text = String(n, radix: 16, uppercase: true)
            return n < 16 ? "0" + text : text
        }
        return "#" + byte(red) + byte(green) + byte(blue)
    }

    /// WCAG relative luminance.
    var luminance: Double {
        func linear(_ c: Double) -> Double {
            c <= 0.04045 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4)
        }
        return 0.2126 * linear(red) + 0.7152 * linear(green) + 0.0722 * linear(blue)
    }

    /// WCAG contrast ratio, 1…21.
    func contrast(with other: RGBColor) -> Double {
        let (a, b) = (luminance, other.luminance)
        return (max(a, b) + 0.05) / (min(a, b) + 0.05)
    }

    /// Black or white, whichever contrasts more with this colour as a background. The
    /// better of the two is always at least 4.58:1, above WCAG AA for normal text.
    var textColor: RGBColor {
        let black = RGBColor(red: 0, green: 0, blue: 0)
        let white = RGBColor(red: 1, green: 1, blue: 1)
        return contrast(with: black) >= contrast(with: white) ? black : white
    }

    /// Linear interpolation in sRGB, `t` in 0…1.
    func mixed(with other: RGBColor, _ t: Double) -> RGBColor {
        RGBColor(
            red: red + (other.red - red) * t,
            green: green + (other.green - green) * t,
            blue: blue + (other.blue - blue) * t
        )
    }
}
