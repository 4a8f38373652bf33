"""The door of the Wagtail admin: every admin view is wrapped in `editorial_gate` (see hub/urls.py).

Signed-out readers are sent to the hub's sign-in; members without an editorial role are told the
admin is not for them; administrators pass, and hub staff too except into the administrator's own
screens (people, groups, sites, collections, workflows). A facilitator reaches only the views below,
each asked only about their own communities' pages and files (or, in choosers, pages they may read):
anything else is a 404 to them, as if it did not exist, because a refusal that names what was asked
about would tell them what a private community holds.

One thing the lists of images and documents still show a facilitator from the whole hub: Wagtail's
filter by popular tag names the ten commonest tags on files anywhere. Tags are words, not titles; the
tags on pages, which say more, are suggested only from what they may see (practice.editorial.views).
"""

from django.apps import apps
from django.contrib.auth.views import redirect_to_login
from django.http import Http404
from django.urls import Resolver404, resolve
from django.urls.exceptions import NoReverseMatch

from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page, UploadedFile

from hub.converters import parse_id
from practice.common.refusals import refusal
from practice.editorial.scope import EditorialScope, Role, editorial_scope


def as_key(value):
    """Return an id from an address or query as a database key, or None if it cannot be one."""
    return parse_id(str(value))


def _all_keys(values):
    keys = [as_key(value) for value in values]
    return None if None in keys else keys


# Checks: each takes the facilitator's scope, the request and the view's arguments.


def anything(scope, request, kwargs):
    return True


def named(test, name):
    """Allow the view when the id in its argument `name` passes `test(scope, id)`."""

    def check(scope, request, kwargs):
        key = as_key(kwargs[name])
        return key is not None and test(scope, key)

    return check


def listed(test):
    """Allow the view when every id in its query's `id` list passes `test(scope, id)`."""

    def check(scope, request, kwargs):
        keys = _all_keys(request.GET.getlist("id"))
        return keys is not None and all(test(scope, key) for key in keys)

    return check


# What an id may name: a page in their communities; a page there or above them, as Wagtail's explorer
# shows them; a page the admin may name to them (theirs, or one they may read); a file in their collections.
own_page = EditorialScope.owns_page
reached_page = EditorialScope.reaches_page
nameable_page = EditorialScope.may_name_page


def own_image(scope, key):
    return scope.owns_media(get_image_model(), key)


def own_document(scope, key):
    return scope.owns_media(get_document_model(), key)


def own_upload(scope, request, kwargs):
    """Allow the view for a file this person uploaded and has not yet saved as an image or document."""
    key = as_key(kwargs["uploaded_file_id"])
    return key is not None and UploadedFile.objects.filter(pk=key, uploaded_by_user=request.user).exists()


def edited_object(scope, request, kwargs):
    """Allow an editing session's ping for a page in their communities (the ping names its other editors)."""
    try:
        model = apps.get_model(kwargs["app_label"], kwargs["model_name"])
    except (LookupError, ValueError):
        return False
    key = as_key(kwargs["object_id"])
    return issubclass(model, Page) and key is not None and scope.owns_page(key)


def bulk_action(scope, request, kwargs):
    """Allow a bulk action on pages, images or documents only when every item is theirs.

    Wagtail's bulk views list by title every item asked about, including those the user may not act on.
    """
    ids = request.GET.getlist("id")
    model = (kwargs["app_label"], kwargs["model_name"])
    if model == ("wagtailcore", "page"):
        if "all" in ids:
            parent = as_key(request.GET.get("childOf", ""))
            return parent is not None and scope.owns_page(parent)
        keys = _all_keys(ids)
        return bool(keys) and all(scope.owns_page(key) for key in keys)
    for media_model in (get_image_model(), get_document_model()):
        if model == (media_model._meta.app_label, media_model._meta.model_name):
            if "all" in ids:
                return as_key(request.GET.get("childOf", "")) in scope.collection_ids
            keys = _all_keys(ids)
            return bool(keys) and all(scope.owns_media(media_model, key) for key in keys)
    return False


