"""A curator whose admin language is Lithuanian walks the admin in a real browser: the dashboard, an item's
editor, the import page and a preview full of problems, the multiple image uploader refusing a file, and
a page in moderation with its workflow actions (the curator's and the editor's). No English sentence of
ours may show: no msgid of our .po files appears in English on a page, and no line holds the English
words our messages are made of. Lines that are Wagtail's own untranslated strings are reported (printed),
not failed: Wagtail translates Wagtail."""

import re
from pathlib import Path

import pytest
import wagtail
from wagtail.users.models import UserProfile

from tests.factories import make_member

from .roles import PASSWORD, ensure_roles, log_in_with_the_form

pytestmark = [pytest.mark.service, pytest.mark.slow, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

REPO_ROOT = Path(__file__).resolve().parents[2]
OUR_CATALOGUES = ["archive/locale", "media/locale", "search/locale", "archive/embeds/locale"]
# Words our English messages are made of, none of them Lithuanian.
ENGLISH_WORDS = {
    "the",
    "and",
    "is",
    "are",
    "of",
    "with",
    "not",
    "has",
    "was",
    "were",
    "this",
    "that",
    "unknown",
    "refused",
    "approval",
    "draft",
    "drafts",
    "items",
    "column",
    "row",
    "rows",
    "editors",
    "valid",
    "required",
    "supported",
    "image",
    "file",
    "year",
    "years",
    "pages",
    "submitted",
    "changed",
    "created",
    "updated",
    "unchanged",
    "error",
    "new",
}
PROBLEMS = (
    "inventory_number,collection,title_lt,year_earliest,year_latest,techniques,creators,colour\n"
    "N-1,vitrazai,Langas,1950,1900,tapyba ant stikl,nobody,raudona\n"
)


def po_entries(path: Path) -> list[tuple[str, str]]:
    """(msgid, msgstr) of a .po file, plural forms by their first msgstr; enough of the format for ours."""
    entries, field, current = [], None, {}
    for line in path.read_text(encoding="utf-8").splitlines() + [""]:
        line = line.strip()
        match = re.match(r'^(msgid|msgid_plural|msgstr(?:\[0\])?|msgstr\[\d\]|msgctxt) "(.*)"$', line)
        if match:
            if match.group(1) in ("msgid", "msgctxt") and "msgstr" in current:
                entries += [(current.get(key, ""), current["msgstr"]) for key in ("msgid", "msgid_plural")]
                current = {}
            field = "msgstr" if match.group(1).startswith("msgstr[0]") or match.group(1) == "msgstr" else match.group(1)
            if field.startswith("msgstr["):
                field = None
                continue
            current[field] = current.get(field, "") + unescape(match.group(2))
        elif line.startswith('"') and field:
            current[field] += unescape(line[1:-1])
        elif not line.startswith('"'):
            field = None if not line else field
    if "msgstr" in current:
        entries += [(current.get(key, ""), current["msgstr"]) for key in ("msgid", "msgid_plural")]
    return [(msgid, msgstr) for msgid, msgstr in entries if msgid]


def unescape(text: str) -> str:
    return text.replace('\\"', '"').replace("\\n", "\n").replace("\\\\", "\\")


def as_pattern(msgid: str) -> re.Pattern:
    parts = re.split(r"%\(\w+\)[sd]|%[sd]|\{\w*\}", msgid)
    return re.compile(".+?".join(re.escape(part) for part in parts))


def our_english() -> list[tuple[str, re.Pattern]]:
    """Our msgids of three words or more that read differently in Lithuanian (or have no Lithuanian yet)."""
    found = []
    for folder in OUR_CATALOGUES:
        for msgid, msgstr in po_entries(REPO_ROOT / folder / "lt/LC_MESSAGES/django.po"):
            if literal_words(msgid) >= 3 and msgstr != msgid:
                found.append((msgid, as_pattern(msgid)))
    return found


def wagtails_untranslated() -> list[re.Pattern]:
    """Wagtail's English msgids (its en catalogues list them all) that its Lithuanian ones do not translate."""
    root = Path(wagtail.__file__).parent
    english = {msgid for path in root.glob("**/locale/en/LC_MESSAGES/*.po") for msgid, _msgstr in po_entries(path)}
    lithuanian = {
        msgid for path in root.glob("**/locale/lt/LC_MESSAGES/*.po") for msgid, msgstr in po_entries(path) if msgstr
    }
    return [as_pattern(msgid.strip()) for msgid in english - lithuanian if literal_words(msgid) >= 2]


def literal_words(msgid: str) -> int:
    return len(re.findall(r"[A-Za-z]+", re.sub(r"%\(\w+\)[sd]|%[sd]|\{\w*\}", " ", msgid)))


def english_lines(page, ours, wagtails: list[re.Pattern]) -> tuple[list[str], list[str]]:
    """(lines of ours in English, lines that are Wagtail's untranslated strings) on the visible page."""
    text = page.inner_text("body")
    labels = page.eval_on_selector_all(
        "[aria-label]:not([hidden]), [title]", "nodes => nodes.map(n => n.getAttribute('aria-label') || n.title)"
    )
    lines = [line.strip() for line in [*text.splitlines(), *labels] if line.strip()]
    ours_found, wagtail_found = [], []
    for line in lines:
        sentences = re.split(r"(?<=\.)\s+", line)  # Wagtail joins some of its messages into one line
        if all(any(pattern.fullmatch(sentence) for pattern in wagtails) for sentence in sentences):
            wagtail_found.append(line)
            continue
        words = set(re.findall(r"[a-z]+", line.lower()))
        if any(pattern.search(line) for _msgid, pattern in ours) or len(words & ENGLISH_WORDS) >= 2:
            ours_found.append(line)
    return ours_found, wagtail_found


@pytest.fixture
def people(catalogue):
    ensure_roles()
    users = {
        "curator": make_member("kuratore", "Curators", PASSWORD),
        "editor": make_member("redaktorius", "Editors", PASSWORD),
    }
    for user in users.values():
        profile = UserProfile.get_for_user(user)
        profile.preferred_language = "lt"
        profile.save()
    return users


def test_a_lithuanian_curator_sees_no_english_of_ours(page, catalogue, site, people, tmp_path):
    ours, wagtails = our_english(), wagtails_untranslated()
    seen: dict[str, tuple[list[str], list[str]]] = {}

    def look(name: str) -> None:
        page.wait_for_load_state("networkidle")
        seen[name] = english_lines(page, ours, wagtails)

    item = catalogue["items"][1]
    log_in_with_the_form(page, site, "kuratore")
    look("dashboard")
    page.goto(f"{site}/admin/pages/{item.pk}/edit/")
    look("item editor")
    page.goto(f"{site}/admin/import-items/")
    page.locator("#import-accepts details").first.click()
    look("import page")
    sheet = tmp_path / "problemos.csv"
    sheet.write_text(PROBLEMS, encoding="utf-8")
    page.set_input_files("#id_file", str(sheet))
    page.click("form[enctype] button[type=submit]")
    look("import preview")
    curator_refused_by_the_uploader(page, site, tmp_path)
    look("multiple uploader")
    put_in_moderation(item, people["curator"])
    page.goto(f"{site}/admin/pages/{item.pk}/edit/")
    page.locator("[data-w-dropdown-target='toggle']").last.click()
    look("curator's page in moderation")
    log_in_with_the_form(page, site, "redaktorius")
    page.goto(f"{site}/admin/pages/{item.pk}/edit/")
    page.locator("[data-w-dropdown-target='toggle']").last.click()
    look("editor's workflow actions")

    for name, (_ours, wagtail_lines) in seen.items():
        if wagtail_lines:
            print(f"Wagtail leaves English on the {name}: {sorted(set(wagtail_lines))}")
    english = {name: found for name, (found, _wagtail) in seen.items() if found}
    assert english == {}, english


def curator_refused_by_the_uploader(page, site: str, tmp_path) -> None:
    bad = tmp_path / "sugadintas.jpg"
    bad.write_bytes(b"not an image at all" * 50)
    page.goto(f"{site}/admin/images/multiple/add/")
    page.set_input_files("#fileupload", str(bad))
    page.wait_for_function(
        "() => document.querySelector('#upload-list .upload-failure, #upload-list .error-message, #upload-list .error')"
    )


def put_in_moderation(item, curator) -> None:
    revision = item.save_revision(user=curator)
    item.get_workflow().start(item, curator)
    assert revision.pk and item.workflow_in_progress
