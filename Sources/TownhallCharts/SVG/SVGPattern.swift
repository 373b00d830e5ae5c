/// `<pattern>` in user space: the hatchings that tell bar series apart without colour.
public struct SVGPattern: Sendable, Equatable {
    public var id: String
    public var size: Double
    public var transform: SVGTransform?
    public var children: [SVGNode]

    public init(id: String, size: Double, transform: SVGTransform? = nil, children: [SVGNode]) {
        self.id = id
        self.size = size
        self.transform = transform
        self.children = children
    }

    var attributes: [SVGAttribute] {
        var list = [
            SVGAttribute("id", id), SVGAttribute("width", size), SVGAttribute("height", size),
            SVGAttribute("patternUnits", "userSpaceOnUse"),
        ]
        list.append("patternTransform", transform?.attributeValue)
        return list
    }
}
