"""A message names whom it is about by a generic reference, not a foreign key to
applications: messaging depends on no domain app. Existing rows keep their application as
("applications.application", id); the staff-alert flag gets the name of what it decides."""

from django.db import migrations, models

APPLICATION = "applications.application"


def copy_application(apps, schema_editor):
    Message = apps.get_model("messaging", "Message")
    Message.objects.filter(application__isnull=False).update(
        about_type=APPLICATION, about_id=models.F("application_id")
    )


def copy_back(apps, schema_editor):
    Message = apps.get_model("messaging", "Message")
    Message.objects.filter(about_type=APPLICATION).update(application_id=models.F("about_id"))


class Migration(migrations.Migration):
    dependencies = [
        ("messaging", "0005_message_about_person"),
    ]

    operations = [
        migrations.AddField(
            model_name="message",
            name="about_type",
            field=models.CharField(blank=True, max_length=60),
        ),
        migrations.AddField(
            model_name="message",
            name="about_id",
            field=models.PositiveBigIntegerField(blank=True, null=True),
        ),
        migrations.RunPython(copy_application, copy_back),
        migrations.RemoveIndex(model_name="message", name="message_application"),
        migrations.RemoveField(model_name="message", name="application"),
        migrations.AddIndex(
            model_name="message",
            index=models.Index(
                fields=["about_type", "about_id", "created_at"], name="message_about"
            ),
        ),
        migrations.RenameField(
            model_name="message", old_name="to_candidate", new_name="alert_staff_on_failure"
        ),
    ]
