"""On a phone, the header's menu and search buttons work from the keyboard.

mkdocs-material draws them as labels of hidden checkboxes, which the
keyboard cannot reach; docs/assets/javascripts/keyboard-menus.js puts a real
button in each, and site.css keeps the closed drawer's links out of the Tab
order.
"""

from __future__ import annotations

import pytest

from .conftest import axe_violations

PHONE = {"width": 360, "height": 740}
IN_DRAWER = "el => !!el.closest('.md-sidebar--primary')"


def focused(page) -> dict:
    return page.evaluate("""() => { const el = document.activeElement;
        return {role: el.getAttribute('role'), label: el.getAttribute('aria-label'),
                expanded: el.getAttribute('aria-expanded'),
                inDrawer: !!el.closest('.md-sidebar--primary'), tag: el.tagName}; }""")


@pytest.mark.parametrize(("path", "menu_name"), [("/", "Navigation"), ("/de/", "Navigation"),
                                                 ("/en/", "Navigation")])
def test_the_menu_button_opens_the_drawer_from_the_keyboard(open_page, server, path, menu_name):
    with open_page(viewport=PHONE) as (_context, page, log):
        page.goto(server.url(path))
        for _ in range(6):  # the skip link, then the header's controls
            page.keyboard.press("Tab")
            if focused(page)["tag"] == "BUTTON":
                break
        menu = focused(page)
        assert menu == {"role": None, "label": menu_name, "expanded": "false", "inDrawer": False,
                        "tag": "BUTTON"}
        is_open = "document.getElementById('__drawer').checked"
        page.keyboard.press("Enter")
        assert page.evaluate(is_open) is True
        assert focused(page)["expanded"] == "true"
        page.keyboard.press(" ")  # Space closes it again, like any button
        assert page.evaluate(is_open) is False
        assert focused(page)["expanded"] == "false"
        page.keyboard.press(" ")
        assert page.evaluate(is_open) is True
        page.wait_for_timeout(300)  # the drawer slides in
        for _ in range(12):  # past the header's other controls
            page.keyboard.press("Tab")
            if focused(page)["inDrawer"]:
                break
        assert focused(page)["inDrawer"], "Tab did not move into the open menu"
        page.wait_for_timeout(500)  # the language menu, passed on the way, fades out: let it end
        assert axe_violations(page) == []
        assert log.page_errors == []


def test_the_closed_drawer_keeps_its_links_out_of_the_tab_order(open_page, server):
    with open_page(viewport=PHONE) as (_context, page, _log):
        page.goto(server.url("/en/biergerpakt/"))
        visited = []
        for _ in range(60):
            page.keyboard.press("Tab")
            visited.append(page.evaluate(f"({IN_DRAWER})(document.activeElement)"))
        assert not any(visited), "a link of the closed menu took the focus"


def test_the_search_button_opens_the_search_from_the_keyboard(open_page, server):
    with open_page(viewport=PHONE) as (_context, page, _log):
        page.goto(server.url("/en/"))
        button = page.locator('label.md-header__button[for="__search"] > button')
        assert button.get_attribute("aria-label") == "Search"
        assert page.locator('.md-search[role="dialog"]').get_attribute("aria-label") == "Search"
        button.focus()
        page.keyboard.press("Enter")
        assert page.evaluate("document.getElementById('__search').checked") is True


def test_a_tap_on_the_menu_icon_still_opens_the_drawer_once(open_page, server):
    with open_page(viewport=PHONE) as (_context, page, _log):
        page.goto(server.url("/de/"))
        page.locator('label.md-header__button[for="__drawer"]').click()
        assert page.evaluate("document.getElementById('__drawer').checked") is True
        assert page.locator('label.md-header__button[for="__drawer"] > button').get_attribute(
            "aria-expanded") == "true"
