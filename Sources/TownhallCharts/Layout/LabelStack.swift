/// Spreads vertical label positions apart so that labels (such as a line chart's series
/// names at the line ends) keep at least `spacing` between them and stay inside `bounds`,
/// moving each as little as the order allows.
enum LabelStack {
    /// - Returns: new positions, in the order of `wanted`.
    static func spread(_ wanted: [Double], spacing: Double, within bounds: ClosedRange<Double>) -> [Double] {
        // Sort by wanted position; ties keep input order, so the result is deterministic.
        let order = wanted.indices.sorted { (wanted[$0], $0) < (wanted[$1], $1) }
        var placed = order.map { min(max(wanted[$0], bounds.lowerBound), bounds.upperBound) }
        for i in placed.indices.dropFirst() {
            placed[i] = max(placed[i], placed[i - 1] + spacing)
        }
        // Pushed past the bottom: push back up, keeping the spacing.
        if let last = placed.indices.last, placed[last] > bounds.upperBound {
            placed[last] = bounds.upperBound
            for i in placed.indices.dropLast().reversed() {
                placed[i] = min(placed[i], placed[i + 1] - spacing)
            }
        }
        var result = wanted
        for (rank, index) in order.enumerated() { result[index] = placed[rank] }
        return result
    }
}
