import datetime as dt
import re
from typing import cast

from django import forms
from django.utils.translation import gettext_lazy as _

from reilu.interviews.models import Purpose
from reilu.textfields import LineField
from reilu.widgets import Textarea

PART_LINE = re.compile(r"^\s*(\d{1,2})[:.](\d{2})\s*[-–]\s*(\d{1,2})[:.](\d{2})\s+(.+?)\s*$")


class SlotForm(forms.Form):
    """One time, or a series: every day from the first to the last, cut into equal times."""

    purpose = forms.ChoiceField(label=_("Kind"), choices=Purpose.choices, initial=Purpose.INTERVIEW)
    day = forms.DateField(label=_("Date"), widget=forms.DateInput(attrs={"type": "date"}))
    last_day = forms.DateField(
        label=_("Last day (optional)"),
        help_text=_(
            "For times on several days. Weekends and public holidays are skipped unless chosen."
        ),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    weekends = forms.BooleanField(label=_("Also on weekends and public holidays"), required=False)
    start = forms.TimeField(label=_("Starts"), widget=forms.TimeInput(attrs={"type": "time"}))
    end = forms.TimeField(label=_("Ends"), widget=forms.TimeInput(attrs={"type": "time"}))
    length = forms.IntegerField(
        label=_("Length of each time in minutes (optional)"),
        help_text=_("Leave empty for one time from start to end each day."),
        required=False,
        min_value=10,
        max_value=720,
    )
    pause = forms.IntegerField(
        label=_("Pause between times in minutes"),
        required=False,
        initial=0,
        min_value=0,
        max_value=240,
    )
    location = LineField(label=_("Place"), max_length=300, required=False)
    video_url = forms.URLField(label=_("Video link"), required=False, assume_scheme="https")
    interviewers = forms.MultipleChoiceField(
        label=_("Interviewers (for a feedback call: the contact person)"),
        widget=forms.CheckboxSelectMultiple,
    )
    parts = forms.CharField(
        label=_("Interview day: its parts, one per line (optional)"),
        help_text=_("For example: 09:00-10:00 Interview with the team"),
        required=False,
        widget=Textarea(attrs={"rows": 3}),
        max_length=2000,
    )

    def __init__(self, *args, members=(), **kwargs):
        super().__init__(*args, **kwargs)
        cast(forms.MultipleChoiceField, self.fields["interviewers"]).choices = [
            (str(m.user_id), f"{m.user.get_full_name() or m.user.email} ({m.get_role_display()})")
            for m in members
        ]

    def clean(self):
        super().clean()
        data = self.cleaned_data
        if data.get("length") and data.get("parts", "").strip():
            self.add_error(
                "parts",
                _("A programme of parts is for one time a day: leave the length empty."),
            )
            return data
        parts = []
        for line in (data.get("parts") or "").splitlines():
            if not line.strip():
                continue
            match = PART_LINE.match(line)
            try:
                if match is None:
                    raise ValueError(line)
                h1, m1, h2, m2, title = match.groups()
                parts.append(
                    {
                        "title": title,
                        "start": dt.time(int(h1), int(m1)),
                        "end": dt.time(int(h2), int(m2)),
                    }
                )
            except ValueError:
                self.add_error("parts", _("Write each part as 09:00-10:00 Name."))
                return data
        data["part_list"] = parts
        return data


class CriteriaForm(forms.Form):
    lines = forms.CharField(
        label=_("Evaluation criteria, one per line"),
        widget=Textarea(attrs={"rows": 8}),
        max_length=6000,
    )


SCORES = [(str(i), str(i)) for i in range(1, 6)]


class ScorecardForm(forms.Form):
    """One 1–5 choice and a note per criterion."""

    def __init__(self, *args, criteria=(), initial_ratings=None, **kwargs):
        super().__init__(*args, **kwargs)
        initial_ratings = initial_ratings or {}
        self.criteria = list(criteria)
        for c in self.criteria:
            score, notes = initial_ratings.get(c.pk, (None, ""))
            self.fields[f"score_{c.pk}"] = forms.TypedChoiceField(
                label=c.text,
                choices=SCORES,
                coerce=int,
                widget=forms.RadioSelect,
                initial=str(score) if score else None,
            )
            self.fields[f"notes_{c.pk}"] = forms.CharField(
                label=_("Notes: %(criterion)s") % {"criterion": c.text},
                required=False,
                max_length=5000,
                widget=Textarea(attrs={"rows": 2}),
                initial=notes,
            )

    def rows(self):
        return [(c, self[f"score_{c.pk}"], self[f"notes_{c.pk}"]) for c in self.criteria]

    def ratings(self) -> dict:
        return {
            c.pk: (self.cleaned_data[f"score_{c.pk}"], self.cleaned_data[f"notes_{c.pk}"])
            for c in self.criteria
        }
