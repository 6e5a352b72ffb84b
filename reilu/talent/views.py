"""Seeker pages: sign in by link, own profile, requests, views, open applications, searches;
and the public gallery of public profiles."""

from django.contrib import messages
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from reilu import limits
from reilu.applications.cv import file_response
from reilu.errors import private_response
from reilu.formatting import chosen_language
from reilu.refusals import refusal_shown
from reilu.talent import auth, saved_searches, selectors
from reilu.talent.forms import (
    OpenApplicationForm,
    ProfileForm,
    SavedSearchForm,
    SearchForm,
    SignInCodeForm,
    SignInForm,
)
from reilu.talent.models import ContactRequest, OpenApplication, Profile, SavedSearch
from reilu.talent.services.contact_requests import contact_request_answer
from reilu.talent.services.open_applications import open_application_send
from reilu.talent.services.profiles import PROFILE_FIELDS, profile_save, profile_set_visibility
from reilu.talent.services.searches import saved_search_create, saved_search_unsubscribe
from reilu.talent.services.seekers import signin_request


def _language() -> str:
    language = (get_language() or "fi")[:2]
    return language if language in ("fi", "sv", "en") else "fi"


PENDING_SEARCH = "reilu.pending_search"
# The address a sign-in mail was last asked for in this session (the code form's default).
SIGNIN_EMAIL = "reilu.signin_email"


@require_http_methods(["GET", "POST"])
def signin(request):
    if request.method == "GET" and ("keywords" in request.GET or "remote" in request.GET):
        # Came from an empty job list's "email me matching jobs": keep the search for the
        # seeker's own page, where it is saved with one press once they are signed in.
        request.session[PENDING_SEARCH] = {
            "keywords": request.GET.get("keywords", "").strip()[:200],
            "remote": request.GET.get("remote") == "1",
        }
    form = SignInForm(request.POST or None)
    status = 200
    if request.method == "POST":
        # Per client, before the form: one client cannot mail links to many addresses.
        limits.check(request, "signin")
        if form.is_valid():
            email = form.cleaned_data["email"]
            sent = signin_request(
                email=email, language=_language(), chosen=chosen_language(request)
            )
            if not sent:
                form.add_error(None, _("Too many sign-in links asked for. Try again in an hour."))
                return render(request, "talent/signin.html", {"form": form}, status=429)
            # Post/redirect/get: the "check your email" page with its code form survives a
            # reload and Back. The address waits in the session, not in the URL.
            request.session[SIGNIN_EMAIL] = email
            return redirect("talent:signin_sent")
        status = 400
    return render(request, "talent/signin.html", {"form": form}, status=status)


@require_safe
def signin_sent(request):
    """After asking for a sign-in mail: where to type the code, for the address asked for."""
    email = request.session.get(SIGNIN_EMAIL)
    if not isinstance(email, str) or not email:
        return redirect("talent:signin")
    code_form = SignInCodeForm(initial={"email": email})
    return private_response(render(request, "talent/signin_sent.html", {"code_form": code_form}))


@require_http_methods(["GET", "POST"])
def signin_code(request):
    """The code from the sign-in mail, typed on this device. Guesses are limited per client
    (before the form), per address, and per code (auth.code_use)."""
    email = request.GET.get("email", "") or request.session.get(SIGNIN_EMAIL, "")
    form = SignInCodeForm(request.POST or None, initial={"email": email})
    status = 200
    if request.method == "POST":
        limits.check(request, "signin_code")
        if form.is_valid():
            email = form.cleaned_data["email"]
            if limits.over_limit_for(request, "signin_code_address", email):
                form.add_error(None, _("Too many tries for this address. Try again in an hour."))
                status = 429
            else:
                seeker = auth.code_use(email=email, code=form.cleaned_data["code"])
                if seeker is not None:
                    auth.sign_in(request, seeker)
                    request.session.pop(SIGNIN_EMAIL, None)
                    return redirect(auth.HOME)
                form.add_error(
                    "code",
                    _(
                        "The code is not right, or it has expired or been tried too many "
                        "times. Use the code in the newest email, or ask for a new one."
                    ),
                )
                status = 400
        else:
            status = 400
    return private_response(
        render(request, "talent/signin_code.html", {"code_form": form}, status=status)
    )


