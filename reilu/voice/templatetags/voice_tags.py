from django import template

from reilu.voice.forms import question_count
from reilu.voice.models import SurveyInvitation
from reilu.voice.selectors.figures import MIN_BASIS
from reilu.voice.selectors.public_scorecard import published_scorecard
from reilu.voice.selectors.reviews import hidden_review_count, public_reviews

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
        "figures": published_scorecard(org),
        "reviews": public_reviews(org),
        "hidden": hidden_review_count(org),
        "min_basis": MIN_BASIS,
        "request": context.get("request"),
    }
