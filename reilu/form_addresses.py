"""A form's address that only takes a POST, but where a browser may still come with a GET.

After a refused form the page is the answer of a POST, under the form's own address. The
language switch (it sends the visitor back to the address they are at) and a reload in some
browsers then ask for that address with a GET; a bare `require_POST` answers 405 with an
empty page. `back_on_get` answers such a GET with a redirect to the page the form lives on,
found by `page(request, **kwargs)` under the view's own access rules (it raises 404 or the
link's 410 for what the visitor may not see).
"""

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.http import HttpRequest, HttpResponseBase, HttpResponseNotAllowed
from django.shortcuts import redirect

Page = Callable[..., str]
View = Callable[..., HttpResponseBase]


def back_on_get(page: Page) -> Callable[[View], View]:
    def decorator(view: View) -> View:
        @wraps(view)
        def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
            if request.method in ("GET", "HEAD"):
                response = redirect(page(request, *args, **kwargs))
                # The page's address may hold a status link's key.
                response["Referrer-Policy"] = "same-origin"
                return response
            if request.method != "POST":
                return HttpResponseNotAllowed(["GET", "POST"])
            return view(request, *args, **kwargs)

        return wrapper

    return decorator
