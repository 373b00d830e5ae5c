import TownhallContent
import TownhallDiagnostics

/// The pages of `townhall new site`: small, but a complete, linked handbook to grow from.
enum StarterSite {
    static func files(title: String, today: CalendarDate) -> [(String, String)] {
        let quoted = JSONText.quote(title)
        let eventDate = CalendarDate(dayNumber: today.dayNumber + 14)
        let eventID = "\(eventDate)-first-meetup"
        return [
            ("Content/site.yaml", """
                # Site settings: see the Townhall README, "site.yaml reference".
                title: \(quoted)
                description: \(JSONText.quote("The handbook of \(title)."))
                base_url: https://example.org/
                language: en
                time_zone: UTC
                nav: [handbook, events]
                review_interval_days: 180
                # Member data is private: publish hosts' names, nothing else.
                privacy:
                  publish_member_fields: [name]

                """),
            ("Content/_index.md", """
                ---
                title: \(quoted)
                description: Who we are, how we work together, and what is coming up.
                ---
                Welcome! Start with [our purpose](handbook/purpose.md), read
                [the rules](handbook/rules.md), and come to [an event](events/_index.md).

                """),
            ("Content/handbook/_index.md", """
                ---
                title: Handbook
                description: Purpose, rules and roles.
                weight: 1
                ---
                The handbook says why we exist and how we treat each other.

                """),
            ("Content/handbook/purpose.md", """
                ---
                title: Purpose
                description: Why this community exists.
                weight: 1
                reviewed: \(today)
                tags: [values]
                ---
                ## Our purpose {#statement}

                Write one sentence that says who gathers here and to do what. Everything
                else — [the rules](rules.md), the events, the roles — follows from it.

                """),
            ("Content/handbook/rules.md", """
                ---
                title: Rules
                description: The few rules everyone agrees to.
                weight: 2
                reviewed: \(today)
                numbered: true
                tags: [rules]
                ---
                Hosts cite these rules by number, for example [§](#be-kind).

                ## Conduct {#conduct}

                ### Be kind {#be-kind}

                Disagree with ideas, never with people.

                ### No unsolicited ads {#no-ads}

                Ask before you promote anything.

                ## Sanctions {#sanctions}

                ### Warnings {#warnings}

                A first breach of [§](#conduct) gets a warning; a third means removal.

                """),
            ("Content/events/_index.md", """
                ---
                title: Events
                description: Meet-ups, talks and workshops.
                weight: 2
                ---
                Every event has a page: the plan before it, the recap after it.

                """),
            ("Content/events/\(eventID).md", """
                ---
                id: \(eventID)
                title: First meet-up
                date: \(eventDate)
                kind: meetup
                location: "To be announced"
                capacity: 20
                hosts: [m001]
                ---
                ## Plan

                Introductions, then each person says what they hope the community becomes.
                Remember [§](../handbook/rules.md#be-kind).

                """),
            ("Content/data/members.csv", """
                id,name,joined,left,role,tier,groups,referred_by,city,email,phone
                m001,Ada Founder,\(today),,founder,steward,everyone,,,ada@example.org,
                m002,Ben Organiser,\(today),,manager,steward,everyone,m001,,ben@example.org,

                """),
            ("Content/data/groups.yaml", """
                # Groups: sub-groups name their parent. See the README's "Community data".
                - id: everyone
                  name: \(quoted)
                  created: \(today)
                  kind: interest
                  carrier: "chat group"
                  purpose: "Everyone in the community."

                """),
            ("Content/data/attendance.csv", """
                event,member,registered,attended,rating,guest

                """),
            ("Content/_archetypes/page.md", BuiltInArchetypes.page),
            ("Content/_archetypes/event.md", BuiltInArchetypes.event),
            ("README.md", """
                # \(title)

                Built with Townhall:

                    townhall build     # writes Site/
                    townhall serve     # preview with live reload
                    townhall new page handbook/roles
                    townhall new event "Repair café" --date 2026-12-05

                """),
        ]
    }
}
