"""The built site as files: where it is, its pages, and what each page links to.

Plain standard library, so the link crawler needs no browser.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

REPO = Path(__file__).resolve().parents[2]
SITE = Path(os.environ.get("E2E_SITE", REPO / "Site")).resolve()
CONTENT = Path(os.environ.get("E2E_CONTENT", REPO / "Content")).resolve()
ARTIFACTS = Path(os.environ.get("E2E_ARTIFACTS", REPO / "Tests" / "artifacts")).resolve()


def base_path() -> str:
    """The path of `base_url` in site.yaml (`/riverside/`): where the site is deployed."""
    config = CONTENT / "site.yaml"
    text = config.read_text(encoding="utf-8") if config.exists() else ""
    match = re.search(r"^base_url:\s*['\"]?([^'\"#\s]+)", text, re.M)
    path = urlsplit(match.group(1)).path if match else "/"
    return path if path.endswith("/") else path + "/"


def html_pages() -> list[str]:
    """Every HTML file of the site, relative to it, sorted (`handbook/rules/index.html`)."""
    return sorted(p.relative_to(SITE).as_posix() for p in SITE.rglob("*.html"))


def page_url(path: str) -> str:
    """The clean URL of a page file, relative to the site root (`handbook/rules/`)."""
    return path[: -len("index.html")] if path.endswith("index.html") else path


def pages_under(folder: str) -> list[str]:
    """Pages below a top-level folder, its own index first (`events/…`)."""
    return [p for p in html_pages() if p.startswith(folder + "/") and p != folder + "/index.html"]


@dataclass
class ParsedPage:
    ids: set[str] = field(default_factory=set)
    # (attribute, value, line) of every reference to another resource
    refs: list[tuple[str, str, int]] = field(default_factory=list)
    has_inline_svg: bool = False
    has_figure: bool = False


class _Collector(HTMLParser):
    REF_ATTRS = {
        ("a", "href"), ("area", "href"), ("link", "href"), ("img", "src"), ("script", "src"),
        ("source", "src"), ("video", "src"), ("audio", "src"), ("iframe", "src"),
        ("form", "action"), ("object", "data"), ("use", "href"), ("image", "href"),
    }

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.page = ParsedPage()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        line = self.getpos()[0]
        for name, value in attrs:
            if value is None:
                continue
            if name == "id" or (tag == "a" and name == "name"):
                self.page.ids.add(value)
            if (tag, name) in self.REF_ATTRS or (tag in ("use", "image") and name == "xlink:href"):
                if tag == "link" and dict(attrs).get("rel") in ("canonical", "alternate"):
                    continue
                self.page.refs.append((f"{tag}[{name}]", value, line))
            if name == "srcset":
                for candidate in value.split(","):
                    url = candidate.strip().split(" ")[0]
                    if url:
                        self.page.refs.append((f"{tag}[srcset]", url, line))
        if tag == "svg":
            self.page.has_inline_svg = True
        if tag in ("figure", "img", "table", "svg"):
            self.page.has_figure = True

    handle_startendtag = handle_starttag


_cache: dict[Path, ParsedPage] = {}


def parse(path: Path) -> ParsedPage:
    if path not in _cache:
        collector = _Collector()
        collector.feed(path.read_text(encoding="utf-8"))
        collector.close()
        _cache[path] = collector.page
    return _cache[path]


EXTERNAL = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:|^//")


def resolve(page: str, ref: str, site_base: str) -> tuple[Path | None, str | None]:
    """The file a reference on `page` (relative to the site) leads to, and its fragment.

    Relative references resolve against the page's folder; root-absolute ones (the 404 page)
    against the deployed base path. A folder means its index.html. External URLs give (None, None).
    """
    if EXTERNAL.match(ref):
        return None, None
    parts = urlsplit(ref)
    fragment = unquote(parts.fragment) if parts.fragment or ref.endswith("#") else None
    path = unquote(parts.path)
    if path.startswith("/"):
        if not path.startswith(site_base):
            return SITE / "__outside_the_base_path__" / path.lstrip("/"), fragment
        target_rel = path[len(site_base):]
        target = (SITE / target_rel) if target_rel else SITE
    elif path == "":
        target = SITE / page
    else:
        target = (SITE / page).parent / path
    target = Path(os.path.normpath(target))
    if path and (path.endswith("/") or target.is_dir()):
        target = target / "index.html"
    return target, fragment
