from django.urls import path

from reilu.privacy import views

app_name = "privacy"
urlpatterns = [
    path("status/<str:token>/my-data/", views.export, name="export"),
    path("status/<str:token>/erase/", views.erase, name="erase"),
    path("privacy/erased/", views.erased, name="erased"),
    path("staff/privacy/audit/", views.audit_log, name="audit"),
    path("staff/privacy/erasures/", views.erasures, name="erasures"),
    path("staff/privacy/notice/", views.notice_edit, name="notice"),
]
