"""The privacy notice shown on the apply page (GDPR Art. 13): built-in default or own versions."""

from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext as _

from reilu.employers.models import Organization
from reilu.privacy.models import PrivacyNotice

LANGUAGES = ("fi", "sv", "en")


def default_text(organization: Organization, language: str) -> str:
    """The built-in notice (version 0) in one language, filled in for the employer."""
    with translation.override(language):
        values = {
            "controller": organization.name,
            "business_id": organization.business_id or "-",
            "website": organization.website or "-",
            "months": organization.retention_months,
            "hired_months": settings.REILU_HIRED_RETENTION_MONTHS,
        }
        parts = [
            _("Controller: %(controller)s (business ID %(business_id)s, %(website)s).") % values,
            _(
                "Purpose: we use your application only to handle this recruitment and to keep "
                "you informed of it."
            ),
            _(
                "Legal basis: steps taken at your request before entering into a contract, and "
                "our legitimate interest in choosing the right person (GDPR Art. 6(1)(b) and "
                "(f)). Keeping your details for other openings is based on your consent, which "
                "you may withdraw at any time."
            ),
            _(
                "Recipients: only the people handling this recruitment at %(controller)s, and "
                "the service provider that runs this recruiting system for us. Your data is "
                "not sold or handed over for marketing."
            )
            % values,
            _(
                "Retention: if you are not chosen, or you withdraw, your data is erased "
                "%(months)s months after the decision. If you are hired, your application "
                "becomes part of your employment records and is kept for %(hired_months)s "
                "months."
            )
            % values,
            _(
                "Your rights: you may see, download and erase your data at any time from your "
                "own status page, and ask us to correct it. You may object to processing "
                "based on our legitimate interest."
            ),
            _(
                "If you think your data is handled unlawfully, you may complain to the Data "
                "Protection Ombudsman (tietosuojavaltuutettu, https://tietosuoja.fi)."
            ),
        ]
    return "\n\n".join(parts)


class DefaultNotice:
    """The built-in notice as an unsaved stand-in for a PrivacyNotice row."""

    version = 0

    def __init__(self, organization: Organization) -> None:
        self.organization = organization

    def text(self, language: str) -> str:
        return default_text(self.organization, language if language in LANGUAGES else "en")


def current_notice(organization: Organization) -> PrivacyNotice | DefaultNotice:
    latest = PrivacyNotice.objects.filter(organization=organization).order_by("-version").first()
    return latest or DefaultNotice(organization)


def notice_version(
    organization: Organization, version: int
) -> PrivacyNotice | DefaultNotice | None:
    if version == 0:
        return DefaultNotice(organization)
    return PrivacyNotice.objects.filter(organization=organization, version=version).first()
