"""URL building for the route sweep: every rule with ids from the fixture world."""

from tests.security.world import MISSING

# Values for URL variables that are not ids in the world.
FIXED = {"token": "not-a-valid-token", "code": "en", "fmt": "csv", "kind": "steun",
         "filename": "0123456789abcdef0123456789abcdef.jpg", "item": "reaction", "size": "small"}
ID_FOR = {"link_id": MISSING, "followup_id": MISSING, "suggestion_id": MISSING, "action_id": MISSING,
          "message_id": MISSING, "step_id": MISSING, "block_id": MISSING}


def rules(app):
    """Every rule but static; GET routes first, so POSTs that change the world come last."""
    found = [r for r in app.url_map.iter_rules() if r.endpoint != "static"]
    return sorted(found, key=lambda r: ("GET" not in r.methods, r.endpoint))


def observed(response) -> object:
    """The status, with redirects to the login page written as "login"."""
    if response.status_code in (302, 303) and "/account/login" in response.headers.get("Location", ""):
        return "login"
    return response.status_code


def url_and_method(rule, ids: dict):
    values = {}
    for arg in rule.arguments:
        if arg in (rule.defaults or {}):
            continue
        if arg in ids:
            values[arg] = ids[arg]
        elif arg in FIXED:
            values[arg] = FIXED[arg]
        elif arg in ID_FOR:
            values[arg] = ID_FOR[arg]
        else:
            raise KeyError(f"no value for <{arg}> in {rule.rule}")
    url = rule.build(values, append_unknown=False)[1]
    method = "GET" if "GET" in rule.methods else "POST"
    return url, method
