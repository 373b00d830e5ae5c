/// Chooses which category labels to show along a horizontal axis so that none overlap.
///
/// Labels are centred on their positions. When they do not fit, every k-th label is kept
/// (k as small as the widest label allows), starting with the first; a label pushed off
/// the chart's edge is shifted inwards, and any label that would then touch the previous
/// one is dropped.
enum AxisLabels {
    struct Placed: Equatable {
        var index: Int
        var text: String
        /// The centre of the label after shifting it inside the chart.
        var center: Double
        var width: Double

        var left: Double { center - width / 2 }
        var right: Double { center + width / 2 }
    }

    /// The horizontal gap kept between neighbouring labels.
    static let gap = 6.0

    /// - Parameters:
    ///   - labels: one per position, in order.
    ///   - positions: the x of each label's centre, increasing.
    ///   - maxLabelWidth: longer labels are cut with "…".
    ///   - bounds: the horizontal extent labels must stay inside.
    static func place(
        _ labels: [String], at positions: [Double], maxLabelWidth: Double, within bounds: ClosedRange<Double>
    ) -> [Placed] {
        let count = min(labels.count, positions.count)
        guard count > 0 else { return [] }
        let texts = labels.prefix(count).map { TextMeasure.truncated($0, maxWidth: maxLabelWidth) }
        let widths = texts.map(TextMeasure.width)
        let spacing = count > 1 ? (positions[count - 1] - positions[0]) / Double(count - 1) : .infinity
        let widest = widths.max() ?? 0
        let every = spacing.isFinite && spacing > 0 ? max(1, Int(((widest + gap) / spacing).rounded(.up))) : 1
        var placed: [Placed] = []
        for index in stride(from: 0, to: count, by: every) {
            let half = widths[index] / 2
            let center = min(max(positions[index], bounds.lowerBound + half), bounds.upperBound - half)
            let label = Placed(index: index, text: texts[index], center: center, width: widths[index])
            if let previous = placed.last, label.left < previous.right + gap { continue }
            placed.append(label)
        }
        return placed
    }
}
