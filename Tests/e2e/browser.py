"""Headless Chromium through Selenium and the Debian chromedriver, bounded in time.

Each session runs chromedriver (and so Chromium) in its own process group, and a watchdog
kills that group if the session outlives its budget, so a hung browser cannot hang `make test`.
"""

from __future__ import annotations

import base64
import os
import shutil
import signal
import struct
import threading
import time
import zlib
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from selenium import webdriver
from selenium.webdriver.chrome.service import Service

SESSION_SECONDS = float(os.environ.get("E2E_SESSION_SECONDS", "1200"))
PAGE_LOAD_SECONDS = 20
SCRIPT_SECONDS = 30

# A4 with Chromium's default 0.4 in margins: the width a printed page lays out in, in CSS px.
PAPER_WIDTH_IN, PAPER_HEIGHT_IN, MARGIN_IN = 8.27, 11.69, 0.4
PRINTABLE_WIDTH_PX = int((PAPER_WIDTH_IN - 2 * MARGIN_IN) * 96)


def chromium_binary() -> str:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    raise RuntimeError("Chromium not found: run `make e2e-deps` (Debian package `chromium`)")


def chromedriver_binary() -> str:
    found = shutil.which("chromedriver") or ("/usr/bin/chromedriver" if os.path.exists("/usr/bin/chromedriver") else None)
    if not found:
        raise RuntimeError("chromedriver not found: run `make e2e-deps` (Debian package `chromium-driver`)")
    return found


class Browser:
    """One Chromium session with the CDP helpers the tests need."""

    def __init__(self, driver: webdriver.Chrome) -> None:
        self.driver = driver

    def cdp(self, method: str, params: dict | None = None) -> dict:
        return self.driver.execute_cdp_cmd(method, params or {})

    def viewport(self, width: int, height: int = 900) -> None:
        self.cdp("Emulation.setDeviceMetricsOverride", {
            "width": width, "height": height, "deviceScaleFactor": 1, "mobile": width < 600,
        })

    def media(self, media: str = "", dark: bool = False) -> None:
        self.cdp("Emulation.setEmulatedMedia", {
            "media": media,
            "features": [{"name": "prefers-color-scheme", "value": "dark" if dark else "light"}],
        })

    def load(self, url: str) -> None:
        self.driver.get(url)

    def js(self, script: str, *args):
        return self.driver.execute_script(script, *args)

    def console_errors(self) -> list[str]:
        """Console errors, uncaught exceptions and failed loads since the last call."""
        return [e["message"] for e in self.driver.get_log("browser") if e["level"] == "SEVERE"]

    def screenshot(self, path: Path, full_page: bool = True) -> None:
        params: dict = {"format": "png", "captureBeyondViewport": full_page}
        if full_page:
            size = self.js("return [document.documentElement.scrollWidth, document.documentElement.scrollHeight]")
            params["clip"] = {"x": 0, "y": 0, "width": size[0], "height": min(size[1], 12000), "scale": 1}
        data = self.cdp("Page.captureScreenshot", params)["data"]
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(base64.b64decode(data))

    def print_pdf(self) -> bytes:
        result = self.cdp("Page.printToPDF", {
            "paperWidth": PAPER_WIDTH_IN, "paperHeight": PAPER_HEIGHT_IN,
            "marginTop": MARGIN_IN, "marginBottom": MARGIN_IN,
            "marginLeft": MARGIN_IN, "marginRight": MARGIN_IN,
            "printBackground": False,
        })
        return base64.b64decode(result["data"])


@contextmanager
def session(javascript: bool = True, label: str = "browser") -> Iterator[Browser]:
    """A headless Chromium session killed after SESSION_SECONDS whatever happens."""
    options = webdriver.ChromeOptions()
    options.binary_location = chromium_binary()
    for arg in (
        "--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
        "--window-size=1280,900", "--hide-scrollbars", "--no-first-run", "--no-default-browser-check",
        "--disable-extensions", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--metrics-recording-only", "--lang=en-GB", "--font-render-hinting=none",
        "--allow-file-access-from-files",
    ):
        options.add_argument(arg)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    if not javascript:
        options.add_experimental_option("prefs", {"profile.managed_default_content_settings.javascript": 2})
    service = Service(executable_path=chromedriver_binary(), popen_kw={"start_new_session": True})
    started = time.monotonic()
    driver = webdriver.Chrome(service=service, options=options)
    group = os.getpgid(service.process.pid)
    expired = threading.Event()

    def kill() -> None:
        expired.set()
        try:
            os.killpg(group, signal.SIGKILL)
        except ProcessLookupError:
            pass

    watchdog = threading.Timer(SESSION_SECONDS, kill)
    watchdog.daemon = True
    watchdog.start()
    driver.set_page_load_timeout(PAGE_LOAD_SECONDS)
    driver.set_script_timeout(SCRIPT_SECONDS)
    try:
        yield Browser(driver)
    except Exception as error:
        if expired.is_set():
            raise TimeoutError(f"{label}: the browser session ran past {SESSION_SECONDS:.0f} s and was killed") from error
        raise
    finally:
        watchdog.cancel()
        try:
            driver.quit()
        except Exception:
            pass
        try:
            os.killpg(group, signal.SIGKILL)
        except ProcessLookupError:
            pass
        print(f"[e2e] {label} session: {time.monotonic() - started:.1f} s")


def read_png(data: bytes) -> tuple[int, int, int, bytes]:
    """(width, height, channels, rows without filter bytes) of an 8-bit non-interlaced PNG."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    pos, idat, header = 8, b"", None
    while pos < len(data):
        (length,) = struct.unpack(">I", data[pos:pos + 4])
        kind = data[pos + 4:pos + 8]
        body = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    assert header is not None
    width, height, depth, colour, _, _, interlace = header
    assert depth == 8 and interlace == 0, f"unsupported PNG (depth {depth}, interlace {interlace})"
    channels = {0: 1, 2: 3, 4: 2, 6: 4}[colour]
    raw = zlib.decompress(idat)
    stride = width * channels
    out = bytearray()
    previous = bytearray(stride)
    for y in range(height):
        start = y * (stride + 1)
        kind = raw[start]
        row = bytearray(raw[start + 1:start + 1 + stride])
        for i in range(stride):
            left = row[i - channels] if i >= channels else 0
            up = previous[i]
            corner = previous[i - channels] if i >= channels else 0
            if kind == 1:
                row[i] = (row[i] + left) & 0xFF
            elif kind == 2:
                row[i] = (row[i] + up) & 0xFF
            elif kind == 3:
                row[i] = (row[i] + ((left + up) >> 1)) & 0xFF
            elif kind == 4:
                p = left + up - corner
                pa, pb, pc = abs(p - left), abs(p - up), abs(p - corner)
                predictor = left if pa <= pb and pa <= pc else (up if pb <= pc else corner)
                row[i] = (row[i] + predictor) & 0xFF
        out += row
        previous = row
    return width, height, channels, bytes(out)


def ink_fraction(png: bytes) -> float:
    """Share of pixels that are not (near) white: 0 for a blank page."""
    width, height, channels, pixels = read_png(png)
    colour = min(channels, 3)
    inked = 0
    for p in range(0, len(pixels), channels):
        if min(pixels[p:p + colour]) < 200:
            inked += 1
    return inked / (width * height)
