"""Screenshots for people: the home page and the wizard, on a phone and on a desktop, in each language.

Written to tests/artifacts/screenshots/<lang>-<page>-<viewport>.png (the
folder is git-ignored; CI can keep it as an artifact). The test checks that
each file is a real PNG of the expected width, not what it looks like: a
person does that.
"""

from __future__ import annotations

import struct

import pytest

from sitemodel import LANGUAGES

from .conftest import ARTIFACTS, wizard_pages, wizard_ready

SCREENSHOTS = ARTIFACTS / "screenshots"
VIEWPORTS = {"phone": {"width": 360, "height": 740}, "desktop": {"width": 1280, "height": 900}}
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def png_size(data: bytes) -> tuple[int, int]:
    """(width, height) from the PNG header."""
    assert data[:8] == PNG_SIGNATURE and data[12:16] == b"IHDR", "not a PNG file"
    return struct.unpack(">II", data[16:24])


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_screenshots_of_the_home_page_and_the_wizard(viewport, server, open_page):
    size = VIEWPORTS[viewport]
    pages = {lang: {"home": "/" if lang == "fr" else f"/{lang}/",
                    "wizard": next(path for flow, page_lang, path in wizard_pages(server.site)
                                   if (flow, page_lang) == ("route", lang))}
             for lang in LANGUAGES}
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    written = []
    phone = viewport == "phone"
    with open_page(viewport=size, is_mobile=phone, has_touch=phone) as (_, page, log):
        for lang, paths in pages.items():
            for name, path in paths.items():
                target = SCREENSHOTS / f"{lang}-{name}-{viewport}.png"
                target.unlink(missing_ok=True)  # a stale file must not pass for a new one
                page.goto(server.url(path))
                if name == "wizard":
                    wizard_ready(page)
                page.screenshot(path=str(target), full_page=True, animations="disabled")
                written.append(target)
    for target in written:
        data = target.read_bytes()
        width, height = png_size(data)
        assert width == size["width"] and height >= size["height"], f"{target.name}: {width}x{height}"
        assert len(data) > 10_000, f"{target.name} is only {len(data)} bytes: is the page blank?"
    assert not log.page_errors, log.page_errors
