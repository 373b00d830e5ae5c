/// The heatmap's sequential ramp: ColorBrewer's YlGnBu, light for low values and dark for
/// high ones. It varies mostly in lightness, so it reads for colour-blind readers and in
/// greyscale print; each cell's label is black or white, whichever contrasts more.
enum ColorRamp {
    static let stops = [
        "#FFFFD9", "#EDF8B1", "#C7E9B4", "#7FCDBB", "#41B6C4", "#1D91C0", "#225EA8", "#253494", "#081D58",
    ].map { RGBColor(hex: $0) }

    /// The colour of `value`, clamped to 0…1.
    static func color(_ value: Double) -> RGBColor {
        let t = value.isFinite ? min(max(value, 0), 1) : 0
        let position = t * Double(stops.count - 1)
        let lower = min(Int(position), stops.count - 2)
        return stops[lower].mixed(with: stops[lower + 1], position - Double(lower))
    }
}
