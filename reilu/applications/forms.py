import json
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from reilu.applications import documents, services
from reilu.applications.pending import pending_open
from reilu.applications.uploads import check_cv
from reilu.jobs.models import Posting, Question
from reilu.jobs.questions import LONG_MAX, NO, SHORT_MAX, YES, answer_value, choice_lines
from reilu.rules import RuleError
from reilu.textfields import LineField


def question_field(question: Question) -> forms.Field:
    """The apply form's field for one of the posting's questions."""
    kind = question.kind
    field: forms.Field
    if kind == Question.Kind.YES_NO:
        field = forms.ChoiceField(
            choices=[(YES, _("Yes")), (NO, _("No"))], widget=forms.RadioSelect
        )
    elif kind == Question.Kind.ONE:
        options = [(o, o) for o in question.options()]
        field = forms.ChoiceField(choices=options, widget=forms.RadioSelect)
    elif kind == Question.Kind.MANY:
        options = [(o, o) for o in question.options()]
        field = forms.MultipleChoiceField(choices=options, widget=forms.CheckboxSelectMultiple)
    elif kind == Question.Kind.NUMBER:
        field = LineField(max_length=40, widget=forms.TextInput(attrs={"inputmode": "decimal"}))
    elif kind == Question.Kind.SHORT:
        field = LineField(max_length=SHORT_MAX)
    else:
        field = forms.CharField(widget=forms.Textarea(attrs={"rows": 4}), max_length=LONG_MAX)
    field.label = question.text
    field.required = question.required
    field.error_messages["required"] = _("Please answer this question.")
    field.error_messages["invalid_choice"] = _("Choose one of the choices given.")
    setattr(field, "is_question", True)  # noqa: B010 - the template groups these
    return field


def unmet_notice(question: Question) -> str:
    """What a candidate reads at once when an answer does not meet the tied requirement."""
    told = _(
        "This job requires: %(requirement)s. Your answer shows that you do not meet this "
        "requirement."
    ) % {"requirement": question.requirement}
    if question.may_apply_anyway:
        return f"{told} " + _(
            "You can still send your application. The employer will see that your answer "
            "does not meet this requirement."
        )
    return f"{told} " + _(
        "For this requirement the employer considers only applications that meet it, so the "
        "application cannot be sent with this answer. Thank you for your interest: the "
        "employer's other openings are on the job list."
    )


class StatusLinksForm(forms.Form):
    email = forms.EmailField(
        label=_("Email"),
        max_length=254,
        help_text=_("The address you gave when you applied."),
        error_messages={"required": _("Please give the email address you applied with.")},
    )


