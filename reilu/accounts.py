"""Staff sign-in and the forgotten-password flow: Django's own auth views, Reilu's layout.

Top layer: it wires employers' staff accounts to messaging (the reset mail) and limits.

The reset mail goes through the message outbox like every other mail, so it is retried,
shows in the development mailbox, and is written in the language the page was asked in.
"""

import uuid

from django import forms
from django.conf import settings
from django.contrib.auth import views as auth_views
from django.contrib.auth.forms import AuthenticationForm, PasswordResetForm
from django.template.loader import render_to_string
from django.urls import reverse_lazy
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from reilu.limits import rate_limited
from reilu.messaging.queue import message_queue
from reilu.textfields import LineField


class StaffSignInForm(AuthenticationForm):
    """Staff accounts are named by their email address; the field says so."""

    username = LineField(
        label=_("Email"),
        max_length=254,
        widget=forms.EmailInput(attrs={"autofocus": True, "autocomplete": "username"}),
    )


class StaffPasswordResetForm(PasswordResetForm):
    email = forms.EmailField(
        label=_("Email"),
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )

    def send_mail(
        self,
        subject_template_name,
        email_template_name,
        context,
        from_email,
        to_email,
        html_email_template_name=None,
    ):
        subject = "".join(render_to_string(subject_template_name, context).splitlines())
        message_queue(
            organization=None,  # a staff account's password belongs to no single employer
            kind="staff_password_reset",
            alert_staff_on_failure=False,
            to_email=to_email,
            subject=subject,
            body=render_to_string(email_template_name, context),
            language=(get_language() or settings.LANGUAGE_CODE)[:2],
            dedupe_key=f"password-reset:{uuid.uuid4().hex}",
        )


def _address(_group, request) -> str:
    return request.POST.get("email", "").strip().lower()


signin = auth_views.LoginView.as_view(
    template_name="staff/login.html", authentication_form=StaffSignInForm
)

_reset = auth_views.PasswordResetView.as_view(
    form_class=StaffPasswordResetForm,
    template_name="staff/password_reset_form.html",
    subject_template_name="staff/password_reset_subject.txt",
    email_template_name="staff/password_reset_email.txt",
    extra_email_context={"base_url": settings.BASE_URL},
    success_url=reverse_lazy("staff:password_reset_done"),
)


# Counted per client and per address alike, whether or not the address has an account:
# the answer never tells which addresses exist, and nobody can flood one inbox.
@rate_limited("password_reset", method="POST")
@rate_limited("password_reset_address", method="POST", key=_address)
def password_reset(request):
    return _reset(request)


password_reset_done = auth_views.PasswordResetDoneView.as_view(
    template_name="staff/password_reset_done.html"
)
password_reset_confirm = auth_views.PasswordResetConfirmView.as_view(
    template_name="staff/password_reset_confirm.html",
    success_url=reverse_lazy("staff:password_reset_complete"),
)
password_reset_complete = auth_views.PasswordResetCompleteView.as_view(
    template_name="staff/password_reset_complete.html"
)
