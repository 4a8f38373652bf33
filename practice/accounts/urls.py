"""Members' accounts: django-allauth's views at the hub's own addresses, and the member's own pages.

The hub's first names for these pages (`login`, `logout`, `password_reset`...) stay as aliases of
allauth's, so links written before allauth keep working.
"""

from allauth.account import views as allauth

from django.urls import path, re_path

from practice.accounts import views
from practice.accounts.views import bad_request_when_invalid


def page(route, view, *names, regex=False):
    """Serve one view at one address under each of the given URL names."""
    make = re_path if regex else path
    return [make(route, bad_request_when_invalid(view), name=name) for name in names]


urlpatterns = [
    *page("sign-in/", allauth.login, "login", "account_login"),
    *page("sign-out/", allauth.logout, "logout", "account_logout"),
    *page("create-account/", allauth.signup, "account_signup"),
    *page("inactive/", allauth.account_inactive, "account_inactive"),
    *page("sign-in-again/", allauth.reauthenticate, "account_reauthenticate"),
    *page("email/", allauth.email, "account_email"),
    *page("confirm-email/", allauth.email_verification_sent, "account_email_verification_sent"),
    *page(r"^confirm-email/(?P<key>[-:\w]+)/$", allauth.confirm_email, "account_confirm_email", regex=True),
    *page("password/change/", allauth.password_change, "account_change_password"),
    *page("password/set/", allauth.password_set, "account_set_password"),
    *page("password/reset/", allauth.password_reset, "password_reset", "account_reset_password"),
    *page("password/reset/sent/", allauth.password_reset_done, "password_reset_done", "account_reset_password_done"),
    *page(
        r"^password/reset/key/(?P<uidb36>[0-9A-Za-z]+)-(?P<key>.+)/$",
        allauth.password_reset_from_key,
        "account_reset_password_from_key",
        regex=True,
    ),
    *page(
        "password/saved/",
        allauth.password_reset_from_key_done,
        "password_reset_complete",
        "account_reset_password_from_key_done",
    ),
    path("profile/", views.profile_edit, name="account_profile"),
    path("your-data/", views.your_data, name="account_your_data"),
    path("your-data/download/", views.your_data_download, name="account_your_data_download"),
    path("delete/", views.account_delete_confirm, name="account_delete"),
]
