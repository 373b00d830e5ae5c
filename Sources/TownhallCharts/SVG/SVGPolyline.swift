/// `<polyline>`: an open line through the points. Unfilled unless the presentation says so.
public struct SVGPolyline: Sendable, Equatable {
    public var points: [SVGPoint]
    public var presentation: SVGPresentation

    public init(points: [SVGPoint], presentation: SVGPresentation = SVGPresentation()) {
        self.points = points
        self.presentation = presentation
    }

    var attributes: [SVGAttribute] {
        let list = points.map { "\(SVGNumber.format($0.x)),\(SVGNumber.format($0.y))" }.joined(separator: " ")
        var presentation = presentation
        if presentation.fill == nil { presentation.fill = "none" }
        return [SVGAttribute("points", list)] + presentation.attributes
    }
}
