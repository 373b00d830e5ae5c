/// `<line>`.
public struct SVGLine: Sendable, Equatable {
    public var from: SVGPoint
    public var to: SVGPoint
    public var presentation: SVGPresentation

    public init(from: SVGPoint, to: SVGPoint, presentation: SVGPresentation = SVGPresentation()) {
        self.from = from
        self.to = to
        self.presentation = presentation
    }

    var attributes: [SVGAttribute] {
        [SVGAttribute("x1", from.x), SVGAttribute("y1", from.y), SVGAttribute("x2", to.x), SVGAttribute("y2", to.y)]
            + presentation.attributes
    }
}
