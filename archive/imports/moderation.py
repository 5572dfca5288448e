"""Submitting imported drafts for approval, as the editor's "Submit for moderation" does, and cancelling
the workflow of a page that is published at once, as Wagtail's publishing does.

The common case, a workflow whose first task is a group approval (the archive's "Editors' approval"),
is written in bulk: a workflow state and a task state per page and the history entry Workflow.start
writes. A page already in a workflow, or a workflow starting with another kind of task (which may act
when it starts), goes through Wagtail's own methods page by page. Reviewers get one e-mail per import
instead of one per page (notifications.py).
"""

from dataclasses import dataclass, field
from typing import NamedTuple

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from wagtail.models import GroupApprovalTask, Page, Revision, TaskState, Workflow, WorkflowPage, WorkflowState

from .history import History


@dataclass
class Submission:
    """What one import submitted: the number of pages per first task (for the reviewers' e-mail)."""

    by_task: dict[GroupApprovalTask, list[TaskState]] = field(default_factory=dict)
    one_by_one: int = 0  # through Wagtail's own methods, which notify the reviewers themselves
    without_workflow: int = 0

    @property
    def submitted(self) -> int:
        return sum(len(states) for states in self.by_task.values()) + self.one_by_one


class Draft(NamedTuple):
    page: Page
    revision: Revision
    parent: Page  # whose workflow the page follows, unless it has one of its own
    new: bool


def submit_for_approval(drafts: list[Draft], history: History) -> Submission:
    """Put each page's new revision into its workflow."""
    submission = Submission()
    own = set(
        WorkflowPage.objects.filter(page_id__in=[draft.page.pk for draft in drafts if not draft.new]).values_list(
            "page_id", flat=True
        )
    )
    workflows: dict[int, Workflow | None] = {}
    tasks: dict[int, object] = {}
    in_bulk: list[tuple[Page, Revision, Workflow]] = []
    for page, revision, parent, new in drafts:
        if page.pk in own:
            workflow = page.get_workflow()
        else:
            if parent.pk not in workflows:
                workflows[parent.pk] = parent.get_workflow()
            workflow = workflows[parent.pk]
        if workflow is not None and workflow.pk not in tasks:
            tasks[workflow.pk] = first_task(workflow)
        state = None if new else page.current_workflow_state
        if state is None and workflow is not None and type(tasks[workflow.pk]) is GroupApprovalTask:
            in_bulk.append((page, revision, workflow))
        else:
            submit_one(page, state, workflow, history, submission)
    start_in_bulk(in_bulk, tasks, history, submission)
    return submission


def submit_one(
    page: Page, state: WorkflowState | None, workflow: Workflow | None, history: History, submission: Submission
) -> None:
    """Wagtail's own way, for a page already in a workflow or a workflow that does not start in bulk."""
    if state is not None and state.status == WorkflowState.STATUS_NEEDS_CHANGES:
        state.resume(user=history.user)
        submission.one_by_one += 1
        return
    if state is not None:
        state.cancel(user=history.user)
    if workflow is None:
        submission.without_workflow += 1
    else:
        workflow.start(page, history.user)
        submission.one_by_one += 1


def first_task(workflow: Workflow):
    task = workflow.tasks.filter(active=True).order_by("workflow_tasks__sort_order").first()
    return task.specific if task else None


def start_in_bulk(
    entries: list[tuple[Page, Revision, Workflow]],
    tasks: dict[int, GroupApprovalTask],
    history: History,
    submission: Submission,
) -> None:
    if not entries:
        return
    base = ContentType.objects.get_for_model(Page)
    states = WorkflowState.objects.bulk_create(
        [
            WorkflowState(
                content_type=ContentType.objects.get_for_model(page),
                base_content_type=base,
                object_id=str(page.pk),
                workflow=workflow,
                status=WorkflowState.STATUS_IN_PROGRESS,
                requested_by=history.user,
            )
            for page, _revision, workflow in entries
        ],
        batch_size=500,
    )
    task_states = TaskState.objects.bulk_create(
        [
            TaskState(
                workflow_state=state, revision=revision, task=tasks[workflow.pk], status=TaskState.STATUS_IN_PROGRESS
            )
            for state, (_page, revision, workflow) in zip(states, entries, strict=True)
        ],
        batch_size=500,
    )
    for state, task_state in zip(states, task_states, strict=True):
        state.current_task_state = task_state
    WorkflowState.objects.bulk_update(states, ["current_task_state"], batch_size=500)
    for state, task_state, (page, revision, workflow) in zip(states, task_states, entries, strict=True):
        task = tasks[workflow.pk]
        submission.by_task.setdefault(task, []).append(task_state)
        history.log(
            page,
            "wagtail.workflow.start",
            revision,
            {
                "workflow": {
                    "id": workflow.pk,
                    "title": workflow.name,
                    "status": state.status,
                    "next": {"id": task.pk, "title": task.name},
                    "task_state_id": task_state.pk,
                }
            },
        )


def cancel_workflows(pages: list[Page], user) -> None:
    """Publishing cancels a page's workflow in progress (WAGTAIL_WORKFLOW_CANCEL_ON_PUBLISH, default on)."""
    if not getattr(settings, "WAGTAIL_WORKFLOW_CANCEL_ON_PUBLISH", True):
        return
    for page in pages:
        state = page.current_workflow_state
        if state is not None:
            state.cancel(user=user)
