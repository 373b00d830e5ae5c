/// One command of a path's `d` attribute, in absolute coordinates.
public enum SVGPathCommand: Sendable, Equatable {
    case move(to: SVGPoint)
    case line(to: SVGPoint)
    case curve(control1: SVGPoint, control2: SVGPoint, to: SVGPoint)
    case close

    var text: String {
        func p(_ point: SVGPoint) -> String { "\(SVGNumber.format(point.x)) \(SVGNumber.format(point.y))" }
        switch self {
        case let .move(to): return "M\(p(to))"
        case let .line(to): return "L\(p(to))"
        case let .curve(c1, c2, to): return "C\(p(c1)) \(p(c2)) \(p(to))"
        case .close: return "Z"
        }
    }
}
