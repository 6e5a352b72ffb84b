from django import forms
from django.utils.translation import gettext_lazy as _

from reilu.jobs.models import DutyShare, Posting, Stage
from reilu.textfields import line_formfield


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


class PostingForm(forms.ModelForm):
    class Meta:
        formfield_callback = line_formfield
        model = Posting
        fields = [
            "title",
            "language",
            "location",
            "remote",
            "employment_type",
            "description",
            "requirements",
            "pay_min",
            "pay_max",
            "pay_currency",
            "pay_period",
            "contact_name",
            "contact_email",
            "contact_phone",
            "apply_by",
            "interviews_from",
            "interviews_to",
            "decision_by",
        ]
        widgets = {
            "apply_by": DateInput(),
            "interviews_from": DateInput(),
            "interviews_to": DateInput(),
            "decision_by": DateInput(),
            "description": forms.Textarea(attrs={"rows": 10}),
            "requirements": forms.Textarea(attrs={"rows": 5}),
        }

    def clean(self):
        data = super().clean()
        low, high = data.get("pay_min"), data.get("pay_max")
        if low is not None and high is not None and low > high:
            self.add_error("pay_max", _("The highest pay must not be lower than the lowest."))
        return data


class DutyForm(forms.ModelForm):
    class Meta:
        formfield_callback = line_formfield
        model = DutyShare
        fields = ["duty", "percent"]
        widgets = {"percent": forms.NumberInput(attrs={"min": 1, "max": 100})}


class StageForm(forms.ModelForm):
    class Meta:
        formfield_callback = line_formfield
        model = Stage
        fields = ["name", "kind", "description", "promise_days"]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 2}),
            "promise_days": forms.NumberInput(attrs={"min": 1, "max": 90}),
        }


DutyFormSet = forms.formset_factory(DutyForm, extra=2, max_num=12, can_delete=True)
StageFormSet = forms.formset_factory(StageForm, extra=1, max_num=10, can_delete=True)


def formset_rows(formset) -> list[dict]:
    rows = []
    for form in formset.forms:
        if not form.has_changed() or form.cleaned_data.get("DELETE"):
            continue
        data = {k: v for k, v in form.cleaned_data.items() if k != "DELETE"}
        if any(v not in (None, "") for v in data.values()):
            rows.append(data)
    return rows
