#!/usr/bin/env bash
# Run the official IIIF validator against a running server, Image API 3.0 and 2.1 at level 2
# (the validator's suite for 2.x is named 2.0; it has none named 2.1).
#   scripts/iiif_validate.sh [HOST:PORT] [IDENTIFIER]
# The image must be ingested as public first, e.g.
#   python manage.py ingest_image ../shared/iiif/67352ccc-d1b0-11e1-89ae-279075081939.png \
#       --identifier 67352ccc-d1b0-11e1-89ae-279075081939 --public
# and PUBLIC_BASE_URL (or IIIF_BASE_URL) must match HOST:PORT, since info.json ids are compared.
set -euo pipefail
cd "$(dirname "$0")/.."
server="${1:-127.0.0.1:8000}"
identifier="${2:-67352ccc-d1b0-11e1-89ae-279075081939}"
validator=".venv/bin/iiif-validate.py"
test -x "$validator" || { echo "iiif-validator missing: pip install -e '.[test]'" >&2; exit 2; }
status=0
for version in 3.0 2.0; do
    echo "== Image API $version, level 2, $server"
    .venv/bin/python "$validator" --server "$server" --prefix "iiif/${version%%.*}" \
        --identifier "$identifier" --version "$version" --level 2 || status=1
done
exit $status
