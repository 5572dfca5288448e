"""Admin wiring for the catalogue: the Europeana readiness report and the region picker's image lookup."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import region_picker, reports


@hooks.register("register_admin_urls")
def report_urls():
    return [
        path("reports/europeana/", reports.europeana_report, name="europeana_report"),
        path("region-picker/image/", region_picker.image_for_picker, name="region_picker_image"),
    ]


@hooks.register("register_reports_menu_item")
def europeana_report_menu_item():
    return MenuItem(_("Europeana readiness"), reverse("europeana_report"), icon_name="site", order=900)


@hooks.register("register_log_actions")
def register_withdrawal_log_action(actions):
    from .translations import LOG_ACTION_LABELS, WITHDRAWN_WITH_ORIGINAL

    actions.register_action(WITHDRAWN_WITH_ORIGINAL, *LOG_ACTION_LABELS)
