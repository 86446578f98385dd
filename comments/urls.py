from django.urls import path

from . import views

app_name = "comments"

urlpatterns = [
    path("articles/<uslug:slug>/comments/", views.post_comment, name="post"),
    path("comments/<int:pk>/edit/", views.edit_comment, name="edit"),
    path("comments/<int:pk>/delete/", views.delete_comment, name="delete"),
    path("comments/<int:pk>/flag/", views.flag_comment, name="flag"),
    path("comments/<int:pk>/support/", views.support, name="support"),
    path("account/notifications/", views.preferences, name="preferences"),
    path("account/decisions/", views.decisions, name="decisions"),
    path("account/decisions/<int:pk>/appeal/", views.appeal, name="appeal"),
    # Before the articles app's pages/<slug>/: the policy page shows the live numbers.
    path("pages/comments-policy/", views.comments_policy, name="policy"),
]
