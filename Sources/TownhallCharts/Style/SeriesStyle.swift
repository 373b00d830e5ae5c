/// How series `index` is drawn. Colour is never the only cue: each series also has its
/// own line dash, marker shape and bar hatching, and charts label series directly.
struct SeriesStyle {
    enum Marker: CaseIterable {
        case circle, square, triangle, diamond, cross
    }

    /// Bar fills over the series colour; `none` for the first series.
    enum Hatch: CaseIterable {
        case none, diagonal, antidiagonal, horizontal, vertical, crossed, grid, dots
    }

    let index: Int

    var color: String { ChartPalette.color(index) }
    var fillClass: String { "th-f\(paletteIndex)" }
    var strokeClass: String { "th-l\(paletteIndex)" }
    /// Text placed on the series colour: black or white, with a halo of the colour.
    var onFillClass: String { "th-on\(paletteIndex) th-halo" }
    var onFillColor: String { RGBColor(hex: color).textColor.hex }
    var marker: Marker { Marker.allCases[index % Marker.allCases.count] }
    var hatch: Hatch { Hatch.allCases[index % Hatch.allCases.count] }

    var dash: [Double] {
        switch index % 4 {
        case 1: [7, 3]
        case 2: [2, 3]
        case 3: [9, 3, 2, 3]
        default: []
        }
    }

    private var paletteIndex: Int { index % ChartPalette.seriesColors.count }

    var fill: SVGPresentation { SVGPresentation(className: fillClass, fill: color) }

    var line: SVGPresentation {
        SVGPresentation(className: strokeClass, fill: "none", stroke: color, strokeWidth: 2.5, strokeDasharray: dash)
    }

    /// The series' marker centred on `point`, `size` across.
    func markerNode(at point: SVGPoint, size: Double) -> SVGNode {
        let r = size / 2
        let presentation = SVGPresentation(className: fillClass, fill: color)
        let (x, y) = (point.x, point.y)
        func path(_ points: [(Double, Double)]) -> SVGNode {
            var commands = [SVGPathCommand.move(to: SVGPoint(points[0].0, points[0].1))]
            commands += points.dropFirst().map { .line(to: SVGPoint($0.0, $0.1)) }
            commands.append(.close)
            return .path(SVGPath(commands: commands, presentation: presentation))
        }
        switch marker {
        case .circle:
            return .circle(SVGCircle(center: point, radius: r, presentation: presentation))
        case .square:
            return .rect(SVGRect(x: x - r * 0.85, y: y - r * 0.85, width: r * 1.7, height: r * 1.7, presentation: presentation))
        case .triangle:
            return path([(x, y - r * 1.1), (x + r, y + r * 0.8), (x - r, y + r * 0.8)])
        case .diamond:
            return path([(x, y - r * 1.2), (x + r, y), (x, y + r * 1.2), (x - r, y)])
        case .cross:
            let t = r * 0.4
            return path([
                (x - t, y - r), (x + t, y - r), (x + t, y - t), (x + r, y - t), (x + r, y + t), (x + t, y + t),
                (x + t, y + r), (x - t, y + r), (x - t, y + t), (x - r, y + t), (x - r, y - t), (x - t, y - t),
            ])
        }
    }

    func patternID(prefix: String) -> String { "\(prefix)-hatch\(index % Hatch.allCases.count)" }

    /// The `<pattern>` for this series' hatching, or nil for the plain first series.
    func pattern(prefix: String) -> SVGNode? {
        let size = 6.0
        let ink = SVGPresentation(className: "th-hatch", fill: "#000", stroke: "#000", strokeWidth: 1.2)
        let across = SVGNode.line(SVGLine(from: SVGPoint(0, size / 2), to: SVGPoint(size, size / 2), presentation: ink))
        let down = SVGNode.line(SVGLine(from: SVGPoint(size / 2, 0), to: SVGPoint(size / 2, size), presentation: ink))
        let dot = SVGNode.circle(SVGCircle(center: SVGPoint(size / 2, size / 2), radius: 1.2, presentation: ink))
        let (transform, children): (SVGTransform?, [SVGNode])
        switch hatch {
        case .none: return nil
        case .diagonal: (transform, children) = (.rotate(degrees: 45), [across])
        case .antidiagonal: (transform, children) = (.rotate(degrees: -45), [across])
        case .horizontal: (transform, children) = (nil, [across])
        case .vertical: (transform, children) = (nil, [down])
        case .crossed: (transform, children) = (.rotate(degrees: 45), [across, down])
        case .grid: (transform, children) = (nil, [across, down])
        case .dots: (transform, children) = (nil, [dot])
        }
        return .pattern(SVGPattern(id: patternID(prefix: prefix), size: size, transform: transform, children: children))
    }

    /// The series' bar: its colour, and its hatching laid over it.
    func bar(x: Double, y: Double, width: Double, height: Double, prefix: String, tooltip: String?) -> [SVGNode] {
        guard hatch != .none else {
            return [.rect(SVGRect(x: x, y: y, width: width, height: height, presentation: fill, tooltip: tooltip))]
        }
        // The tooltip goes on the top rectangle: it is the one the pointer hovers.
        let overlay = SVGPresentation(fill: "url(#\(patternID(prefix: prefix)))")
        return [
            .rect(SVGRect(x: x, y: y, width: width, height: height, presentation: fill)),
            .rect(SVGRect(x: x, y: y, width: width, height: height, presentation: overlay, tooltip: tooltip)),
        ]
    }
}
