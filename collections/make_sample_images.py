"""Draw the placeholder images of the seed collections from the `sample:` spec of each image entry.

Standalone (no Django). Reads every `<ROOT>/*/items.yaml` and, for each image entry, writes
`<ROOT>/<collection>/<file>` unless the file exists already (or `--force` is given):

    python collections/make_sample_images.py [ROOT] [--force]

A spec is `{style, width, height, seed, tone}`. Styles: `stained-glass` (bright glass cells between lead
lines), `painting` (broad soft colour fields with brush and plaster texture), `city-then` (an old, soft,
grainy, vignetted street photograph) and `city-now` (the same street today: sharper, in colour, some
buildings replaced). Tones: `colour` or `sepia`. A then/now pair that shares a seed shows the same street.

The same spec always gives a byte-identical baseline JPEG (quality 85, sRGB, no metadata): all randomness
comes from `random.Random(seed)` and seeded libvips noise. Shapes are designed at about 1,000 px (a third of
the long side for the 10,000 px images), then enlarged, grained and labelled at full size; every step is a
lazy libvips operation, so memory stays bounded and the cost per image nearly constant. Each picture carries
a visible "PAVYZDYS / SAMPLE" label with its inventory number: these are placeholders, not real works.
"""

from __future__ import annotations

import argparse
import math
import random
import sys
import time
from array import array
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pyvips
import yaml

Colour = tuple[float, float, float]
Ink = pyvips.Image | list[float] | float

MIN_SIDE, MAX_SIDE = 64, 20_000
TONES = ("colour", "sepia")
JPEG_OPTIONS = {"Q": 85, "interlace": False, "keep": pyvips.enums.ForeignKeep.NONE}
LABEL_FONT = "DejaVu Sans Bold"
GRAIN_TILE = 512
DESIGN_SIDE = 1024

GLASS_SCHEMES: list[dict[str, list[Colour]]] = [
    {  # Baltic blues with amber and ruby
        "field": [(30, 80, 190), (20, 120, 200), (60, 150, 215), (15, 60, 150), (90, 170, 220)],
        "medallion": [(235, 175, 30), (205, 40, 40), (245, 210, 80), (170, 25, 60)],
        "border": [(200, 40, 45), (240, 190, 40)],
    },
    {  # spring greens with gold and violet
        "field": [(60, 150, 60), (110, 185, 70), (30, 120, 80), (170, 210, 90), (80, 160, 120)],
        "medallion": [(240, 200, 40), (150, 60, 170), (250, 140, 40), (200, 90, 200)],
        "border": [(120, 40, 140), (235, 180, 35)],
    },
    {  # warm ambers with turquoise
        "field": [(235, 160, 40), (250, 200, 70), (215, 110, 35), (245, 225, 130), (200, 80, 40)],
        "medallion": [(30, 170, 180), (20, 110, 170), (60, 200, 190), (190, 30, 50)],
        "border": [(20, 100, 160), (180, 35, 45)],
    },
    {  # modernist reds, whites and blues
        "field": [(215, 215, 200), (235, 230, 215), (190, 200, 210), (225, 70, 50), (40, 70, 160)],
        "medallion": [(220, 50, 40), (30, 60, 160), (250, 200, 40), (20, 20, 20)],
        "border": [(30, 50, 120), (210, 45, 40)],
    },
]
LEAD: Colour = (26, 26, 30)
WALL: Colour = (196, 190, 178)

PAINT_SCHEMES: list[list[Colour]] = [
    [(196, 140, 70), (170, 80, 50), (70, 110, 120), (225, 205, 160), (50, 60, 80)],  # ochre, terracotta, teal
    [(60, 100, 150), (120, 160, 180), (230, 215, 180), (200, 120, 60), (40, 50, 70)],  # sea and sand
    [(150, 60, 50), (210, 170, 90), (90, 120, 70), (235, 225, 200), (60, 45, 40)],  # brick and olive
    [(90, 80, 130), (200, 110, 90), (230, 190, 120), (100, 150, 140), (240, 235, 220)],  # violet and coral
]

