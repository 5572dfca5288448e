"""deploy/archive.env.example names every variable production reads, each under a comment, in a syntax
systemd's EnvironmentFile= and a POSIX shell read alike; deploy/archive-manage runs manage.py with it."""

import re
import secrets
import subprocess

from tests.deploy.stack import DEPLOY, ROOT

EXAMPLE = DEPLOY / "archive.env.example"
MANAGE = DEPLOY / "archive-manage"
# Read by the settings, but not a production setting.
NOT_FOR_PRODUCTION = {
    "DEBUG": "production is never in debug mode",
    "ARCHIVE_VAR_DIR": "the older name of ARCHIVE_DATA_DIR",
    "SEARCH_REFRESH_ON_WRITE": "the test suite's",
    "SQLITE_TIMEOUT_SECONDS": "the embedded default's SQLite only",
}
READ = re.compile(r"""(?:\benv(?:_[a-z]+)?|os\.environ\.get)\(\s*["']([A-Z][A-Z0-9_]*)["']""")
ASSIGNMENT = re.compile(r"^#?([A-Z][A-Z0-9_]*)=(.*)$")
# A value both parsers take as written: plain, or in double quotes without what a shell would expand.
PLAIN_VALUE = re.compile(r"""[^\s"'$`\\]*|"[^"$`\\]*\"""")


def variables_read() -> set[str]:
    sources = [*sorted((ROOT / "archive" / "settings").glob("*.py")), ROOT / "gunicorn.conf.py"]
    sources = [path for path in sources if path.stem not in ("test", "dev")]
    return {name for path in sources for name in READ.findall(path.read_text())} - set(NOT_FOR_PRODUCTION)


def paragraphs() -> list[list[str]]:
    return [block.splitlines() for block in EXAMPLE.read_text().split("\n\n")]


def test_every_production_variable_is_listed_under_a_comment():
    documented = {}
    for block in paragraphs():
        explained = any(line.startswith("#") and not ASSIGNMENT.match(line) for line in block)
        for line in block:
            if found := ASSIGNMENT.match(line):
                documented[found.group(1)] = explained
    missing = variables_read() - set(documented) - {"DJANGO_SETTINGS_MODULE"}
    assert not missing, f"add to deploy/archive.env.example: {sorted(missing)}"
    assert not [name for name, explained in documented.items() if not explained]
    assert "DJANGO_SETTINGS_MODULE" in documented


def test_values_read_the_same_in_systemd_and_a_shell():
    for number, line in enumerate(EXAMPLE.read_text().splitlines(), start=1):
        if found := ASSIGNMENT.match(line):
            assert PLAIN_VALUE.fullmatch(found.group(2)), f"line {number}: {line}"
        else:
            assert line == "" or line.startswith("#"), f"line {number}: {line}"


def test_archive_manage_runs_manage_py_with_the_file(tmp_path):
    environment_file = tmp_path / "archive.env"
    text = EXAMPLE.read_text().replace("SECRET_KEY=change-me", f"SECRET_KEY={secrets.token_urlsafe(50)}")
    text = re.sub(r"^DATABASE_URL=.*$", f"DATABASE_URL=sqlite:///{tmp_path / 'db.sqlite3'}", text, flags=re.M)
    # This machine's own files and search, not the example's servers.
    environment_file.write_text(f"{text}\nARCHIVE_DATA_DIR={tmp_path / 'data'}\nSEARCH_BACKEND=database\n")
    user = subprocess.run(["id", "-un"], capture_output=True, text=True, check=True).stdout.strip()
    overrides = {
        "ARCHIVE_ENV_FILE": str(environment_file),
        "ARCHIVE_APP_DIR": str(ROOT),
        "ARCHIVE_USER": user,
        "PATH": "/usr/bin:/bin",
    }
    result = subprocess.run(
        ["sh", str(MANAGE), "check", "--deploy", "--fail-level", "WARNING"],
        env=overrides,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    without_file = {**overrides, "ARCHIVE_ENV_FILE": str(tmp_path / "none")}
    missing = subprocess.run(["sh", str(MANAGE), "check"], env=without_file, capture_output=True, text=True)
    assert missing.returncode == 1
    assert "cannot read" in missing.stderr
