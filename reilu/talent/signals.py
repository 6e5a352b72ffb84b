from reilu.talent.services.profiles import profile_draft_from_application


def draft_profile_on_consent(sender, instance, created, raw=False, **kwargs):
    """Someone applied with talent-gallery consent: draft a hidden profile for them."""
    if created and not raw and instance.talent_consent:
        profile_draft_from_application(instance)
