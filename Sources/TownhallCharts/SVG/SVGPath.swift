/// `<path>` built from typed commands.
public struct SVGPath: Sendable, Equatable {
    public var commands: [SVGPathCommand]
    public var presentation: SVGPresentation

    public init(commands: [SVGPathCommand], presentation: SVGPresentation = SVGPresentation()) {
        self.commands = commands
        self.presentation = presentation
    }

    var attributes: [SVGAttribute] {
        [SVGAttribute("d", commands.map(\.text).joined(separator: " "))] + presentation.attributes
    }
}
