from typing import Any

from django import forms
from django.core.validators import MaxValueValidator, MinValueValidator

from reilu.jobs.models import DutyShare, Posting, Stage
from reilu.jobs.rules import pay_range_problem
from reilu.jobs.services import POSTING_FIELDS
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


DutyFormSet = forms.formset_factory(
    DutyForm, extra=2, max_num=12, validate_max=True, can_delete=True
)
StageFormSet = forms.formset_factory(
    StageForm, extra=1, max_num=10, validate_max=True, can_delete=True
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
