"""What the candidates' voice holds about a candidate, for the privacy export and erasure."""

from reilu.voice.models import AbuseReport, ReviewReply, SurveyInvitation, SurveyResponse
from reilu.voice.services import response_key


def _answer(application) -> tuple[SurveyInvitation | None, SurveyResponse | None]:
    invitation = SurveyInvitation.objects.filter(application=application).first()
    if invitation is None:
        return None, None
    return invitation, SurveyResponse.objects.filter(erase_key=response_key(invitation)).first()


def export_survey(application) -> dict | None:
    invitation, answer = _answer(application)
    if invitation is None:
        return None
    return {
        "invited_at": invitation.created_at.isoformat(),
        "answered_on": invitation.used_on.isoformat() if invitation.used_on else None,
        "answer": {
            "recommend": answer.recommend,
            "knew_status": answer.knew_status,
            "ad_matched": answer.ad_matched,
            "comment": answer.comment,
            "published": answer.is_review and answer.hidden_at is None,
        }
        if answer
        else None,
    }


def erase_survey(application) -> None:
    """The comment (a review, if published) goes with the employer's reply and any reports
    quoting it; the numbers stay in the anonymous figures, no longer linkable."""
    _invitation, answer = _answer(application)
    if answer is None:
        return
    ReviewReply.objects.filter(review=answer).delete()
    AbuseReport.objects.filter(review=answer).delete()
    SurveyResponse.objects.filter(pk=answer.pk).update(comment="", publish=False, erase_key="")