class ApplyForm(forms.Form):
    """The public form. It names only what a candidate may set: no stage, outcome or owner,
    and no question about current or past pay (EU Directive 2023/970 Art. 5(2))."""

    name = LineField(
        label=_("Full name"),
        max_length=200,
        error_messages={"required": _("Please give your name.")},
    )
    email = forms.EmailField(
        label=_("Email"),
        max_length=254,
        error_messages={
            "required": _("Please give your email address: your status link goes there.")
        },
    )
    phone = LineField(label=_("Phone (optional)"), max_length=40, required=False)
    cv = forms.FileField(
        label=_("CV"),
        help_text=_("PDF, DOCX, ODT, RTF or TXT, at most 10 MB."),
        required=False,
    )
    cover_letter = forms.CharField(
        label=_("Cover letter"),
        widget=forms.Textarea(attrs={"rows": 8}),
        required=False,
        max_length=20000,
    )
    language = forms.ChoiceField(
        label=_("Language for messages to you"), choices=Posting.Language.choices
    )
    privacy_consent = forms.BooleanField(
        label=_(
            "I have read the privacy notice and agree that my application is processed "
            "as it describes."
        ),
        error_messages={"required": _("Please accept the privacy notice to apply.")},
    )
    talent_consent = forms.BooleanField(
        label=_("Keep my details for other suitable openings of this employer (optional)."),
        required=False,
    )

    # The privacy notice version shown on the page, recorded as the one accepted.
    privacy_notice_version = forms.IntegerField(
        required=False, min_value=0, max_value=1_000_000, widget=forms.HiddenInput
    )

    job_alert = forms.BooleanField(
        label=_("Email me when this employer has new openings (optional; you confirm by email)."),
        required=False,
    )

    # The checked content type of the CV, once one is cleaned.
    cv_type = ""

    def __init__(self, *args, pending=None, questions=(), **kwargs):
        # A CV kept from an earlier try of this form (reilu.applications.pending).
        self.pending = pending
        super().__init__(*args, **kwargs)
        # The posting's own questions, after the cover letter.
        self.questions = list(questions)
        for question in self.questions:
            name = self.question_name(question)
            self.fields[name] = question_field(question)
            if question.knockout and question.may_apply_anyway:
                anyway = forms.BooleanField(
                    label=_("I understand, and I want to send my application anyway."),
                    required=False,
                )
                setattr(anyway, "is_question", True)  # noqa: B010 - grouped with its question
                self.fields[f"{name}_anyway"] = anyway
        # Each (question, stored answer) once the form is valid; unanswered ones left out.
        self.answers: list[tuple[Question, str]] = []
        # The names of questions whose answer does not meet the requirement they screen on.
        self.unmet: set[str] = set()

    @staticmethod
    def question_name(question: Question) -> str:
        return f"q{question.pk}"

    def question_fields(self):
        """Each question's field, with what the page needs to tell a candidate at once (the
        script) or after sending (the server) that an answer does not meet a requirement."""
        shown = []
        for question in self.questions:
            name = self.question_name(question)
            screening = None
            if question.knockout:
                accept = choice_lines(question.knockout)
                screening = {
                    "kind": question.kind,
                    "accept": [a.lower() for a in accept] if question.kind == "yes_no" else accept,
                    "min": question.knockout if question.kind == Question.Kind.NUMBER else "",
                }
            shown.append(
                {
                    "field": self[name],
                    "anyway": self[f"{name}_anyway"] if f"{name}_anyway" in self.fields else None,
                    "screening": json.dumps(screening) if screening else "",
                    "notice": unmet_notice(question) if question.knockout else "",
                    "unmet": name in self.unmet,
                }
            )
        return shown

    def submit(self, posting):
        """Store the valid form's application: one rule for the web page and the API."""
        data = self.cleaned_data
        return services.application_submit(
            posting=posting,
            name=data["name"],
            email=data["email"],
            phone=data["phone"],
            cover_letter=data["cover_letter"],
            language=data["language"],
            cv=data.get("cv"),
            cv_type=self.cv_type,
            privacy_consent=data["privacy_consent"],
            talent_consent=data["talent_consent"],
            answers=self.answers,
        )

    def clean_name(self):
        name = self.cleaned_data["name"].strip()
        if not name:
            raise ValidationError(_("Please give your name."))
        return name

    def clean_cv(self):
        cv = self.cleaned_data.get("cv")
        if cv:
            self.cv_type = check_cv(cv)
        return cv

    def clean(self):
        super().clean()
        data = self.cleaned_data
        if not data.get("cv") and self.pending is not None and "cv" not in self.errors:
            try:
                data["cv"], self.cv_type = pending_open(self.pending)
            except ValidationError as exc:
                self.add_error("cv", exc)
        if not data.get("cv") and not (data.get("cover_letter") or "").strip() and not self.errors:
            self.add_error("cv", _("Please attach a CV or write a cover letter."))
        self.answers = []
        for question in self.questions:
            name = self.question_name(question)
            if name in self.errors:
                continue
            try:
                value = answer_value(question.kind, question.options(), data.get(name))
            except ValueError as exc:
                self.add_error(name, str(exc))
                continue
            if value:
                self.answers.append((question, value))
            elif question.required:
                self.add_error(name, _("Please answer this question."))
            if value and question.meets(value) is False:
                self.unmet.add(name)
                if not question.may_apply_anyway:
                    self.add_error(name, unmet_notice(question))
                elif not data.get(f"{name}_anyway"):
                    self.add_error(
                        f"{name}_anyway",
                        _("To send your application anyway, tick this box."),
                    )
        return data


class DocumentRequestForm(forms.Form):
    """Staff ask the candidate for a document (reilu.applications.documents holds the rules,
    shared with the API)."""

    what = LineField(
        label=_("Document"),
        max_length=documents.WHAT_MAX,
        help_text=_(
            'What you ask for, as the candidate would say it: "Copy of your driving licence".'
        ),
        error_messages={"required": _("Say which document you ask for.")},
    )
    note = forms.CharField(
        label=_("Note to the candidate (optional)"),
        required=False,
        max_length=documents.NOTE_MAX,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    due = forms.DateField(
        label=_("Due date"),
        help_text=_("Today or later, at most a year ahead."),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={
            "required": _("Give the date the document is due by."),
            "invalid": _("Give the due date as a date, for example 2027-01-31."),
        },
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # The date picker offers only the dates the rule takes (Helsinki's today onwards).
        first, last = documents.due_range()
        self.fields["due"].widget.attrs.update(min=first.isoformat(), max=last.isoformat())

    def clean_what(self) -> str:
        return _rule(documents.clean_what, self.cleaned_data["what"])

    def clean_note(self) -> str:
        return _rule(documents.clean_note, self.cleaned_data["note"])

    def clean_due(self):
        return _rule(documents.clean_due, self.cleaned_data["due"])


class DocumentUploadForm(forms.Form):
    """The candidate's file for one request: the CV upload's checks."""

    file = forms.FileField(
        label=_("Your file"),
        error_messages={"required": _("Choose the file to send.")},
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        _rule(documents.check_file, upload)
        return upload


def _rule(check, value):
    """A rule of reilu.applications.documents as a form field's check."""
    try:
        return check(value)
    except RuleError as exc:
        raise ValidationError(exc.message, code=exc.code) from exc
