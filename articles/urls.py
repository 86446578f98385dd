from django.urls import path

from . import views

app_name = "articles"

urlpatterns = [
    path("", views.home, name="home"),
    path("articles/<slug:slug>/", views.article_detail, name="article_detail"),
    path("tags/", views.tag_list, name="tag_list"),
    path("tags/<slug:slug>/", views.tag_detail, name="tag_detail"),
    path("authors/<slug:slug>/", views.author_detail, name="author_detail"),
    path("pages/<slug:slug>/", views.page_detail, name="page_detail"),
]
