from django.urls import path

from reilu.seekers import views

app_name = "seekers"
urlpatterns = [
    path("me/", views.home, name="home"),
    path("me/tasks/", views.tasks, name="tasks"),
    path("me/applications/<int:pk>/", views.application, name="application"),
    path("me/applications/<int:pk>/ask/", views.ask, name="ask"),
    path(
        "me/applications/<int:pk>/documents/<int:doc_pk>/",
        views.document_upload,
        name="document_upload",
    ),
    path("me/applications/<int:pk>/<slug:target>/", views.go, name="go"),
    path("me/apply/<slug:slug>/", views.quick_apply, name="apply"),
    path("me/data/", views.export, name="export"),
    path("me/erase/", views.erase, name="erase"),
]
