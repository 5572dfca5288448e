"""CPU per warm tile in the application, without a web server: WSGI calls in a loop (not a test).

    ARCHIVE_DATA_DIR=... .venv/bin/python bench/tile_cpu.py IDENTIFIER [--calls 20000] [--access-log]

IDENTIFIER is a public image of the site the environment names (e.g. the sample collections of
`make run`, or a throwaway site with `manage.py ingest_image PATH --identifier X --public`). The
script asks the WSGI application of `archive.wsgi` for that image's stored tiles round and round (each
tile once before timing, so every call is warm), and prints the process CPU time per call. With
`--access-log`, each call also writes the line gunicorn's access log would write, through the
site's LOGGING (to /dev/null), as gunicorn does with ACCESS_LOG=all.
"""

import argparse
import logging
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "archive.settings.production")

from wsgi_call import environ_for  # noqa: E402  (bench/wsgi_call.py)


def tile_paths(identifier: str, width: int, height: int, tile: int, limit: int = 256) -> list[str]:
    paths = []
    for y in range(0, height - tile, tile):
        for x in range(0, width - tile, tile):
            paths.append(f"/iiif/3/{identifier}/{x},{y},{tile},{tile}/{tile},/0/default.jpg")
            if len(paths) == limit:
                return paths
    return paths


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("identifier")
    parser.add_argument("--calls", type=int, default=20000)
    parser.add_argument("--access-log", action="store_true", help="log every call as gunicorn's access log")
    args = parser.parse_args()
    from archive.wsgi import application
    from media.models import DigitizedImage

    image = DigitizedImage.objects.get(iiif_identifier=args.identifier)
    paths = tile_paths(args.identifier, image.width, image.height, 256)
    access = logging.getLogger("gunicorn.access")
    handler = logging.StreamHandler(open(os.devnull, "w"))
    logging.getLogger().handlers[:] = [handler]
    statuses = {}

    def start_response(status, headers):
        statuses[status] = statuses.get(status, 0) + 1

    def call(path: str) -> None:
        body = application(environ_for(path, "tile-cpu-bench"), start_response)
        b"".join(body)
        getattr(body, "close", lambda: None)()
        if args.access_log:
            access.info('%(h)s "%(r)s" %(s)s', {"h": "127.0.0.1", "r": f"GET {path} HTTP/1.1", "s": "200", "U": path})

    for path in paths:
        call(path)
    statuses.clear()
    started_cpu, started = time.process_time(), time.perf_counter()
    for number in range(args.calls):
        call(paths[number % len(paths)])
    cpu, wall = time.process_time() - started_cpu, time.perf_counter() - started
    print(
        f"{args.calls} warm tiles: {cpu / args.calls * 1e6:.0f} us CPU per tile, "
        f"{wall / args.calls * 1e6:.0f} us wall; statuses {statuses}"
    )
    return 0 if set(statuses) == {"200 OK"} else 1


if __name__ == "__main__":
    sys.exit(main())
