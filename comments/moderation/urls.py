from django.urls import path

from . import views

app_name = "moderation"

urlpatterns = [
    path("", views.queue, name="home"),
    path("queue/<slug:view>/", views.queue, name="queue"),
    path("act/", views.act, name="act"),
    path("comments/<int:pk>/", views.comment_detail, name="comment"),
    path("comments/<int:pk>/note/", views.context_note, name="note"),
    path("comments/<int:pk>/resources/", views.send_resources, name="resources"),
    path("comments/<int:pk>/note/remove/", views.delete_context_note, name="remove_note"),
    path("users/<int:pk>/", views.user_detail, name="user"),
    path("users/<int:pk>/sanction/", views.sanction_user, name="sanction"),
    path("sanctions/<int:pk>/lift/", views.lift, name="lift"),
]
