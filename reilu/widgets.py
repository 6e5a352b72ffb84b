"""Form widgets shared by the staff forms."""

from django import forms


class Textarea(forms.Textarea):
    """A textarea that hands its text to the form with plain \\n line breaks.

    Browsers send a textarea's line breaks as CRLF. Stored text uses \\n (the API and the
    services write it so), and a form submitted unchanged must store the text unchanged.
    """

    def value_from_datadict(self, data, files, name):
        value = super().value_from_datadict(data, files, name)
        return value.replace("\r\n", "\n").replace("\r", "\n") if isinstance(value, str) else value
