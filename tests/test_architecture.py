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
