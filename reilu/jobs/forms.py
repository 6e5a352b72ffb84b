from typing import Any

from django import forms
from django.core.validators import MaxValueValidator, MinValueValidator
from django.utils.translation import gettext_lazy as _

from reilu.employers.models import Organization
from reilu.jobs.models import DutyShare, Posting, Question, Stage
from reilu.jobs.questions import (
    MAX_QUESTIONS,
    choice_lines,
    knockout_problem,
    question_problem,
)
from reilu.jobs.rules import pay_range_problem, stage_order_problem
from reilu.jobs.services import ORGANIZATION_SETTINGS, POSTING_FIELDS
from reilu.textfields import line_formfield
from reilu.widgets import Textarea


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(format="%Y-%m-%d", **kwargs)


class PostingForm(forms.ModelForm):
    class Meta:
        formfield_callback = line_formfield
        model = Posting
        fields = list(POSTING_FIELDS)
        widgets = {
            "apply_by": DateInput(),
            "interviews_from": DateInput(),
            "interviews_to": DateInput(),
            "decision_by": DateInput(),
            "description": Textarea(attrs={"rows": 10}),
            "requirements": Textarea(attrs={"rows": 5}),
        }

    def clean(self) -> dict[str, Any]:
        super().clean()
        data = self.cleaned_data
        if message := pay_range_problem(data.get("pay_min"), data.get("pay_max")):
            self.add_error("pay_max", message)
        return data


class DutyForm(forms.ModelForm):
    class Meta:
        formfield_callback = line_formfield
        model = DutyShare
        fields = ["duty", "percent"]
        widgets = {"percent": forms.NumberInput(attrs={"min": 1, "max": 100})}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # The field's own message ("at most 100") instead of the table's constraint name.
        self.fields["percent"].validators += [MinValueValidator(1), MaxValueValidator(100)]


class StageForm(forms.ModelForm):
    # Which of the posting's stages this row edits: applications point at stages, so an edited
    # stage must stay the same row. Empty for a new stage.
    id = forms.IntegerField(required=False, min_value=1, widget=forms.HiddenInput)
    # Set by the editor: a stage that applications are at offers no "Remove".
    holds_applications = False

    class Meta:
        formfield_callback = line_formfield
        model = Stage
        fields = ["name", "kind", "description", "promise_days"]
        widgets = {
            "description": Textarea(attrs={"rows": 2}),
            "promise_days": forms.NumberInput(attrs={"min": 1, "max": 90}),
        }


class QuestionForm(forms.ModelForm):
    # Which of the posting's questions this row edits: answers point at questions, so an
    # edited question must stay the same row. Empty for a new question.
    id = forms.IntegerField(required=False, min_value=1, widget=forms.HiddenInput)

    class Meta:
        formfield_callback = line_formfield
        model = Question
        fields = [
            "text",
            "kind",
            "choices",
            "required",
            "requirement",
            "knockout",
            "may_apply_anyway",
        ]
        widgets = {
            "choices": Textarea(attrs={"rows": 3}),
            "knockout": Textarea(attrs={"rows": 2}),
        }

    def __init__(self, *args: Any, requirements: list[str] | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # Screening is tied to a requirement line of the ad: the editor offers those lines.
        self.requirement_lines = list(requirements or [])
        self.fields["requirement"] = forms.ChoiceField(
            label=_("Requirement of the ad it asks about"),
            choices=[("", "—"), *((line, line) for line in self.requirement_lines)],
            required=False,
        )
        # A spare row is blank until a question is written: no kind chosen beforehand, so
        # an untouched spare row counts as unchanged (see formset_rows).
        kind = self.fields["kind"]
        if isinstance(kind, forms.ChoiceField):
            kind.choices = [("", "—"), *Question.Kind.choices]
        self.fields["text"].required = False
        self.fields["kind"].required = False

    def clean(self) -> dict[str, Any]:
        super().clean()
        data = self.cleaned_data
        text = (data.get("text") or "").strip()
        if data.get("DELETE") or self.errors or not question_filled(data):
            return data
        if not data.get("kind"):
            self.add_error("kind", _("Choose how the question is answered."))
        elif problem := question_problem(data["kind"], text, data.get("choices") or ""):
            self.add_error("text" if not text else "choices", problem)
        elif problem := knockout_problem(
            data["kind"],
            choice_lines(data.get("choices") or ""),
            data.get("knockout") or "",
            data.get("requirement") or "",
            self.requirement_lines,
        ):
            self.add_error("knockout", problem)
        return data


def question_filled(data: dict) -> bool:
    """Whether a question row holds a question (a spare row's "required" box alone does not)."""
    return bool((data.get("text") or "").strip() or data.get("choices") or data.get("kind"))


DutyFormSet = forms.formset_factory(
    DutyForm, extra=2, max_num=12, validate_max=True, can_delete=True
)


class BaseStageFormSet(forms.BaseFormSet):
    def clean(self) -> None:
        super().clean()
        if any(self.errors):
            return
        rows = formset_rows(self)
        problem = stage_order_problem(
            [(row["name"], row.get("kind") or Stage.Kind.SCREENING) for row in rows]
        )
        if problem:
            raise forms.ValidationError(problem, code="stage_order")


StageFormSet = forms.formset_factory(
    StageForm,
    formset=BaseStageFormSet,
    extra=1,
    max_num=10,
    validate_max=True,
    can_delete=True,
)


QuestionFormSet = forms.formset_factory(
    QuestionForm, extra=1, max_num=MAX_QUESTIONS, validate_max=True, can_delete=True
)


def duty_initial(posting: Posting) -> list[dict]:
    return [{"duty": d.duty, "percent": d.percent} for d in posting.duties.all()]


def stage_initial(posting: Posting) -> list[dict]:
    return [
        {
            "id": s.pk,
            "name": s.name,
            "kind": s.kind,
            "description": s.description,
            "promise_days": s.promise_days,
        }
        for s in posting.stages.all()
    ]


def question_initial(posting: Posting) -> list[dict]:
    return [
        {
            "id": q.pk,
            "text": q.text,
            "kind": q.kind,
            "choices": q.choices,
            "required": q.required,
            "requirement": q.requirement,
            "knockout": q.knockout,
            "may_apply_anyway": q.may_apply_anyway,
        }
        for q in posting.questions.all()
    ]


def formset_rows(formset: forms.BaseFormSet) -> list[dict]:
    """The rows the person filled in and did not remove, in order.

    Bind a formset without `initial`: each form then counts as changed exactly when it holds
    something, so every filled row is validated and kept, whether it came prefilled from the
    saved posting or was typed in, while a blank spare row is skipped.
    """
    rows = []
    for form in formset.forms:
        data = getattr(form, "cleaned_data", None) or {}
        if not form.has_changed() or data.get("DELETE"):
            continue
        data = {k: v for k, v in data.items() if k != "DELETE"}
        if any(v not in (None, "") for v in data.values()):
            rows.append(data)
    return rows


def question_rows(formset: forms.BaseFormSet) -> list[dict]:
    """The question rows that hold a question, in order (see formset_rows)."""
    return [row for row in formset_rows(formset) if question_filled(row)]


class OrganizationSettingsForm(forms.ModelForm):
    """The settings an employer's owners choose for the employer's recruiting."""

    class Meta:
        model = Organization
        fields = list(ORGANIZATION_SETTINGS)
