from django.urls import path

from reilu.interviews import views

app_name = "interviews"
urlpatterns = [
    path("staff/interviews/", views.home, name="home"),
    path("staff/interviews/report/", views.report, name="report"),
    path("staff/interviews/feedback/", views.feedback_list, name="feedback_list"),
    path("staff/interviews/feedback/<int:pk>/done/", views.feedback_done, name="feedback_done"),
    path("staff/interviews/postings/<int:pk>/slots/", views.slots, name="slots"),
    path("staff/interviews/postings/<int:pk>/criteria/", views.criteria, name="criteria"),
    path("staff/interviews/slots/<int:pk>/delete/", views.slot_delete, name="slot_delete"),
    path("staff/interviews/applications/<int:pk>/", views.prepare, name="prepare"),
    path("staff/interviews/applications/<int:pk>/cv/", views.cv, name="cv"),
    path("staff/interviews/applications/<int:pk>/scorecard/", views.scorecard, name="scorecard"),
    path(
        "staff/interviews/applications/<int:pk>/first-review/",
        views.first_review,
        name="first_review",
    ),
    path("status/<str:token>/interview/", views.book, name="book"),
    path("status/<str:token>/interview/cancel/", views.cancel, name="cancel"),
    path("status/<str:token>/feedback/", views.feedback, name="feedback"),
]
