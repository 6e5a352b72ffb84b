from typing import Any

from django import forms
from django.core.files.base import ContentFile
from django.utils.translation import gettext_lazy as _

from reilu.applications.forms import ApplyForm
from reilu.talent.models import Profile


class QuickApplyForm(ApplyForm):
    """The apply form for a signed-in seeker: name, phone and language come from the
    profile or the newest earlier application (selectors.apply_prefill; they can be changed
    for this application), the email is the account's verified one (so the application
    shows in the account), and the CV stored in the profile is sent unless another file is
    chosen."""

    use_stored_cv = forms.BooleanField(required=False)

    def __init__(self, *args: Any, profile: Profile | None = None, email: str = "", **kwargs: Any):
        self.profile = profile
        super().__init__(*args, **kwargs)
        self.fields["email"].disabled = True
        self.fields["email"].initial = email
        self.fields["email"].help_text = _("Your account's address: the application shows there.")
        if profile is not None and profile.cv:
            self.fields["use_stored_cv"].label = _("Send the CV stored in my profile: %(name)s") % {
                "name": profile.cv_name or "CV"
            }
            self.fields["cv"].label = _("Or choose another file for this application")
            self.order_fields(
                [n for n in self.fields if n != "use_stored_cv"][:3] + ["use_stored_cv"]
            )
        else:
            del self.fields["use_stored_cv"]

    def clean(self) -> dict[str, Any]:
        data = self.cleaned_data
        profile = self.profile
        if (
            not data.get("cv")
            and self.pending is None
            and data.get("use_stored_cv")
            and profile is not None
            and profile.cv
            and "cv" not in self.errors
        ):
            with profile.cv.open("rb") as stored:
                data["cv"] = ContentFile(stored.read(), name=profile.cv_name or "cv")
            self.cv_type = profile.cv_type
        return super().clean()
