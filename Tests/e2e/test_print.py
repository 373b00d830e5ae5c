"""Stage 5: printing. A long handbook page, and every page with a figure (inline SVG chart,
image, table), is printed to PDF through Chromium (Page.printToPDF, A4). The PDF must have
pages, pdftoppm must render them to PNG, no page may be blank, and in print emulation at the
printable width no chart, image, table or code block may stick out of the page or be cut.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import tempfile
from pathlib import Path
from urllib.parse import urljoin

import pytest

from browser import PRINTABLE_WIDTH_PX, ink_fraction
from pages import browser_pages
from sitefiles import SITE, page_url, parse

LONG_PAGE = "handbook/rules/index.html"


def pages_to_print() -> list[str]:
    figures = [p for p in browser_pages() if parse(SITE / p).has_figure]
    ordered = ([LONG_PAGE] if LONG_PAGE in browser_pages() else []) + [p for p in figures if p != LONG_PAGE]
    return ordered


FIGURES_JS = """
const limit = arguments[0];
const out = [];
for (const el of document.querySelectorAll('main svg, main img, main figure, main table, main pre, main canvas, main video')) {
  if (el.closest('svg') && el.closest('svg') !== el) continue;   // parts of a chart: the chart is checked
  const r = el.getBoundingClientRect();
  const s = getComputedStyle(el);
  if (s.display === 'none' || r.width === 0) continue;
  const name = el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') +
    (el.getAttribute('src') ? '[src=' + el.getAttribute('src') + ']' : '');
  const problems = [];
  if (r.left < -0.5 || r.right > limit + 0.5) problems.push('box ' + Math.round(r.left) + '..' + Math.round(r.right) + ' px outside 0..' + limit);
  if (el.scrollWidth > el.clientWidth + 1 && el.clientWidth > 0 && !(el instanceof SVGElement)) problems.push('content ' + el.scrollWidth + ' px wide in a ' + el.clientWidth + ' px box');
  if (el.tagName === 'IMG' && !(el.complete && el.naturalWidth > 0)) problems.push('image did not load');
  // A chart drawn beyond its own viewBox is cut by the SVG viewport, whatever the page does.
  if (el instanceof SVGSVGElement && el.viewBox.baseVal && el.viewBox.baseVal.width > 0) {
    const vb = el.viewBox.baseVal, bb = el.getBBox();
    if (bb.width > 0 && (bb.x < vb.x - 1 || bb.y < vb.y - 1 || bb.x + bb.width > vb.x + vb.width + 1 || bb.y + bb.height > vb.y + vb.height + 1))
      problems.push('drawing ' + [bb.x, bb.y, bb.x + bb.width, bb.y + bb.height].map(Math.round).join(',') +
                    ' exceeds its viewBox ' + [vb.x, vb.y, vb.x + vb.width, vb.y + vb.height].map(Math.round).join(','));
  }
  for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
    const ps = getComputedStyle(p);
    if (/(hidden|clip|scroll|auto)/.test(ps.overflowX)) {
      const pr = p.getBoundingClientRect();
      if (r.left < pr.left - 0.5 || r.right > pr.right + 0.5) problems.push('cut by ' + p.tagName.toLowerCase() + ' (overflow-x ' + ps.overflowX + ')');
    }
  }
  out.push({name: name, width: r.width, problems: problems});
}
return {figures: out, scrollWidth: document.documentElement.scrollWidth};
"""


@pytest.fixture(scope="module")
def pdftoppm() -> str:
    found = shutil.which("pdftoppm")
    if not found:
        pytest.fail("pdftoppm is missing: run `make e2e-deps` (Debian package poppler-utils)")
    return found


@pytest.mark.parametrize("page", pages_to_print())
def test_page_prints_without_clipping(chrome, server, artifacts, pdftoppm, page):
    url = urljoin(server, page_url(page))
    chrome.viewport(PRINTABLE_WIDTH_PX, 1000)
    chrome.media("print")
    try:
        chrome.load(url)
        chrome.js("return document.fonts.ready.then(() => true)")
        layout = chrome.js(FIGURES_JS, PRINTABLE_WIDTH_PX)
        assert layout["scrollWidth"] <= PRINTABLE_WIDTH_PX, (
            f"{page}: printed, the page is {layout['scrollWidth']} px wide; the A4 printable width is {PRINTABLE_WIDTH_PX} px")
        cut = [f"{f['name']}: {'; '.join(f['problems'])}" for f in layout["figures"] if f["problems"]]
        assert not cut, f"{page}: figures cut or too wide in print:\n" + "\n".join(cut)
        pdf = chrome.print_pdf()
    finally:
        chrome.media()
    assert pdf.startswith(b"%PDF-"), f"{page}: printToPDF did not return a PDF"
    name = re.sub(r"[^a-z0-9]+", "-", page_url(page).lower()).strip("-") or "home"
    out = artifacts / "print"
    out.mkdir(parents=True, exist_ok=True)
    (out / f"{name}.pdf").write_bytes(pdf)
    for old in out.glob(f"{name}-*.png"):
        old.unlink()
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run([pdftoppm, "-png", "-r", "50", str(out / f"{name}.pdf"), str(Path(tmp) / name)],
                       check=True, timeout=120)
        pngs = sorted(Path(tmp).glob("*.png"))
        assert pngs, f"{page}: pdftoppm rendered no page"
        blank = [p.name for p in pngs if ink_fraction(p.read_bytes()) < 0.002]
        for p in pngs:
            shutil.copy(p, out / p.name)
    assert not blank, f"{page}: blank printed pages {blank}"
    if page == LONG_PAGE:
        assert len(pngs) >= 2, f"{page}: a long page should print on several pages, got {len(pngs)}"
    print(f"{page}: {len(pngs)} printed pages, {len(layout['figures'])} figures checked")


def test_print_check_finds_clipped_figures(chrome, tmp_path):
    """The check above is not vacuous: a chart drawn past its viewBox, an image wider than
    the paper and a table that cannot shrink are all reported."""
    style = next(SITE.glob("assets/style.*.css")).as_uri()
    page = tmp_path / "clipped.html"
    page.write_text(f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Clipped</title>
<link rel="stylesheet" href="{style}"></head><body><main><div class="prose">
<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 50" width="300" height="150"><rect x="60" y="10" width="80" height="20"/></svg>
<img alt="" style="max-width: none !important; width: 1400px; height: 10px" src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">
<table style="white-space: nowrap; overflow-wrap: normal"><tr><td style="overflow-wrap: normal">{"x" * 300}</td></tr></table>
</div></main></body></html>""", encoding="utf-8")
    chrome.viewport(PRINTABLE_WIDTH_PX, 1000)
    chrome.media("print")
    try:
        chrome.load(page.as_uri())
        layout = chrome.js(FIGURES_JS, PRINTABLE_WIDTH_PX)
    finally:
        chrome.media()
    problems = {f["name"].split("[")[0]: f["problems"] for f in layout["figures"] if f["problems"]}
    assert any("exceeds its viewBox" in p for p in problems.get("svg", [])), layout
    assert any("outside" in p for p in problems.get("img", [])), layout
    assert any("outside" in p for p in problems.get("table", [])), layout
    assert layout["scrollWidth"] > PRINTABLE_WIDTH_PX
