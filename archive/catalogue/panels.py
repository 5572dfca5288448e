"""Editor panels: what the item editor shows beside the fields."""

from wagtail.admin.panels import Panel

from .europeana import readiness


class EuropeanaReadinessPanel(Panel):
    """Missing EDM data and the Europeana tier, computed from the page as last saved or previewed."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "catalogue/panels/europeana_readiness.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context["readiness"] = readiness(self.instance)
            return context
