from django import forms
from django.utils.translation import gettext_lazy as _

from reilu.widgets import Textarea


class NoticeForm(forms.Form):
    text_fi = forms.CharField(
        label=_("Privacy notice in Finnish"),
        widget=Textarea(attrs={"rows": 14}),
        max_length=20000,
    )
    text_sv = forms.CharField(
        label=_("Privacy notice in Swedish"),
        widget=Textarea(attrs={"rows": 14}),
        max_length=20000,
    )
    text_en = forms.CharField(
        label=_("Privacy notice in English"),
        widget=Textarea(attrs={"rows": 14}),
        max_length=20000,
    )
