from django import forms
from django.utils.translation import gettext_lazy as _


def _scale(low: int, high: int) -> list[tuple[int, str]]:
    return [(i, str(i)) for i in range(low, high + 1)]


class SurveyForm(forms.Form):
    recommend = forms.TypedChoiceField(
        label=_("How likely are you to recommend applying to this employer to a friend?"),
        help_text=_("0 = not at all likely, 10 = extremely likely"),
        choices=_scale(0, 10),
        coerce=int,
        widget=forms.RadioSelect,
    )
    ad_matched = forms.TypedChoiceField(
        label=_("The job ad matched what I learned about the job."),
        help_text=_("1 = not at all, 5 = completely"),
        choices=_scale(1, 5),
        coerce=int,
        widget=forms.RadioSelect,
    )
    knew_status = forms.TypedChoiceField(
        label=_("I always knew where my application stood."),
        help_text=_("1 = not at all, 5 = completely"),
        choices=_scale(1, 5),
        coerce=int,
        widget=forms.RadioSelect,
    )
    comment = forms.CharField(
        label=_("Anything you would like to tell us?"),
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 5}),
    )
    publish = forms.BooleanField(
        label=_("My comment may be shown on the employer's public page (without my name)."),
        required=False,
    )

    def __init__(self, *args, reached_interview: bool, **kwargs):
        super().__init__(*args, **kwargs)
        if not reached_interview:
            del self.fields["ad_matched"]


def question_count(*, reached_interview: bool) -> int:
    """How many questions the survey asks this candidate (the optional comment aside)."""
    form = SurveyForm(reached_interview=reached_interview)
    return sum(1 for field in form.fields.values() if field.required)


class ReportForm(forms.Form):
    reason = forms.CharField(
        label=_("What is wrong with this review?"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )


class ReplyForm(forms.Form):
    text = forms.CharField(
        label=_("Your public reply"), max_length=5000, widget=forms.Textarea(attrs={"rows": 4})
    )


class HideForm(forms.Form):
    reason = forms.CharField(
        label=_("Why is this review hidden? (kept on record)"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
