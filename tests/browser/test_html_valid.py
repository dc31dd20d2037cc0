"""Every page of the route sweep passes the W3C Nu HTML checker, apart from htmx's hx-* attributes
(issue 12, item 16). Runs with the browser suite (`make test-browser`), which installs the checker
(npm's vnu-jar) next to axe-core; it needs a Java runtime (Debian: default-jre-headless).
"""

import json
import re
import shutil
import subprocess

import pytest

from tests.browser.server import ROOT
from tests.security.sweep import rules, url_and_method
from tests.security.world import ROLES, as_role, build_world

VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
FRAGMENTS = {"socialmap.similar"}  # an htmx partial answered on GET: not a document


def test_every_page_passes_the_nu_checker(app, ctx, client, tmp_path):
    java = shutil.which("java")
    if not (VNU.exists() and java):
        pytest.fail("the Nu checker needs `npm install` (vnu-jar) and Java (apt-get install default-jre-headless)")
    world = build_world()
    app.config["WTF_CSRF_ENABLED"] = True  # as on the real site: every form carries its token
    try:
        for rule in rules(app):
            url, method = url_and_method(rule, world.ids)
            if method != "GET" or rule.endpoint in FRAGMENTS:
                continue
            for role in ROLES:
                as_role(client, world, role)
                response = client.get(url)
                if response.status_code in (200, 422) and response.mimetype == "text/html":
                    name = re.sub(r"\W+", "_", f"{rule.endpoint}-{role}")
                    (tmp_path / f"{name}.html").write_text(response.get_data(as_text=True), encoding="utf-8")
    finally:
        app.config["WTF_CSRF_ENABLED"] = False
    checked = list(tmp_path.glob("*.html"))
    assert len(checked) > 100, "the sweep should reach every page"
    result = subprocess.run([java, "-jar", str(VNU), "--errors-only", "--format", "json", str(tmp_path)],
                            capture_output=True, text=True, timeout=600)
    messages = json.loads(result.stderr or '{"messages": []}')["messages"]
    errors = [f"{m['url'].rsplit('/', 1)[-1]}: {m['message']}" for m in messages
              if m.get("type") == "error" and "hx-" not in m["message"]]
    assert errors == [], "\n".join(errors[:30])
