"""The originals: which stored files they are, copying them into a backup, putting them back into storage.

An original is a file nothing else can make again: a digitized image's uploaded file, or a Wagtail
document. Renditions, pyramids and caches are made from them, and spreadsheets and parked uploads are
transient, so none of those is backed up. The list comes from the database snapshot (database.py), with
the sha256 the database holds for images; documents (and images still waiting for their first pyramid)
have theirs computed while they are copied.
"""

import tempfile
import uuid
from dataclasses import dataclass
from pathlib import Path

from django.core.files import File
from django.core.files.storage import Storage
from wagtail.documents import get_document_model

from archive.core.backups.errors import BackupError
from archive.core.backups.store import original_member
from media.models import DigitizedImage
from media.storage import download, storage_errors, storage_message
from media.verification import sha256_of


@dataclass
class Original:
    kind: str
    name: str  # in the media storage
    size: int | None
    sha256: str  # empty until computed, when the database does not hold it


def sources():
    """Every model whose file is an original: (kind, model, the field holding its sha256 or None)."""
    return (("image", DigitizedImage, "checksum"), ("document", get_document_model(), None))


def read_originals(cursor) -> list[Original]:
    """The originals the database lists, through a plain DB-API cursor (the dump's own snapshot)."""
    originals = []
    for kind, model, checksum_field in sources():
        meta = model._meta
        checksum = f'"{meta.get_field(checksum_field).column}"' if checksum_field else "''"
        cursor.execute(
            f'SELECT "{meta.get_field("file").column}", "{meta.get_field("file_size").column}", {checksum} '
            f'FROM "{meta.db_table}" ORDER BY "{meta.pk.column}"'
        )
        originals += [Original(kind, name, size, sha or "") for name, size, sha in cursor.fetchall() if name]
    return originals


def copy_into_backup(original: Original, writer, storage: Storage) -> bool:
    """Put the original into the backup unless its content is there already; True when it was copied.
    A stored file that is not what the database says it is stops the backup, naming the file."""
    if original.sha256 and writer.has_original(original.sha256):
        writer.keep_original(original.sha256)
        return False
    partial = writer.staging / uuid.uuid4().hex
    try:
        download(storage, original.name, partial)
    except storage_errors() as error:
        raise BackupError(
            f"{original.name}: cannot be read from the media storage ({storage_message(error)})"
        ) from error
    digest = sha256_of(partial)
    if original.sha256 and digest != original.sha256:
        partial.unlink()
        raise BackupError(
            f"{original.name}: the stored file's sha256 is {digest}, the database says "
            f"{original.sha256}; the file changed or is damaged"
        )
    original.sha256, original.size = digest, partial.stat().st_size
    if writer.has_original(digest):
        writer.keep_original(digest)
        partial.unlink()
    else:
        writer.add_original(digest, partial)
    return True


def put_back(original: Original, reader, storage: Storage, replace: bool) -> bool:
    """Store the backup's copy under the original's name, verified first; False when storage has it already."""
    with reader.local_file(original_member(original.sha256)) as path:
        digest = sha256_of(path)
        if digest != original.sha256:
            raise BackupError(
                f"{original.name}: the backup's copy has sha256 {digest}, the manifest says "
                f"{original.sha256}; the backup is damaged"
            )
        if storage.exists(original.name):
            if stored_sha256(storage, original.name) == digest:
                return False
            if not replace:
                raise BackupError(
                    f"{original.name}: the media storage holds a different file under this name (--force replaces it)"
                )
            storage.delete(original.name)
        with open(path, "rb") as handle:
            saved = storage.save(original.name, File(handle, name=original.name))
    if saved != original.name:
        storage.delete(saved)
        raise BackupError(f"{original.name}: the media storage stored it as {saved}; nothing was kept")
    check_stored(original, storage)
    return True


def check_stored(original: Original, storage: Storage) -> None:
    """The original is in storage with its size (a backup taken --without-originals relies on this)."""
    try:
        size = storage.size(original.name) if storage.exists(original.name) else None
    except storage_errors() as error:
        raise BackupError(f"{original.name}: the media storage cannot be read ({storage_message(error)})") from error
    if size is None:
        raise BackupError(f"{original.name}: missing from the media storage")
    if original.size is not None and size != original.size:
        raise BackupError(f"{original.name}: {size} bytes in the media storage, the manifest says {original.size}")


def stored_sha256(storage: Storage, name: str) -> str:
    copy = Path(tempfile.gettempdir()) / f"stored-original-{uuid.uuid4().hex}"
    try:
        download(storage, name, copy)
        return sha256_of(copy)
    finally:
        copy.unlink(missing_ok=True)
