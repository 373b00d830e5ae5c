import Testing
@testable import TownhallCharts

@Suite struct SVGBuilderTests {
    @Test func numbersHaveAtMostTwoDecimalsAndNoTrailingZeros() {
        #expect(SVGNumber.format(3) == "3")
        #expect(SVGNumber.format(2.5) == "2.5")
        #expect(SVGNumber.format(2.50001) == "2.5")
        #expect(SVGNumber.format(1.0 / 3) == "0.33")
        #expect(SVGNumber.format(2.125) == "2.13")
        #expect(SVGNumber.format(-0.004) == "0")
        #expect(SVGNumber.format(-12.375) == "-12.38")
        #expect(SVGNumber.format(0.00001) == "0")
        #expect(SVGNumber.format(123456789) == "123456789")
    }

    @Test func nonFiniteNumbersAreNeverWritten() {
        #expect(SVGNumber.format(.nan) == "0")
        #expect(SVGNumber.format(.infinity) == "0")
        #expect(SVGNumber.format(-.infinity) == "0")
        #expect(SVGNumber.format(1e300) == "1000000000")
        var writer = SVGWriter()
        writer.write(.rect(SVGRect(x: .nan, y: .infinity, width: -5, height: .nan)))
        #expect(writer.output == "<rect x=\"0\" y=\"0\" width=\"0\" height=\"0\"/>\n")
    }

    @Test func attributesAreWrittenInFixedOrder() {
        var writer = SVGWriter()
        let presentation = SVGPresentation(className: "th-f0", fill: "#0072B2", stroke: "#000", strokeWidth: 1.5, strokeDasharray: [4, 2])
        writer.write(.rect(SVGRect(x: 1, y: 2, width: 3, height: 4, cornerRadius: 2, presentation: presentation, tooltip: "A & B")))
        writer.write(.line(SVGLine(from: SVGPoint(0, 1), to: SVGPoint(2, 3))))
        writer.write(.polyline(SVGPolyline(points: [SVGPoint(0, 0), SVGPoint(1.5, 2.25)])))
        writer.write(.path(SVGPath(commands: [.move(to: SVGPoint(0, 0)), .curve(control1: SVGPoint(1, 0), control2: SVGPoint(1, 2), to: SVGPoint(2, 2)), .close])))
        writer.write(.text(SVGText("x", at: SVGPoint(5, 6), anchor: .end, dy: 0.35, presentation: SVGPresentation(className: "th-strong"))))
        writer.write(.group(SVGGroup(id: "g", transform: .translate(x: 10, y: 0), ariaHidden: true, children: [.circle(SVGCircle(center: SVGPoint(1, 1), radius: 2))])))
        #expect(writer.output == """
        <rect x="1" y="2" width="3" height="4" rx="2" class="th-f0" fill="#0072B2" stroke="#000" stroke-width="1.5" stroke-dasharray="4 2"><title>A &amp; B</title></rect>
        <line x1="0" y1="1" x2="2" y2="3"/>
        <polyline points="0,0 1.5,2.25" fill="none"/>
        <path d="M0 0 C1 0 1 2 2 2 Z"/>
        <text x="5" y="6" dy="0.35em" text-anchor="end" class="th-strong">x</text>
        <g id="g" transform="translate(10 0)" aria-hidden="true">
        <circle cx="1" cy="1" r="2"/>
        </g>

        """)
    }

    @Test func textAndAttributesAreEscaped() {
        var writer = SVGWriter()
        writer.write(.text(SVGText("<script>\"a\" & 'b'</script>", at: SVGPoint(0, 0), presentation: SVGPresentation(className: "\"><script>"))))
        #expect(writer.output == "<text x=\"0\" y=\"0\" class=\"&quot;&gt;&lt;script&gt;\">&lt;script&gt;\"a\" &amp; 'b'&lt;/script&gt;</text>\n")
    }

    @Test func charactersXMLForbidsAreDropped() throws {
        let name = "Ann\u{0}e\u{1B}[31m\u{FFFE}"
        let svg = SVGDocument(width: 10, height: 10, idPrefix: "x", title: name, description: "", children: []).render()
        #expect(try #require(SVGInspection(svg)).all("title").first?.text == "Anne[31m")
    }

    @Test func documentHasAccessibleRoot() {
        let svg = SVGDocument(width: 100.5, height: 50, idPrefix: "growth", title: "T", description: "D", css: "", children: []).render()
        #expect(svg == """
        <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100.5 50" width="100.5" height="50" class="th-chart" role="img" aria-labelledby="growth-title growth-desc">
        <title id="growth-title">T</title>
        <desc id="growth-desc">D</desc>
        </svg>

        """)
    }

    @Test func idPrefixesAreSanitised() {
        #expect(SVGDocument.sanitisedID("growth-2026_a") == "growth-2026_a")
        #expect(SVGDocument.sanitisedID("\"><script>") == "script")
        #expect(SVGDocument.sanitisedID("2026 growth") == "chart-2026growth")
        #expect(SVGDocument.sanitisedID("été") == "t")
        #expect(SVGDocument.sanitisedID("") == "chart")
    }

    @Test func stylesheetAdaptsToDarkModeAndPrint() {
        let css = ChartPalette.css
        #expect(css.contains("@media (prefers-color-scheme:dark)"))
        #expect(css.contains("@media print"))
        #expect(css.contains(".th-chart text{fill:currentColor}"))
        #expect(!css.contains("<") && !css.contains("&"))
        for color in ChartPalette.seriesColors { #expect(css.contains(color)) }
    }

    @Test func seriesDifferInMoreThanColour() {
        let styles = (0..<8).map { SeriesStyle(index: $0) }
        for (a, b) in zip(styles, styles.dropFirst()) {
            #expect(a.marker != b.marker)
            #expect(a.dash != b.dash)
            #expect(a.hatch != b.hatch)
        }
        #expect(Set(styles.map(\.color)).count == 8)
    }
}
