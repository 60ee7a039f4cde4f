"""One set of injection tests for the one text grammar, through every path an editor's text takes.

Each hostile string goes through the real renderer and templates, then through Python-Markdown
with the extensions mkdocs.yml enables (what mkdocs does with the generated pages); the HTML
must hold no script address, no image, no embed and no attribute an editor chose. The checker
must also name each hostile string, so an editor is told before anything is built.
"""

from __future__ import annotations

import copy
import dataclasses
import functools
import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

import markdown
import pytest
import yaml
from support import FIXTURES, REPO, make_project

from sitebuild.generate import generate
from sitebuild.render import render_pages
from sitemodel.content import load
from sitemodel.errors import ContentErrors, ErrorCollector
from sitemodel.prose import LABEL, PROSE, TEXT, check, escape_markdown, render
from wizard.export import build_flow_data
from wizard.flows import all_flows
from wizard.nojs import flow_pages
from wizard.rules_text import Describer
from wizard.site import rules_page, wizard_page
from wizard.wording import load_wording

HOSTILE = [
    "[text][j]\n\n[j]: javascript:alert(1)",                     # reference-style link
    "[text][]\n\n[text]: javascript:alert(1)",
    "[x](javascript:alert(1))",
    "[x](JaVaScRiPt:alert(1))",
    "[x]( javascript:alert(1) )",
    "[x](data:text/html,hi)",
    "[x](https://ok.lu)[y](javascript:alert(1))",
    "<a href='javascript:alert(1)'>x</a>",
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "![](https://tracker.example/p.png)",                        # image, inline
    "![x][i]\n\n[i]: https://tracker.example/p.png",             # image, reference-style
    "[x](https://ok.lu){: onclick=alert(1) }",                   # attr_list after a link
    "text\n{: onclick=alert(1) style=color:red }",
    "`x`{: onclick=alert(1) }",
    "<iframe src=https://tracker.example></iframe>",
    "[x](https://ok.lu \"t\" onclick=alert(1))",
]
RUNTIME_SRC = re.compile(r"(\.\./)+assets/wizard/wizard-v1(\.min)?\.js")
BAD_SCHEMES = re.compile(r"^\s*(javascript|data|vbscript|file):", re.I)


@functools.cache
def mkdocs_extensions() -> tuple:
    """The Markdown extensions of mkdocs.yml, as mkdocs loads them."""
    loader = type("Loader", (yaml.SafeLoader,), {})
    loader.add_multi_constructor("!", lambda *_: None)
    config = yaml.load((REPO / "mkdocs.yml").read_text(encoding="utf-8"), Loader=loader)  # noqa: S506
    return tuple(next(iter(e)) if isinstance(e, dict) else e for e in config["markdown_extensions"])


def to_html(text: str) -> str:
    return markdown.markdown(str(text), extensions=list(mkdocs_extensions()))


class _Audit(HTMLParser):
    def __init__(self):
        super().__init__()
        self.problems: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag == "script" and dict(attrs).get("type") == "module" and len(attrs) == 2 \
                and RUNTIME_SRC.fullmatch(dict(attrs).get("src") or ""):
            return  # the wizard's own runtime, which the build (not an editor) writes
        if tag in ("img", "iframe", "script", "object", "embed", "svg", "video", "audio", "source", "link"):
            self.problems.append(f"<{tag}>")
        for name, value in attrs:
            if name.startswith("on") or name in ("style", "src", "srcset", "action", "formaction"):
                self.problems.append(f"{tag}[{name}]")
            # relative links: the site's paths, with the no-JavaScript wizard's answer ids (third_country)
            if name == "href" and (BAD_SCHEMES.match(value or "") or not re.match(
                    r"^(https?://|mailto:|#|[a-z0-9._/-]*(#[a-z0-9-]*)?$)", value or "")):
                self.problems.append(f"{tag}[href={value}]")


def unsafe(html: str) -> list[str]:
    audit = _Audit()
    audit.feed(html)
    return audit.problems


def test_the_audit_itself_finds_each_kind_of_injection():
    html = ('<a href="javascript:alert(1)">a</a><img src="x"><p onclick="x">p</p>'
            '<a href="https://ok.lu" style="x">b</a><iframe></iframe>')
    assert unsafe(html) == ["a[href=javascript:alert(1)]", "<img>", "img[src]", "p[onclick]", "a[style]",
                            "<iframe>"]
    assert unsafe(to_html("[x](javascript:alert(1))")), "raw Markdown is not safe: the renderer is what makes it so"


