"""The deployment files in docs/deploy are the ones `make test-scaleout` runs; these check the rules
they carry that a scale-out run would only show by luck."""

import re
import runpy
from pathlib import Path
from types import SimpleNamespace

import pytest

DEPLOY = Path(__file__).resolve().parents[2] / "docs" / "deploy"


def test_gunicorn_workers_are_single_threaded():
    """psycopg-binary crashed (segfault) with several threads per process: one thread per worker,
    and a start with --threads N (which turns "sync" into "gthread") is refused."""
    conf = runpy.run_path(str(DEPLOY / "gunicorn.conf.py"))
    assert conf["threads"] == 1 and conf["worker_class"] == "sync"
    with pytest.raises(SystemExit, match="single-threaded"):
        conf["on_starting"](SimpleNamespace(cfg=SimpleNamespace(threads=4, workers=2)))


def test_nginx_retries_only_the_idempotent_support_posts():
    """Support buttons send the wanted state, so nginx may send them again to the other host;
    every other POST keeps nginx's default (never retried once it reached a host)."""
    proxy = (DEPLOY / "nginx" / "participatie-proxy.conf").read_text()
    blocks = dict(re.findall(r"^location ([^{]+?) \{(.*?)^\}", proxy, re.S | re.M))
    support = blocks["~ ^/ideas/[0-9]+/support/(steun|meedoen)$"]
    assert re.search(r"proxy_next_upstream [^;]*\bnon_idempotent\b", support)
    directives = re.findall(r"^\s*proxy_next_upstream .*;", proxy, re.M)
    assert directives == ["    proxy_next_upstream error timeout http_502 http_503;",
                          "    proxy_next_upstream error timeout http_502 http_503 non_idempotent;"]
    assert blocks["/"].strip().endswith("proxy_next_upstream error timeout http_502 http_503;")
