"""The benchmark's static server: quiet about browsers that drop a connection, loud about real errors."""

from __future__ import annotations

from benchmarks.server import SiteServer


def _error_output(server: SiteServer, exc: BaseException, capsys) -> str:
    try:
        raise exc
    except BaseException:  # noqa: BLE001 - handle_error reads the exception being handled
        server.httpd.handle_error(None, ("127.0.0.1", 1))
    return capsys.readouterr().err


def test_a_dropped_connection_prints_nothing_but_a_real_error_prints_its_traceback(tmp_path, capsys):
    server = SiteServer(tmp_path)
    try:
        assert _error_output(server, ConnectionResetError(104, "Connection reset by peer"), capsys) == ""
        assert "ValueError: broken handler" in _error_output(server, ValueError("broken handler"), capsys)
    finally:
        server.httpd.server_close()
