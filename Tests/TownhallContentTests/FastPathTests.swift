import Foundation
import Testing
import TownhallDiagnostics
@testable import TownhallContent

/// The byte-level fast paths give exactly what the plain `Character`/`split` versions give.
@Suite struct FastPathTests {
    /// The definition `PageURL.relative` had before it worked on bytes.
    static func referenceRelative(from: String, to: String) -> String {
        let fromDirs = from.split(separator: "/", omittingEmptySubsequences: true)
        var toParts = to.split(separator: "/", omittingEmptySubsequences: true)
        let toIsFolder = to.isEmpty || to.hasSuffix("/")
        let sharable = toIsFolder ? toParts.count : toParts.count - 1
        var common = 0
        while common < fromDirs.count, common < sharable, fromDirs[common] == toParts[common] { common += 1 }
        toParts.removeFirst(common)
        var result = String(repeating: "../", count: fromDirs.count - common)
        result += toParts.map { PageURL.encode(String($0)) }.joined(separator: "/")
        if toIsFolder && !toParts.isEmpty { result += "/" }
        return result.isEmpty ? "./" : result
    }

    @Test func relativeMatchesTheSegmentDefinition() {
        let segments = ["", "a", "b", "handbook", "rules", "a b", "é", "x#y", "tiers.svg", "index.html"]
        var rng = SystemRandomNumberGenerator()
        var paths: [String] = ["", "/", "a//b/", "/a/", "a/b", "a/b/", "é/", "a b/c#d.txt"]
        for _ in 0..<400 {
            let n = Int.random(in: 0...4, using: &rng)
            var p = (0..<n).map { _ in segments.randomElement(using: &rng)! }.joined(separator: "/")
            if Bool.random(using: &rng) { p += "/" }
            paths.append(p)
        }
        for from in paths.prefix(60) {
            for to in paths {
                #expect(PageURL.relative(from: from, to: to) == Self.referenceRelative(from: from, to: to), "from \(from) to \(to)")
            }
        }
    }

    @Test func keywordWordsMatchCharacterSplitting() {
        let samples = [
            "Plain ASCII words, with punctuation; and CAPS 42x.",
            "Café crème — naïve façade: Ünïcödé and ΣΟΦΙΑ's words",
            "mixed-case_HTML5 & a\u{301}ccent, e\u{301}\u{302} «quotes» 日本語のテキスト 123",
            "", "---", "x", "Ⅻ roman ½ fractions ٣ digits",
            "it’s “quoted” — x–y a\u{A0}b …end‐line", "’\u{301}x –\u{345}y \u{D4E}–z ’“w”’", "\u{2010}\u{2027}\u{2028}z\u{200D}w",
        ]
        for text in samples {
            let reference = text.lowercased().split(whereSeparator: { !($0.isLetter || $0.isNumber) }).map(String.init)
            var words: [String] = []
            SearchKeywords.forEachWord(in: text) { word, head, _ in
                words.append(String(decoding: word, as: UTF8.self))
                #expect(head == WordTable.head(word), "the scan's head of \(String(decoding: word, as: UTF8.self))")
            }
            #expect(words == reference, "\(text)")
        }
    }

    /// Random text of words of every length, capitals, digits, punctuation, smart quotes,
    /// no-break spaces and letters outside ASCII, cut as `Character`s cut it.
    @Test func keywordWordsMatchCharacterSplittingOnRandomText() {
        var generator = SystemRandomNumberGenerator()
        let pieces = ["a", "Z", "q", "M", "7", "0", " ", "  ", ",", ".", "-", "_", "\n", "’", "“", "—", "\u{A0}", "é", "Ü",
                      "\u{301}", "日", "supercalifragilistic", "Word", "ABCDEFGH", "abcdefg", "x1y2z3"]
        // Longer texts, mostly ASCII, cross the 64-byte blocks the scan reads at once:
        // words run over their edges, into and out of blocks that hold other characters.
        let asciiPieces = pieces.filter { $0.utf8.allSatisfy { $0 < 0x80 } }
        for round in 0..<3000 {
            let long = round % 3 == 0
            let text = (0..<Int.random(in: 0...(long ? 200 : 30), using: &generator)).map { _ in
                long && Int.random(in: 0..<40, using: &generator) > 0
                    ? asciiPieces.randomElement(using: &generator)! : pieces.randomElement(using: &generator)!
            }.joined()
            let reference = text.lowercased().split(whereSeparator: { !($0.isLetter || $0.isNumber) }).map(String.init)
            var words: [String] = []
            SearchKeywords.forEachWord(in: text) { word, head, _ in
                words.append(String(decoding: word, as: UTF8.self))
                #expect(head == WordTable.head(word))
            }
            #expect(words == reference, "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
        }
    }

