from typing import Any

from django.apps import AppConfig
from django.db.models.signals import post_migrate


def _create_cache_table(
    sender: AppConfig, using: str = "default", verbosity: int = 1, **kwargs: Any
) -> None:
    """Rate limits count in the database cache: make its table whenever the database is
    migrated, so a fresh `migrate` never leaves the apply and status pages failing."""
    from django.core.management import call_command

    call_command("createcachetable", database=using, verbosity=0)


class PrivacyConfig(AppConfig):
    name = "reilu.privacy"

    def ready(self) -> None:
        from django.contrib.auth.signals import user_login_failed

        from reilu.limits import count_login_failure

        post_migrate.connect(_create_cache_table, sender=self, dispatch_uid="reilu.cachetable")
        user_login_failed.connect(count_login_failure, dispatch_uid="reilu.login_failures")