@require_http_methods(["GET", "POST"])
def signin_link(request, token):
    # Sign in only on POST: mail scanners open links, people press buttons.
    if request.method == "POST":
        seeker = auth.token_use(token)
        if seeker is None:
            return private_response(render(request, "talent/signin_expired.html", {}, status=410))
        auth.sign_in(request, seeker)
        request.session.pop(SIGNIN_EMAIL, None)
        return redirect(auth.HOME)
    if auth.token_peek(token) is None:
        return private_response(render(request, "talent/signin_expired.html", {}, status=410))
    return private_response(render(request, "talent/signin_confirm.html", {"token": token}))


@require_POST
def signout(request):
    auth.sign_out(request)
    return redirect("home")


@auth.seeker_required
def me(request):
    seeker = request.seeker
    profile = Profile.objects.filter(seeker=seeker).prefetch_related("languages").first()
    context = {
        "seeker": seeker,
        "profile": profile,
        "views": selectors.seeker_views(profile) if profile else [],
        "requests": selectors.seeker_requests(profile) if profile else [],
        "open_applications": seeker.open_applications.select_related("organization"),
        "searches": seeker.saved_searches.filter(unsubscribed_at__isnull=True),
        "search_form": SavedSearchForm(initial=request.session.get(PENDING_SEARCH)),
    }
    return private_response(render(request, "talent/me.html", context))


@auth.seeker_required
@require_http_methods(["GET", "POST"])
def profile_edit(request):
    profile = Profile.objects.filter(seeker=request.seeker).first()
    initial = {}
    if profile:
        initial = {
            "skills": ", ".join(profile.skill_list),
            "languages": ", ".join(f"{pl.language}:{pl.level}" for pl in profile.languages.all()),
            "links_text": "\n".join(profile.links),
        }
    form = ProfileForm(
        request.POST or None, request.FILES or None, instance=profile, initial=initial
    )
    status = 200
    if request.method == "POST":
        if form.is_valid():
            data = {f: form.cleaned_data[f] for f in PROFILE_FIELDS}
            with refusal_shown(request, form=form) as refused:
                profile_save(
                    seeker=request.seeker,
                    data=data,
                    skills=form.cleaned_data["skills"],
                    languages=form.cleaned_data["languages"],
                    links=form.cleaned_data["links_text"],
                    cv=form.cleaned_data.get("cv_file"),
                    cv_type=getattr(form, "cv_type", ""),
                )
            if not refused:
                messages.success(request, _("Your profile is saved."))
                return redirect("talent:me")
        status = 400
    # A browser never keeps a chosen file after an error: say so, by the file's name.
    chosen = request.FILES.get("cv_file")
    cv_again = (
        chosen.name[:100] if chosen and status == 400 and "cv_file" not in form.errors else ""
    )
    response = render(
        request, "talent/profile_form.html", {"form": form, "cv_again": cv_again}, status=status
    )
    return private_response(response)


@auth.seeker_required
@require_POST
def visibility(request):
    profile = get_object_or_404(Profile, seeker=request.seeker)
    with refusal_shown(request):
        profile_set_visibility(
            profile=profile,
            visibility=request.POST.get("visibility", profile.visibility),
            paused=request.POST.get("paused") == "1",
        )
    return redirect("talent:me")


@auth.seeker_required
def own_cv(request):
    profile = get_object_or_404(Profile, seeker=request.seeker)
    if not profile.cv:
        raise Http404
    return cv_response(profile)


def cv_response(profile: Profile) -> FileResponse:
    return file_response(profile.cv, profile.cv_name, profile.cv_type)


