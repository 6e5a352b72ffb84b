"""A rule's refusal on a page: `refusal_shown`, the one way views turn a `RuleError` into
the page's error display (the API has its own, reilu/api/errors.py)."""

from collections.abc import Iterator, Mapping
from contextlib import contextmanager

from django.contrib import messages
from django.forms import BaseForm
from django.http import HttpRequest

from reilu.rules import PublishRefused, RuleError


class Refusal:
    """What a `refusal_shown` block met: true, with `error`, when a rule refused."""

    def __init__(self) -> None:
        self.error: RuleError | None = None

    def __bool__(self) -> bool:
        return self.error is not None


@contextmanager
def refusal_shown(
    request: HttpRequest,
    *,
    form: BaseForm | None = None,
    field: str | Mapping[str, str] | None = None,
) -> Iterator[Refusal]:
    """Run a service call; show a rule's refusal where the page shows its errors.

    With a form, the message goes on it: on `field` (or on the field a code maps to), else on
    the whole form. Without one it is an error message for the next page; the publish gate's
    refusal gives one message per problem. It stores nothing itself; the caller decides
    the status and where to go by asking the yielded `Refusal`.
    """
    refusal = Refusal()
    try:
        yield refusal
    except RuleError as exc:
        refusal.error = exc
        if form is not None:
            where = field.get(exc.code) if isinstance(field, Mapping) else field
            form.add_error(where, exc.message)
        elif isinstance(exc, PublishRefused):
            for problem in exc.problems:
                messages.error(request, problem.message)
        else:
            messages.error(request, exc.message)
