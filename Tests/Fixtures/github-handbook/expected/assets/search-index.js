// Search index written by Townhall: one entry per page (t title, u URL from the site root,
// s section, h headings, x excerpt, k keywords).
window.townhallSearchIndex = {"version": 1, "pages": [
{"t": "Our handbook", "u": "", "s": "", "h": [], "x": "Start with the guide and the code of conduct.", "k": ""},
{"t": "Guide", "u": "guide/", "s": "", "h": [], "x": "The guide. See conduct and the poster.", "k": ""},
{"t": "Code of conduct", "u": "guide/conduct/", "s": "Guide", "h": ["Reporting"], "x": "Be kind.", "k": "back guide steward tell"}
]};
