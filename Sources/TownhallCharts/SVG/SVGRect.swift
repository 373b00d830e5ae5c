/// `<rect>`. A negative size is drawn as zero (SVG rejects negative sizes).
public struct SVGRect: Sendable, Equatable {
    public var x: Double
    public var y: Double
    public var width: Double
    public var height: Double
    public var cornerRadius: Double?
    public var presentation: SVGPresentation
    /// A `<title>` child: browsers show it as a tooltip on hover.
    public var tooltip: String?

    public init(
        x: Double, y: Double, width: Double, height: Double, cornerRadius: Double? = nil,
        presentation: SVGPresentation = SVGPresentation(), tooltip: String? = nil
    ) {
        self.x = x
        self.y = y
        self.width = width
        self.height = height
        self.cornerRadius = cornerRadius
        self.presentation = presentation
        self.tooltip = tooltip
    }

    var attributes: [SVGAttribute] {
        var list = [
            SVGAttribute("x", x), SVGAttribute("y", y),
            SVGAttribute("width", max(0, width.isFinite ? width : 0)),
            SVGAttribute("height", max(0, height.isFinite ? height : 0)),
        ]
        list.append("rx", cornerRadius)
        return list + presentation.attributes
    }
}
