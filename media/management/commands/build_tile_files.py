"""python manage.py build_tile_files - write the missing tile files of ready pyramids, then place public ones."""

from django.core.management.base import BaseCommand, CommandError

from media.iiif.public_tiles import placed, sync_public_tiles
from media.iiif.tile_files import tiles_exist, write_tiles
from media.models import DigitizedImage, PyramidStatus
from media.pyramid import open_pyramid
from media.storage import local_pyramid, storage_errors


class Command(BaseCommand):
    help = (
        "Write the tile files (every tile and size info.json announces, media/iiif/tile_files.py) of ready pyramids "
        "that have none, e.g. pyramids built before tile files existed; then place public images' tiles where "
        "the front server serves them and remove those of images no longer public. Exits non-zero naming any "
        "image whose files could not be written."
    )

    def handle(self, *args, **options):
        images = DigitizedImage.objects.filter(pyramid_status=PyramidStatus.READY).exclude(checksum="")
        checksums = sorted(
            {checksum for checksum, built in images.values_list("checksum", "pyramid_checksum") if checksum == built}
        )
        missing = [checksum for checksum in checksums if not tiles_exist(checksum)]
        failed = []
        for position, checksum in enumerate(missing, start=1):
            try:
                count = write_tiles(open_pyramid(local_pyramid(checksum)), checksum)
            except (FileNotFoundError, *storage_errors()) as error:
                failed.append(f"{checksum[:12]} ({error.__class__.__name__}: {error})")
                continue
            self.stdout.write(f"[{position}/{len(missing)}] {checksum[:12]}: {count} files")
        added, removed = sync_public_tiles()
        self.stdout.write(tile_summary(len(checksums), len(missing), len(failed)))
        self.stdout.write(tree_summary(len(placed()), added, removed))
        if failed:
            raise CommandError(f"{len(failed)} set(s) could not be written: {', '.join(failed)}")


def tile_summary(total: int, missing: int, failed: int) -> str:
    """What was written, said plainly: a run with nothing to do must not read like a failure."""
    if total == 0:
        return "Tile files: no ready pyramids yet."
    if missing == 0:
        return (
            "Tile files: the one tile set was already written."
            if total == 1
            else f"Tile files: all {sets(total)} were already written."
        )
    could_not = f", {failed} could not be" if failed else ""
    already = total - missing
    return (
        f"Tile files: {sets(missing - failed)} written{could_not}, {already} "
        f"{'was' if already == 1 else 'were'} already ({total} in all)."
    )


def tree_summary(in_place: int, added: int, removed: int) -> str:
    if added == removed == 0:
        return f"Public trees: {in_place} in place, none to add or remove."
    return f"Public trees: {in_place} in place ({added} added, {removed} removed)."


def sets(count: int) -> str:
    return f"{count} tile set{'' if count == 1 else 's'}"
