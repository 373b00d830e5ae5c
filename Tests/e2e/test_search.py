"""Stage 4: search, as a reader uses it, over HTTP under the sub-path and from file://.

Type a query in the header's search box, move through the result listbox with the arrow
keys, close it with Escape, follow a result with Enter; submit the form to the search page
and follow a result there; without JavaScript the form leads to a page listing every page.
"""

from __future__ import annotations

import json
import re
from urllib.parse import urljoin

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

from conftest import file_url
from pages import DESKTOP, PHONE, describe_violations, run_axe
from sitefiles import SITE, html_pages, page_url

WAIT_SECONDS = 10


def search_index() -> dict:
    files = sorted(SITE.glob("assets/search-index.js"))
    assert len(files) == 1, f"expected one assets/search-index.js, found {[f.name for f in files]}"
    text = files[0].read_text(encoding="utf-8")
    match = re.search(r"window\.townhallSearchIndex = (\{.*\});\s*$", text, re.S)
    assert match, "the search index does not assign window.townhallSearchIndex"
    return json.loads(match.group(1))


def test_search_index_is_compact_and_every_entry_leads_to_a_page():
    index = search_index()
    pages = index["pages"]
    assert pages, "the search index is empty"
    for entry in pages:
        assert set(entry) == {"t", "u", "s", "h", "x", "k"}, entry.keys()
        assert (SITE / entry["u"] / "index.html").is_file(), f"index entry {entry['u']!r} has no page"
        assert len(entry["x"]) <= 161
    assert len({e["u"] for e in pages}) == len(pages), "duplicate URLs in the search index"
    content_pages = [p for p in html_pages() if not p.startswith(("tags/", "search/")) and p != "404.html"]
    assert len(pages) == len(content_pages)
    size = sum(p.stat().st_size for p in SITE.glob("assets/search-index.js"))
    assert size < 2048 * len(pages), f"the search index is {size} bytes for {len(pages)} pages; keep it compact"


def url_of(mode: str, server: str, page: str) -> str:
    return urljoin(server, page_url(page)) if mode == "http" else file_url(page)


def expected_url(mode: str, server: str, site_path: str) -> str:
    """What the browser shows after following a link to a page (`handbook/rules/`)."""
    if mode == "http":
        return urljoin(server, site_path)
    return file_url(site_path + "index.html")


def wait(browser, condition, message):
    return WebDriverWait(browser.driver, WAIT_SECONDS).until(lambda d: condition(), message)


def open_listbox(browser, query: str):
    box = browser.driver.find_element(By.ID, "site-search-q")
    box.click()
    box.clear()
    box.send_keys(query)
    wait(browser, lambda: box.get_attribute("aria-expanded") == "true", f"no results listbox for {query!r}")
    listbox = browser.driver.find_element(By.ID, box.get_attribute("aria-controls"))
    return box, listbox


