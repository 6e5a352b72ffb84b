from reilu.talent import services


def draft_profile_on_consent(sender, instance, created, raw=False, **kwargs):
    """Someone applied with talent-gallery consent: draft a hidden profile for them."""
    if created and not raw and instance.talent_consent:
        services.profile_draft_from_application(instance)
