import datetime as dt
import re

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from reilu.interviews.models import Purpose
from reilu.textfields import LineField

PART_LINE = re.compile(r"^\s*(\d{1,2})[:.](\d{2})\s*[-–]\s*(\d{1,2})[:.](\d{2})\s+(.+?)\s*$")


def _at(day: dt.date, hour: int, minute: int) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time(hour, minute)))


class SlotForm(forms.Form):
    purpose = forms.ChoiceField(label=_("Kind"), choices=Purpose.choices, initial=Purpose.INTERVIEW)
    day = forms.DateField(label=_("Date"), widget=forms.DateInput(attrs={"type": "date"}))
    start = forms.TimeField(label=_("Starts"), widget=forms.TimeInput(attrs={"type": "time"}))
    end = forms.TimeField(label=_("Ends"), widget=forms.TimeInput(attrs={"type": "time"}))
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
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
    )

    def __init__(self, *args, members=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["interviewers"].choices = [
            (str(m.user_id), f"{m.user.get_full_name() or m.user.email} ({m.get_role_display()})")
            for m in members
        ]

    def clean(self):
        data = super().clean()
        day, start, end = data.get("day"), data.get("start"), data.get("end")
        if not (day and start and end):
            return data
        data["starts_at"] = _at(day, start.hour, start.minute)
        data["ends_at"] = _at(day, end.hour, end.minute)
        parts = []
        for line in (data.get("parts") or "").splitlines():
            if not line.strip():
                continue
            match = PART_LINE.match(line)
            if not match:
                self.add_error("parts", _("Write each part as 09:00-10:00 Name."))
                return data
            h1, m1, h2, m2, title = match.groups()
            try:
                parts.append(
                    {
                        "title": title,
                        "starts_at": _at(day, int(h1), int(m1)),
                        "ends_at": _at(day, int(h2), int(m2)),
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
        widget=forms.Textarea(attrs={"rows": 8}),
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
                widget=forms.Textarea(attrs={"rows": 2}),
                initial=notes,
            )

    def rows(self):
        return [(c, self[f"score_{c.pk}"], self[f"notes_{c.pk}"]) for c in self.criteria]

    def ratings(self) -> dict:
        return {
            c.pk: (self.cleaned_data[f"score_{c.pk}"], self.cleaned_data[f"notes_{c.pk}"])
            for c in self.criteria
        }
