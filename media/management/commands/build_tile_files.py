"""python manage.py build_tile_files - write the missing tile files of ready pyramids, then place public ones."""

from django.core.management.base import BaseCommand, CommandError

from media.models import DigitizedImage, PyramidStatus
from media.public_tiles import sync_public_tiles
from media.pyramid import open_pyramid
from media.storage import local_pyramid, storage_errors
from media.tile_files import tiles_exist, write_tiles


class Command(BaseCommand):
    help = (
        "Write the tile files (every tile and size info.json announces, media/tile_files.py) of ready pyramids "
        "that have none, e.g. pyramids built before tile files existed; then place public images' tiles where "
        "the front server serves them and remove those of images no longer public. Exits non-zero naming any "
        "image whose files could not be written."
    )

    def handle(self, *args, **options):
        images = DigitizedImage.objects.filter(pyramid_status=PyramidStatus.READY).exclude(checksum="")
        checksums = sorted({checksum for checksum, built in images.values_list("checksum", "pyramid_checksum")
                            if checksum == built})
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
        self.stdout.write(f"Tile files: {len(missing) - len(failed)} set(s) written, {len(checksums)} in all; "
                          f"public trees placed {added}, removed {removed}.")
        if failed:
            raise CommandError(f"{len(failed)} set(s) could not be written: {', '.join(failed)}")
