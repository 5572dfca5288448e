"""The archive's roles for browser tests, which run in transactional tests: a flush between them can take
the groups and the workflow that migrations made (tests/catalogue/test_workflow.py tests those); here they
are arranged again when missing, with what the migrations give them."""

from django.contrib.auth.models import Group, Permission
from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

SHARED = [
    ("wagtailadmin", "access_admin"),
    ("imports", "add_importjob"),
    ("wagtailimages", "add_image"),
    ("wagtailimages", "change_image"),
    ("wagtailimages", "choose_image"),
]
WORKFLOW = "Redaktorių patvirtinimas"  # and its task: archive/imports/migrations/0003_lithuanian_workflow_names.py
PAGE_PERMISSIONS = {
    "Curators": ["add_page", "change_page"],
    "Editors": ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"],
}


def ensure_roles() -> None:
    if Workflow.objects.filter(name=WORKFLOW).exists() and Group.objects.filter(name="Curators").exists():
        return
    root, collection = Page.get_first_root_node(), Collection.get_first_root_node()
    groups = {name: Group.objects.get_or_create(name=name)[0] for name in PAGE_PERMISSIONS}
    for name, group in groups.items():
        for app_label, codename in SHARED:
            permission = Permission.objects.get(content_type__app_label=app_label, codename=codename)
            group.permissions.add(permission)
            if app_label == "wagtailimages":
                GroupCollectionPermission.objects.get_or_create(
                    group=group, collection=collection, permission=permission
                )
        for codename in PAGE_PERMISSIONS[name]:
            GroupPagePermission.objects.get_or_create(
                group=group, page=root, permission=Permission.objects.get(codename=codename)
            )
    workflow = Workflow.objects.create(name=WORKFLOW)
    task = GroupApprovalTask.objects.create(name=WORKFLOW)
    task.groups.set([groups["Editors"]])
    WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    WorkflowPage.objects.update_or_create(page=root, defaults={"workflow": workflow})


PASSWORD = "slaptas-Zodis-7"


def log_in_with_the_form(page, site: str, username: str, password: str = PASSWORD) -> None:
    """As a person logs in: the admin's login form, then the dashboard."""
    page.context.clear_cookies()
    page.goto(f"{site}/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", password)
    page.click("button[type=submit]")
    page.wait_for_url(f"{site}/admin/")
