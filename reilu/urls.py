from django.conf import settings
from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.templatetags.static import static
from django.urls import include, path
from django.utils.functional import lazy
from django.views.generic import RedirectView, TemplateView

from reilu import accounts, health
from reilu.api.urls import api
from reilu.applications import urls as application_urls
from reilu.employers import staff as employers_staff
from reilu.jobs import urls as job_urls
from reilu.limits import failures_limited
from reilu.messaging import staff_views as mail_staff
from reilu.messaging import views as mail_views
from reilu.privacy import pages as privacy_pages

# Resolved on first use: the hashed name in production needs the collected manifest.
lazy_static = lazy(static, str)

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
        *job_urls.staff_urlpatterns,
        *application_urls.staff_urlpatterns,
        path("templates/", mail_staff.template_list, name="templates"),
        path(
            "templates/<slug:kind>/<slug:language>/",
            mail_staff.template_edit,
            name="template_edit",
        ),
    ],
    "staff",
)

handler400 = "reilu.errors.bad_request"
handler403 = "reilu.errors.permission_denied"
handler404 = "reilu.errors.page_not_found"
handler500 = "reilu.errors.server_error"

urlpatterns = [
    *job_urls.site_urlpatterns,
    path("healthz", health.healthz, name="healthz"),
    path("readyz", health.readyz, name="readyz"),
    path("jobs/", include("reilu.jobs.urls")),
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
    path("", include("reilu.applications.urls")),
    path("staff/", include(staff_patterns)),
    path("", include("reilu.interviews.urls")),
    path("", include("reilu.voice.urls")),
    path("", include("reilu.talent.urls")),
    path("", include("reilu.seekers.urls")),
    path("", include("reilu.privacy.urls")),
    path("api/v1/", api.urls),
    path("i18n/setlang/", employers_staff.set_language, name="set_language"),
    path("admin/", admin.site.urls),
    # Development mailbox; the views answer 404 unless REILU_DEV_MAILBOX is on.
    path("dev/mailbox/", mail_views.mailbox, name="dev_mailbox"),
    path("dev/mailbox/<int:pk>/", mail_views.mailbox_message, name="dev_mailbox_message"),
]
