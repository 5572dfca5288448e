"""An item is one heritage object in two languages: withdrawing its original withdraws it everywhere, and
publishing the original again brings back what was withdrawn with it.

Wagtail treats a page's translations as separate pages, so unpublishing the Lithuanian original of an item
left its English page, permalink, citations, downloads and images public while the manifest and OAI-PMH
already said it was gone. The original (the default language's page) decides: when it stops being live,
its live translations are unpublished too, each with a log entry naming the revision that was live. When the
original is published again, a translation whose last word in its log is that entry gets that revision back
(a translation an editor unpublished or changed since stays as the editor left it).
"""

from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import log
from wagtail.models import Locale, PageLogEntry, Revision

WITHDRAWN_WITH_ORIGINAL = "archive.unpublish_with_original"
LOG_ACTION_LABELS = (_("Unpublish with its original"), _("Unpublished with its original"))


def original_of_an_item(instance):
    from archive.catalogue.models import CollectionPage, ItemPage

    page = instance.specific
    if not isinstance(page, ItemPage | CollectionPage) or page.locale_id != Locale.get_default().pk:
        return None
    return page


def withdraw_translations(sender, instance, **kwargs) -> None:
    page = original_of_an_item(instance)
    if page is None:
        return
    user = kwargs.get("user")
    for translation in page.get_translations().live():
        revision_id = translation.live_revision_id
        translation.specific.unpublish(user=user, log_action=False)
        log(
            instance=translation.specific,
            action=WITHDRAWN_WITH_ORIGINAL,
            user=user,
            data={"original": page.pk, "revision": revision_id},
        )


def restore_translations(sender, instance, revision=None, **kwargs) -> None:
    page = original_of_an_item(instance)
    if page is None:
        return
    for translation in page.get_translations().filter(live=False):
        last = PageLogEntry.objects.filter(page=translation).order_by("-timestamp", "-pk").first()
        if last is None or last.action != WITHDRAWN_WITH_ORIGINAL:
            continue
        withdrawn = Revision.page_revisions.filter(
            pk=(last.data or {}).get("revision"), object_id=str(translation.pk)
        ).first()
        if withdrawn is not None and translation.latest_revision_id == withdrawn.pk:  # no newer draft
            withdrawn.publish(user=kwargs.get("user") or (revision.user if revision else None))
