"""Layout defects a researcher found: the detail page's citation boxes, the time line's decade labels and a
filter chip's ×, at desktop and phone width."""

import pytest

from .helpers import VIEWPORTS, WIDTHS
from .journey_data import places_and_decades

pytestmark = [pytest.mark.service, pytest.mark.slow, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

# Each citation box: its width against its section's, and whether its label sits above it.
CITATION_BOXES = """() => Array.from(document.querySelectorAll('.detail .citation')).map(block => {
  const box = block.querySelector('textarea').getBoundingClientRect();
  const label = block.querySelector('label').getBoundingClientRect();
  const section = block.closest('section').getBoundingClientRect();
  return {box: box.width, section: section.width, labelAbove: label.bottom <= box.top + 1};
})"""
# Each decade's label: whether it is cut off (wider than its box) or drawn under its bar.
DECADE_LABELS = """() => Array.from(document.querySelectorAll('.timeline-bars a')).map(link => {
  const label = link.querySelector('.timeline-label');
  const text = document.createRange();
  text.selectNodeContents(label);
  const shown = text.getBoundingClientRect(), box = label.getBoundingClientRect();
  const bar = link.querySelector('.timeline-bar').getBoundingClientRect();
  const overlap = shown.right > bar.left + 1 && shown.left < bar.right - 1
    && shown.bottom > bar.top + 1 && shown.top < bar.bottom - 1;
  return {label: label.textContent, cut: shown.right > box.right + 1 || shown.left < box.left - 1, overlap};
})"""
# Each filter chip: whether its × begins a line of its own, below the chip's last line of text.
CHIP_CROSSES = """() => Array.from(document.querySelectorAll('.search-chip')).map(chip => {
  const text = document.createRange();
  text.selectNodeContents(chip.firstChild);
  const lines = Array.from(text.getClientRects());
  const cross = chip.querySelector('[aria-hidden="true"]').getBoundingClientRect();
  return {chip: chip.textContent, alone: cross.top >= lines[lines.length - 1].bottom - 1};
})"""

# Narrow the chips' row until the first chip's text just fits and its × does not: where a label's length
# happens to fill the line (as a researcher's did at 390 px), the × must still not wrap alone.
NARROW_TO_FIRST_CHIP = """() => {
  const chip = document.querySelector('.search-chip');
  const cross = chip.querySelector('[aria-hidden="true"]').getBoundingClientRect();
  chip.closest('ul').style.width = `${chip.getBoundingClientRect().width - cross.width / 2}px`;
}"""


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_detail_citation_boxes_are_full_width_blocks_under_their_labels(page, catalogue, site, viewport):
    page.set_viewport_size(dict(zip(("width", "height"), VIEWPORTS[viewport], strict=True)))
    page.goto(f"{site}/item/BR-1/detail/1/400,300,800,600/")
    boxes = page.evaluate(CITATION_BOXES)
    assert len(boxes) == 4, boxes
    for box in boxes:
        assert box["box"] >= 0.95 * box["section"], boxes
        assert box["labelAbove"], boxes
    scroll_width, inner_width = page.evaluate(WIDTHS)
    assert scroll_width <= inner_width


@pytest.mark.parametrize("viewport", VIEWPORTS)
@pytest.mark.parametrize("prefix", ["", "/en"])
def test_timeline_labels_show_whole_and_a_chips_cross_stays_with_its_label(page, catalogue, site, viewport, prefix):
    places_and_decades(catalogue)
    page.set_viewport_size(dict(zip(("width", "height"), VIEWPORTS[viewport], strict=True)))
    page.goto(f"{site}{prefix}/search/?decade=1930&from=1900&view=timeline")
    labels = page.evaluate(DECADE_LABELS)
    assert labels, "the time line shows no decade"
    assert not [label for label in labels if label["cut"] or label["overlap"]], labels
    chips = page.evaluate(CHIP_CROSSES)
    assert len(chips) >= 2, chips
    assert not [chip for chip in chips if chip["alone"]], chips
    page.evaluate(NARROW_TO_FIRST_CHIP)
    assert not page.evaluate(CHIP_CROSSES)[0]["alone"]
    scroll_width, inner_width = page.evaluate(WIDTHS)
    assert scroll_width <= inner_width
