"""The IIIF Image API 3.0 and 2.1: every module that answers `/iiif/3/...` and `/iiif/2/...`, and the tile
files made from the same answers. The rest of media/ ingests originals and builds pyramids (media/pyramid.py)
and knows nothing of requests; nothing here knows pages (settings.MEDIA_ACCESS_POLICY decides who sees what).

How a request flows, top to bottom:

1. wsgi.py      the WSGI fast path (archive/wsgi.py puts it in front of the site). An anonymous request
                goes past the site's middleware; a warm tile of an image this worker remembers as public
                is answered from the environ, without a request object (served.py says which are public).
2. views.py     the endpoint (media/urls.py routes to it): method, CORS preflight, conditional requests,
                headers, and refusals as plain text (errors.py holds every error class).
3. parse.py     the path into a request value: identifier, region, size (RegionKind, SizeKind), rotation,
                quality, format. The accepted grammar is written at its top.
4. lookup.py    access: the image, whether the request may see it, its pyramid (PyramidPending while it is
                built); public answers are remembered per worker in served.py.
5. plan.py      arithmetic on plain values against the pyramid's geometry (service.py: the configured limits
                and service URL): which level, which pixels, what size, the output budget, the canonical
                form, and whether one stored tile is the answer as it is (RenderPlan.tile_position).
6. answer       tiff_tiles.py copies that stored tile's JPEG bytes; else cache.py has the encoded answer
                (keyed by the canonical form and the original's checksum); else render.py crops, scales,
                mirrors, rotates and changes quality with libvips inside a render slot (slots.py) and a
                time budget (deadline.py), and encode.py writes the format's bytes. cache.py keeps them.
7. info.py      the info.json documents; they list the formats, sizes and limits that plan.py enforces.

Beside the flow: tile_files.py writes every tile and size info.json leads a viewer to, as files, through the
same parse -> plan -> tile copy or render -> encode, and public_tiles.py places public images' files where a
front server (nginx, a CDN) serves them without Python.

To add a format: one row in formats.py (its extension, media type, libvips saver and options, memory per
pixel); parse, info.json, the encoder, the budget and Content-Type read the table (tests/media/test_formats.py).
To add an operation (a quality, a size form, a region form): its grammar and kind in parse.py, its arithmetic
and canonical form in plan.py, its pixels in render.py, its feature name in info.py; the hypothesis tests
(tests/media/test_hypothesis.py) check the plan's invariants over every request the grammar accepts.
"""
