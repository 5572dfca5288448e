#!/bin/sh
# Asks the package index whether every wheel pinned in requirements/production.txt installs on the Python of
# the production target (Debian 12: 3.11.2), which `make lock` cannot resolve for. Run by `make lock`.
# Usage: scripts/check_lock_python.sh [PYTHON_VERSION]   (needs the network; exits 1 naming the package)
set -eu
version="${1:-3.11.2}"
cd "$(dirname "$0")/.."
pins="$(mktemp)"
trap 'rm -f "$pins"; rm -rf "$pins.target"' EXIT
# pyvips is a source package (its libvips comes as the pyvips-binary wheel): it has no wheel to ask about.
awk '/^pyvips==/ { skip = 1; next } /^[^ #]/ { skip = 0 } !skip' requirements/production.txt > "$pins"
if ! .venv/bin/pip install --quiet --dry-run --no-deps --ignore-installed --only-binary=:all: \
        --python-version "$version" --target "$pins.target" --require-hashes -r "$pins"; then
    echo "A version in requirements/production.txt does not install on Python $version: constrain it in" \
         "requirements/debian-12.txt and run make lock again." >&2
    exit 1
fi
echo "Every pinned wheel installs on Python $version."
