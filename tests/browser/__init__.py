"""Browser tests: the built site in a real Chromium (a package so its conftest does not shadow tests/conftest.py)."""
