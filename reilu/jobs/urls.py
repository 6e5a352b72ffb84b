"""The jobs' pages. `urlpatterns` are mounted at /jobs/ (namespace "jobs"); the two other
lists are mounted by reilu/urls.py: pages at the top of the site, and the jobs' part of the
staff workspace (namespace "staff", shared with the other areas)."""

from django.urls import path

from reilu.jobs import alert_views, staff_views, views

app_name = "jobs"
urlpatterns = [
    path("", views.job_list, name="list"),
    path("<slug:slug>/", views.job_detail, name="detail"),
]

site_urlpatterns = [
    path("", views.home, name="home"),
    path("employers/<slug:slug>/", views.employer_profile, name="employer"),
    path("alerts/confirm/<str:signed>/", alert_views.confirm, name="alert_confirm"),
    path("alerts/unsubscribe/<str:signed>/", alert_views.unsubscribe, name="alert_unsubscribe"),
]

staff_urlpatterns = [
    path("", staff_views.home, name="home"),
    path("org/", staff_views.switch_org, name="switch_org"),
    path("organisation/", staff_views.org_settings, name="org_settings"),
    path("postings/new/", staff_views.posting_new, name="posting_new"),
    path("adcheck/", staff_views.adcheck_live, name="adcheck"),
    path("postings/<int:pk>/edit/", staff_views.posting_edit, name="posting_edit"),
    path("postings/<int:pk>/publish/", staff_views.posting_publish, name="posting_publish"),
    path("postings/<int:pk>/close/", staff_views.posting_close, name="posting_close"),
]
