"""Which image a request names, whether it may see it, and its pyramid: the database and the access policy
(settings.MEDIA_ACCESS_POLICY), or this worker's memory of public answers (media/iiif/served.py)."""

import logging

from django.contrib.auth.models import AnonymousUser
from django.http import HttpRequest

from media.access import get_access_policy
from media.iiif.errors import NotFound, PyramidPending
from media.iiif.parse import BaseRedirect, ImageRequest, InfoRequest
from media.iiif.served import ServedImage, public_answers
from media.models import DigitizedImage, PyramidStatus
from media.pyramid import Pyramid, open_pyramid
from media.storage import local_pyramid, storage_errors

logger = logging.getLogger(__name__)


def look_up(request: HttpRequest, parsed: ImageRequest | InfoRequest | BaseRedirect) -> ServedImage | None:
    """The viewable image with its pyramid, or None for a base URI of a viewable image (which needs no
    pyramid). A public image seen recently is answered from this worker's memory."""
    served = public_answers.recall(parsed.identifier)
    if served is None:
        stamp = public_answers.stamp()
        image, public = find_viewable_image(request, parsed.identifier)
        if isinstance(parsed, BaseRedirect):
            return None
        served = ServedImage(image.checksum, ready_pyramid(image), public)
        public_answers.keep(parsed.identifier, served, stamp)
    return None if isinstance(parsed, BaseRedirect) else served


def find_viewable_image(request: HttpRequest, identifier: str) -> tuple[DigitizedImage, bool]:
    """The image and whether everyone may see it. Images the request may not see are unknown to it."""
    image = DigitizedImage.objects.filter(iiif_identifier=identifier).first()
    if image is None:
        raise NotFound("unknown identifier")
    policy = get_access_policy()
    # Asking first as an anonymous visitor leaves the session untouched for public images, so their
    # responses carry no `Vary: Cookie` and shared caches may keep them.
    if policy.can_view(AnonymousRequest(request), image):
        return image, True
    if policy.can_view(request, image):
        return image, False
    raise NotFound("unknown identifier")


class AnonymousRequest:
    """The same request as seen by someone who is not logged in."""

    def __init__(self, request: HttpRequest):
        self._request = request
        self.user = AnonymousUser()

    def __getattr__(self, name: str):
        return getattr(self._request, name)


def ready_pyramid(image: DigitizedImage) -> Pyramid:
    if image.pyramid_status == PyramidStatus.READY and image.pyramid_checksum == image.checksum:
        try:
            return open_pyramid(local_pyramid(image.checksum))
        except FileNotFoundError:
            pass
        except storage_errors():
            logger.warning("pyramid of %s could not be fetched from the media storage", image.checksum, exc_info=True)
            raise PyramidPending("image storage is not reachable, try again shortly") from None
    if image.pyramid_status == PyramidStatus.FAILED:
        raise NotFound("image is not available")
    raise PyramidPending("image is being prepared, try again shortly")
