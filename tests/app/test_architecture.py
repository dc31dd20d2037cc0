"""The dependency direction of ARCHITECTURE.md, checked on the import statements."""

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "participatie"
SHARED = ["extensions", "web", "geo", "maps", "plainlanguage", "ops/backup", "clock", "storage"]
# The one place that wires every domain's rules into the templates (the composition root).
COMPOSITION = {"web/jinja.py"}
ROOT_MODULES = {"__init__.py", "config.py", "extensions.py", "models.py"}
DOMAINS = ["accounts", "ideas", "supports", "responses", "conversations", "socialmap",
           "notifications", "reactions", "moderation", "dashboard", "printing", "departments", "insights",
           "regulations", "opendata"]


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
        elif isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
    return names


def files_of(name: str) -> list[Path]:
    target = PACKAGE / name
    return sorted(target.rglob("*.py")) if target.is_dir() else [PACKAGE / f"{name}.py"]


def domain_of(module: str) -> str | None:
    parts = module.split(".")
    return parts[1] if parts[0] == "participatie" and len(parts) > 1 and parts[1] in DOMAINS else None


@pytest.mark.parametrize("shared", SHARED)
def test_shared_modules_import_no_domain(shared):
    offenders = {
        f"{path.relative_to(PACKAGE)} imports {module}"
        for path in files_of(shared) if path.exists()
        if str(path.relative_to(PACKAGE)) not in COMPOSITION
        for module in imported_modules(path) if domain_of(module)
    }
    assert not offenders


def test_accounts_imports_no_other_domain():
    offenders = {
        module for path in files_of("accounts") for module in imported_modules(path)
        if domain_of(module) not in (None, "accounts")
    }
    assert not offenders


def test_domains_have_no_import_cycles():
    graph: dict[str, set[str]] = {d: set() for d in DOMAINS}
    for domain in DOMAINS:
        for path in files_of(domain) if (PACKAGE / domain).is_dir() else []:
            graph[domain] |= {d for m in imported_modules(path) if (d := domain_of(m)) and d != domain}

    def reaches(start, goal, seen=()):
        return any(n == goal or (n not in seen and reaches(n, goal, (*seen, n))) for n in graph[start])

    assert not [d for d in DOMAINS if reaches(d, d)]


def test_views_and_templates_do_not_test_roles():
    """Templates use rule globals; role checks in templates would bypass the rules."""
    templates = Path(__file__).resolve().parents[2] / "templates"
    offenders = [p.name for p in templates.rglob("*.html") if ".role ==" in p.read_text() or "has_role(" in p.read_text()]
    assert not offenders


def test_package_root_holds_only_the_factory_config_extensions_and_table_index():
    """Everything else lives in a package whose name says what it is for."""
    loose = {p.name for p in PACKAGE.glob("*.py")} - ROOT_MODULES
    assert not loose


def test_role_predicates_are_written_once_in_accounts_predicates():
    """Every rules.py asks accounts/predicates.py whether someone is an admin, an ambassador or a
    makelaar of a wijk; no rules.py keeps its own copy or compares roles itself."""
    offenders = []
    for path in PACKAGE.glob("*/rules.py"):
        text = path.read_text(encoding="utf-8")
        for copy in ("def _is(", "def _active(", "def is_admin(", "def is_ambassador(", ".role ==", ".role in ",
                     "user.wijken"):
            if copy in text:
                offenders.append(f"{path.relative_to(PACKAGE)}: {copy}")
    assert offenders == []


def _local_imports(path: Path, package: str) -> set[str]:
    names = set()
    for module in imported_modules(path):
        if module.startswith(package + "."):
            names.add(module.rsplit(".", 1)[1])
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):  # `from package import a, b`
        if isinstance(node, ast.ImportFrom) and node.module == package:
            names.update(alias.name for alias in node.names)
    return names


@pytest.mark.parametrize("package", ["conversations/services", "responses", "ideas"])
def test_modules_inside_a_package_import_no_circle(package):
    """E.g. conversations/services: notices and planning once imported each other (one lazily)."""
    folder = PACKAGE / package
    dotted = "participatie." + package.replace("/", ".")
    graph = {p.stem: _local_imports(p, dotted) & {q.stem for q in folder.glob("*.py")} - {p.stem}
             for p in folder.glob("*.py") if p.stem != "__init__"}

    def reaches(start, goal, seen=()):
        return any(n == goal or (n not in seen and reaches(n, goal, (*seen, n))) for n in graph.get(start, ()))

    assert [m for m in graph if reaches(m, m)] == []