def _media_views(prefix, own, id_name, multiple_id_name):
    return {
        f"{prefix}:index": anything,
        f"{prefix}:index_results": anything,
        f"{prefix}:add": anything,
        f"{prefix}:add_multiple": anything,
        f"{prefix}:edit": named(own, id_name),
        f"{prefix}:delete": named(own, id_name),
        f"{prefix}:edit_multiple": named(own, multiple_id_name),
        f"{prefix}:delete_multiple": named(own, multiple_id_name),
        f"{prefix}:delete_upload_multiple": own_upload,
        f"{prefix}_chooser:choose": anything,
        f"{prefix}_chooser:choose_results": anything,
        f"{prefix}_chooser:create": anything,
        f"{prefix}_chooser:chosen": named(own, "pk"),
        f"{prefix}_chooser:chosen_multiple": listed(own),
    }


OWN_PAGE_VIEWS = [
    "edit",
    "preview_on_edit",
    "view_draft",
    "delete",
    "unpublish",
    "lock",
    "unlock",
    "revisions_index",
    "revisions_view",
    "revisions_revert",
    "revisions_unschedule",
    "workflow_action",
    "collect_workflow_action_data",
    "confirm_workflow_cancellation",
    "workflow_preview",
    "workflow_history",
    "workflow_history_detail",
    "history",
    "history_results",
]

# What a facilitator reaches in the admin, by view name. Left out on purpose: moving, copying and
# reordering pages (their destinations are chosen from the whole tree), privacy dialogs (a page's
# privacy follows its community and security level), usage listings (they name the pages that
# refer to an item, wherever those are), reports, settings, users, groups, workflows, collections,
# snippets and the hub staff's own screens.
FACILITATOR_VIEWS = {
    # The dashboard, their account and the admin's own furniture.
    "wagtailadmin_home": anything,
    "wagtailadmin_account": anything,
    "wagtailadmin_logout": anything,
    "wagtailadmin_sprite": anything,
    "wagtailadmin_javascript_catalog": anything,
    "wagtail_modeladmin:javascript_catalog": anything,
    "wagtailadmin_dismissibles": anything,
    "wagtailadmin_block_preview": anything,
    "wagtailadmin_tag_autocomplete": anything,
    "wagtailadmin_tag_model_autocomplete": anything,
    "wagtailembeds:chooser": anything,
    "wagtailembeds:chooser_upload": anything,
    "wagtailadmin_editing_sessions:ping": edited_object,
    "wagtailadmin_editing_sessions:release": anything,
    # Their communities' pages: Wagtail's explorer, search and menu list only the pages they have
    # permissions on and those above them.
    "wagtailadmin_explore_root": anything,
    "wagtailadmin_explore": named(reached_page, "parent_page_id"),
    "wagtailadmin_explore_results": named(reached_page, "parent_page_id"),
    "wagtailadmin_api:pages:listing": anything,
    "wagtailadmin_api:pages:detail": named(reached_page, "pk"),
    "wagtailadmin_api:pages:find": anything,
    "wagtailadmin_pages:search": anything,
    "wagtailadmin_pages:search_results": anything,
    "wagtailadmin_pages:add": named(own_page, "parent_page_id"),
    "wagtailadmin_pages:preview_on_add": named(own_page, "parent_page_id"),
    "wagtailadmin_pages:add_subpage": named(own_page, "parent_page_id"),
    "wagtailadmin_pages:revisions_compare": named(own_page, "pk"),
    **{f"wagtailadmin_pages:{name}": named(own_page, "page_id") for name in OWN_PAGE_VIEWS},
    "wagtail_bulk_action": bulk_action,
    # Links in what they write: to pages they may read (practice.wagtail_hooks filters the lists).
    "wagtailadmin_choose_page": anything,
    "wagtailadmin_choose_page_search": anything,
    "wagtailadmin_choose_page_child": named(nameable_page, "parent_page_id"),
    "wagtailadmin_choose_page_chosen_multiple": listed(nameable_page),
    "wagtailadmin_choose_page_external_link": anything,
    "wagtailadmin_choose_page_email_link": anything,
    "wagtailadmin_choose_page_phone_link": anything,
    "wagtailadmin_choose_page_anchor_link": anything,
    # Their communities' images and documents (Wagtail lists those in collections they have permissions on).
    **_media_views("wagtailimages", own_image, "image_id", "image_id"),
    "wagtailimages:url_generator": named(own_image, "image_id"),
    "wagtailimages:url_generator_output": named(own_image, "image_id"),
    "wagtailimages:preview": named(own_image, "image_id"),
    "wagtailimages:create_multiple_from_uploaded_image": own_upload,
    "wagtailimages_chooser:select_format": named(own_image, "image_id"),
    **_media_views("wagtaildocs", own_document, "document_id", "doc_id"),
    "wagtaildocs:create_multiple_from_uploaded_document": own_upload,
    # Their communities' comments, replies and discussions waiting for review (the views keep to them).
    "comment_moderation_queue": anything,
    "comment_moderation_approve": anything,
    "comment_moderation_remove": anything,
    "reply_moderation_approve": anything,
    "reply_moderation_remove": anything,
    "discussion_moderation_approve": anything,
    "discussion_moderation_remove": anything,
    # Resources in their communities' libraries (practice.wagtail_hooks lists only those they may edit).
    "practice_resourcelinkpage_modeladmin_index": anything,
    "practice_resourcelinkpage_modeladmin_create": anything,
    "practice_resourcelinkpage_modeladmin_choose_parent": anything,
    "practice_resourcelinkpage_modeladmin_edit": named(own_page, "instance_pk"),
    "practice_resourcelinkpage_modeladmin_delete": named(own_page, "instance_pk"),
    "practice_resourcelinkpage_modeladmin_history": named(own_page, "instance_pk"),
}


