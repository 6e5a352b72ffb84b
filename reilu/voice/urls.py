from django.urls import path

from reilu.voice import views

app_name = "voice"
urlpatterns = [
    path("survey/<str:token>/", views.survey, name="survey"),
    path("status/<str:token>/survey/", views.status_survey, name="status_survey"),
    path("employers/<slug:slug>/reviews/<int:pk>/report/", views.report, name="report"),
    path("staff/reviews/", views.reviews, name="reviews"),
    path("staff/reviews/<int:pk>/reply/", views.review_reply, name="review_reply"),
    path("staff/reviews/<int:pk>/hide/", views.review_hide, name="review_hide"),
    path("staff/reviews/<int:pk>/keep/", views.review_keep, name="review_keep"),
    path("staff/analytics/", views.employer_analytics, name="analytics"),
    path("staff/postings/<int:pk>/analytics/", views.posting_analytics, name="posting_analytics"),
]
