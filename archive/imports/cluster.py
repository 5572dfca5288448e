"""Writing pages' child relations and many-to-many links in bulk, from modelcluster's in-memory values.

An imported page is built in memory (the seed loader's setters put creators, titles, terms and tags on
it as modelcluster values); this module gives those values their page ids and sort order, and writes
them with one insert per relation for all pages. Comments are never touched: they are not content.
"""

from modelcluster.models import get_all_child_m2m_relations, get_all_child_relations
from wagtail.models import COMMENTS_RELATION_NAME, Page


def child_relations(model: type[Page]) -> list:
    return [
        relation
        for relation in get_all_child_relations(model)
        if relation.get_accessor_name() != COMMENTS_RELATION_NAME
    ]


def settle_in_memory(page: Page) -> None:
    """Give every relation the page has no in-memory value for an empty one: a new page has none in the
    database, and serialising it then costs no query."""
    held = getattr(page, "_cluster_related_objects", {})
    for relation in get_all_child_relations(page):
        if relation.get_accessor_name() not in held:
            setattr(page, relation.get_accessor_name(), [])
    for field in get_all_child_m2m_relations(page):
        if field.name not in held:
            setattr(page, field.name, [])


def attach_children(page: Page) -> None:
    """Point each in-memory child at its saved page, in order (as modelcluster's commit does)."""
    for relation in child_relations(type(page)):
        order_field = getattr(relation.related_model, "sort_order_field", None)
        for position, child in enumerate(getattr(page, relation.get_accessor_name()).all()):
            setattr(child, relation.field.attname, page.pk)
            if order_field:
                setattr(child, order_field, position)


def write_relations(pages: list[Page], replace: bool) -> None:
    """Insert the pages' children and links; `replace` first removes the rows the pages had."""
    if not pages:
        return
    model, ids = type(pages[0]), [page.pk for page in pages]
    for relation in child_relations(model):
        children = relation.related_model.objects
        if replace:
            children.filter(**{f"{relation.field.attname}__in": ids}).delete()
        children.bulk_create(
            [child for page in pages for child in getattr(page, relation.get_accessor_name()).all()], batch_size=500
        )
    for field in get_all_child_m2m_relations(model):
        through = field.remote_field.through
        source = through._meta.get_field(field.m2m_field_name()).attname
        target = through._meta.get_field(field.m2m_reverse_field_name()).attname
        if replace:
            through.objects.filter(**{f"{source}__in": ids}).delete()
        through.objects.bulk_create(
            [
                through(**{source: page.pk, target: linked.pk})
                for page in pages
                for linked in getattr(page, field.name).all()
            ],
            batch_size=500,
        )
