"""Pyramids left pending (the storage was down when their build ran) are built later, by the worker or a command."""

import io
from datetime import timedelta

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from media.ingest import ingest_image
from media.models import DigitizedImage, PyramidStatus
from media.tasks import requeue_pending_pyramids


def storage_down(source, target):
    raise OSError("Connection refused")


@pytest.fixture
def pending_image(grid_file, monkeypatch):
    with monkeypatch.context() as patch:
        patch.setattr("media.tasks.build_pyramid", storage_down)
        image = ingest_image(grid_file, identifier="grid", title="Grid")
    assert image.pyramid_status == PyramidStatus.PENDING
    return image


def age(image: DigitizedImage, seconds: int) -> None:
    DigitizedImage.objects.filter(pk=image.pk).update(created_at=timezone.now() - timedelta(seconds=seconds))


def status_of(image: DigitizedImage) -> str:
    return DigitizedImage.objects.get(pk=image.pk).pyramid_status


@pytest.mark.django_db
def test_a_pyramid_still_pending_after_the_retry_interval_is_built_again(pending_image):
    age(pending_image, 600)
    assert requeue_pending_pyramids(300) == 1
    assert status_of(pending_image) == PyramidStatus.READY


@pytest.mark.django_db
def test_a_build_that_has_only_just_been_queued_is_left_alone(pending_image):
    assert requeue_pending_pyramids(300) == 0
    assert status_of(pending_image) == PyramidStatus.PENDING


@pytest.mark.django_db
def test_the_command_builds_pending_pyramids_with_progress(pending_image):
    out = io.StringIO()
    call_command("build_pyramids", stdout=out)
    assert "[1/1] grid: ready" in out.getvalue()
    assert status_of(pending_image) == PyramidStatus.READY


@pytest.mark.django_db
def test_the_command_says_when_nothing_waits(db):
    out = io.StringIO()
    call_command("build_pyramids", stdout=out)
    assert "No pyramid is waiting" in out.getvalue()


@pytest.mark.django_db
def test_the_command_fails_naming_the_pyramids_that_still_cannot_be_built(pending_image, monkeypatch):
    monkeypatch.setattr("media.tasks.build_pyramid", storage_down)
    with pytest.raises(CommandError, match="1 pyramid\\(s\\) are not ready: grid"):
        call_command("build_pyramids", stdout=io.StringIO())
    assert status_of(pending_image) == PyramidStatus.PENDING
