/// A complete, accessible `<svg>`: `role="img"` named by its `<title>` and described by its
/// `<desc>`, whose ids are derived from `idPrefix` so that several charts can share a page.
public struct SVGDocument: Sendable, Equatable {
    public var width: Double
    public var height: Double
    /// Sanitised to an XML name: ASCII letters, digits, `-` and `_`, starting with a letter.
    public var idPrefix: String
    public var title: String
    public var description: String
    /// Written before the content, in a `<style>` element.
    public var css: String
    public var children: [SVGNode]

    public init(
        width: Double, height: Double, idPrefix: String, title: String, description: String,
        css: String = ChartPalette.css, children: [SVGNode]
    ) {
        self.width = width
        self.height = height
        self.idPrefix = SVGDocument.sanitisedID(idPrefix)
        self.title = title
        self.description = description
        self.css = css
        self.children = children
    }

    public var titleID: String { "\(idPrefix)-title" }
    public var descID: String { "\(idPrefix)-desc" }

    /// The document as text, ending with a newline.
    public func render() -> String {
        var writer = SVGWriter()
        writer.open("svg", [
            SVGAttribute("xmlns", "http://www.w3.org/2000/svg"),
            SVGAttribute("viewBox", SVGNumber.list([0, 0, width, height])),
            SVGAttribute("width", width),
            SVGAttribute("height", height),
            SVGAttribute("class", "th-chart"),
            SVGAttribute("role", "img"),
            SVGAttribute("aria-labelledby", "\(titleID) \(descID)"),
        ])
        writer.write(.title(SVGTitle(title, id: titleID)))
        writer.write(.desc(SVGDesc(description, id: descID)))
        if !css.isEmpty { writer.write(.style(css)) }
        for child in children { writer.write(child) }
        writer.close("svg")
        return writer.output
    }

    /// Makes any caller-supplied prefix a valid, unsurprising XML id.
    static func sanitisedID(_ raw: String) -> String {
        let kept = String(raw.unicodeScalars.filter { scalar in
            scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "-" || scalar == "_")
        })
        if kept.isEmpty { return "chart" }
        guard let first = kept.unicodeScalars.first, first.properties.isAlphabetic else { return "chart-" + kept }
        return kept
    }
}
