/// The shape of a generated corpus. The same options and seed always give the same bytes.
package struct CorpusOptions: Sendable, Equatable {
    /// Ordinary pages; section and chapter pages (`_index.md`) and the home page come on top.
    package var pages: Int
    /// Top-level sections.
    package var sections: Int
    /// Ordinary pages per chapter (sub-section) folder: the siblings a page's navigation lists.
    package var chapterSize: Int
    package var seed: UInt64

    package init(pages: Int = 1_000, sections: Int = 20, chapterSize: Int = 25, seed: UInt64 = 6) {
        self.pages = pages
        self.sections = sections
        self.chapterSize = chapterSize
        self.seed = seed
    }
}
