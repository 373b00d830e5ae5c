import TownhallContent
import TownhallMarkdown
import TownhallStats

/// A report page made from the data alone (site.yaml `reports.generate`): Markdown with
/// the same figure requests a hand-written report uses, so it goes through the same
/// checks and rendering.
enum GeneratedReport {
    static func page(_ period: StatsPeriod, url: String, config: SiteConfig, displayRoot: String) -> Page {
        let monthly = period.kind == .month
        let title = monthly ? "Monthly report: \(YearMonth(period.from).longText)" : "Quarterly report: \(period.label)"
        let body = monthly ? monthlyBody(period) : quarterlyBody(period)
        var fm = FrontMatter()
        fm.title = title
        fm.layout = "report"
        fm.weight = StatsSite.weight(period)
        fm.params["period"] = .string(period.label)
        fm.params["generated"] = .bool(true)
        let options = MarkdownOptions(unsafe: config.markdownUnsafe, smart: config.markdownSmart)
        return Page(
            kind: .page, sourcePath: "", displayPath: displayRoot + "/data", sectionPath: StatsSite.reportSection, frontMatter: fm,
            title: title, description: "The figures of \(config.title) for \(period.text), generated from the community data.",
            body: body, bodyLineOffset: 0, url: url, markdownOptions: options, analysis: Markdown.analyse(body, options: options))
    }

    static func monthlyBody(_ period: StatsPeriod) -> String {
        """
        This report was generated from the community data for \(period.text). It has no commentary: \
        the figures are counted the same way every month, so months can be compared.

        ## Members

        ```figure
        members.total
        members.joined
        members.left
        members.churn
        members.active
        referrals.share
        ```

        ## Events

        ```figure
        events.count
        events.attended
        events.show_up_rate
        events.capacity_fill
        events.first_timer_share
        events.guest_conversion
        ```

        ```table
        events.list
        ```

        ## Retention

        The twelve cohorts up to the end of the month: of the members who joined in each month, \
        the share still members at the end of each month since.

        ```chart
        retention.membership
        ```

        ## Groups and moderation

        ```figure
        groups.open
        groups.dormant
        groups.bridging
        moderation.records
        ```

        """
    }

    static func quarterlyBody(_ period: StatsPeriod) -> String {
        """
        This report was generated from the community data for \(period.text). It has no commentary: \
        the figures are counted the same way every quarter, so quarters can be compared.

        ## Members

        ```figure
        members.total
        members.joined
        members.left
        members.net_growth
        members.churn
        members.active_share
        ```

        ```chart
        members.flow
        ```

        ## Events

        ```figure
        events.count
        events.attended
        events.show_up_rate
        events.capacity_fill
        events.first_timer_share
        events.rating
        events.guest_conversion
        ```

        ```chart
        events.attendance
        ```

        ## Retention and referrals

        ```figure
        retention.membership_3m
        retention.attendance_3m
        referrals.share
        referrals.longest_chain
        ```

        ## The path from joining to a role

        ```chart
        funnel.stages
        ```

        ## Hosting and groups

        ```figure
        concentration.absence_factor
        roles.top3_hosting
        groups.open
        groups.dormant
        groups.created
        moderation.records
        ```

        """
    }
}
