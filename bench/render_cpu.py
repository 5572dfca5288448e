"""CPU per non-canonical request (a region at an arbitrary size, rendered), without a web server (not a test).

    cd CHECKOUT && ARCHIVE_DATA_DIR=... .venv/bin/python PATH/TO/bench/render_cpu.py IDENTIFIER [--calls 200]

Run from the checkout to measure (its code is imported; so one script measures an older commit too, issue 18:
"non-canonical requests no slower than today"). IDENTIFIER is a public image of the site the environment
names. The script asks the WSGI application for `--calls` different regions at different sizes (a fixed
random sequence, each asked once, so none comes from the derivative cache) and prints the process CPU time
(all threads, libvips' included) and wall time per request.
"""

import argparse
import os
import random
import sys
import time

sys.path.insert(0, os.getcwd())
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "archive.settings.production")

from wsgi_call import environ_for  # noqa: E402  (bench/wsgi_call.py)


def request_paths(identifier: str, width: int, height: int, count: int) -> list[str]:
    chooser, paths = random.Random(18), []
    for _ in range(count):
        w, h = chooser.randint(300, min(4000, width)), chooser.randint(300, min(4000, height))
        x, y = chooser.randint(0, width - w), chooser.randint(0, height - h)
        size = chooser.choice((f"^{chooser.randint(200, 900)},", f"^!{chooser.randint(300, 800)},600", "pct:25"))
        paths.append(f"/iiif/3/{identifier}/{x},{y},{w},{h}/{size}/0/default.jpg")
    return paths


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("identifier")
    parser.add_argument("--calls", type=int, default=200)
    args = parser.parse_args()
    import django

    django.setup()
    from archive.wsgi import application
    from media.models import DigitizedImage

    image = DigitizedImage.objects.get(iiif_identifier=args.identifier)
    statuses = {}

    def start_response(status, headers):
        statuses[status] = statuses.get(status, 0) + 1

    def call(path: str) -> None:
        body = application(environ_for(path, "render-cpu-bench"), start_response)
        b"".join(body)
        getattr(body, "close", lambda: None)()

    call(f"/iiif/3/{args.identifier}/info.json")  # the pyramid opened, as on a running server
    statuses.clear()
    paths = request_paths(args.identifier, image.width, image.height, args.calls)
    started_cpu, started = time.process_time(), time.perf_counter()
    for path in paths:
        call(path)
    cpu, wall = time.process_time() - started_cpu, time.perf_counter() - started
    print(
        f"{args.calls} renders: {cpu / args.calls * 1e3:.1f} ms CPU per request, {wall / args.calls * 1e3:.1f} ms "
        f"wall; statuses {statuses}"
    )
    return 0 if set(statuses) == {"200 OK"} else 1


if __name__ == "__main__":
    sys.exit(main())
