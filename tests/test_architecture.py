"""Guards on the shape of the code: small modules, and demo prose kept out of Python."""

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
APPS = ["accounts", "core", "articles", "comments", "reviews", "demo", "config"]
MAX_LINES = 350


def test_no_app_module_outside_migrations_grows_past_350_lines():
    too_long = {
        str(path.relative_to(ROOT)): lines
        for app in APPS
        for path in (ROOT / app).rglob("*.py")
        if "migrations" not in path.parts
        and (lines := len(path.read_text(encoding="utf-8").splitlines())) > MAX_LINES
    }
    assert not too_long, f"split these modules: {too_long}"


def test_migrations_share_the_roles_helper_and_import_no_other_migration():
    """Groups get their permissions through core.roles.grant, and a migration that needs another
    one's text imports a module the loader skips, not the migration itself."""
    for path in ROOT.glob("*/migrations/[0-9]*.py"):
        source = path.read_text(encoding="utf-8")
        name = str(path.relative_to(ROOT))
        assert "importlib" not in source, name
        assert "create_permissions" not in source, f"{name}: use core.roles.grant"