@pytest.mark.parametrize("mode", ["http", "file"])
@pytest.mark.parametrize("start", ["index.html", "handbook/rules/index.html"])
def test_header_search_with_the_keyboard(chrome, server, artifacts, mode, start):
    chrome.viewport(DESKTOP)
    chrome.load(url_of(mode, server, start))
    box, listbox = open_listbox(chrome, "sanction")

    # The combobox pattern: names, roles, states.
    assert box.get_attribute("role") == "combobox"
    assert box.get_attribute("aria-autocomplete") == "list"
    assert chrome.js("return arguments[0].labels.length && arguments[0].labels[0].textContent.trim()", box)
    assert listbox.get_attribute("role") == "listbox" and listbox.get_attribute("aria-label")
    assert listbox.is_displayed()
    options = listbox.find_elements(By.CSS_SELECTOR, "[role=option]")
    assert options, "no options"
    status = chrome.js("return document.querySelector('.site-search [role=status]').textContent")
    assert re.search(r"\d+ pages? match", status), f"live region says {status!r}"
    titles = [o.find_element(By.CSS_SELECTOR, ".search-option-title").text for o in options]
    assert "Sanctions" in titles, f"searching 'sanction' offered {titles}"
    if mode == "http":
        violations = run_axe(chrome.driver)
        assert not violations, f"with the result list open:\n{describe_violations(violations)}"
        chrome.screenshot(artifacts / "screenshots" / f"search-{page_url(start).strip('/').replace('/', '-') or 'home'}-{DESKTOP}.png", full_page=False)

    # Arrow keys move the active option; Escape closes; Enter follows.
    box.send_keys(Keys.ARROW_DOWN)
    assert box.get_attribute("aria-activedescendant") == options[0].get_attribute("id")
    assert options[0].get_attribute("aria-selected") == "true"
    if len(options) > 1:
        box.send_keys(Keys.ARROW_DOWN)
        assert box.get_attribute("aria-activedescendant") == options[1].get_attribute("id")
        box.send_keys(Keys.ARROW_UP)
    assert box.get_attribute("aria-activedescendant") == options[0].get_attribute("id")
    box.send_keys(Keys.ESCAPE)
    assert box.get_attribute("aria-expanded") == "false" and not listbox.is_displayed()
    assert not box.get_attribute("aria-activedescendant")
    box.send_keys(Keys.ARROW_DOWN)
    assert box.get_attribute("aria-expanded") == "true"
    chosen = titles[0]
    index = {e["t"]: e["u"] for e in search_index()["pages"]}
    target = expected_url(mode, server, index[chosen])
    box.send_keys(Keys.ENTER)
    wait(chrome, lambda: chrome.driver.current_url == target and chrome.js("return document.readyState") == "complete",
         f"Enter did not open {chosen!r} ({target})")
    assert chrome.js("return document.querySelector('h1').textContent") == chosen
    assert not chrome.console_errors()


@pytest.mark.parametrize("mode", ["http", "file"])
def test_search_page_lists_matches_and_a_result_can_be_followed(chrome, server, mode):
    chrome.viewport(PHONE)
    chrome.load(url_of(mode, server, "handbook/rules/index.html"))
    box = chrome.driver.find_element(By.ID, "site-search-q")
    box.click()
    box.send_keys("warning")
    wait(chrome, lambda: box.get_attribute("aria-expanded") == "true", "no results listbox")
    box.send_keys(Keys.ENTER)  # no option chosen: the form goes to the search page
    search_url = expected_url(mode, server, "search/")
    wait(chrome, lambda: chrome.driver.current_url.startswith(search_url + "?q=warning"), "the form did not open the search page")
    wait(chrome, lambda: chrome.js("return document.querySelectorAll('#search-results a').length") > 0, "no results on the search page")
    summary = chrome.driver.find_element(By.ID, "search-summary").text
    assert re.search(r"\d+ pages? match “warning”", summary), summary
    assert chrome.driver.find_element(By.ID, "search-page-q").get_attribute("value") == "warning"
    link = chrome.driver.find_element(By.CSS_SELECTOR, "#search-results a")
    title = link.text
    index = {e["t"]: e["u"] for e in search_index()["pages"]}
    target = expected_url(mode, server, index[title])
    link.click()
    wait(chrome, lambda: chrome.driver.current_url == target and chrome.js("return document.readyState") == "complete",
         f"clicking {title!r} did not open {target}")
    assert chrome.js("return document.querySelector('h1').textContent") == title
    assert not chrome.console_errors()


def test_search_without_javascript_leads_to_a_list_of_every_page(chrome_nojs, server):
    chrome_nojs.viewport(PHONE)
    chrome_nojs.load(urljoin(server, "handbook/rules/"))
    box = chrome_nojs.driver.find_element(By.ID, "site-search-q")
    assert box.get_attribute("role") is None, "without JavaScript the search box should stay a plain input"
    box.send_keys("rules")
    box.send_keys(Keys.ENTER)
    wait(chrome_nojs, lambda: "search/?q=rules" in chrome_nojs.driver.current_url, "the form did not submit")
    links = chrome_nojs.driver.find_elements(By.CSS_SELECTOR, "#site-index a")
    assert len(links) >= len(search_index()["pages"]), "the search page should list every page without JavaScript"
    assert all(l.is_displayed() for l in links)
