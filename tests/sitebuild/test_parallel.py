"""The languages built in parallel make the very site the sequential build makes, byte for byte."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort
from support import FIXTURES, make_project

import sitebuild.parallel
import sitebuild.publish


def files(site: Path) -> dict[str, str]:
    return {path.relative_to(site).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
            for path in sorted(site.rglob("*")) if path.is_file()}


def test_the_parallel_build_is_the_sequential_build(good_site, tmp_path, monkeypatch):
    project = good_site.parent

    def sequential(config_file, docs_dir, site_dir):  # what publish() did before
        build(load_config(str(config_file), docs_dir=str(docs_dir), site_dir=str(site_dir), strict=True))

    monkeypatch.setattr(sitebuild.publish, "build_in_parallel", sequential)
    before = sitebuild.publish.publish(project, tmp_path / "sequential")
    parallel, sequential_files = files(good_site), files(before)
    assert parallel.keys() == sequential_files.keys()
    assert [path for path in parallel if parallel[path] != sequential_files[path]] == []
    # each language in its folder: the German pages, index and sitemap under de/
    assert {"de/pact/index.html", "de/search/search_index.json", "de/sitemap.xml", "404.html"} <= parallel.keys()


def test_a_language_that_fails_fails_the_build_and_names_itself(tmp_path, monkeypatch):
    project = make_project(tmp_path / "project", FIXTURES / "good" / "content")
    real_build = sitebuild.parallel.build

    def build_failing_in_english(config, **options):  # the language processes are forked: they see this
        if config.plugins["i18n"].current_language == "en":
            raise Abort("a warning in strict mode")
        return real_build(config, **options)

    monkeypatch.setattr(sitebuild.parallel, "build", build_failing_in_english)
    with pytest.raises(Abort, match="^en: Abort: a warning in strict mode$"):
        sitebuild.publish.publish(project)
    assert not (project / "site").exists()
    assert not any(path.name.startswith(".") and "languages" in path.name for path in project.rglob("*"))
