"""Roles and the editorial workflow: curators submit, editors approve and publish."""

import datetime
import time

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import Workflow

from tests.factories import make_item, make_member


@pytest.fixture
def people(db):
    return {"curator": make_member("curator", "Curators"), "editor": make_member("editor", "Editors")}


@pytest.mark.django_db
def test_roles_exist_with_the_archive_names():
    assert {"Curators", "Editors"} <= set(Group.objects.values_list("name", flat=True))
    assert Workflow.objects.filter(name="Redaktorių patvirtinimas", active=True).exists()


@pytest.mark.django_db
def test_curator_can_edit_but_not_publish_and_editor_can_publish(people, collection):
    item = make_item(collection, live=False)
    curator_can = item.permissions_for_user(people["curator"])
    editor_can = item.permissions_for_user(people["editor"])
    assert curator_can.can_edit() and not curator_can.can_publish()
    assert editor_can.can_publish()


@pytest.mark.django_db
def test_submitted_item_goes_live_only_when_an_editor_approves(client, people, collection):
    item = make_item(collection, live=False)
    workflow = item.get_workflow()
    assert workflow.name == "Redaktorių patvirtinimas"
    item.save_revision(user=people["curator"])
    state = workflow.start(item, people["curator"])
    item.refresh_from_db()
    assert not item.live
    assert client.get(item.url).status_code == 404
    task_state = state.current_task_state.specific
    assert task_state.task.specific.user_can_access_editor(item, people["editor"])
    task_state.approve(user=people["editor"])
    item.refresh_from_db()
    assert item.live
    assert client.get(item.url).status_code == 200


@pytest.mark.django_db
def test_curators_and_editors_may_import_items(people):
    assert people["curator"].has_perm("imports.add_importjob")
    assert people["editor"].has_perm("imports.add_importjob")


@pytest.mark.django_db
def test_scheduled_item_goes_live_at_its_time(client, collection):
    item = make_item(collection, live=False)
    item.go_live_at = timezone.now() + datetime.timedelta(seconds=2)
    item.save_revision().publish()
    item.refresh_from_db()
    assert not item.live
    call_command("publish_scheduled")
    item.refresh_from_db()
    assert not item.live
    time.sleep(2.5)
    call_command("publish_scheduled")
    item.refresh_from_db()
    assert item.live
    assert client.get(item.url).status_code == 200


@pytest.mark.django_db
def test_a_curator_logs_in_to_the_admin_and_adds_an_image(client, people):
    client.force_login(people["curator"])
    assert client.get("/admin/").status_code == 200
    assert client.get("/admin/images/").status_code == 200
    assert client.get("/admin/images/add/").status_code == 200
    assert client.get("/admin/pages/").status_code == 200


@pytest.mark.django_db
def test_a_curator_logs_in_with_a_password_through_the_login_form(client, people):
    answer = client.post("/admin/login/", {"username": "curator", "password": "pw"}, follow=True)
    assert answer.status_code == 200
    assert answer.redirect_chain and answer.redirect_chain[-1][0] == "/admin/"
