from typing import cast

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from reilu.applications.uploads import check_cv
from reilu.employers.models import Organization
from reilu.jobs.models import Posting
from reilu.rules import RuleError
from reilu.talent.models import OpenApplicationSettings, Profile, SavedSearch
from reilu.talent.regions import REGION_CHOICES
from reilu.talent.selectors import TalentQuery
from reilu.talent.services.open_applications import OPEN_SETTINGS_FIELDS
from reilu.talent.services.profiles import (
    PROFILE_FIELDS,
    parse_languages,
    parse_links,
    parse_skills,
)
from reilu.textfields import LineField, line_formfield
from reilu.widgets import Textarea


class SignInForm(forms.Form):
    email = forms.EmailField(label=_("Your email address"), max_length=254)


class SignInCodeForm(forms.Form):
    email = forms.EmailField(label=_("Your email address"), max_length=254)
    code = LineField(
        label=_("Code from the email"),
        max_length=12,
        widget=forms.TextInput(
            attrs={"inputmode": "numeric", "autocomplete": "one-time-code", "size": 8}
        ),
        help_text=_("Six digits. The code works for 15 minutes, for a few tries."),
    )

    def clean_code(self) -> str:
        code = "".join(self.cleaned_data["code"].split())
        if len(code) != 6 or not code.isdigit():
            raise ValidationError(_("The code is six digits."), code="format")
        return code


class ProfileForm(forms.ModelForm):
    skills = LineField(
        label=_("Skills"),
        required=False,
        max_length=2000,
        help_text=_("Separate with commas, e.g. Python, customer service, forklift licence."),
    )
    languages = LineField(
        label=_("Languages"),
        required=False,
        max_length=300,
        help_text=_("Language code and level (A1–C2 or native), e.g. fi:native, en:C1, sv:B1."),
    )
    links_text = forms.CharField(
        label=_("Links"),
        required=False,
        max_length=3000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("One web address per line: portfolio, LinkedIn, GitHub…"),
    )
    cv_file = forms.FileField(
        label=_("CV (optional)"),
        required=False,
        help_text=_(
            "PDF, DOCX, ODT, RTF or text, at most 10 MB. Employers see it only "
            "after you accept their contact request."
        ),
    )

    class Meta:
        formfield_callback = line_formfield
        model = Profile
        fields = list(PROFILE_FIELDS)
        widgets = {
            "expertise": forms.Textarea(attrs={"rows": 3}),
            "bio": forms.Textarea(attrs={"rows": 6}),
            "visibility": forms.RadioSelect,
        }
        help_texts = {
            "phone": _("Shared only with employers whose contact request you accept."),
            "paused": _("Hide your profile for now, whatever the visibility."),
        }

    def clean_skills(self):
        try:
            return parse_skills(self.cleaned_data["skills"])
        except RuleError as exc:
            raise ValidationError(exc.message) from None

    def clean_languages(self):
        try:
            return parse_languages(self.cleaned_data["languages"])
        except RuleError as exc:
            raise ValidationError(exc.message) from None

    def clean_links_text(self):
        try:
            return parse_links(self.cleaned_data["links_text"])
        except RuleError as exc:
            raise ValidationError(exc.message) from None

    def clean_cv_file(self):
        upload = self.cleaned_data.get("cv_file")
        if upload:
            self.cv_type = check_cv(upload)
        return upload


class ContactRequestForm(forms.Form):
    message = forms.CharField(
        label=_("Message"), max_length=3000, widget=forms.Textarea(attrs={"rows": 5})
    )
    posting = forms.ModelChoiceField(
        label=_("About a job (optional)"), queryset=Posting.objects.none(), required=False
    )

    def __init__(self, *args, organization=None, **kwargs):
        super().__init__(*args, **kwargs)
        field = cast("forms.ModelChoiceField[Posting]", self.fields["posting"])
        field.queryset = Posting.objects.filter(
            organization=organization, state=Posting.State.PUBLISHED
        )


class OpenApplicationForm(forms.Form):
    organization = forms.ModelChoiceField(label=_("Employer"), queryset=Organization.objects.none())
    message = forms.CharField(
        label=_("Your message"), max_length=5000, widget=forms.Textarea(attrs={"rows": 6})
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = cast("forms.ModelChoiceField[Organization]", self.fields["organization"])
        field.queryset = Organization.objects.filter(
            open_application_settings__accepts=True
        ).order_by("name")


class OpenReplyForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Answer"),
        choices=[
            ("answered", _("Answer")),
            ("invited", _("Invite to apply for a job")),
            ("declined", _("Decline")),
        ],
        widget=forms.RadioSelect,
    )
    reply = forms.CharField(
        label=_("Reply"), max_length=5000, widget=forms.Textarea(attrs={"rows": 5})
    )
    posting = forms.ModelChoiceField(
        label=_("Job to apply for"), queryset=Posting.objects.none(), required=False
    )

    def __init__(self, *args, organization=None, **kwargs):
        super().__init__(*args, **kwargs)
        field = cast("forms.ModelChoiceField[Posting]", self.fields["posting"])
        field.queryset = Posting.objects.filter(
            organization=organization, state=Posting.State.PUBLISHED
        )


class OpenSettingsForm(forms.ModelForm):
    class Meta:
        formfield_callback = line_formfield
        model = OpenApplicationSettings
        fields = list(OPEN_SETTINGS_FIELDS)
        widgets = {"message": Textarea(attrs={"rows": 4})}


class SavedSearchForm(forms.ModelForm):
    class Meta:
        formfield_callback = line_formfield
        model = SavedSearch
        fields = ["keywords", "region", "remote", "pay_at_least"]


class SearchForm(forms.Form):
    q = LineField(label=_("Search"), required=False, max_length=200)
    skills = LineField(
        label=_("Skills"), required=False, max_length=300, help_text=_("Comma-separated")
    )
    region = forms.ChoiceField(
        label=_("Region"), required=False, choices=[("", _("Any"))] + REGION_CHOICES
    )
    remote = forms.BooleanField(label=_("Willing to work remotely"), required=False)
    languages = LineField(
        label=_("Languages"), required=False, max_length=100, help_text=_("e.g. fi, en:B2")
    )
    availability = forms.MultipleChoiceField(
        label=_("Availability"),
        required=False,
        choices=Profile.Availability.choices,
        widget=forms.CheckboxSelectMultiple,
    )

    def query(self) -> TalentQuery:
        data = self.cleaned_data if self.is_valid() else {}
        split = lambda text: [p.strip() for p in (text or "").split(",") if p.strip()]  # noqa: E731
        return TalentQuery(
            q=data.get("q", ""),
            skills=split(data.get("skills")),
            region=data.get("region", ""),
            remote=True if data.get("remote") else None,
            languages=split(data.get("languages")),
            availability=list(data.get("availability") or []),
        )
