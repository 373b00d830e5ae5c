"""Stage 3: every page in headless Chromium, served over HTTP under the site's sub-path.

At 375 px and 1280 px: no console errors, no sideways scrolling; axe-core finds no serious
or critical violation (light scheme on the desktop, dark on the phone); the print stylesheet
applies; without JavaScript the main navigation is there, visible and clickable.
Screenshots of representative pages go to Tests/artifacts/screenshots/.
"""

from __future__ import annotations

from urllib.parse import urljoin

import pytest
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By

from pages import DESKTOP, NAV_JS, OVERFLOW_JS, PHONE, browser_pages, describe_violations, pick, representative_pages, run_axe
from sitefiles import page_url


@pytest.mark.parametrize("page", browser_pages() + ["404.html"])
def test_loads_without_console_errors_and_fits_the_width(chrome, server, page):
    for width in (PHONE, DESKTOP):
        chrome.viewport(width)
        chrome.media()
        chrome.load(urljoin(server, page_url(page)))
        errors = chrome.console_errors()
        assert not errors, f"{page} at {width} px: console errors:\n" + "\n".join(errors)
        layout = chrome.js(OVERFLOW_JS)
        assert layout["scrollWidth"] <= layout["clientWidth"], (
            f"{page} scrolls sideways at {width} px: scrollWidth {layout['scrollWidth']} > "
            f"clientWidth {layout['clientWidth']}; too wide: {layout['wide']}")


@pytest.mark.parametrize("page", representative_pages() + ["404.html"])
def test_axe_finds_no_serious_or_critical_violations(chrome, server, page):
    for width, dark in ((DESKTOP, False), (PHONE, True)):
        chrome.viewport(width)
        chrome.media(dark=dark)
        chrome.load(urljoin(server, page_url(page)))
        violations = run_axe(chrome.driver)
        scheme = "dark" if dark else "light"
        assert not violations, f"{page} at {width} px, {scheme} scheme:\n{describe_violations(violations)}"
    chrome.media()


@pytest.mark.parametrize("page", representative_pages())
def test_print_stylesheet_applies(chrome, server, page):
    chrome.viewport(DESKTOP)
    chrome.load(urljoin(server, page_url(page)))
    chrome.media("print")
    try:
        hidden = chrome.js("""
          return ['.site-nav', '.skip-link', '.site-search', '.prev-next']
            .filter(s => document.querySelector(s))
            .map(s => [s, getComputedStyle(document.querySelector(s)).display]);
        """)
        shown = [s for s, display in hidden if display != "none"]
        assert hidden and not shown, f"{page}: in print, still displayed: {shown}"
        body = chrome.js("return getComputedStyle(document.body).display")
        assert body == "block", f"{page}: the print layout should be one column, body is display:{body}"
    finally:
        chrome.media()


@pytest.mark.parametrize("page", representative_pages())
def test_navigation_works_without_javascript(chrome_nojs, server, page):
    url = urljoin(server, page_url(page))
    for width in (PHONE, DESKTOP):
        chrome_nojs.viewport(width)
        chrome_nojs.load(url)
        links = chrome_nojs.js(NAV_JS)
        assert links, f"{page}: no navigation links"
        hidden = [l["text"] for l in links if not (l["visible"] and l["width"] > 0 and l["height"] > 0)]
        covered = [l["text"] for l in links if not l["onTop"]]
        assert not hidden, f"{page} at {width} px without JavaScript: hidden navigation links {hidden}"
        assert not covered, f"{page} at {width} px without JavaScript: navigation links covered by something {covered}"
    # Click a link with the mouse, as a reader would, and arrive where it points.
    chrome_nojs.viewport(PHONE)
    chrome_nojs.load(url)
    target = next(l for l in links if not l["current"])
    element = next(e for e in chrome_nojs.driver.find_elements(By.CSS_SELECTOR, ".site-nav a[href]")
                   if e.get_attribute("href") and e.get_dom_attribute("href") == target["href"])
    chrome_nojs.js("arguments[0].scrollIntoView({block: 'center'})", element)
    ActionChains(chrome_nojs.driver).move_to_element(element).click().perform()
    expected = urljoin(url, target["href"])
    assert chrome_nojs.driver.current_url == expected, f"{page}: clicking {target['text']!r} led to {chrome_nojs.driver.current_url}, not {expected}"
    assert not chrome_nojs.console_errors()


@pytest.mark.parametrize("kind", ["home", "handbook", "event", "statistics"])
def test_screenshots(chrome, server, artifacts, kind):
    page = pick(kind)
    if page is None:
        note = artifacts / "screenshots" / f"{kind}-MISSING.txt"
        note.parent.mkdir(parents=True, exist_ok=True)
        note.write_text(f"The site has no {kind} page yet, so there is no {kind} screenshot.\n")
        pytest.skip(f"the sample site has no {kind} page yet")
    for width in (PHONE, DESKTOP):
        for dark in (False, True):
            chrome.viewport(width)
            chrome.media(dark=dark)
            chrome.load(urljoin(server, page_url(page)))
            name = f"{kind}-{width}{'-dark' if dark else ''}.png"
            chrome.screenshot(artifacts / "screenshots" / name)
            assert (artifacts / "screenshots" / name).stat().st_size > 1000
    chrome.media()
