from django.urls import path

from reilu.talent import staff_views, views

app_name = "talent"
urlpatterns = [
    path("talent/", views.gallery, name="gallery"),
    path("talent/p/<uuid:public_id>/", views.public_profile, name="public_profile"),
    path("talent/signin/", views.signin, name="signin"),
    path("talent/signin/code/", views.signin_code, name="signin_code"),
    path("talent/signin/sent/", views.signin_sent, name="signin_sent"),
    path("talent/signin/<str:token>/", views.signin_link, name="signin_link"),
    path("talent/signout/", views.signout, name="signout"),
    path("talent/me/", views.me, name="me"),
    path("talent/me/profile/", views.profile_edit, name="profile_edit"),
    path("talent/me/visibility/", views.visibility, name="visibility"),
    path("talent/me/cv/", views.own_cv, name="own_cv"),
    path("talent/me/data/", views.my_data, name="my_data"),
    path("talent/me/erase/", views.erase, name="erase"),
    path("talent/me/requests/<int:pk>/", views.answer_request, name="answer_request"),
    path("talent/me/open/", views.open_new, name="open_new"),
    path("talent/me/open/<int:pk>/", views.open_status, name="open_status"),
    path("talent/me/searches/", views.search_save, name="search_save"),
    path("talent/me/searches/<int:pk>/delete/", views.search_delete, name="search_delete"),
    path(
        "talent/searches/unsubscribe/<str:signed>/",
        views.search_unsubscribe,
        name="search_unsubscribe",
    ),
    path("staff/talent/", staff_views.search, name="staff_search"),
    path("staff/talent/p/<uuid:public_id>/", staff_views.profile, name="staff_profile"),
    path("staff/talent/p/<uuid:public_id>/cv/", staff_views.profile_cv, name="staff_profile_cv"),
    path("staff/talent/requests/", staff_views.requests, name="staff_requests"),
    path("staff/talent/open/", staff_views.open_inbox, name="staff_open_inbox"),
    path("staff/talent/open/<int:pk>/", staff_views.open_detail, name="staff_open_detail"),
    path("staff/talent/settings/", staff_views.open_settings, name="staff_open_settings"),
]
