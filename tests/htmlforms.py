"""Read the forms of a rendered page and submit them as a browser would.

`parse_forms(html)` returns every <form> with the values a browser sends when the form is
submitted unchanged (HTML's "constructing the entry list"): text-like inputs with their
value, checked boxes and radios only, the selected options of a select (the first option of a
single select when none is marked), textareas with their text (without the one newline the
parser drops after the start tag), no disabled or file fields, and the submitter's own name and
value: by default the first submit button, the one pressing Enter would use.
"""

from dataclasses import dataclass, field
from html import unescape
from html.parser import HTMLParser

_NOT_SENT = {"submit", "image", "reset", "button", "file"}


@dataclass
class Form:
    method: str
    action: str
    attrs: dict
    fields: list[tuple[str, str]] = field(default_factory=list)
    buttons: list[tuple[str, str]] = field(default_factory=list)

    def data(self, button: int | str | None = 0) -> dict[str, list[str]]:
        """The entry list as a dict of lists (the test client sends lists as repeated keys).

        `button` picks the submitter: an index among the submit buttons, a button's name, or
        None for a submit without one (as form.submit() would do).
        """
        entries = list(self.fields)
        if isinstance(button, str):
            entries += [b for b in self.buttons if b[0] == button][:1]
        elif button is not None and button < len(self.buttons) and self.buttons[button][0]:
            entries.append(self.buttons[button])
        data: dict[str, list[str]] = {}
        for name, value in entries:
            data.setdefault(name, []).append(value)
        return data


class _Parser(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.forms: list[Form] = []
        self._form: Form | None = None
        self._select: dict | None = None
        self._option: dict | None = None
        self._textarea: dict | None = None

    def handle_starttag(self, tag, attrs):
        a = {k: (v if v is not None else "") for k, v in attrs}
        if tag == "form":
            self._form = Form(a.get("method", "get").lower(), a.get("action", ""), a)
            self.forms.append(self._form)
            return
        if self._form is None:
            return
        disabled = "disabled" in a
        if tag == "input":
            kind = a.get("type", "text").lower()
            name = a.get("name")
            if kind in ("submit", "image") and not disabled:
                self._form.buttons.append((name or "", a.get("value", "")))
            if not name or disabled or kind in _NOT_SENT:
                return
            if kind in ("checkbox", "radio"):
                if "checked" in a:
                    self._form.fields.append((name, a.get("value", "on")))
            else:
                self._form.fields.append((name, a.get("value", "")))
        elif tag == "button":
            if a.get("type", "submit").lower() == "submit" and not disabled:
                self._form.buttons.append((a.get("name", ""), a.get("value", "")))
        elif tag == "select":
            self._select = {
                "name": a.get("name"),
                "multiple": "multiple" in a,
                "disabled": disabled,
                "options": [],
            }
        elif tag == "option" and self._select is not None:
            self._option = {"value": a.get("value"), "text": "", "selected": "selected" in a}
            self._select["options"].append(self._option)
        elif tag == "textarea":
            self._textarea = {"name": a.get("name"), "disabled": disabled, "text": ""}

    def handle_data(self, data):
        if self._option is not None:
            self._option["text"] += data
        if self._textarea is not None:
            self._textarea["text"] += data

    def handle_endtag(self, tag):
        if tag == "form":
            self._form = None
        elif tag == "option":
            self._option = None
        elif tag == "select" and self._select is not None:
            self._end_select()
        elif tag == "textarea" and self._textarea is not None:
            t, self._textarea = self._textarea, None
            text = t["text"]
            if text.startswith("\n"):
                text = text[1:]
            if t["name"] and not t["disabled"] and self._form is not None:
                # Browsers send line breaks as CRLF.
                text = text.replace("\r\n", "\n").replace("\n", "\r\n")
                self._form.fields.append((t["name"], text))

    def _end_select(self):
        s, self._select, self._option = self._select, None, None
        if not s["name"] or s["disabled"] or self._form is None:
            return
        chosen = [o for o in s["options"] if o["selected"]]
        if not chosen and not s["multiple"] and s["options"]:
            chosen = s["options"][:1]
        if not s["multiple"]:
            chosen = chosen[-1:]
        for option in chosen:
            value = option["value"] if option["value"] is not None else option["text"].strip()
            self._form.fields.append((s["name"], unescape(value)))


def parse_forms(html: str) -> list[Form]:
    parser = _Parser()
    parser.feed(html)
    parser.close()
    return parser.forms
