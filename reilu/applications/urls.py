"""The applications' pages. `urlpatterns` are the candidate's (namespace "applications",
mounted at the top of the site); `staff_urlpatterns` are the applications' part of the staff
workspace, mounted by reilu/urls.py under /staff/ (namespace "staff")."""

from django.urls import path

from reilu.applications import board, staff_views, views

app_name = "applications"
urlpatterns = [
    path("jobs/<slug:slug>/apply/", views.apply, name="apply"),
    path("jobs/<slug:slug>/thanks/", views.thanks, name="thanks"),
    path("status-links/", views.status_links, name="lost_link"),
    path("status/<str:token>/", views.status, name="status"),
    path("status/<str:token>/withdraw/", views.withdraw, name="withdraw"),
    path("status/<str:token>/alerts/", views.subscribe_alerts, name="subscribe_alerts"),
    path("status/<str:token>/ask/", views.ask, name="ask"),
    path("status/<str:token>/documents/<int:pk>/", views.document_upload, name="document_upload"),
]

staff_urlpatterns = [
    path("postings/<int:pk>/", board.board, name="board"),
    path("postings/<int:pk>/delivery/", board.delivery, name="delivery"),
    path("postings/<int:pk>/decide/", staff_views.decide, name="decide"),
    path("postings/<int:pk>/cancel/", staff_views.posting_cancel, name="posting_cancel"),
    path("attention/", staff_views.attention_view, name="attention"),
    path("candidates/", staff_views.search, name="search"),
    path("messages/<int:pk>/retry/", staff_views.retry_message, name="retry_message"),
    path("applications/<int:pk>/contact/", staff_views.set_contact, name="set_contact"),
    path("applications/<int:pk>/", staff_views.detail, name="application"),
    path("applications/<int:pk>/cv/", staff_views.cv_download, name="cv"),
    path("applications/<int:pk>/cv/preview/", staff_views.cv_preview, name="cv_preview"),
    path("applications/<int:pk>/cv/text/", staff_views.cv_text, name="cv_text"),
    path("applications/<int:pk>/move/", staff_views.move, name="move"),
    path("applications/<int:pk>/note/", staff_views.note, name="note"),
    path("applications/<int:pk>/promise/", staff_views.promise, name="promise"),
    path("applications/<int:pk>/answer/", staff_views.answer, name="answer"),
    path("applications/<int:pk>/documents/", staff_views.document_request, name="document_request"),
    path(
        "applications/<int:pk>/documents/<int:doc_pk>/cancel/",
        staff_views.document_cancel,
        name="document_cancel",
    ),
    path(
        "applications/<int:pk>/documents/<int:doc_pk>/file/",
        staff_views.document_download,
        name="document",
    ),
]
