/// `<circle>`.
public struct SVGCircle: Sendable, Equatable {
    public var center: SVGPoint
    public var radius: Double
    public var presentation: SVGPresentation
    /// A `<title>` child: browsers show it as a tooltip on hover.
    public var tooltip: String?

    public init(center: SVGPoint, radius: Double, presentation: SVGPresentation = SVGPresentation(), tooltip: String? = nil) {
        self.center = center
        self.radius = radius
        self.presentation = presentation
        self.tooltip = tooltip
    }

    var attributes: [SVGAttribute] {
        [SVGAttribute("cx", center.x), SVGAttribute("cy", center.y), SVGAttribute("r", max(0, radius.isFinite ? radius : 0))]
            + presentation.attributes
    }
}