FACADES: list[Colour] = [
    (214, 196, 160),
    (190, 160, 130),
    (200, 120, 90),
    (220, 210, 190),
    (170, 150, 120),
    (160, 90, 70),
    (225, 200, 150),
    (185, 185, 170),
    (205, 175, 140),
    (150, 130, 110),
]
ROOF: Colour = (92, 60, 50)
GLASS_TOWER: Colour = (110, 140, 165)


class SpecError(ValueError):
    """An image entry whose `sample:` spec cannot be drawn."""


@dataclass(frozen=True)
class Job:
    """One image to draw: where it goes and what it shows."""

    path: Path
    label: str
    style: str
    width: int
    height: int
    seed: int
    tone: str


# --- building blocks ----------------------------------------------------------------------------------


def grid_image(rows: list[list[tuple[float, ...]]]) -> pyvips.Image:
    """A tiny float image from a grid of pixel tuples (all tuples the same length)."""
    height, width, bands = len(rows), len(rows[0]), len(rows[0][0])
    data = array("f", (value for row in rows for pixel in row for value in pixel))
    return pyvips.Image.new_from_memory(data.tobytes(), width, height, bands, "float")


def stretch_row(values: list[tuple[float, ...]], width: int, height: int) -> pyvips.Image:
    """Per-column values (one tuple per sample) scaled to `width` by nearest neighbour and repeated down."""
    row = grid_image([values])
    wide = row.resize(width / row.width, vscale=1.0, kernel="nearest").embed(0, 0, width, 1, extend="copy")
    return wide.copy_memory().embed(0, 0, width, height, extend="copy")


def smooth_noise(width: int, height: int, cell: float, seed: int, stretch: float = 1.0) -> pyvips.Image:
    """Perlin noise (about -0.7..0.7) with features of `cell` px, drawn small and enlarged.

    `stretch` > 1 elongates the features horizontally (brush strokes, glass streaks).
    """
    step = max(1.0, cell / 8)
    small_w = math.ceil(width / (step * stretch)) + 2
    small_h = math.ceil(height / step) + 2
    noise = pyvips.Image.perlin(small_w, small_h, cell_size=8, seed=seed).copy_memory()
    return noise.resize(step * stretch, vscale=step, kernel="linear").crop(0, 0, width, height)


def grain(width: int, height: int, sigma: float, seed: int) -> pyvips.Image:
    """Zero-mean signed 8-bit film or plaster grain, tiled from one seeded patch so that it costs little."""
    patch = pyvips.Image.gaussnoise(GRAIN_TILE, GRAIN_TILE, sigma=sigma, mean=0.0, seed=seed)
    tile = patch.cast("char").copy_memory()
    across, down = math.ceil(width / GRAIN_TILE), math.ceil(height / GRAIN_TILE)
    return tile.replicate(across, down).crop(0, 0, width, height)


def mix(base: Ink, ink: Ink, mask: pyvips.Image) -> pyvips.Image:
    """`base` with `ink` laid over it where the soft `mask` (0..1) is high."""
    return mask * ink + (1 - mask) * base


def ramp(value: pyvips.Image, edge: float, softness: float) -> pyvips.Image:
    """0 below `edge`, 1 above it, with a linear transition `softness` wide."""
    return ((value - edge) / softness + 0.5).clamp(min=0.0, max=1.0)


def jitter(rng: random.Random, colour: Colour, amount: float) -> Colour:
    """`colour` with each channel moved by up to `amount`."""
    r, g, b = (min(255.0, max(0.0, c + rng.uniform(-amount, amount))) for c in colour)
    return (r, g, b)


def vignette(width: int, height: int, strength: float) -> pyvips.Image:
    """A smooth factor that is 1 in the middle and darkens towards the corners."""
    small_w, small_h = 64, max(2, round(64 * height / width))
    xy = pyvips.Image.xyz(small_w, small_h)
    dx = (xy[0] - small_w / 2) / (small_w / 2)
    dy = (xy[1] - small_h / 2) / (small_h / 2)
    falloff = (1 - strength * (dx * dx + dy * dy) / 2).copy_memory()
    return falloff.resize(width / small_w, vscale=height / small_h, kernel="linear").crop(0, 0, width, height)


