/// How values are written in labels and table cells. Locale-free; a missing value or a
/// value that is not a number (a 0/0 share) is written "—", never "NaN".
public enum ValueFormat: Sendable, Equatable {
    /// Whole numbers: `12`.
    case count
    /// A fixed number of decimals: `decimal(1)` writes `4.5`.
    case decimal(Int)
    /// A fraction as a percentage: `percent(0)` writes 0.456 as `46%`.
    case percent(Int)

    /// Written for missing and undefined values.
    public static let missing = "—"

    public func text(_ value: Double?) -> String {
        guard let value else { return Self.missing }
        let text: String?
        switch self {
        case .count: text = DecimalText.fixed(value, places: 0)
        case let .decimal(places): text = DecimalText.fixed(value, places: places)
        case let .percent(places): text = DecimalText.fixed(value * 100, places: places).map { $0 + "%" }
        }
        guard let text else { return Self.missing }
        // Rounding a small negative number gives "-0": write plain zero.
        return text.hasPrefix("-") && !text.contains(where: { ("1"..."9").contains($0) }) ? String(text.dropFirst()) : text
    }

    /// A tick label, with as many decimals as the step needs (up to four), so that ticks
    /// 0, 0.5, 1 of a `.count`-like scale are not all rounded to whole numbers.
    func tickText(_ value: Double, step: Double) -> String {
        let shown = isPercent ? value * 100 : value
        let places = Self.decimalsNeeded(isPercent ? step * 100 : step)
        let text = DecimalText.trimmed(shown, maxPlaces: places) ?? Self.missing
        return isPercent ? text + "%" : text
    }

    /// The minimum distance between ticks: counts never get ticks at fractions.
    var minimumStep: Double { self == .count ? 1 : 0 }

    private var isPercent: Bool {
        if case .percent = self { return true }
        return false
    }

    private static func decimalsNeeded(_ step: Double) -> Int {
        var places = 0
        var scaled = abs(step)
        while places < 4, scaled.isFinite, abs(scaled - scaled.rounded()) > 1e-9 * max(1, scaled) {
            scaled *= 10
            places += 1
        }
        return places
    }
}
