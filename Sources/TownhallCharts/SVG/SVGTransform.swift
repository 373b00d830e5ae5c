/// The transforms the charts need; typed so that numbers go through `SVGNumber`.
public enum SVGTransform: Sendable, Equatable {
    case translate(x: Double, y: Double)
    case rotate(degrees: Double)

    var attributeValue: String {
        switch self {
        case let .translate(x, y): "translate(\(SVGNumber.format(x)) \(SVGNumber.format(y)))"
        case let .rotate(degrees): "rotate(\(SVGNumber.format(degrees)))"
        }
    }
}