# --- the checker names every hostile string, whatever its kind ------------------------------------


@pytest.mark.parametrize("kind", [PROSE, TEXT, LABEL])
@pytest.mark.parametrize("text", HOSTILE)
def test_the_checker_refuses_every_hostile_string(text, kind):
    problems, _ = check(text, {}, "en", kind=kind)
    assert problems, (kind, text)


@pytest.mark.parametrize("kind", [TEXT, LABEL])
def test_plain_kinds_refuse_even_safe_links(kind):
    assert check("[ASTI](https://www.asti.lu)", {}, "en", kind=kind)[0]
    assert not check("[ASTI](https://www.asti.lu)", {}, "en", kind=PROSE)[0]


def test_labels_may_hold_digits_and_prose_may_not():
    assert not check("art. 6(8), p. 12", {}, "en", kind=LABEL)[0]
    assert check("art. 6(8), p. 12", {}, "en", kind=TEXT)[0]


# --- the renderer makes each of them harmless, even unchecked ---------------------------------------


@pytest.mark.parametrize("text", HOSTILE)
def test_page_prose_renders_no_script_image_or_attribute(text):
    assert unsafe(to_html(render(text, {}, "en"))) == []


@pytest.mark.parametrize("text", HOSTILE)
def test_plain_text_renders_as_the_very_words_written(text):
    html = to_html(escape_markdown(text))
    assert unsafe(html) == []
    assert "<a" not in html and "<em" not in html


def fact(fact_id: str, fact_type: str, value) -> object:
    import datetime as dt

    from sitemodel.facts import Fact
    return Fact(fact_id, fact_type, value, "law", "art. 1", dt.date(2026, 1, 1), None, None, "f.yml", 1)


@pytest.mark.parametrize("value", HOSTILE)
def test_a_text_fact_with_markup_is_shown_as_text(value):
    facts = {"x": fact("x", "text", value)}
    html = to_html(render("See [[x]].", facts, "en"))
    assert unsafe(html) == [] and "<a" not in html


def test_a_url_fact_with_a_link_appended_stays_one_link_to_its_own_address():
    facts = {"u": fact("u", "url", "https://www.asti.lu/)[x](javascript:alert(1))")}
    html = to_html(render("Write to [[u]].", facts, "en"))
    assert unsafe(html) == []
    assert html.count("<a ") == 1 and 'href="https://www.asti.lu/%29%5Bx%5D%28javascript:alert%281%29%29"' in html


# --- through the real templates: locators, source titles and addresses, interface words ------------


@pytest.fixture(scope="module")
def fixture_content(tmp_path_factory):
    project = make_project(tmp_path_factory.mktemp("grammar"), FIXTURES / "good" / "content")
    return load(project)


@pytest.mark.parametrize("text", HOSTILE)
def test_locators_titles_and_interface_words_render_harmless_in_pages(fixture_content, text):
    content = copy.deepcopy(fixture_content)
    for source in content.sources.values():
        source["title"] = text
        source["url"] = "https://ok.lu/)[x](javascript:alert(1))"
    content.facts = {k: dataclasses.replace(f, locator=text) for k, f in content.facts.items()}
    for page in content.pages.values():
        for citation in page.meta["sources"]:
            citation["locator"] = text
    for ui in content.ui.values():
        for key in ui["labels"]:
            ui["labels"][key] = text
    for page in render_pages(content):
        assert unsafe(to_html(page.markdown)) == [], (page.lang, page.path)


def test_a_source_address_with_another_scheme_stops_the_render(fixture_content):
    content = copy.deepcopy(fixture_content)
    next(iter(content.sources.values()))["url"] = "javascript:alert(1)"
    content.sources["brochure"]["url"] = "javascript:alert(1)"
    with pytest.raises(ValueError, match="not an allowed link"):
        render_pages(content)


@pytest.mark.parametrize(("where", "text"), [
    ("content/sources.yml", 'law:\n  kind: law\n  title: "Loi [x](javascript:alert(1))"\n  published: 2023-08-23\n'),
    ("content/sources.yml", 'law:\n  kind: law\n  title: "Loi"\n  published: 2023-08-23\n'
                            '  url: "https://ok.lu/)[x](javascript:alert(1))"\n'),
    ("content/pages/pact.yml", None),
    ("content/en/_ui.yml", None),
])
def test_a_hostile_locator_title_address_or_label_is_an_editor_error(tmp_path, where, text):
    project = make_project(tmp_path / "p", FIXTURES / "good" / "content")
    path = project / where
    original = path.read_text(encoding="utf-8")
    if text is None:
        text = original.replace('"art. 4"', '"art. 4 [x](https://ok.lu){: onclick=alert(1) }"') \
            .replace('"Sources"', '"Sources <img src=https://tracker.example/p.png>"')
    elif where.endswith("sources.yml"):
        text = original.split("law:\n")[0] + text + "brochure:" + original.split("brochure:")[1]
    assert text != original
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ContentErrors) as raised:
        generate(project)
    assert where in raised.value.report()


