from django.conf import settings
from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path
from django.views.generic import TemplateView

from reilu import health
from reilu.api.urls import api
from reilu.applications import staff_views as app_staff
from reilu.applications import views as app_views
from reilu.jobs import alert_views
from reilu.jobs import staff_views as job_staff
from reilu.jobs import views as job_views
from reilu.messaging import staff_views as mail_staff
from reilu.messaging import views as mail_views
from reilu.privacy.limits import failures_limited

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
        path("status/<str:token>/", app_views.status, name="status"),
        path("status/<str:token>/withdraw/", app_views.withdraw, name="withdraw"),
        path("status/<str:token>/alerts/", app_views.subscribe_alerts, name="subscribe_alerts"),
    ],
    "applications",
)

staff_patterns = (
    [
        path(
            "login/",
            failures_limited(auth_views.LoginView.as_view(template_name="staff/login.html")),
            name="login",
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
        path("applications/<int:pk>/move/", app_staff.move, name="move"),
        path("applications/<int:pk>/note/", app_staff.note, name="note"),
        path("applications/<int:pk>/promise/", app_staff.promise, name="promise"),
    ],
    "staff",
)

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
