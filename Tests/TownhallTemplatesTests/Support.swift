import TownhallTemplates

extension TemplateLibrary {
    /// A library of the given templates by name (the tests' themes).
    static func of(_ templates: [String: String]) throws -> TemplateLibrary {
        var library = TemplateLibrary()
        for (name, text) in templates { library.register(try Template(text), named: name) }
        return library
    }
}
