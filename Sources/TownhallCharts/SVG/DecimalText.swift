/// Locale-free decimal formatting by integer arithmetic, so output never depends on the
/// machine's locale or on how `Double.description` chooses between `1e-05` and `0.00001`.
enum DecimalText {
    /// Beyond this magnitude a scaled value no longer fits `Int64` exactly.
    private static let limit = 9.0e15

    /// `value` with exactly `places` decimals (0…6), rounded half away from zero;
    /// nil when the value is not finite or too large to print exactly.
    static func fixed(_ value: Double, places: Int) -> String? {
        guard value.isFinite else { return nil }
        let places = min(max(places, 0), 6)
        var scale: UInt64 = 1
        for _ in 0..<places { scale *= 10 }
        let scaled = (value * Double(scale)).rounded(.toNearestOrAwayFromZero)
        guard abs(scaled) < limit else { return nil }
        let n = Int64(scaled)
        let magnitude = n.magnitude
        var text = n < 0 ? "-" : ""
        text += String(magnitude / scale)
        if places > 0 {
            let fraction = String(magnitude % scale)
            text += "." + String(repeating: "0", count: places - fraction.count) + fraction
        }
        return text
    }

    /// Like `fixed`, without trailing zeros or a trailing point: `2.50` → `2.5`, `3.00` → `3`.
    static func trimmed(_ value: Double, maxPlaces: Int) -> String? {
        guard var text = fixed(value, places: maxPlaces) else { return nil }
        if text.contains(".") {
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
        }
        return text == "-0" ? "0" : text
    }
}
