"""Stage 2: every internal link, asset reference and #fragment of the built site resolves.

A crawler over the files: each href/src/action is resolved against its page's folder
(`index.html` for folders; root-absolute links against the deployed base path), the target
must be a file inside the site, and a fragment must be an id (or `<a name>`) in the target.
"""

from __future__ import annotations

import pytest

from sitefiles import SITE, base_path, html_pages, parse, resolve


@pytest.mark.parametrize("page", html_pages())
def test_every_internal_link_and_anchor_resolves(page: str):
    site_base = base_path()
    problems = []
    parsed = parse(SITE / page)
    for attribute, ref, line in parsed.refs:
        target, fragment = resolve(page, ref, site_base)
        if target is None:
            continue
        if attribute == "a[href]" and ref.startswith("#") and ref in ("#", "#top"):
            continue
        where = f"{page}:{line}: {attribute}={ref!r}"
        if SITE not in target.parents and target != SITE:
            problems.append(f"{where} leads outside the site")
            continue
        if not target.is_file():
            problems.append(f"{where} → {target.relative_to(SITE).as_posix()} does not exist")
            continue
        if fragment and target.suffix == ".html" and fragment not in parse(target).ids:
            problems.append(f"{where} → no id {fragment!r} in {target.relative_to(SITE).as_posix()}")
    assert not problems, "\n".join(problems)


def test_crawl_reaches_every_page_from_home():
    """Following links (and the search form) from the home page reaches every page but the 404 page."""
    site_base = base_path()
    seen = {"index.html"}
    queue = ["index.html"]
    while queue:
        page = queue.pop()
        for attribute, ref, _ in parse(SITE / page).refs:
            if not attribute.startswith(("a[", "form[")):
                continue
            target, _ = resolve(page, ref, site_base)
            if target is None or target.suffix != ".html" or not target.is_file():
                continue
            rel = target.relative_to(SITE).as_posix()
            if rel not in seen:
                seen.add(rel)
                queue.append(rel)
    unreachable = sorted(set(html_pages()) - seen - {"404.html"})
    assert not unreachable, f"pages no link leads to: {unreachable}"
