import Testing
@testable import TownhallCharts

@Suite struct DataTableTests {
    @Test func htmlHasCaptionAndScopedHeaders() {
        let table = DataTable(caption: "Joined & left", columns: ["Month", "Joined"], rows: [["2026-01", "4"]])
        #expect(table.html() == """
        <div class="table-wrap" role="region" tabindex="0" aria-label="Joined &amp; left">
        <table>
        <caption>Joined &amp; left</caption>
        <thead>
        <tr><th scope="col">Month</th><th scope="col">Joined</th></tr>
        </thead>
        <tbody>
        <tr><th scope="row">2026-01</th><td>4</td></tr>
        </tbody>
        </table>
        </div>

        """)
    }

    @Test func htmlEscapesEveryCell() {
        let table = DataTable(caption: "<i>c</i>", columns: ["<th>"], rows: [["<script>x</script>", "a & \"b\""]])
        let html = table.html()
        #expect(!html.contains("<script>") && !html.contains("<i>"))
        #expect(html.contains("<th scope=\"row\">&lt;script&gt;x&lt;/script&gt;</th><td>a &amp; \"b\"</td>"))
        #expect(html.contains("<th scope=\"col\">&lt;th&gt;</th><th scope=\"col\"></th>"))
    }

    @Test func emptyTableSaysSo() {
        let html = DataTable(caption: "c", columns: ["A", "B"], rows: []).html()
        #expect(html.contains("<tr><td colspan=\"2\">No data for this period</td></tr>"))
    }

    @Test func csvQuotesPerRFC4180() {
        let table = DataTable(caption: "ignored", columns: ["Name", "Note"], rows: [
            ["Ann", "plain"],
            ["Bo, Jr.", "said \"hi\""],
            ["Cy", "two\nlines"],
            ["Di", "cr\r\nlf"],
        ])
        #expect(table.csv() == "Name,Note\r\nAnn,plain\r\n\"Bo, Jr.\",\"said \"\"hi\"\"\"\r\nCy,\"two\nlines\"\r\nDi,\"cr\r\nlf\"\r\n")
    }

    @Test func raggedRowsArePadded() {
        let table = DataTable(caption: "c", columns: ["A"], rows: [["1", "2"], []])
        #expect(table.csv() == "A,\r\n1,2\r\n,\r\n")
    }
}
