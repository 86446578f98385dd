from django.urls import path

from . import feeds, preview, views

app_name = "articles"

urlpatterns = [
    path("", views.home, name="home"),
    path("articles/<uslug:slug>/", views.article_detail, name="article_detail"),
    path(
        "articles/<uslug:slug>/updates/<int:number>/", views.article_update, name="article_update"
    ),  # fmt: skip
    path(
        "articles/<uslug:slug>/updates/feed/",
        feeds.ArticleUpdatesFeed(),
        name="article_updates_feed",
    ),  # fmt: skip
    path("tags/", views.tag_list, name="tag_list"),
    path("tags/<slug:slug>/", views.tag_detail, name="tag_detail"),
    path("authors/<slug:slug>/", views.author_detail, name="author_detail"),
    path("pages/<uslug:slug>/", views.page_detail, name="page_detail"),
    path("search/", views.search, name="search"),
    path("preview/<str:token>/", preview.shared_preview, name="draft_share"),
    path("opensearch.xml", views.opensearch, name="opensearch"),
    path("feed/", feeds.LatestArticlesFeed(), name="feed"),
    path("feed/atom/", feeds.LatestArticlesAtomFeed(), name="feed_atom"),
    path("tags/<slug:slug>/feed/", feeds.TagFeed(), name="tag_feed"),
    path("tags/<slug:slug>/feed/atom/", feeds.TagAtomFeed(), name="tag_feed_atom"),
    path("authors/<slug:slug>/feed/", feeds.AuthorFeed(), name="author_feed"),
    path("authors/<slug:slug>/feed/atom/", feeds.AuthorAtomFeed(), name="author_feed_atom"),
]
