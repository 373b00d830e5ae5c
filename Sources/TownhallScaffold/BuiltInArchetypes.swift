/// The archetypes used when a site has none of its own.
enum BuiltInArchetypes {
    static func text(for name: String) -> String {
        switch name {
        case "event": return event
        default: return page
        }
    }

    static let page = """
        ---
        title: {{{titleYAML}}}
        description: ""
        date: {{{date}}}
        reviewed: {{{date}}}
        tags: []
        ---
        Write the page here. Link to other pages by their Markdown file, for example
        `[the rules](rules.md)`: the build checks every link and anchor.

        """

    static let event = """
        ---
        id: {{{id}}}
        title: {{{titleYAML}}}
        date: {{{date}}}
        kind: {{{kind}}}
        {{#group}}group: {{{groupYAML}}}
        {{/group}}location: "To be announced"
        capacity: 20
        hosts: [{{{hosts}}}]
        ---
        ## Plan

        What will happen, who it is for, and what to bring.

        ## Recap

        After the event: what happened, what we learnt, and what comes next.

        """
}
