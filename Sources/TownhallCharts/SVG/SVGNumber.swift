/// How every coordinate and length is written: at most two decimals, no trailing zeros,
/// no exponent, no locale. NaN and infinity are never emitted: a chart fed a bad number
/// draws at 0 instead of producing a document browsers reject.
enum SVGNumber {
    /// Far outside any chart, but small enough to print exactly.
    private static let limit = 1.0e9

    static func format(_ value: Double) -> String {
        guard value.isFinite else { return "0" }
        let clamped = min(max(value, -limit), limit)
        return DecimalText.trimmed(clamped, maxPlaces: 2) ?? "0"
    }

    /// A list of numbers separated by spaces, as `stroke-dasharray` and `viewBox` want.
    static func list(_ values: [Double]) -> String {
        values.map(format).joined(separator: " ")
    }
}