def vertical_gradient(width: int, height: int, top: Colour, bottom: Colour, until: float) -> pyvips.Image:
    """`top` fading into `bottom` down to row `until`, then `bottom`; built as one column, then widened."""
    column = [
        [tuple(t + (b - t) * min(1.0, row / until) for t, b in zip(top, bottom, strict=True))] for row in range(height)
    ]
    return grid_image(column).embed(0, 0, width, height, extend="copy")


# --- styles -------------------------------------------------------------------------------------------


def glass_cell_colour(
    rng: random.Random, scheme: dict[str, list[Colour]], u: float, v: float, edge_cells: float
) -> Colour:
    """The colour of one glass piece from its place in the panel (u, v: offsets from the centre)."""
    radius = math.hypot(u, v)
    if edge_cells < 1.0:
        palette = scheme["border"]
    elif radius < 0.62:
        half = int(radius * 7) % 2 * 2
        palette = scheme["medallion"][half : half + 2]
    else:
        palette = scheme["field"]
    return jitter(rng, rng.choice(palette), 22)


def glass_pieces(width: int, height: int, cell: float, rng: random.Random) -> pyvips.Image:
    """A small colour grid with one pixel per piece of glass (border, medallion rings and field)."""
    scheme = rng.choice(GLASS_SCHEMES)
    cols, rows = math.ceil(width / cell) + 3, math.ceil(height / cell) + 3
    half_short = min(width, height) / 2
    grid = []
    for j in range(rows):
        row = []
        for i in range(cols):
            cx, cy = (i - 0.5) * cell, (j - 0.5) * cell
            edge_cells = min(cx, width - cx, cy, height - cy) / cell
            u, v = (cx - width / 2) / half_short, (cy - height / 2) / half_short
            row.append(glass_cell_colour(rng, scheme, u, v, edge_cells))
        grid.append(row)
    return grid_image(grid)


def frame_and_arch(width: int, height: int, frame: float) -> tuple[pyvips.Image, pyvips.Image]:
    """Masks (0/255) of the outer lead frame and of the wall above a round-headed window."""
    xy = pyvips.Image.xyz(width, height)
    x, y = xy[0], xy[1]
    border = (x < frame) | (x > width - frame) | (y < frame) | (y > height - frame)
    if height <= 1.35 * width:
        return border, pyvips.Image.black(width, height)
    radius = width / 2 - frame
    outside = (((x - width / 2) ** 2 + (y - width / 2) ** 2) > radius * radius) & (y < width / 2)
    return border, outside


def lead_lines(index: pyvips.Image, cell: float, half_width: float) -> pyvips.Image:
    """An anti-aliased 0..1 mask of the lead between pieces: where `index` is near a whole number."""
    within = index % 1.0
    to_edge = (within < 0.5).ifthenelse(within, 1 - within) * cell
    distance = to_edge[0].minpair(to_edge[1])
    return (half_width + 0.5 - distance).clamp(min=0.0, max=1.0)


def stained_glass(width: int, height: int, seed: int) -> pyvips.Image:
    """Bright, irregular glass pieces between dark lead lines, lit unevenly from behind."""
    rng = random.Random(seed)
    long_side = max(width, height)
    cell = long_side / rng.uniform(11, 17)
    pieces = glass_pieces(width, height, cell, rng)
    warp = smooth_noise(width, height, cell * 1.4, seed + 1).bandjoin(smooth_noise(width, height, cell * 1.4, seed + 2))
    index = pyvips.Image.xyz(width, height) / cell + 1 + warp * 0.9
    glass = pieces.mapim(index, interpolate=pyvips.Interpolate.new("nearest"))
    texture = (
        0.85
        + 0.4 * smooth_noise(width, height, long_side / 3, seed + 3)
        + 0.12 * smooth_noise(width, height, cell / 3, seed + 4, stretch=4)
    )
    picture = mix(glass * texture, list(LEAD), lead_lines(index, cell, max(1.0, long_side * 0.0024)))
    border, wall = frame_and_arch(width, height, long_side * 0.012)
    return wall.ifthenelse(list(WALL), border.ifthenelse(list(LEAD), picture))


