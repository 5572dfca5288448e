"""An import's summary reads right in Lithuanian whatever the counts: "label: count", never "3 sukurtas"."""

from django.utils import translation

from archive.imports.outcomes import summary_lines


def test_the_summary_never_makes_a_label_agree_with_a_number():
    with translation.override("lt"):
        lines = summary_lines({"created": 3, "updated": 0, "submitted": 21})
    assert lines == [(3, "sukurta"), (0, "atnaujinta"), (21, "puslapių pateikta patvirtinti")]
    with translation.override("en"):
        assert summary_lines({"created": 1})[0] == (1, "created")
