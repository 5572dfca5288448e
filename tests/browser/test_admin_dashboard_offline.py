"""The Wagtail dashboard of a superuser asks nothing of outside hosts: Wagtail's release check
(WAGTAIL_ENABLE_UPDATE_CHECK) would call one, which the Content-Security-Policy refuses and the
browser reports on the console. The dashboard is Lithuanian, also where Wagtail has no translation of its own."""

import pytest
from django.contrib.auth import get_user_model

from .roles import PASSWORD, log_in_with_the_form

pytestmark = [pytest.mark.service, pytest.mark.slow, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_the_dashboard_makes_no_policy_refusal(page, site, catalogue):
    """With a page tree (an earlier transactional test may have flushed the one the migrations made)."""
    get_user_model().objects.create_superuser("vyr-redaktore", "vyr@example.org", PASSWORD)
    refused = []
    page.on("console", lambda message: refused.append(message.text) if message.type == "error" else None)
    outside = []
    page.on("request", lambda request: outside.append(request.url) if not request.url.startswith(site) else None)
    log_in_with_the_form(page, site, "vyr-redaktore")
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(1500)  # the release check runs after the page has loaded
    assert [text for text in refused if "Content Security Policy" in text] == []
    assert outside == []
    html = page.content()  # Wagtail's own strings without Lithuanian, translated in archive/locale
    assert "Pereiti prie pagrindinio turinio" in html and "Skip to main content" not in html
