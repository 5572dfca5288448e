"""Curators' notes on details as W3C commenting annotations on an item's canvases.

A note written in both languages becomes one annotation whose body is a Choice of two TextualBodies, as
the IIIF cookbook recipe for multilingual annotation bodies does; a viewer picks the visitor's language.
"""

from collections import defaultdict

from iiif_prezi3 import Annotation, AnnotationPage, Canvas, Choice, TextualBody

from .languages import LANGUAGES


def notes_by_image(pages: dict) -> dict[int, dict[str, dict[str, str]]]:
    """Image number -> region -> language -> note text, from every translation of the item; a note that no
    longer fits its image is left out, as on the item page."""
    notes = defaultdict(dict)
    for code in LANGUAGES:
        if code in pages:
            for note, _link in pages[code].notes_on_details():
                notes[note.image_number].setdefault(note.region, {})[code] = note.note
    return notes


def note_body(texts: dict[str, str]) -> TextualBody | Choice:
    bodies = [
        TextualBody(type="TextualBody", value=text, language=code, format="text/plain") for code, text in texts.items()
    ]
    return bodies[0] if len(bodies) == 1 else Choice(type="Choice", items=bodies)


def add_notes(canvas: Canvas, notes: dict[str, dict[str, str]]) -> None:
    """Attach the notes on the canvas's image as a page of commenting annotations on their regions."""
    annotations = [
        Annotation(
            id=f"{canvas.id}/annotation/{number}",
            motivation="commenting",
            body=note_body(texts),
            target=f"{canvas.id}#xywh={region}",
        )
        for number, (region, texts) in enumerate(notes.items(), start=1)
    ]
    if annotations:
        canvas.annotations = [AnnotationPage(id=f"{canvas.id}/annotations", items=annotations)]
