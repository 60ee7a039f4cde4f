"""generate(): every page with its title and menu place, and a cache that follows the inputs."""

from __future__ import annotations

from support import FIXTURES, make_project

from sitebuild.generate import generate, write


def test_the_result_is_reused_while_no_input_changes_and_rebuilt_when_one_does(tmp_path):
    project = make_project(tmp_path / "project", FIXTURES / "good" / "content")
    first = generate(project)
    assert generate(project) is first
    prose = project / "content" / "en" / "pact.yml"
    prose.write_text(prose.read_text(encoding="utf-8").replace("Who can join?", "Who may join?"), encoding="utf-8")
    second = generate(project)
    assert second is not first
    assert "Who may join?" in second.files["en/pact.md"].decode()
    assert "Who can join?" in first.files["en/pact.md"].decode()
    assert generate(project) is second
    unchanged = project / "content" / "facts" / "example.yml"
    unchanged.touch()  # the same bytes: the same result
    assert generate(project) is second


def test_write_changes_only_what_differs_and_removes_stale_pages(tmp_path):
    project = make_project(tmp_path / "project", FIXTURES / "good" / "content")
    docs = tmp_path / "docs"
    generated = generate(project)
    assert write(generated, docs) == len(generated.files)
    assert write(generated, docs) == 0
    (docs / "en" / "stale.md").write_text("old", encoding="utf-8")
    assert write(generated, docs) == 1 and not (docs / "en" / "stale.md").exists()


def test_the_menu_lists_pages_by_section_and_order_with_their_titles(tmp_path):
    project = make_project(tmp_path / "project", FIXTURES / "good" / "content")
    nav = generate(project).nav
    # each section is led by its overview page (sitebuild/menus.py), which lists the same pages
    assert nav["en"] == ["index.md", {"Citizens' pact and programme": [
        "sections/integration/index.md", {"The pact": "pact.md"}]}]


def test_a_large_site_rendered_one_language_per_process_gives_the_same_pages_in_the_same_order(
        tmp_path, monkeypatch):
    import sitebuild.generate
    import sitebuild.render

    project = make_project(tmp_path / "project", FIXTURES / "good" / "content")
    sequential = generate(project)
    pool_started = []
    real_context = sitebuild.render.multiprocessing.get_context

    def counting_context(method):
        pool_started.append(method)
        return real_context(method)

    monkeypatch.setattr(sitebuild.render, "PARALLEL_FROM", 1)  # the fixture's pages count as a large site
    monkeypatch.setattr(sitebuild.render.multiprocessing, "get_context", counting_context)
    monkeypatch.setattr(sitebuild.generate, "_last", {})
    parallel = generate(project)
    assert pool_started == ["fork"]
    assert parallel is not sequential
    assert list(parallel.files) == list(sequential.files)
    assert parallel.files == sequential.files and parallel.nav == sequential.nav


def test_the_forked_builds_do_not_compare_the_pages_written_just_before_they_started(tmp_path, monkeypatch):
    import sitebuild.generate

    project = make_project(tmp_path / "project", FIXTURES / "good" / "content")
    docs = tmp_path / "docs"
    generated = generate(project)
    write(generated, docs)
    (docs / "en" / "pact.md").write_text("edited by hand", encoding="utf-8")
    monkeypatch.setitem(sitebuild.generate.UP_TO_DATE, docs.resolve(), generated)
    assert write(generated, docs) == 0  # as sitebuild/parallel.py marks it: trusted, not read
    monkeypatch.delitem(sitebuild.generate.UP_TO_DATE, docs.resolve())
    assert write(generated, docs) == 1  # otherwise every file is compared
