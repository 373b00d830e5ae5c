/// One page of the corpus as planned before any text is written: where it lives, what it
/// is called and which headings it has, so that other pages can link to it and its anchors.
package struct PlannedPage: Sendable, Equatable {
    package enum Kind: Sendable, Equatable { case home, section, chapter, page }

    package struct Heading: Sendable, Equatable {
        package var level: Int
        package var text: String
        /// The GitHub-style id both Townhall and Hugo give it.
        package var id: String
    }

    package var kind: Kind
    /// Relative to the corpus root: `events/planning/running-quiet-workshops.md`.
    package var path: String
    package var title: String
    package var description: String?
    package var weight: Int
    /// Days since 2019-01-01.
    package var date: Int
    package var updated: Int?
    package var tags: [String]
    package var headings: [Heading]
    /// Words of prose to aim for.
    package var words: Int
    package var section: Int
    package var chapter: Int

    /// The folder holding the file (`events/planning`; `""` at the root).
    package var folder: String {
        guard let slash = path.lastIndex(of: "/") else { return "" }
        return String(path[..<slash])
    }
}
