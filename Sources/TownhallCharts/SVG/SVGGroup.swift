/// `<g>`: children sharing a transform and presentation.
public struct SVGGroup: Sendable, Equatable {
    public var id: String?
    public var transform: SVGTransform?
    public var presentation: SVGPresentation
    /// Hides decorative parts (gridlines, repeated labels) from assistive technology.
    public var ariaHidden: Bool
    public var children: [SVGNode]

    public init(
        id: String? = nil, transform: SVGTransform? = nil, presentation: SVGPresentation = SVGPresentation(),
        ariaHidden: Bool = false, children: [SVGNode]
    ) {
        self.id = id
        self.transform = transform
        self.presentation = presentation
        self.ariaHidden = ariaHidden
        self.children = children
    }

    var attributes: [SVGAttribute] {
        var list: [SVGAttribute] = []
        list.append("id", id)
        list.append("transform", transform?.attributeValue)
        list += presentation.attributes
        if ariaHidden { list.append(SVGAttribute("aria-hidden", "true")) }
        return list
    }
}
