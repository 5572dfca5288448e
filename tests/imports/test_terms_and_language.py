"""What a curator sees of an import in Lithuanian, terms written as a curator writes them, re-checking a
just-imported file, and publishing items that have no image yet."""

import csv
import io

import pytest
from django.utils import translation
from django.utils.html import escape

from archive.catalogue.models import ItemPage
from archive.imports.permissions import Importer
from archive.imports.plan import plan_import
from archive.imports.table import read_table
from tests.imports.admin_uploads import upload
from tests.imports.sheets import HEADER, item, row, run, write_csv


def plan_of(path):
    return plan_import(read_table(path.read_bytes(), path.name), path.name, Importer())


@pytest.mark.django_db
def test_rechecking_a_just_imported_file_reports_no_changes(catalogue):
    """The file leaves rights empty (the collection's default): an empty cell writes nothing, so it is
    no change either (it was reported as a change of every row)."""
    path = write_csv(
        catalogue / "items.csv", [row("N-1"), row("N-2", date_text="XIX a. pab."), row("T-001", title_lt="Naujas")]
    )
    run(path)
    plan = plan_of(path)
    assert {row.inventory_number: (row.action, row.changes) for row in plan.rows} == {
        "N-1": ("unchanged", []),
        "N-2": ("unchanged", []),
        "T-001": ("unchanged", []),
    }
    out, _err = run(path, "--dry-run")
    assert "3 rows: 0 create, 0 update, 3 unchanged, 0 error" in out


@pytest.mark.django_db
def test_a_term_is_accepted_by_its_name_in_either_language_whatever_the_case_and_accents(catalogue):
    cells = {
        "techniques": "TAPYBA ANT STIKLO",
        "creators": "pavyzdine dirbtuve (pavyzdys):workshop",
        "collection": "Stained glass",
    }
    first = row("N-1", **cells) | {"materials": "Stiklas", "place": "Pavyzdinė Bažnyčia"}
    second = row("N-2", techniques="glass painting") | {"materials": "", "place": ""}
    path = write_csv(catalogue / "items.csv", [first, second], header=[*HEADER, "materials", "place"])
    out, err = run(path, "--publish")
    assert err == "" and "2 created" in out
    created = item("N-1")
    assert [term.key for term in created.techniques.all()] == ["painted-glass"]
    assert [term.key for term in created.materials.all()] == ["glass"]
    assert created.place.key == "sample-church"
    assert [link.creator.key for link in created.creators.all()] == ["sample-workshop"]
    assert [term.key for term in item("N-2").techniques.all()] == ["painted-glass"]
    assert {row.action for row in plan_of(path).rows} == {"unchanged"}


@pytest.mark.django_db
def test_an_unknown_term_names_the_closest_ones_in_the_curators_language(catalogue):
    path = write_csv(
        catalogue / "items.csv", [row("N-1", techniques="tapyba ant stikl"), row("N-2", techniques="stiklas")]
    )
    with translation.override("lt"):
        reasons = [problem.reason for line in plan_of(path).rows for problem in line.problems]
        expected = [
            "nežinomas technikos raktas „tapyba ant stikl“; gal turėjote omenyje 'painted-glass' (tapyba ant "
            "stiklo)?; galimi: painted-glass (tapyba ant stiklo)",
            "nežinomas technikos raktas „stiklas“; „stiklas“ yra medžiaga: įrašykite ją stulpelyje „materials“; ",
        ]
    assert reasons[0] == expected[0]
    assert reasons[1].startswith(expected[1])


@pytest.mark.django_db
def test_publishing_at_once_keeps_an_item_without_an_image_a_draft_and_says_so(catalogue):
    path = write_csv(catalogue / "items.csv", [row("N-1"), row("T-001", title_lt="Naujas pavadinimas")])
    out, _err = run(path, "--publish")
    assert "1 items have no image and were saved as drafts instead" in out
    new = item("N-1")
    assert not new.live and new.has_unpublished_changes and new.current_workflow_state is None
    assert item("T-001").live and item("T-001").title == "Naujas pavadinimas"  # it has an image
    assert not ItemPage.objects.filter(inventory_number="N-1", live=True).exists()


@pytest.mark.django_db
def test_the_admins_summary_of_a_held_back_import_is_in_lithuanian(client, catalogue, people):
    from django.contrib.auth.models import Group

    people["editor"].groups.add(Group.objects.get(name="Editors"))
    client.force_login(people["editor"])
    response = upload(client, "inventory_number,collection,title_lt\nN-1,vitrazai,Langas\n")
    job = response.context["job"]
    client.post(f"/admin/import-items/{job.pk}/confirm/", {"publish": "on"})
    html = client.get(f"/admin/import-items/{job.pk}/").content.decode()
    assert "Įrašų be vaizdo, palikta juodraščiais: 1" in html
    assert not item("N-1").live


@pytest.mark.django_db
def test_the_preview_words_statuses_and_the_loaders_reasons_in_lithuanian(curator):
    text = (
        "inventory_number,collection,title_lt,year_earliest,year_latest\n"
        "N-1,vitrazai,Langas,1950,1900\nN-2,vitrazai,Kitas,,\n"
    )
    html = upload(curator, text).content.decode()
    assert escape("netinkamas metų intervalas: ankstyviausi metai 1950 yra po vėliausių 1900") in html
    assert "<td>naujas</td>" in html and "<td>klaida</td>" in html
    assert "bad year range" not in html


@pytest.mark.django_db
def test_the_import_page_lists_the_columns_and_the_accepted_terms(curator):
    html = curator.get("/admin/import-items/").content.decode()
    from archive.imports.columns import COLUMNS

    for column in COLUMNS:
        assert f"<code>{column.name}</code>" in html
        assert escape(str(column.help_lt)) in html  # a lazy text, fixed to Lithuanian
    for anchor in (
        "terms-techniques",
        "terms-materials",
        "terms-places",
        "terms-creators",
        "terms-collections",
        "terms-subjects",
    ):
        assert f'id="{anchor}"' in html
    assert "<td><code>painted-glass</code></td><td>tapyba ant stiklo</td><td>glass painting</td>" in html
    terms = list(csv.reader(io.StringIO(curator.get("/admin/import-items/terms.csv").content.decode("utf-8-sig"))))
    assert ["techniques", "painted-glass", "tapyba ant stiklo", "glass painting"] in terms
    assert ["place", "sample-church", "Pavyzdinė bažnyčia", ""] in terms


@pytest.mark.django_db
def test_the_template_holds_an_example_row_whose_only_fault_is_being_the_example(curator):
    """Every value of the example row is valid; left in the file, the row is refused as the example."""
    text = curator.get("/admin/import-items/template.csv").content.decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text)))
    assert len(rows) == 3 and rows[2][0] == "PVZ-001"
    plan = plan_import(read_table(text.encode(), "template.csv"), "template.csv", Importer())
    (line,) = plan.rows
    assert line.inventory_number == "PVZ-001"
    assert [str(problem) for problem in line.problems] == [
        "template.csv: 3 eilutė (PVZ-001): inventory_number: tai šablono pavyzdinė eilutė: ištrinkite ją ir "
        "importuokite failą iš naujo"
    ]