# --- the wizard's words, on its page and its rules page ---------------------------------------------


@pytest.fixture(scope="module")
def english_route():
    content = load(REPO)
    flows = all_flows()
    wording = load_wording(REPO, flows, content.facts, ErrorCollector(REPO))
    data = build_flow_data(flows["route"], "en", wording[("en", "route")], wording[("en", "common")],
                           content.facts, content.sources)
    return flows["route"], data, content.facts


@pytest.mark.parametrize("text", HOSTILE)
def test_wizard_wording_renders_harmless_on_its_pages(english_route, text):
    flow, data, facts = english_route
    data = copy.deepcopy(data)
    data["title"] = data["intro"] = text
    data["ui"] = {key: text for key in data["ui"]}
    for question in data["questions"]:
        question["text"] = question["label"] = text
        question["option_labels"] = {k: text for k in question.get("option_labels", {})}
    for outcome in data["outcomes"].values():
        outcome["title"] = outcome["body"] = text
        outcome["dated"] = True
        for part in (outcome["values"], outcome["notes"], outcome["sources"], outcome["changes"]):
            for item in part:
                item.update({k: text for k in ("label", "text", "title", "locator") if k in item})
    # the no-JavaScript pages (wizard/nojs.py): the first question inside the element, a few
    # question pages and a few result pages, each holding the hostile text in every field
    fallback, states = flow_pages(flow, data, "2026-01-01", Describer(data, facts, "en").expr)
    questions = [page for page in states.values() if "data-question=" in page][:3]
    results = [page for page in states.values() if "data-outcome=" in page][:3]
    assert questions and results and text.split("\n")[0][:6] in fallback.replace("&lt;", "<")
    for page in (wizard_page(data, fallback), rules_page(flow, data, facts, "en"), *questions, *results):
        html = to_html(re.sub(r"\A---\n.*?\n---\n", "", page, flags=re.S))  # mkdocs reads front matter apart
        assert unsafe(html) == [], html[:3000]


def test_a_hostile_wizard_text_is_an_editor_error(tmp_path):
    for part in ("content", "schema"):
        shutil.copytree(REPO / part, tmp_path / part)
    path = tmp_path / "content/en/wizard/route.yml"
    text = path.read_text(encoding="utf-8")
    path.write_text(re.sub(r"(?m)^intro: .*$", 'intro: "Read [this](javascript:alert(1)){: onclick=x }"', text),
                    encoding="utf-8")
    errors = ErrorCollector(tmp_path)
    from wizard.site import generate as build_wizard

    build_wizard(tmp_path, load(tmp_path).facts, errors)
    found = "\n".join(map(str, errors.errors))
    assert "content/en/wizard/route.yml" in found and "'intro': The text contains a link" in found
    assert "curly brace" in found


def test_the_generated_rules_pages_hold_no_unsafe_html():
    """The real pages, through the same Markdown as mkdocs: nothing an audit would refuse.

    (The integrators' page is developers' documentation with a live demo, not editors' text.)"""
    generated = generate(Path(REPO))
    pages = {path: data for path, data in generated.files.items()
             if path.endswith(".md") and not path.endswith("integrators.md")}
    assert len(pages) > 30
    for path, data in pages.items():
        assert unsafe(to_html(data.decode())) == [], path


@pytest.mark.parametrize("text", HOSTILE[::4])
def test_scenario_names_passages_and_locators_render_harmless_on_the_rules_page(english_route, text,
                                                                                 monkeypatch):
    from wizard import rules_text
    flow, data, facts = english_route
    real = rules_text.legal_scenarios.load

    def hostile(flow_id):
        return [{**case, "names": {lang: text for lang in case["names"]},
                 "source": {**case["source"], "locator": {"fr": text, "de": text, "en": text},
                            "passage": text}} for case in real(flow_id)]
    monkeypatch.setattr(rules_text.legal_scenarios, "load", hostile)
    page = rules_page(flow, data, facts, "en", {"law-2023": {"title": text}})
    assert unsafe(to_html(page)) == []