# Wagtail's page that fails on purpose to test error reporting: a 500 anyone in the admin could raise at will.
NEVER_SERVED = {"wagtailadmin_error_test"}
# People, groups, sites, collections and workflows are the administrator's to keep, whatever permissions a
# group is given (Wagtail's task chooser, for one, answers anyone who may edit a page).
ADMINISTRATORS_ONLY = ("wagtailusers_", "wagtailsites:", "wagtailadmin_collections:", "wagtailadmin_workflows:")


def well_formed(request, view_name):
    """Say whether the ids a view reads from the query string are ids it can look up.

    Wagtail's bulk actions, "chosen" views and choosers pass them straight to the database (a word
    there is a 500), the page chooser asks each chosen page for its parent (the tree's root has none),
    and a page bulk action gets the page whose children it lists.
    """
    ids = request.GET.getlist("id")
    single = [request.GET[name] for name in ("childOf", "parent_page_id") if name in request.GET]
    if view_name == "wagtail_bulk_action" and ids == ["all"]:
        ids = []
    keys = _all_keys(ids + single)
    if keys is None:
        return False
    if view_name == "wagtailadmin_choose_page_chosen_multiple":
        return not Page.objects.filter(pk__in=keys, depth=1).exists()
    kwargs = request.resolver_match.kwargs
    if view_name == "wagtail_bulk_action" and (kwargs["app_label"], kwargs["model_name"]) == ("wagtailcore", "page"):
        # Wagtail looks a page bulk action's `childOf` up with get(): a page that does not exist is a 500.
        return "childOf" not in request.GET or Page.objects.filter(pk=as_key(request.GET["childOf"])).exists()
    return True


def facilitator_may(scope, request, view_name, kwargs):
    """Say whether a facilitator may use this admin view with these arguments."""
    check = FACILITATOR_VIEWS.get(view_name)
    return check is not None and check(scope, request, kwargs)


def facilitator_may_open(scope, request, url):
    """Say whether a link in the admin's menus leads a facilitator to a view they may use."""
    try:
        match = resolve(url.split("?")[0])
    except (Resolver404, NoReverseMatch):
        return False
    return facilitator_may(scope, request, match.view_name, match.kwargs)


def editorial_gate(view):
    """Let only editorial roles into an admin view, and a facilitator only into what is theirs."""

    def gated(request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        scope = editorial_scope(request)
        view_name = request.resolver_match.view_name
        if view_name in NEVER_SERVED or not well_formed(request, view_name):
            raise Http404
        if scope.role is None:
            return refusal(request, status=403, template="practice/editorial/refused.html")
        if scope.role is Role.FACILITATOR and not facilitator_may(scope, request, view_name, kwargs):
            raise Http404
        if scope.role is not Role.ADMINISTRATOR and view_name.startswith(ADMINISTRATORS_ONLY):
            raise Http404
        return view(request, *args, **kwargs)

    return gated
