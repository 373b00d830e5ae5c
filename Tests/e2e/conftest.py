"""Fixtures of the end-to-end stage: the built site, a loopback HTTP server, browsers."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest

import browser as browser_module
from sitefiles import ARTIFACTS, SITE, base_path


def pytest_sessionstart(session) -> None:
    if not (SITE / "index.html").exists():
        raise pytest.UsageError(f"no built site at {SITE}: run `make site` first")
    ARTIFACTS.mkdir(parents=True, exist_ok=True)


@pytest.fixture(scope="session")
def server():
    """`python3 -m http.server` on an ephemeral loopback port. It serves a temporary parent
    folder that holds the site under its deployed sub-path (`/riverside/` for the sample), so
    relative links are tested under a base path and the 404 page's root-absolute links work.
    Yields the site's URL (`http://127.0.0.1:PORT/riverside/`)."""
    base = base_path()
    parent = Path(tempfile.mkdtemp(prefix="townhall-e2e-"))
    mount = parent / base.strip("/") if base.strip("/") else parent / "site"
    mount.parent.mkdir(parents=True, exist_ok=True)
    mount.symlink_to(SITE, target_is_directory=True)
    if not base.strip("/"):
        base = "/site/"
    process = subprocess.Popen(
        [sys.executable, "-u", "-m", "http.server", "0", "--bind", "127.0.0.1", "--directory", str(parent)],
        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, start_new_session=True,
    )
    try:
        deadline = time.monotonic() + 20
        port = None
        while port is None and time.monotonic() < deadline:
            line = process.stdout.readline()
            match = re.search(r"port (\d+)", line or "")
            if match:
                port = int(match.group(1))
            elif process.poll() is not None:
                break
        if port is None:
            raise RuntimeError("http.server did not start")
        yield f"http://127.0.0.1:{port}{base}"
    finally:
        process.terminate()
        try:
            process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            process.kill()
        mount.unlink()
        for folder in sorted((p for p in parent.rglob("*") if p.is_dir()), reverse=True):
            folder.rmdir()
        parent.rmdir()


@pytest.fixture(scope="module")
def chrome():
    with browser_module.session(javascript=True, label="chromium") as b:
        yield b


@pytest.fixture(scope="module")
def chrome_nojs():
    with browser_module.session(javascript=False, label="chromium without JavaScript") as b:
        yield b


def file_url(path: str) -> str:
    return (SITE / path).as_uri()


@pytest.fixture(scope="session")
def artifacts() -> Path:
    return ARTIFACTS


def pytest_report_header(config):
    return [f"site: {SITE}", f"artifacts: {ARTIFACTS}", f"chromium: {browser_module.chromium_binary()}"]


os.environ.setdefault("SE_AVOID_STATS", "true")
