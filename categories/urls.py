from django.urls import path

from . import views

app_name = "categories"
urlpatterns = [
    path("<int:year>/", views.cycle_detail, name="cycle_detail"),
    path("<int:year>/categories/<slug:code>/", views.category_detail, name="category_detail"),
]
