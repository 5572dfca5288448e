"""Who runs an import and what Wagtail's page permissions let them do with a collection's items.

An import follows the same rules as the page editor: adding needs "add" on the collection, changing
needs "change", publishing needs "publish". `user=None` is the system (the command without --user),
which may do everything, as a shell on the server may.
"""

from dataclasses import dataclass, field

from archive.catalogue.models import CollectionPage, ItemPage


@dataclass
class Importer:
    user: object | None = None
    testers: dict[int, object] = field(default_factory=dict)

    @property
    def name(self) -> str:
        return self.user.get_username() if self.user is not None else "system"

    def tester(self, collection: CollectionPage):
        if collection.pk not in self.testers:
            self.testers[collection.pk] = collection.permissions_for_user(self.user)
        return self.testers[collection.pk]

    def may_add_to(self, collection: CollectionPage) -> bool:
        return self.user is None or self.tester(collection).can_add_subpage()

    def may_change_in(self, collection: CollectionPage) -> bool:
        return self.user is None or self.tester(collection).can_edit()

    def may_publish_in(self, collection: CollectionPage) -> bool:
        return self.user is None or self.tester(collection).can_publish_subpage()

    def lock_on(self, page: ItemPage):
        """The lock that stops this importer from changing the page (a user's lock, or its workflow task)."""
        lock = page.get_lock()
        if lock is None:
            return None
        if self.user is None:
            return lock if page.locked else None
        return lock if lock.for_user(self.user) else None
