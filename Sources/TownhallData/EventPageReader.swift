import Foundation
import TownhallContent
import TownhallDiagnostics

/// Reads the events of a folder of event pages without building a site, for the sample
/// generator (which gives those events attendance).
public enum EventPageReader {
    public static func read(folder: URL, display: String, diagnostics: inout [Diagnostic]) -> [Event] {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else {
            diagnostics.append(.error("cannot read folder", at: SourceLocation(file: display)))
            return []
        }
        var out = DecodedRecords<Event>()
        let reader = DataFileReader()
        for name in names.sorted() where name.hasSuffix(".md") && !name.hasPrefix("_") && !name.hasPrefix(".") {
            let shown = display + "/" + name
            guard case .success(let text) = TextFile.read(folder.appendingPathComponent(name), displayPath: shown),
                  case .success(let split) = FrontMatterSplitter.split(text, file: shown), let yaml = split.yaml,
                  let table = reader.readFrontMatter(yaml, displayPath: shown, diagnostics: &diagnostics) else { continue }
            var decoder = TableDecoder(table: table, kind: .events, unknownKeys: .allow(CommunityLoader.pageKeys))
            let stem = PageURL.stem(name)
            let title = table.column(named: "title").map { table.text(table.cell(0, $0)) } ?? PageURL.humanize(stem)
            Event.decode(&decoder, source: 0, page: Event.PageDefaults(stem: stem, title: title, sourcePath: name), into: &out)
            diagnostics += decoder.diagnostics.filter { $0.severity == .error }
        }
        return out.records
    }
}
