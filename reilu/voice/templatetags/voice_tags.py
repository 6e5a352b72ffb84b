from django import template

from reilu.voice import selectors
from reilu.voice.forms import question_count
from reilu.voice.models import SurveyInvitation

register = template.Library()


@register.inclusion_tag("voice/_status_panel_body.html")
def voice_status_panel(app, token):
    invitation = SurveyInvitation.objects.filter(application=app).first()
    questions = question_count(reached_interview=invitation.reached_interview) if invitation else 0
    return {"invitation": invitation, "token": token, "questions": questions}


@register.inclusion_tag("voice/_profile_panel_body.html", takes_context=True)
def voice_profile_panel(context, org):
    return {
        "org": org,
        "figures": selectors.published_scorecard(org),
        "reviews": selectors.public_reviews(org),
        "hidden": selectors.hidden_review_count(org),
        "min_basis": selectors.MIN_BASIS,
        "request": context.get("request"),
    }
