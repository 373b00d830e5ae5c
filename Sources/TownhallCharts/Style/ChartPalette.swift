/// The colours and the stylesheet every chart carries.
///
/// Series use the Okabe–Ito palette, which stays distinguishable with the common forms of
/// colour blindness, ordered so that the first colours contrast best with a white page.
/// Colours are CSS custom properties (`--th-s0` … `--th-s7`) on `.th-chart`, so a site can
/// override them in its own stylesheet. Ink (text, axes, gridlines) is `currentColor`, so an
/// inlined chart takes the page's text colour, light or dark. `@media (prefers-color-scheme:
/// dark)` swaps the black series for white and strengthens faint lines; `@media print`
/// forces black ink. Every rule is scoped under `.th-chart` because a `<style>` inside inline
/// SVG applies to the whole HTML page.
public enum ChartPalette {
    /// Okabe–Ito: blue, vermillion, bluish green, reddish purple, orange, sky blue, yellow, black.
    public static let seriesColors = [
        "#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#F0E442", "#000000",
    ]

    /// The last series colour, black, is white in dark mode.
    static let darkModeLastColor = "#FFFFFF"

    /// The `<style>` text of every chart. Contains no `<` or `&`, so it reads the same
    /// whether a parser treats it as XML or as HTML.
    public static let css: String = {
        let count = seriesColors.count
        var rules = [
            ".th-chart{" + (0..<count).map { "--th-s\($0):\(seriesColors[$0]);--th-on\($0):\(textColor(seriesColors[$0]));" }.joined()
                + "--th-faint:.15;font-family:system-ui,-apple-system,\"Segoe UI\",Roboto,sans-serif;font-size:12px;max-width:100%;height:auto}",
            ".th-chart text{fill:currentColor}",
            ".th-chart .th-grid{stroke:currentColor;stroke-opacity:var(--th-faint)}",
            ".th-chart .th-axis{stroke:currentColor;stroke-opacity:.6}",
            ".th-chart .th-edge{fill:none;stroke:currentColor;stroke-opacity:.5}",
            ".th-chart .th-hatch{stroke:currentColor;stroke-opacity:.55;fill:currentColor;fill-opacity:.55}",
            ".th-chart .th-missing{fill:none;stroke:currentColor;stroke-opacity:var(--th-faint)}",
            ".th-chart .th-node{fill:var(--th-s0)}",
            ".th-chart .th-more{fill:none;stroke:currentColor}",
            ".th-chart .th-strong{font-weight:600}",
            ".th-chart .th-halo{paint-order:stroke;stroke-width:3px;stroke-linejoin:round}",
            ".th-chart .th-note{font-size:14px}",
            ".th-chart .th-ink-dark{fill:#000}",
            ".th-chart .th-ink-light{fill:#FFF}",
        ]
        for i in 0..<count {
            rules.append(".th-chart .th-f\(i){fill:var(--th-s\(i))}")
            rules.append(".th-chart .th-l\(i){stroke:var(--th-s\(i))}")
            rules.append(".th-chart .th-on\(i){fill:var(--th-on\(i));stroke:var(--th-s\(i))}")
        }
        let last = count - 1
        rules.append("@media (prefers-color-scheme:dark){.th-chart{--th-s\(last):\(darkModeLastColor);--th-on\(last):\(textColor(darkModeLastColor));--th-faint:.3}}")
        rules.append("@media print{.th-chart{--th-s\(last):\(seriesColors[last]);--th-on\(last):\(textColor(seriesColors[last]));--th-faint:.35;color:#000}}")
        return rules.joined(separator: "\n")
    }()

    /// The colour of series `index` (wrapping after eight), for fallback attributes.
    static func color(_ index: Int) -> String {
        seriesColors[index % seriesColors.count]
    }

    private static func textColor(_ hex: String) -> String {
        RGBColor(hex: hex).textColor.hex
    }
}
