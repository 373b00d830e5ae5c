/// Anything that can appear inside an `<svg>`: a closed set, so that every element is
/// written by this module's escaping and number formatting and nothing else.
public enum SVGNode: Sendable, Equatable {
    case group(SVGGroup)
    case rect(SVGRect)
    case line(SVGLine)
    case polyline(SVGPolyline)
    case path(SVGPath)
    case circle(SVGCircle)
    case text(SVGText)
    case title(SVGTitle)
    case desc(SVGDesc)
    /// `<defs>` holding patterns and other referenced elements.
    case defs([SVGNode])
    case pattern(SVGPattern)
    /// `<style>` with CSS text (escaped like any text, which CSS parsers accept).
    case style(String)
}
