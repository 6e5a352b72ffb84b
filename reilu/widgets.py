"""Form widgets shared by the staff forms."""

from collections.abc import Mapping
from typing import Any

from django import forms
from django.core.files.uploadedfile import UploadedFile
from django.utils.datastructures import MultiValueDict


class Textarea(forms.Textarea):
    """A textarea that hands its text to the form with plain \\n line breaks.

    Browsers send a textarea's line breaks as CRLF. Stored text uses \\n (the API and the
    services write it so), and a form submitted unchanged must store the text unchanged.
    """

    def value_from_datadict(
        self, data: Mapping[str, Any], files: MultiValueDict[str, UploadedFile], name: str
    ) -> Any:
        value = super().value_from_datadict(data, files, name)
        return value.replace("\r\n", "\n").replace("\r", "\n") if isinstance(value, str) else value