@auth.seeker_required
@require_POST
def answer_request(request, pk):
    contact = get_object_or_404(
        ContactRequest.objects.select_related("profile", "organization", "posting"),
        pk=pk,
        profile__seeker=request.seeker,
    )
    accept = request.POST.get("answer") == "accept"
    with refusal_shown(request) as refused:
        contact_request_answer(request=contact, seeker=request.seeker, accept=accept)
    if not refused:
        if accept:
            messages.success(
                request,
                _("Accepted. %(employer)s now sees your contact details.")
                % {"employer": contact.organization.name},
            )
        else:
            messages.success(request, _("Declined. We told the employer politely."))
    return redirect("talent:me")


@auth.seeker_required
@require_http_methods(["GET", "POST"])
def open_new(request):
    initial = {"organization": request.GET.get("to")}
    form = OpenApplicationForm(request.POST or None, initial=initial)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            with refusal_shown(request, form=form) as refused:
                app = open_application_send(
                    seeker=request.seeker,
                    organization=form.cleaned_data["organization"],
                    message=form.cleaned_data["message"],
                )
            if not refused:
                return redirect("talent:open_status", pk=app.pk)
        status = 400
    return private_response(render(request, "talent/open_new.html", {"form": form}, status=status))


@auth.seeker_required
def open_status(request, pk):
    app = get_object_or_404(
        OpenApplication.objects.select_related("organization", "invited_to"),
        pk=pk,
        seeker=request.seeker,
    )
    context = {"app": app, "events": app.events.all(), "org": app.organization}
    return private_response(render(request, "talent/open_status.html", context))


@auth.seeker_required
@require_POST
def search_save(request):
    form = SavedSearchForm(request.POST)
    request.session.pop(PENDING_SEARCH, None)
    if form.is_valid():
        with refusal_shown(request) as refused:
            saved_search_create(seeker=request.seeker, **form.cleaned_data)
        if not refused:
            messages.success(request, _("Saved. We will email you new matching jobs."))
    else:
        messages.error(request, _("Check the search: %(errors)s") % {"errors": form.errors})
    return redirect("talent:me")


@auth.seeker_required
@require_POST
def search_delete(request, pk):
    search = get_object_or_404(SavedSearch, pk=pk, seeker=request.seeker)
    saved_search_unsubscribe(search)
    messages.success(request, _("The saved search is stopped."))
    return redirect("talent:me")


@csrf_exempt  # RFC 8058 one-click: the mail client POSTs without a session or CSRF token
@require_http_methods(["GET", "POST"])
def search_unsubscribe(request, signed):
    search = saved_searches.unsign(signed)
    if search is None:
        raise Http404
    if request.method == "POST":
        saved_search_unsubscribe(search)
        search.refresh_from_db()
        if request.POST.get("List-Unsubscribe") == "One-Click":
            return HttpResponse(status=200)
    return render(request, "talent/unsubscribe.html", {"search": search, "signed": signed})


def gallery(request):
    """Public profiles for anyone; staff use the staff search, which also shows
    profiles visible to signed-in employers."""
    form = SearchForm(request.GET or None)
    page = selectors.search_page(
        form.query(), audience=selectors.Audience.PUBLIC, page=request.GET.get("page", 1)
    )
    return render(request, "talent/gallery.html", {"form": form, "page": page})


def public_profile(request, public_id):
    profile = selectors.profile_for(public_id, audience=selectors.Audience.PUBLIC)
    if profile is None:
        raise Http404
    return render(request, "talent/profile_public.html", {"profile": profile})


@auth.seeker_required
def my_data(request):
    from django.http import HttpResponse

    from reilu.talent.personal_data import seeker_export

    response = HttpResponse(seeker_export(request.seeker), content_type="application/zip")
    response["Content-Disposition"] = 'attachment; filename="reilu-my-talent-data.zip"'
    response["X-Content-Type-Options"] = "nosniff"
    return private_response(response)


@auth.seeker_required
@require_http_methods(["GET", "POST"])
def erase(request):
    from reilu.talent.personal_data import seeker_erase

    error = ""
    if request.method == "POST":
        if request.POST.get("confirm") == "yes":
            seeker_erase(request.seeker)
            auth.sign_out(request)
            return render(request, "talent/erased.html")
        error = _("Tick the box to confirm that you want your data erased.")
    return private_response(render(request, "talent/erase.html", {"error": error}))
