"""What the browser tests share: which pages are which, axe-core, page checks."""

from __future__ import annotations

import importlib.util
from pathlib import Path

from axe_selenium_python import Axe

from sitefiles import html_pages, pages_under

PHONE, DESKTOP = 375, 1280


def axe_script() -> str:
    """axe-core 4.x. axe-selenium-python drives it; its own bundled axe-core (3.1, 2018)
    predates current ARIA rules, so the pinned axe-playwright-python wheel (installed
    without its Playwright dependency) supplies the script file only."""
    spec = importlib.util.find_spec("axe_playwright_python")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("axe-playwright-python (the axe-core script) is missing: run `make e2e-deps`")
    path = Path(list(spec.submodule_search_locations)[0]) / "axe.min.js"
    if not path.exists():
        raise RuntimeError(f"{path} is missing")
    return str(path)


def run_axe(driver) -> list[dict]:
    """Serious and critical violations on the loaded page."""
    axe = Axe(driver, script_url=axe_script())
    axe.inject()
    results = axe.run(options='{"resultTypes": ["violations"]}')
    return [v for v in results["violations"] if v.get("impact") in ("serious", "critical")]


def describe_violations(violations: list[dict]) -> str:
    lines = []
    for v in violations:
        lines.append(f"{v['id']} ({v['impact']}): {v['help']}")
        for node in v["nodes"][:5]:
            lines.append(f"    {', '.join(map(str, node['target']))}: {node.get('failureSummary', '').splitlines()[-1:]}")
    return "\n".join(lines)


def browser_pages() -> list[str]:
    """Every HTML page but the 404 page, which is checked separately (it is served at any depth)."""
    return [p for p in html_pages() if p != "404.html"]


# Pages made from community data share one layout per folder and differ only in their
# data; hundreds of them add minutes to the stage and no coverage. Every page is still
# loaded at both widths; the slower checks (axe, print, no-JavaScript navigation) take all
# hand-written pages and the first and last pages of each data folder (past and upcoming).
DATA_FOLDERS = ("events/", "groups/")
PER_DATA_FOLDER = 6


def representative_pages() -> list[str]:
    pages = browser_pages()
    chosen = [p for p in pages if not p.startswith(DATA_FOLDERS)]
    for folder in DATA_FOLDERS:
        inside = [p for p in pages if p.startswith(folder)]
        chosen += inside[:PER_DATA_FOLDER] + inside[-PER_DATA_FOLDER:]
    return sorted(set(chosen))


def pick(kind: str) -> str | None:
    """A representative page of a kind, or None when the site has none yet."""
    if kind == "home":
        return "index.html"
    if kind == "handbook":
        preferred = "handbook/rules/index.html"
        return preferred if preferred in html_pages() else next(iter(pages_under("handbook")), None)
    if kind == "event":
        return next(iter(pages_under("events")), None)
    if kind == "statistics":
        for folder in ("stats", "statistics", "reports", "report"):
            found = pages_under(folder) or ([f"{folder}/index.html"] if f"{folder}/index.html" in html_pages() else [])
            if found:
                return found[0]
        return None
    raise ValueError(kind)


# Layout checks run in the page: everything that can overflow the viewport sideways.
OVERFLOW_JS = """
const doc = document.documentElement;
const wide = [];
if (doc.scrollWidth > doc.clientWidth) {
  for (const el of document.body.querySelectorAll('*')) {
    const r = el.getBoundingClientRect();
    if (r.right > doc.clientWidth + 1 && getComputedStyle(el).position !== 'fixed') {
      wide.push(el.tagName.toLowerCase() + (el.className && typeof el.className === 'string' ? '.' + el.className.split(' ').join('.') : '') + ' right=' + Math.round(r.right));
      if (wide.length > 8) break;
    }
  }
}
return {scrollWidth: doc.scrollWidth, clientWidth: doc.clientWidth, wide: wide};
"""

# Is each main navigation link shown and the topmost element at its centre (so a click lands on it)?
NAV_JS = """
const links = [...document.querySelectorAll('.site-nav a[href]')];
return links.map(a => {
  a.scrollIntoView({block: 'center'});
  const r = a.getBoundingClientRect();
  const s = getComputedStyle(a);
  const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
  return {href: a.getAttribute('href'), text: a.textContent.trim(), width: r.width, height: r.height,
          visible: s.visibility === 'visible' && s.display !== 'none' && parseFloat(s.opacity) > 0,
          onTop: !!hit && (hit === a || a.contains(hit)), current: a.getAttribute('aria-current') === 'page'};
});
"""
