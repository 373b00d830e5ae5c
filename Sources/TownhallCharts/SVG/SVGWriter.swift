/// Serialises nodes: one element per line, attributes in each element's fixed order,
/// every attribute value and text escaped. The same nodes always give the same bytes.
struct SVGWriter {
    private(set) var output = ""

    mutating func write(_ node: SVGNode) {
        switch node {
        case let .group(g): element("g", g.attributes, children: g.children)
        case let .rect(r): element("rect", r.attributes, tooltip: r.tooltip)
        case let .line(l): element("line", l.attributes)
        case let .polyline(p): element("polyline", p.attributes)
        case let .path(p): element("path", p.attributes)
        case let .circle(c): element("circle", c.attributes, tooltip: c.tooltip)
        case let .text(t): textElement("text", t.attributes, t.text)
        case let .title(t): textElement("title", idAttribute(t.id), t.text)
        case let .desc(d): textElement("desc", idAttribute(d.id), d.text)
        case let .defs(children): element("defs", [], children: children)
        case let .pattern(p): element("pattern", p.attributes, children: p.children)
        case let .style(css): textElement("style", [], css)
        }
    }

    /// Opens an element whose children are written by the caller; `close` ends it.
    mutating func open(_ name: String, _ attributes: [SVGAttribute]) {
        output += "<\(name)\(serialised(attributes))>\n"
    }

    mutating func close(_ name: String) {
        output += "</\(name)>\n"
    }

    private mutating func element(_ name: String, _ attributes: [SVGAttribute], children: [SVGNode] = [], tooltip: String? = nil) {
        if children.isEmpty && tooltip == nil {
            output += "<\(name)\(serialised(attributes))/>\n"
            return
        }
        output += "<\(name)\(serialised(attributes))>"
        if let tooltip { output += "<title>\(XMLEscape.text(tooltip))</title>" }
        if !children.isEmpty {
            output += "\n"
            for child in children { write(child) }
        }
        close(name)
    }

    private mutating func textElement(_ name: String, _ attributes: [SVGAttribute], _ text: String) {
        output += "<\(name)\(serialised(attributes))>\(XMLEscape.text(text))</\(name)>\n"
    }

    private func idAttribute(_ id: String?) -> [SVGAttribute] {
        id.map { [SVGAttribute("id", $0)] } ?? []
    }

    private func serialised(_ attributes: [SVGAttribute]) -> String {
        attributes.map { " \($0.name)=\"\(XMLEscape.attribute($0.value))\"" }.joined()
    }
}