    @Test func keywordsSkipWhatTheTitleAndHeadingsHold() {
        let k = SearchKeywords.make(
            title: "Bike repair", description: "Fixing bikes together.", headings: ["Tools"],
            text: "bike repair tools tools wheels wheels wheels brakes the and 2026 ok")
        #expect(k.words == ["brakes", "wheels"])
    }

    /// The keyword choice as first written, with `String` words, sets and dictionaries.
    static func referenceKeywords(title: String, description: String, headings: [String], text: String) -> [String] {
        func words(_ t: String) -> [String] {
            t.lowercased().split(whereSeparator: { !($0.isLetter || $0.isNumber) }).map(String.init)
        }
        var known = Set(words(title) + words(SearchKeywords.excerpt(description)) + headings.flatMap(words))
        known.formUnion(SearchKeywords.stopWords)
        var counts: [String: Int] = [:]
        for word in words(text) where !known.contains(word) && word.count >= 3 && !word.allSatisfy(\.isNumber) {
            counts[word, default: 0] += 1
        }
        return counts.sorted { a, b in a.value != b.value ? a.value > b.value : a.key < b.key }.prefix(48).map(\.key).sorted()
    }

    @Test func keywordChoiceMatchesTheStringDefinition() {
        var rng = SystemRandomNumberGenerator()
        let vocabulary = [
            "repair", "Repair", "bikes", "café", "cafe\u{301}", "naïve", "ΣΟΦΙΑ", "σοφια", "2026", "12th", "the", "and",
            "tools", "TOOLS", "x", "ab", "abc", "日本語", "Ⅻ", "e\u{301}cole", "école", "straße", "STRASSE", "k\u{212A}",
            "work-party", "it's", "don't", "it’s", "“quoted”", "a\u{A0}b", "x–y", "a1b2", "zebra", "apple", "mango", "kiwi", "lemon", "melon", "grape",
        ]
        // Half the rounds ASCII only: their choice is made on bytes, with only the tie sorted.
        // Words of eight bytes and longer ones sharing their first eight: a table probe
        // compares those eight as one number, then the rest.
        let long = ["communal", "communals", "communication", "communications", "neighbour", "neighbourhood", "neighbours", "Neighbours"]
        let asciiVocabulary = vocabulary.filter { $0.utf8.allSatisfy { $0 < 0x80 } } + long + (0..<80).map { "w\($0 % 9)x\($0)" }
        for round in 0..<80 {
            let words = round % 2 == 0 ? asciiVocabulary : vocabulary
            let text = (0..<Int.random(in: 0...400, using: &rng)).map { _ in words.randomElement(using: &rng)! }
                .joined(separator: [" ", ", ", ". ", "\n", " — "].randomElement(using: &rng)!)
            let title = round % 3 == 0 ? "Repair café" : "Tools and bikes"
            let made = SearchKeywords.make(title: title, description: "About apples.", headings: ["Mango"], text: text)
            #expect(made.words == Self.referenceKeywords(title: title, description: "About apples.", headings: ["Mango"], text: text), "\(text)")
        }
    }

    /// Where a page goes, as first written on `Character`s.
    static func referencePlace(_ path: String, slug: String?) -> (Page.Kind, String, String) {
        let parts = path.split(separator: "/").map(String.init)
        let folder = parts.dropLast().joined(separator: "/")
        let file = parts.last ?? ""
        if file == "_index.md" || file.lowercased() == "readme.md" {
            return (folder.isEmpty ? .home : .section, folder, folder.isEmpty ? "" : folder + "/")
        }
        return (.page, folder, (folder.isEmpty ? "" : folder + "/") + (slug ?? PageURL.stem(file)) + "/")
    }

