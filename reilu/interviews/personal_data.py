"""What interviews hold about a candidate, for the privacy export and erasure."""

from reilu.interviews.models import Booking, FeedbackCall, Rating


def export_interviews(application) -> dict:
    bookings = Booking.objects.filter(application=application).select_related("slot")
    ratings = Rating.objects.filter(scorecard__application=application).select_related(
        "criterion", "scorecard__interviewer"
    )
    feedback = FeedbackCall.objects.filter(application=application).first()
    return {
        "bookings": [
            {
                "purpose": b.purpose,
                "state": b.state,
                "starts_at": b.slot.starts_at.isoformat(),
                "ends_at": b.slot.ends_at.isoformat(),
                "location": b.slot.location,
                "video_url": b.slot.video_url,
            }
            for b in bookings
        ],
        # Art. 15 covers evaluations of the person too: criteria, scores and notes.
        "evaluations": [
            {
                "kind": r.scorecard.kind,
                "criterion": r.criterion.text,
                "score": r.score,
                "notes": r.notes,
                "interviewer": r.scorecard.interviewer.get_full_name()
                or r.scorecard.interviewer.email,
            }
            for r in ratings
        ],
        "feedback_call": {
            "state": feedback.state,
            "preference": feedback.preference,
            "done_at": feedback.done_at.isoformat() if feedback.done_at else None,
        }
        if feedback
        else None,
    }


def erase_interviews(application) -> None:
    """Free text goes for good; scores and states stay as anonymous counts."""
    Rating.objects.filter(scorecard__application=application).update(notes="")