def paint_fields(scheme: list[Colour], cols: int, rows: int, rng: random.Random) -> pyvips.Image:
    """A small grid of colours: one main colour per horizontal band, some cells changed into fields."""
    grid = []
    for _ in range(rows):
        band = scheme[rng.randrange(len(scheme))]
        grid.append([jitter(rng, rng.choice(scheme) if rng.random() < 0.25 else band, 26) for _ in range(cols)])
    return grid_image(grid)


def paint_shapes(base: pyvips.Image, scheme: list[Colour], rng: random.Random) -> pyvips.Image:
    """Lay one to three large soft motifs (discs and slanting bands) over the colour fields."""
    w, h = base.width, base.height
    xy = pyvips.Image.xyz(w, h)
    for _ in range(rng.randint(1, 3)):
        colour = list(jitter(rng, rng.choice(scheme), 15))
        if rng.random() < 0.5:
            cx, cy = rng.uniform(0.15, 0.85) * w, rng.uniform(0.15, 0.7) * h
            radius = rng.uniform(0.08, 0.22) * (w + h)
            distance = ((xy[0] - cx) ** 2 + (xy[1] - cy) ** 2) ** 0.5
            base = mix(base, colour, 1 - ramp(distance, radius, radius * 0.08))
        else:
            slope, offset = rng.uniform(-0.8, 0.8), rng.uniform(0.2, 0.8) * h
            band = abs(xy[1] - offset - slope * (xy[0] - w / 2))
            base = mix(base, colour, 1 - ramp(band, rng.uniform(0.03, 0.08) * h, 0.02 * h))
    return base


def painting(width: int, height: int, seed: int) -> pyvips.Image:
    """Broad, soft colour fields and bands with brush strokes and plaster grain (a mural or mosaic)."""
    rng = random.Random(seed)
    scale = max(1.0, max(width, height) / 640)
    small_w, small_h = math.ceil(width / scale) + 1, math.ceil(height / scale) + 1
    scheme = rng.choice(PAINT_SCHEMES)
    cols, rows = rng.randint(3, 7), rng.randint(3, 6)
    fields = paint_fields(scheme, cols + 2, rows + 2, rng)
    warp = smooth_noise(small_w, small_h, small_h / 2, seed + 1).bandjoin(
        smooth_noise(small_w, small_h, small_h / 2, seed + 2)
    )
    index = pyvips.Image.xyz(small_w, small_h) / [small_w / cols, small_h / rows] + 1 + warp * 0.7
    base = fields.mapim(index, interpolate=pyvips.Interpolate.new("nearest"))
    base = paint_shapes(base, scheme, rng).gaussblur(2.5).copy_memory()
    base = base.resize(scale, kernel="linear").crop(0, 0, width, height)
    long_side = max(width, height)
    texture = (
        1
        + 0.1 * smooth_noise(width, height, long_side / 60, seed + 3, stretch=5)
        + 0.12 * smooth_noise(width, height, long_side / 8, seed + 4)
    )
    return base * texture


@dataclass(frozen=True)
class Building:
    """One house of a street front, in pixels of the finished image."""

    start: float
    end: float
    top: float
    peak: float
    colour: Colour
    window_every: float
    floor: float
    replaced: bool


def street_front(width: int, ground: float, rng: random.Random) -> list[Building]:
    """Houses side by side across the picture, standing on the road at `ground`.

    `replaced` houses become glass blocks in the `now` view.
    """
    houses, x = [], -rng.uniform(0, 0.08) * width
    while x < width:
        span = rng.uniform(0.09, 0.22) * width
        top = rng.uniform(0.33, 0.66) * ground
        houses.append(
            Building(
                start=x,
                end=x + span,
                top=top,
                peak=rng.choice((0.0, 0.08, 0.13, 0.17)) * ground,
                colour=jitter(rng, rng.choice(FACADES), 12),
                window_every=rng.uniform(0.028, 0.045) * width,
                floor=(ground - top) / rng.randint(2, 5),
                replaced=rng.random() < 0.3,
            )
        )
        x += span
    return houses


