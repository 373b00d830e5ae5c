/// One serialised attribute. Elements list theirs in a fixed order, so output is stable.
struct SVGAttribute: Equatable {
    var name: String
    var value: String

    init(_ name: String, _ value: String) {
        self.name = name
        self.value = value
    }

    init(_ name: String, _ number: Double) {
        self.init(name, SVGNumber.format(number))
    }
}

extension Array where Element == SVGAttribute {
    /// Appends the attribute only when there is a value: absent attributes are not written.
    mutating func append(_ name: String, _ value: String?) {
        if let value { append(SVGAttribute(name, value)) }
    }

    mutating func append(_ name: String, _ number: Double?) {
        if let number { append(SVGAttribute(name, number)) }
    }
}