    @Test func stemMatchesTheCharacterDefinition() {
        func reference(_ path: String) -> String {
            let file = path.split(separator: "/").last.map(String.init) ?? path
            guard let dot = file.lastIndex(of: ".") else { return file }
            return String(file[..<dot])
        }
        let paths = ["a/b.md", "b", "a/b.c.md", ".md", "a/", "", "/", "a/.hidden", "é/x.md", "x.md/", "a//b.md", "/a.md", "a.b/c", "a/b/", "..", "x/y/z.tar.gz"]
        for path in paths { #expect(PageURL.stem(path) == reference(path), "\(path)") }
    }

    @Test func placeMatchesTheCharacterDefinition() {
        var rng = SystemRandomNumberGenerator()
        let segments = ["a", "handbook", "_index.md", "README.md", "ReadMe.MD", "readme.md", "rules.md", "x.y.md", "é.md", "", ".md", "noext", "K.md"]
        var paths = ["", "/", "a//b.md", "/a.md", "a/", "README.md", "_index.md", "a/_index.md", "a/b/readme.md", "a/é/README.md"]
        for _ in 0..<2000 {
            paths.append((0..<Int.random(in: 1...4, using: &rng)).map { _ in segments.randomElement(using: &rng)! }.joined(separator: "/"))
        }
        for path in paths {
            for slug in [nil, "custom"] {
                let placed = PageURL.place(path, slug: slug)
                let expected = Self.referencePlace(path, slug: slug)
                #expect(placed.kind == expected.0 && placed.section == expected.1 && placed.url == expected.2, "\(path)")
            }
        }
    }

    /// The summary as first written, on `Character`s.
    static func referenceSummary(_ text: String, limit: Int) -> String {
        let clean = text.split(whereSeparator: { $0 == "\n" || $0 == " " }).joined(separator: " ")
        guard clean.count > limit else { return clean }
        var cut = String(clean.prefix(limit))
        if let space = cut.lastIndex(of: " ") { cut = String(cut[..<space]) }
        return cut + "…"
    }

    @Test func summaryMatchesTheCharacterDefinition() {
        var rng = SystemRandomNumberGenerator()
        let pieces = [
            "word", "a", " ", "  ", "\n", "\r\n", "\r", "\t", "é", "e\u{301}", "\u{301}", "“", "”", "’", "—", "–",
            "\u{600}", "\u{D4E}", "日本", "👍🏽", "\u{200D}", "\u{A0}", "ü", "\u{93F}", "x", "rules.",
        ]
        var samples = ["", " ", "\n\n", "one two", " \u{301}x", "x \u{301}", "\u{600} x", "\u{D4E} x", "a\r\nb", "“Quoted” words — and ’s"]
        for _ in 0..<3000 {
            samples.append((0..<Int.random(in: 0...30, using: &rng)).map { _ in pieces.randomElement(using: &rng)! }.joined())
        }
        // Mostly ASCII and long enough to be cut at 160: the byte path, and its way out
        // when a character that is not one byte lies at the cut.
        let ascii = ["word", "a", " ", "\n", "rules.", "x", "longer"]
        for _ in 0..<1000 {
            var text = (0..<Int.random(in: 20...90, using: &rng)).map { _ in ascii.randomElement(using: &rng)! }.joined()
            if Bool.random(using: &rng), !text.isEmpty {
                let at = text.index(text.startIndex, offsetBy: Int.random(in: 0..<text.count, using: &rng))
                text.insert(contentsOf: pieces.randomElement(using: &rng)!, at: at)
            }
            samples.append(text)
        }
        for text in samples {
            for limit in [0, 1, 3, 8, 20, 159, 160, 161] {
                #expect(Summary.make(text, limit: limit) == Self.referenceSummary(text, limit: limit), "\(text.unicodeScalars.map { String($0.value, radix: 16) }) at \(limit)")
            }
        }
    }

    /// The listing is in walk order (each folder's names by bytes, a folder's contents right
    /// after it), which is the order the content walk reads pages in.
    @Test func fileTreeListsInWalkOrder() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("filetree-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        for path in ["a/x.md", "a/b/y.md", "a-b.md", "B.md", "_index.md", ".hidden/z.md"] {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data("x".utf8).write(to: url)
        }
        let listed = FileTree.list(root).map(\.path)
        #expect(listed == [".hidden", ".hidden/z.md", "B.md", "_index.md", "a", "a/b", "a/b/y.md", "a/x.md", "a-b.md"])
        #expect(FileTree.list(root, threads: 0) == FileTree.list(root), "the same listing on every core")
        var diagnostics: [TownhallDiagnostics.Diagnostic] = []
        let files = ContentWalker(root: root, displayRoot: "Content").files(in: FileTree.list(root), diagnostics: &diagnostics).map(\.path)
        #expect(files == ["B.md", "_index.md", "a/b/y.md", "a/x.md", "a-b.md"])
        #expect(diagnostics.isEmpty)
    }
}

/// `CalendarDate.description` writes its digits directly; it must match the padded form.
@Suite struct CalendarDateTextTests {
    @Test func descriptionIsZeroPaddedISO() {
        for (y, m, d) in [(2026, 1, 2), (2026, 12, 31), (5, 3, 4), (999, 10, 10), (0, 1, 1), (9999, 12, 31), (12345, 6, 7), (-44, 3, 15), (2024, 2, 29)] {
            guard let date = CalendarDate(year: y, month: m, day: d) else { continue }
            func pad(_ n: Int, _ w: Int) -> String { String(repeating: "0", count: max(0, w - String(n).count)) + String(n) }
            #expect(date.description == "\(pad(y, 4))-\(pad(m, 2))-\(pad(d, 2))")
            #expect(CalendarDate(iso: date.description) == date || !(0...9999).contains(y))
        }
        #expect(CalendarDate(year: 2026, month: 3, day: 9)?.description == "2026-03-09")
    }
}
