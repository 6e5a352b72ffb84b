from django.conf import settings
from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.templatetags.static import static
from django.urls import include, path
from django.utils.functional import lazy
from django.views.generic import RedirectView, TemplateView

from reilu import accounts, health
from reilu.api.urls import api
from reilu.applications import staff_views as app_staff
from reilu.applications import views as app_views
from reilu.jobs import alert_views
from reilu.jobs import staff_views as job_staff
from reilu.jobs import views as job_views
from reilu.limits import failures_limited
from reilu.messaging import staff_views as mail_staff
from reilu.messaging import views as mail_views
from reilu.privacy import pages as privacy_pages

# Resolved on first use: the hashed name in production needs the collected manifest.
lazy_static = lazy(static, str)

jobs_patterns = (
    [
        path("", job_views.job_list, name="list"),
        path("<slug:slug>/", job_views.job_detail, name="detail"),
    ],
    "jobs",
)

application_patterns = (
    [
        path("jobs/<slug:slug>/apply/", app_views.apply, name="apply"),
        path("jobs/<slug:slug>/thanks/", app_views.thanks, name="thanks"),
        path("status-links/", app_views.status_links, name="lost_link"),
        path("status/<str:token>/", app_views.status, name="status"),
        path("status/<str:token>/withdraw/", app_views.withdraw, name="withdraw"),
        path("status/<str:token>/alerts/", app_views.subscribe_alerts, name="subscribe_alerts"),
    ],
    "applications",
)

staff_patterns = (
    [
        path("login/", failures_limited(accounts.signin), name="login"),
        path("password/reset/", accounts.password_reset, name="password_reset"),
        path("password/reset/sent/", accounts.password_reset_done, name="password_reset_done"),
        path(
            "password/reset/<uidb64>/<token>/",
            accounts.password_reset_confirm,
            name="password_reset_confirm",
        ),
        path(
            "password/reset/complete/",
            accounts.password_reset_complete,
            name="password_reset_complete",
        ),
        path("logout/", auth_views.LogoutView.as_view(next_page="home"), name="logout"),
        path("", job_staff.home, name="home"),
        path("org/", job_staff.switch_org, name="switch_org"),
        path("postings/new/", job_staff.posting_new, name="posting_new"),
        path("adcheck/", job_staff.adcheck_live, name="adcheck"),
        path("postings/<int:pk>/", job_staff.board, name="board"),
        path("postings/<int:pk>/edit/", job_staff.posting_edit, name="posting_edit"),
        path("postings/<int:pk>/publish/", job_staff.posting_publish, name="posting_publish"),
        path("postings/<int:pk>/close/", job_staff.posting_close, name="posting_close"),
        path("postings/<int:pk>/decide/", app_staff.decide, name="decide"),
        path("postings/<int:pk>/cancel/", app_staff.posting_cancel, name="posting_cancel"),
        path("attention/", app_staff.attention_view, name="attention"),
        path("candidates/", app_staff.search, name="search"),
        path("messages/<int:pk>/retry/", app_staff.retry_message, name="retry_message"),
        path("templates/", mail_staff.template_list, name="templates"),
        path(
            "templates/<slug:kind>/<slug:language>/",
            mail_staff.template_edit,
            name="template_edit",
        ),
        path("applications/<int:pk>/contact/", app_staff.set_contact, name="set_contact"),
        path("postings/<int:pk>/delivery/", job_staff.delivery, name="delivery"),
        path("applications/<int:pk>/", app_staff.detail, name="application"),
        path("applications/<int:pk>/cv/", app_staff.cv_download, name="cv"),
        path("applications/<int:pk>/cv/preview/", app_staff.cv_preview, name="cv_preview"),
        path("applications/<int:pk>/move/", app_staff.move, name="move"),
        path("applications/<int:pk>/note/", app_staff.note, name="note"),
        path("applications/<int:pk>/promise/", app_staff.promise, name="promise"),
    ],
    "staff",
)

handler400 = "reilu.errors.bad_request"
handler403 = "reilu.errors.permission_denied"
handler404 = "reilu.errors.page_not_found"
handler500 = "reilu.errors.server_error"

urlpatterns = [
    path("", job_views.home, name="home"),
    path("healthz", health.healthz, name="healthz"),
    path("readyz", health.readyz, name="readyz"),
    path("jobs/", include(jobs_patterns)),
    path("employers/<slug:slug>/", job_views.employer_profile, name="employer"),
    path(
        "accessibility/",
        TemplateView.as_view(
            template_name="pages/accessibility.html",
            extra_context={
                "feedback_email": getattr(
                    settings, "REILU_ACCESSIBILITY_EMAIL", "saavutettavuus@reilu.example"
                )
            },
        ),
        name="accessibility",
    ),
    path("privacy/", privacy_pages.privacy_page, name="privacy_page"),
    path(
        "employers/<slug:slug>/privacy/",
        privacy_pages.employer_notice,
        name="privacy_notice_employer",
    ),
    # Browsers ask for /favicon.ico whatever the page links; send them to the static file.
    path("favicon.ico", RedirectView.as_view(url=lazy_static("reilu/favicon.ico"))),
    path("", include(application_patterns)),
    path("staff/", include(staff_patterns)),
    path("alerts/confirm/<str:signed>/", alert_views.confirm, name="alert_confirm"),
    path("alerts/unsubscribe/<str:signed>/", alert_views.unsubscribe, name="alert_unsubscribe"),
    path("", include("reilu.interviews.urls")),
    path("", include("reilu.voice.urls")),
    path("", include("reilu.talent.urls")),
    path("", include("reilu.privacy.urls")),
    path("api/v1/", api.urls),
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
    # Development mailbox; the views answer 404 unless REILU_DEV_MAILBOX is on.
    path("dev/mailbox/", mail_views.mailbox, name="dev_mailbox"),
    path("dev/mailbox/<int:pk>/", mail_views.mailbox_message, name="dev_mailbox_message"),
]
