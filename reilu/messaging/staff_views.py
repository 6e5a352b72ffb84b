"""Staff: the employer's own message wording, per kind and language, with a live preview."""

from typing import TYPE_CHECKING

from django import forms
from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from reilu.employers.staff import StaffRequest, recruiter_required
from reilu.messaging import texts
from reilu.messaging.models import MessageTemplate
from reilu.textfields import LineField
from reilu.widgets import Textarea

if TYPE_CHECKING:
    from django_stubs_ext import StrPromise

LANGUAGES = ("fi", "sv", "en")


def kind_labels() -> dict[str, "StrPromise"]:
    """The letters employers may reword, as the areas registered them (their labels)."""
    return {kind: letter.label for kind, letter in texts.LETTERS.items()}


class TemplateForm(forms.Form):
    subject = LineField(label=gettext_lazy("Subject"), max_length=300)
    body = forms.CharField(label=gettext_lazy("Message"), widget=Textarea(attrs={"rows": 14}))

    def _check(self, field: str) -> str:
        value = self.cleaned_data[field]
        unknown = texts.unknown_placeholders(value)
        if unknown:
            raise forms.ValidationError(
                _("Unknown placeholder: %(names)s. You can use: %(known)s.")
                % {
                    "names": ", ".join(f"{{{n}}}" for n in unknown),
                    "known": ", ".join(f"{{{n}}}" for n in texts.PLACEHOLDERS),
                }
            )
        return value

    def clean_subject(self) -> str:
        return self._check("subject")

    def clean_body(self) -> str:
        return self._check("body")


@recruiter_required
def template_list(request: StaffRequest) -> HttpResponse:
    custom = set(
        MessageTemplate.objects.filter(organization=request.org).values_list("kind", "language")
    )
    rows = [
        {"kind": k, "label": label, "langs": [(lang, (k, lang) in custom) for lang in LANGUAGES]}
        for k, label in kind_labels().items()
    ]
    return render(request, "messaging/staff/templates.html", {"rows": rows})


@recruiter_required
def template_edit(request: StaffRequest, kind: str, language: str) -> HttpResponse:
    if kind not in texts.LETTERS or language not in LANGUAGES:
        raise Http404
    org = request.org
    existing = MessageTemplate.objects.filter(
        organization=org, kind=kind, language=language
    ).first()
    subject, body = (
        (existing.subject, existing.body) if existing else texts.default_text(kind, language)
    )
    form = TemplateForm(request.POST or None, initial={"subject": subject, "body": body})
    preview = None
    if request.method == "POST":
        if "reset" in request.POST:
            MessageTemplate.objects.filter(organization=org, kind=kind, language=language).delete()
            messages.success(request, _("Back to Reilu's default wording."))
            return redirect("staff:template_edit", kind=kind, language=language)
        if form.is_valid():
            data = form.cleaned_data
            if "save" in request.POST:
                wording = (data["subject"], data["body"])
                if wording == tuple(texts.default_text(kind, language)):
                    # Reilu's own wording is no custom template: later improvements still reach it.
                    MessageTemplate.objects.filter(
                        organization=org, kind=kind, language=language
                    ).delete()
                else:
                    MessageTemplate.objects.update_or_create(
                        organization=org,
                        kind=kind,
                        language=language,
                        defaults={"subject": wording[0], "body": wording[1]},
                    )
                messages.success(request, _("Saved. New messages use this wording."))
                return redirect("staff:template_edit", kind=kind, language=language)
            subject, body = data["subject"], data["body"]
    if form.is_bound and not form.is_valid():
        preview = None
    else:
        preview = texts.render(
            kind, language, texts.sample_values(org, language), {(kind, language): (subject, body)}
        )
    return render(
        request,
        "messaging/staff/template_edit.html",
        {
            "form": form,
            "kind": kind,
            "label": texts.LETTERS[kind].label,
            "language": language,
            "preview": preview,
            "custom": existing is not None,
            "placeholders": texts.PLACEHOLDERS,
        },
        status=400 if form.is_bound and not form.is_valid() else 200,
    )
