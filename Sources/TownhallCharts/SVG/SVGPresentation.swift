/// Presentation shared by shapes and text. Charts style through `className` (the palette's
/// CSS, which adapts to dark mode and print); `fill` and `stroke` are fallbacks for
/// renderers without CSS, and CSS rules win over them in browsers.
public struct SVGPresentation: Sendable, Equatable {
    public var className: String?
    public var fill: String?
    public var stroke: String?
    public var strokeWidth: Double?
    public var strokeDasharray: [Double]

    public init(
        className: String? = nil, fill: String? = nil, stroke: String? = nil,
        strokeWidth: Double? = nil, strokeDasharray: [Double] = []
    ) {
        self.className = className
        self.fill = fill
        self.stroke = stroke
        self.strokeWidth = strokeWidth
        self.strokeDasharray = strokeDasharray
    }

    /// In this order: class, fill, stroke, stroke-width, stroke-dasharray.
    var attributes: [SVGAttribute] {
        var list: [SVGAttribute] = []
        list.append("class", className)
        list.append("fill", fill)
        list.append("stroke", stroke)
        list.append("stroke-width", strokeWidth)
        if !strokeDasharray.isEmpty { list.append(SVGAttribute("stroke-dasharray", SVGNumber.list(strokeDasharray))) }
        return list
    }
}
