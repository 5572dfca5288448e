"""Random and mutated IIIF URLs never make the service fail with a server error."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

pytestmark = [pytest.mark.django_db, pytest.mark.slow]

VALID = [
    "/iiif/3/grid/full/max/0/default.jpg",
    "/iiif/3/grid/0,0,256,256/256,/0/default.jpg",
    "/iiif/3/grid/pct:10,10,20,20/^!300,300/!90/gray.png",
    "/iiif/3/grid/square/^pct:150/22.5/bitonal.webp",
    "/iiif/2/grid/full/full/0/default.jpg",
    "/iiif/2/grid/info.json",
    "/iiif/3/grid/info.json",
]
PIECES = st.sampled_from(
    [
        "full",
        "square",
        "max",
        "^max",
        "pct:",
        "^",
        "!",
        ",",
        ".",
        "/",
        "..",
        "%2F",
        "%00",
        "+",
        "0",
        "1",
        "256",
        "-1",
        "1e9",
        "99999999",
        "0.0000001",
        "360.5",
        "default",
        "gray",
        "bitonal",
        "color",
        "jpg",
        "png",
        "tif",
        "gif",
        "webp",
        "info.json",
        "grid",
        "\u0105",
        " ",
        "%",
        "?",
        "#",
    ]
)
SEGMENT = st.one_of(st.lists(PIECES, max_size=5).map("".join), st.text(max_size=12))


def mutate(url: str, position: int, insertion: str, length: int) -> str:
    position %= len(url) + 1
    return url[:position] + insertion + url[position + length :]


random_urls = st.lists(SEGMENT, min_size=1, max_size=7).map(lambda parts: "/iiif/" + "/".join(parts))
mutated_urls = st.builds(mutate, st.sampled_from(VALID), st.integers(0, 80), SEGMENT, st.integers(0, 6))

HYPOTHESIS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


@HYPOTHESIS
@given(url=st.one_of(random_urls, mutated_urls))
def test_no_url_causes_a_server_error(client, public_image, url):
    response = client.get(url)
    assert response.status_code < 500 or response.status_code == 503, (url, response.content[:200])


@HYPOTHESIS
@given(
    region=st.tuples(*[st.integers(-5, 3000)] * 4).map(lambda r: ",".join(map(str, r))),
    size=st.one_of(
        st.tuples(st.sampled_from(["", "^", "!", "^!"]), st.integers(0, 12000), st.integers(0, 12000)).map(
            lambda s: f"{s[0]}{s[1]},{s[2]}"
        ),
        st.floats(0, 500, allow_nan=False).map(lambda p: f"pct:{p}"),
    ),
    rotation=st.floats(-10, 400, allow_nan=False, allow_infinity=False).map(lambda r: f"{r:g}"),
)
def test_numeric_extremes_answer_2xx_or_4xx(client, public_image, region, size, rotation):
    response = client.get(f"/iiif/3/grid/{region}/{size}/{rotation}/default.png")
    assert response.status_code in (200, 400, 404), (region, size, rotation, response.content[:200])


# Valid requests of both versions; every digit after the identifier is in a numeric part.
NUMERIC_URLS = [
    "/iiif/3/grid/10,20,300,400/^!300,200/!22.5/default.jpg",
    "/iiif/3/grid/pct:10,20,30,40.5/^pct:150/90/gray.png",
    "/iiif/3/grid/full/^,120/!0/default.jpg",
    "/iiif/2/grid/10,20,300,400/!300,200/!22.5/default.jpg",
    "/iiif/2/grid/pct:10,20,30,40.5/pct:50/90/gray.png",
    "/iiif/2/grid/full/120,80/0/default.jpg",
]
NON_ASCII_DIGIT = st.one_of(
    st.sampled_from("\uff10\uff11\uff12\uff13\uff14\uff15\uff16\uff17\uff18\uff19"),  # fullwidth
    st.characters(categories=["Nd"], exclude_characters="0123456789"),
)


@HYPOTHESIS
@given(url=st.sampled_from(NUMERIC_URLS), pick=st.integers(0, 200), digit=NON_ASCII_DIGIT)
def test_a_non_ascii_digit_anywhere_in_a_number_is_refused(client, public_image, url, pick, digit):
    start = url.index("/grid/")
    positions = [index for index, character in enumerate(url) if character in "0123456789" and index > start]
    position = positions[pick % len(positions)]
    assert client.get(url).status_code == 200
    response = client.get(url[:position] + digit + url[position + 1 :])
    assert response.status_code == 400, (url, position, digit)
