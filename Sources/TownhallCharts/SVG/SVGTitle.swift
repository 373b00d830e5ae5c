/// `<title>`: the accessible name of the chart (or of the element it is placed in).
public struct SVGTitle: Sendable, Equatable {
    public var id: String?
    public var text: String

    public init(_ text: String, id: String? = nil) {
        self.text = text
        self.id = id
    }
}