def building_columns(houses: list[Building], width: int, modern: bool) -> list[tuple[float, ...]]:
    """Per-column samples of a street: roof line, facade top, colour, window column, storey height, glass."""
    samples = min(width, 2048)
    columns = []
    for k in range(samples):
        x = (k + 0.5) * width / samples
        house = next(h for h in houses if h.end > x)
        glass = modern and house.replaced
        top = house.top * 0.55 if glass else house.top
        half = (house.end - house.start) / 2
        along = 1 - abs(x - house.start - half) / half
        roof = top if glass else top - house.peak * along
        every = house.window_every * (0.5 if glass else 1.0)
        local = (x - house.start) % every
        in_window = 255.0 * (every * 0.3 < local < every * (0.85 if glass else 0.75) and along > 0.08)
        colour = GLASS_TOWER if glass else house.colour
        storey = house.floor * (0.5 if glass else 1.0)
        columns.append((roof, top, *colour, in_window, storey, 255.0 * glass))
    return columns


def road(width: int, height: int, modern: bool, rng: random.Random) -> pyvips.Image:
    """The road below the houses, with kerbs and tram rails (then) or lane markings (now) in perspective."""
    xy = pyvips.Image.xyz(width, height)
    depth, vanish = xy[1], rng.uniform(0.35, 0.65) * width
    slopes = [-2.6, 2.6] + ([0.0] if modern else [-0.22, -0.12, 0.12, 0.22])
    lines = pyvips.Image.black(width, height)
    for slope in slopes:
        lines = lines | (abs(xy[0] - vanish - slope * depth * 3) < (1 + depth * 0.012))
    if modern:
        gaps = ((depth * 5 / height) % 1.0) > 0.5
        lines = lines & (gaps & (abs(xy[0] - vanish) < (1 + depth * 0.02))).ifthenelse(0, 255)
    surface = [95, 95, 100] if modern else [150, 140, 125]
    return lines.ifthenelse([235, 235, 220] if modern else [70, 65, 60], surface).cast("float")


def houses_and_sky(width: int, height: int, seed: int, modern: bool, rng: random.Random) -> pyvips.Image:
    """Sky with clouds over a row of houses with roofs, cornices and windows, down to the road."""
    houses = street_front(width, height, rng)
    cols = stretch_row(building_columns(houses, width, modern), width, height)
    roof, top, colour, window_col, storey, glass = cols[0], cols[1], cols[2:5], cols[5], cols[6], cols[7]
    y = pyvips.Image.xyz(width, height)[1]
    sky_top, sky_low = ((70, 130, 200), (190, 215, 235)) if modern else ((120, 120, 120), (215, 215, 210))
    picture = vertical_gradient(width, height, sky_top, sky_low, height)
    clouds = ramp(smooth_noise(width, height, height / 2, seed + 1, stretch=2.5), 0.15, 0.25) * 0.8
    picture = mix(picture, [245, 245, 245], clouds)
    shade = 0.9 + 0.1 * smooth_noise(width, height, height / 4, seed + 2)
    house = y >= roof
    picture = house.ifthenelse(colour * shade, picture)
    picture = (house & (y < top) & (glass < 128)).ifthenelse(list(ROOF), picture)
    level = (y - top) % storey
    window = (window_col > 128) & (level > storey * 0.25) & (level < storey * 0.7) & (y > top)
    picture = window.ifthenelse([150, 185, 215] if modern else [45, 45, 50], picture)
    cornice = (glass < 128) & (y >= top) & (y < top + storey * 0.06)
    return cornice.ifthenelse([80, 72, 64], picture)


def city_street(width: int, height: int, seed: int, modern: bool) -> pyvips.Image:
    """A street front with sky, pitched roofs, windows and a cobbled or asphalt road (the same per seed)."""
    rng = random.Random(seed)
    ground = round(rng.uniform(0.7, 0.8) * height)
    upper = houses_and_sky(width, ground, seed, modern, rng)
    return upper.join(road(width, height - ground, modern, rng), "vertical")


def city_now(width: int, height: int, seed: int) -> pyvips.Image:
    """The street today: crisp and colourful, some houses replaced by glass blocks."""
    return city_street(width, height, seed, modern=True)


def city_then(width: int, height: int, seed: int) -> pyvips.Image:
    """The street in an old photograph: low contrast, a few scratches and a dark vignette."""
    rng = random.Random(seed + 8)
    scratch_at = {rng.randrange(width) for _ in range(rng.randint(2, 6))}
    scratches = stretch_row([(60.0 if k in scratch_at else 0.0,) for k in range(width)], width, height)
    faded = (city_street(width, height, seed, modern=False) * 0.7 + 40) * vignette(width, height, 0.6)
    return faded + scratches


