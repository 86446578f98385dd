from django.urls import path

from . import views

app_name = "reviews"
urlpatterns = [
    path("feedback/<uslug:slug>/helpful/", views.helpful, name="feedback_helpful"),
    path("feedback/<uslug:slug>/report/", views.report, name="feedback_report"),
]
