/// `<text>` with one line of plain text (escaped when written).
public struct SVGText: Sendable, Equatable {
    /// Which end of the text `x` is.
    public enum Anchor: String, Sendable, Equatable {
        case start, middle, end
    }

    public var position: SVGPoint
    public var text: String
    public var anchor: Anchor
    /// Baseline shift in em. `0.35` centres the text vertically on `y`; it is used instead
    /// of `dominant-baseline`, which some renderers ignore.
    public var dy: Double?
    public var presentation: SVGPresentation

    public init(
        _ text: String, at position: SVGPoint, anchor: Anchor = .start, dy: Double? = nil,
        presentation: SVGPresentation = SVGPresentation()
    ) {
        self.text = text
        self.position = position
        self.anchor = anchor
        self.dy = dy
        self.presentation = presentation
    }

    var attributes: [SVGAttribute] {
        var list = [SVGAttribute("x", position.x), SVGAttribute("y", position.y)]
        if let dy { list.append(SVGAttribute("dy", SVGNumber.format(dy) + "em")) }
        if anchor != .start { list.append(SVGAttribute("text-anchor", anchor.rawValue)) }
        return list + presentation.attributes
    }
}