@dataclass(frozen=True)
class Style:
    """How to draw one style: the design function, its share of the design size, grain and default tone."""

    draw: Callable[[int, int, int], pyvips.Image]
    sharpness: float
    grain: float
    tone: str


STYLES: dict[str, Style] = {
    "stained-glass": Style(stained_glass, sharpness=1.0, grain=5, tone="colour"),
    "painting": Style(painting, sharpness=1.0, grain=7, tone="colour"),
    "city-then": Style(city_then, sharpness=0.55, grain=16, tone="sepia"),
    "city-now": Style(city_now, sharpness=1.0, grain=3, tone="colour"),
}


# --- finishing ----------------------------------------------------------------------------------------


def sepia(picture: pyvips.Image) -> pyvips.Image:
    """Brown-toned monochrome, as an old print."""
    luminance = [0.299, 0.587, 0.114]
    matrix = [[weight * tint for weight in luminance] for tint in (1.0, 0.86, 0.66)]
    return picture.recomb(matrix) + [18, 12, 4]


def stamp(picture: pyvips.Image, label: str) -> pyvips.Image:
    """Print "PAVYZDYS / SAMPLE" and the inventory number in a dark box in the middle of the picture."""
    width, height = picture.width, picture.height
    text = pyvips.Image.text(
        f"PAVYZDYS / SAMPLE\n{label}",
        font=LABEL_FONT,
        align="centre",
        width=round(width * 0.6),
        height=round(min(width, height) * 0.12),
    )
    pad = max(4, text.height // 4)
    box_w, box_h = text.width + 2 * pad, text.height + 2 * pad
    left, top = (width - box_w) // 2, (height - box_h) // 2
    box = picture.crop(left, top, box_w, box_h) * 0.35 + 12
    ink = text.embed(pad, pad, box_w, box_h) / 255.0
    return picture.insert(mix(box, [250, 250, 245], ink).cast("uchar"), left, top)


def design_size(width: int, height: int, sharpness: float) -> tuple[int, int]:
    """The size at which the picture is designed before it is enlarged to `width` x `height`.

    Shapes are drawn at no more than DESIGN_SIDE px (a third of the long side for the very large images),
    which keeps the cost per image nearly constant; grain and the label are added at full size.
    """
    long_side = max(width, height)
    design = min(long_side, max(DESIGN_SIDE, long_side // 3)) * sharpness
    return max(8, round(width * design / long_side)), max(8, round(height * design / long_side))


def enlarge(picture: pyvips.Image, width: int, height: int) -> pyvips.Image:
    """Scale an 8-bit picture smoothly to exactly `width` x `height`."""
    scaled = picture.resize(width / picture.width, vscale=height / picture.height, kernel="linear")
    return scaled.embed(0, 0, width, height, extend="copy")


def render(job: Job) -> pyvips.Image:
    """The finished 8-bit sRGB picture for one job."""
    style = STYLES[job.style]
    picture = style.draw(*design_size(job.width, job.height, style.sharpness), job.seed)
    if job.tone == "sepia":
        picture = sepia(picture)
    picture = enlarge(picture.clamp(min=0.0, max=255.0).cast("uchar"), job.width, job.height)
    picture = (picture + grain(job.width, job.height, style.grain, job.seed + 99)).cast("uchar")
    return stamp(picture, job.label).copy(interpretation="srgb")


def save(picture: pyvips.Image, path: Path) -> None:
    """Write a baseline JPEG atomically (a half-written file never takes the final name)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(path.name + ".part.jpg")
    picture.jpegsave(str(partial), **JPEG_OPTIONS)
    partial.replace(path)


# --- reading the specs --------------------------------------------------------------------------------


def side(spec: dict, key: str) -> int:
    """A validated width or height."""
    value = spec.get(key)
    if not isinstance(value, int) or isinstance(value, bool) or not MIN_SIDE <= value <= MAX_SIDE:
        raise SpecError(f"`{key}` must be a whole number of pixels from {MIN_SIDE} to {MAX_SIDE}, got {value!r}")
    return value


def job_for(folder: Path, inventory: str, image: object) -> Job:
    """Check one image entry and turn it into a job."""
    if not isinstance(image, dict):
        raise SpecError("an image entry must be a mapping with `file` and `sample`")
    file, spec = image.get("file"), image.get("sample")
    if not isinstance(file, str) or not file.endswith(".jpg") or ".." in Path(file).parts or file.startswith("/"):
        raise SpecError(f"`file` must be a relative .jpg path inside the collection, got {file!r}")
    if not isinstance(spec, dict):
        raise SpecError("missing `sample:` spec")
    style = spec.get("style")
    if style not in STYLES:
        raise SpecError(f"unknown style {style!r} (known: {', '.join(STYLES)})")
    tone = spec.get("tone", STYLES[style].tone)
    if tone not in TONES:
        raise SpecError(f"unknown tone {tone!r} (known: {', '.join(TONES)})")
    seed = spec.get("seed")
    if not isinstance(seed, int) or isinstance(seed, bool) or seed < 0:
        raise SpecError(f"`seed` must be a whole number >= 0, got {seed!r}")
    return Job(
        path=folder / file,
        label=f"{inventory} · {Path(file).stem.rsplit('-', 1)[-1]}",
        style=style,
        width=side(spec, "width"),
        height=side(spec, "height"),
        seed=seed,
        tone=tone,
    )


def read_records(items_file: Path) -> list[dict]:
    """The records of one items.yaml."""
    try:
        data = yaml.safe_load(items_file.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as error:
        raise SpecError(f"cannot be read: {error}") from error
    records = data.get("items") if isinstance(data, dict) else None
    if not isinstance(records, list) or not all(isinstance(record, dict) for record in records):
        raise SpecError("expected a top-level `items:` list of records")
    return records


def read_jobs(root: Path) -> tuple[list[Job], list[str]]:
    """All image jobs under `root`, and a message for every entry that cannot be drawn."""
    jobs, errors = [], []
    for items_file in sorted(root.glob("*/items.yaml")):
        where = items_file.relative_to(root)
        try:
            records = read_records(items_file)
        except SpecError as error:
            errors.append(f"{where}: {error}")
            continue
        for record in records:
            inventory = record.get("inventory_number", "?")
            for n, image in enumerate(record.get("images") or [], start=1):
                try:
                    jobs.append(job_for(items_file.parent, inventory, image))
                except SpecError as error:
                    errors.append(f"{where}: {inventory}, image {n}: {error}")
    return jobs, errors


# --- command line -------------------------------------------------------------------------------------


def parse_args(argv: list[str]) -> argparse.Namespace:
    """The command line: an optional ROOT folder and --force."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "root",
        nargs="?",
        type=Path,
        default=Path(__file__).resolve().parent,
        help="folder holding the collection folders (default: this script's folder)",
    )
    parser.add_argument("--force", action="store_true", help="redraw images that exist already")
    return parser.parse_args(argv)


def main(argv: list[str]) -> int:
    """Check every spec first, then draw the missing (or, with --force, all) images; 2 on a bad spec."""
    args = parse_args(argv)
    root: Path = args.root.resolve()
    if not root.is_dir():
        print(f"{root} is not a folder of collections", file=sys.stderr)
        return 2
    jobs, errors = read_jobs(root)
    if errors:
        print(f"Cannot draw the sample images, {len(errors)} problem(s); nothing written:", file=sys.stderr)
        print("\n".join(f"  {message}" for message in errors), file=sys.stderr)
        return 2
    if not jobs:
        print(f"No image entries found in {root}/*/items.yaml", file=sys.stderr)
        return 2
    started, written = time.monotonic(), 0
    for number, job in enumerate(jobs, start=1):
        name = job.path.relative_to(root)
        if job.path.exists() and not args.force:
            print(f"[{number}/{len(jobs)}] {name} exists, kept")
            continue
        save(render(job), job.path)
        written += 1
        print(f"[{number}/{len(jobs)}] {name} {job.width}x{job.height}", flush=True)
    elapsed = time.monotonic() - started
    print(f"Done: {written} written, {len(jobs) - written} kept, {len(jobs)} in all, {elapsed:.1f} s.")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
