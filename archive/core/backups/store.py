"""Reading and writing a backup, as a folder or as one .tar: the same names inside either.

A folder is updated in place: new originals are added, then the database file of this run, then the
manifest that names it replaces the old one in one rename, and only then is the previous database file
removed; a run that stops half-way leaves the previous backup whole. A .tar is written beside the old one
and renamed over it at the end; originals the old tar holds are copied from it, not from the storage.
"""

import json
import os
import shutil
import tarfile
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from archive.core.backups.errors import BackupError

MANIFEST = "manifest.json"
ORIGINALS = "originals"
DATABASE_PREFIX = "database-"


def original_member(checksum: str) -> str:
    """Where an original lives inside a backup: named by its content, so each is stored once."""
    return f"{ORIGINALS}/{checksum[:2]}/{checksum}"


def is_tar(path: Path) -> bool:
    return path.suffix == ".tar"


class FolderWriter:
    def __init__(self, dest: Path):
        dest.mkdir(parents=True, exist_ok=True)
        self.dest = dest
        # Downloads land beside their final place, so that moving them in is a rename.
        self.staging = Path(tempfile.mkdtemp(prefix=".staging-", dir=dest))

    def has_original(self, checksum: str) -> bool:
        return (self.dest / original_member(checksum)).is_file()

    def keep_original(self, checksum: str) -> None:
        """An original already in the backup stays where it is."""

    def add_original(self, checksum: str, path: Path) -> None:
        target = self.dest / original_member(checksum)
        target.parent.mkdir(parents=True, exist_ok=True)
        os.replace(path, target)

    def add_database(self, path: Path, name: str) -> None:
        os.replace(path, self.dest / name)

    def commit(self, manifest: dict) -> None:
        written = self.staging / MANIFEST
        written.write_text(json.dumps(manifest, indent=1, ensure_ascii=False), encoding="utf-8")
        os.replace(written, self.dest / MANIFEST)
        for old in self.dest.glob(f"{DATABASE_PREFIX}*"):
            if old.name != manifest["database"]["file"]:
                old.unlink()
        self.close()

    def close(self) -> None:
        shutil.rmtree(self.staging, ignore_errors=True)


class TarWriter:
    def __init__(self, dest: Path):
        if not dest.parent.is_dir():
            raise BackupError(f"{dest.parent} is not a folder")
        self.dest = dest
        self.partial = dest.with_name(f".{dest.name}.partial")
        self.staging = Path(tempfile.mkdtemp(prefix=".staging-", dir=dest.parent))
        self.old = tarfile.open(dest) if dest.exists() else None
        self.old_members = {member.name: member for member in self.old} if self.old else {}
        self.tar = tarfile.open(self.partial, "w")
        self.added: set[str] = set()

    def has_original(self, checksum: str) -> bool:
        return original_member(checksum) in self.old_members or original_member(checksum) in self.added

    def keep_original(self, checksum: str) -> None:
        name = original_member(checksum)
        if name not in self.added:
            self.tar.addfile(self.old_members[name], self.old.extractfile(self.old_members[name]))
            self.added.add(name)

    def add_original(self, checksum: str, path: Path) -> None:
        self.tar.add(path, arcname=original_member(checksum))
        self.added.add(original_member(checksum))
        path.unlink()

    def add_database(self, path: Path, name: str) -> None:
        self.tar.add(path, arcname=name)
        path.unlink()

    def commit(self, manifest: dict) -> None:
        written = self.staging / MANIFEST
        written.write_text(json.dumps(manifest, indent=1, ensure_ascii=False), encoding="utf-8")
        self.tar.add(written, arcname=MANIFEST)
        self.tar.close()
        os.replace(self.partial, self.dest)
        self.close()

    def close(self) -> None:
        if not self.tar.closed:
            self.tar.close()
        self.partial.unlink(missing_ok=True)
        if self.old:
            self.old.close()
        shutil.rmtree(self.staging, ignore_errors=True)


def writer_for(dest: Path) -> FolderWriter | TarWriter:
    if dest.exists() and not is_tar(dest) and not dest.is_dir():
        raise BackupError(f"{dest} is a file; give a folder, or a name ending in .tar")
    return TarWriter(dest) if is_tar(dest) else FolderWriter(dest)


class FolderReader:
    def __init__(self, src: Path):
        self.src = src

    def read_manifest(self) -> dict:
        return load_manifest((self.src / MANIFEST).read_bytes())

    def has(self, name: str) -> bool:
        return (self.src / name).is_file()

    @contextmanager
    def local_file(self, name: str) -> Iterator[Path]:
        """A path on local disk holding the member `name` of the backup."""
        if not self.has(name):
            raise BackupError(f"{name} is missing from the backup {self.src}")
        yield self.src / name

    def close(self) -> None:
        pass


class TarReader:
    def __init__(self, src: Path):
        self.src = src
        self.tar = tarfile.open(src)
        self.members = {member.name: member for member in self.tar if member.isfile()}

    def read_manifest(self) -> dict:
        if MANIFEST not in self.members:
            raise BackupError(f"{self.src} holds no {MANIFEST}: not a backup, or one that did not finish")
        return load_manifest(self.tar.extractfile(self.members[MANIFEST]).read())

    def has(self, name: str) -> bool:
        return name in self.members

    @contextmanager
    def local_file(self, name: str) -> Iterator[Path]:
        if not self.has(name):
            raise BackupError(f"{name} is missing from the backup {self.src}")
        folder = Path(tempfile.mkdtemp(prefix="restore-"))
        try:
            target = folder / Path(name).name
            with self.tar.extractfile(self.members[name]) as source, open(target, "wb") as copy:
                shutil.copyfileobj(source, copy, 1024 * 1024)
            yield target
        finally:
            shutil.rmtree(folder, ignore_errors=True)

    def close(self) -> None:
        self.tar.close()


def reader_for(src: Path) -> FolderReader | TarReader:
    if not src.exists():
        raise BackupError(f"{src} does not exist")
    if src.is_dir():
        if not (src / MANIFEST).is_file():
            raise BackupError(f"{src} holds no {MANIFEST}: not a backup, or one that did not finish")
        return FolderReader(src)
    try:
        return TarReader(src)
    except tarfile.TarError as error:
        raise BackupError(f"{src} is neither a backup folder nor a readable .tar: {error}") from error


def load_manifest(data: bytes) -> dict:
    try:
        return json.loads(data)
    except ValueError as error:
        raise BackupError(f"{MANIFEST} is not valid JSON: {error}") from error
