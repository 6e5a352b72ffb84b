from django.contrib import admin
from django.http import HttpRequest

from reilu.privacy.models import AuditEvent


@admin.register(AuditEvent)
class AuditEventAdmin(admin.ModelAdmin):
    """Read-only: the audit log is append-only, in the admin too."""

    list_display = (
        "created_at",
        "organization",
        "actor_label",
        "action",
        "object_type",
        "object_id",
    )
    list_filter = ("action", "organization")
    search_fields = ("actor_label", "object_id")

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: AuditEvent | None = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: AuditEvent | None = None) -> bool:
        return False
