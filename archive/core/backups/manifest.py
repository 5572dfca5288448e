"""manifest.json: what a backup holds, written last so that a backup without one never finished.

format              this layout's version (FORMAT); a restore refuses any other
created_at          when the database snapshot was taken (ISO 8601, UTC)
app_version         the archive's version that took it
database            vendor, server_version, file (the dump inside the backup)
migrations          {app: [migration names applied]}: the schema the dump has
originals_included  false for a backup taken --without-originals (the bucket is replicated elsewhere)
originals           [{kind, name, size, sha256}]: every original, by its name in the media storage
"""

import re
from datetime import datetime
from importlib import metadata

from archive.core.backups.database import Snapshot
from archive.core.backups.errors import BackupError
from archive.core.backups.originals import Original

FORMAT = 1
DISTRIBUTION = "klaipeda-heritage-archive"
SHA256 = re.compile(r"^[0-9a-f]{64}$")


def app_version() -> str:
    try:
        return metadata.version(DISTRIBUTION)
    except metadata.PackageNotFoundError:
        return "unknown"


def build(snapshot: Snapshot, taken_at: datetime, database_file: str, originals_included: bool) -> dict:
    return {
        "format": FORMAT,
        "created_at": taken_at.isoformat(),
        "app_version": app_version(),
        "database": {"vendor": snapshot.vendor, "server_version": snapshot.server_version, "file": database_file},
        "migrations": snapshot.migrations,
        "originals_included": originals_included,
        "originals": [
            {"kind": o.kind, "name": o.name, "size": o.size, "sha256": o.sha256 or None} for o in snapshot.originals
        ],
    }


def originals_of(manifest: dict) -> list[Original]:
    """The manifest's originals, checked: a name that leaves the storage or a malformed sha256 is refused."""
    if manifest.get("format") != FORMAT:
        raise BackupError(f"the manifest has format {manifest.get('format')!r}; this version reads format {FORMAT}")
    originals = []
    for entry in manifest["originals"]:
        name, sha = entry["name"], entry.get("sha256") or ""
        if name.startswith("/") or ".." in name.split("/"):
            raise BackupError(f"{name}: not a name inside the media storage; the manifest is damaged")
        if (sha or manifest["originals_included"]) and not SHA256.match(sha):
            raise BackupError(f"{name}: {sha!r} is not a sha256; the manifest is damaged")
        originals.append(Original(entry["kind"], name, entry.get("size"), sha))
    return originals
