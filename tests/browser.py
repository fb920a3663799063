"""What the Chromium tests share: where the browser is, the marks, the served site, screenshots."""

import os
import shutil
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import pytest
from playwright.async_api import Browser, Page, async_playwright, expect

from served import Served
from server.config import Settings

CHROMIUM = os.environ.get("PEERGRAPH_CHROMIUM") or shutil.which("chromium")
ARTIFACTS = Path(__file__).resolve().parent / "artifacts"
SECRET = "browser-tests-" + "s" * 30

# The first pages plan their Cypher on a cold Neo4j: seconds, on a busy 2-core machine.
expect.set_options(timeout=30_000)

MARKS = [
    pytest.mark.slow,  # a browser
    pytest.mark.skipif(
        CHROMIUM is None,
        reason="no Chromium here: install Debian's chromium package (apt-get install chromium) "
        "or set PEERGRAPH_CHROMIUM to a Chromium binary",
    ),
]


def site_settings(neo4j_uri: str) -> Settings:
    # Cold plans on a busy 2-core machine (other suites running) can pass the 10 s default.
    return Settings(neo4j_uri=neo4j_uri, auth_jwt_secret=SECRET, neo4j_query_timeout_seconds=60)


def serve(settings: Settings) -> Iterator[str]:
    with Served(settings) as served:
        yield served.url


async def launch() -> AsyncIterator[Browser]:
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(executable_path=CHROMIUM)
        yield browser
        await browser.close()


async def screenshot(page: Page, name: str, *, full_page: bool = False) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    await page.screenshot(path=ARTIFACTS / f"{name}.png", full_page=full_page)
