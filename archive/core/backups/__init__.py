"""Backups of the archive's state, and restoring one into an empty system (`manage.py backup` / `restore`).

The state is the database and the originals in the media storage; pyramids, renditions, caches and the
search index are derived from them and are rebuilt after a restore, never backed up. A backup is a folder
(or the same tree in one .tar):

    manifest.json               what was backed up: time, app version, migrations, every original (manifest.py)
    database-<UTC time>.pgdump  the database, one snapshot (database.py); .sqlite3 for SQLite
    originals/ab/abcd...        each original once, named by its sha256, so a rerun copies only new ones

Backing up reads the database snapshot first, then copies the originals it lists (take.py); restoring
checks the target is empty, loads the database, puts the originals back, verified against the manifest,
and rebuilds what is derived (restore.py). The folder or tar is read and written by store.py.
"""
