from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from anwei.core import views as core_views
from anwei.orgs.forms import LoginForm
from anwei.portal import views as portal_views

admin.site.site_header = "安維 系統管理"
admin.site.site_title = "安維"
admin.site.index_title = "系統管理"

urlpatterns = [
    path("", portal_views.home, name="home"),
    path("healthz", core_views.healthz, name="healthz"),
    path("login/", auth_views.LoginView.as_view(redirect_authenticated_user=True, authentication_form=LoginForm), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("audit/<str:object_type>/<str:object_id>/", portal_views.audit_object, name="audit_object"),
    path("admin/", admin.site.urls),
    path("documents/", include("anwei.documents.urls")),
    path("tracking/", include("anwei.tracking.urls")),
    path("meetings/", include("anwei.meetings.urls")),
    path("meetings/import/", include("anwei.meetingimports.urls")),
    path("plans/", include("anwei.plans.urls")),
    # One section (自評與檢查), three apps: their paths do not overlap.
    path("inspections/", include("anwei.assessments.urls")),
    path("inspections/", include("anwei.devicechecks.urls")),
    path("inspections/", include("anwei.inspections.urls")),
    path("footage/", include("anwei.footage.urls")),
    path("travel/", include("anwei.travel.urls")),
    path("awareness/", include("anwei.awareness.urls")),
    path("workreports/", include("anwei.workreports.urls")),
    path("incidents/", include("anwei.incidents.urls")),
    path("access/", include("anwei.access.urls")),
    path("duties/", include("anwei.duties.urls")),
    path("rollup/", include("anwei.rollup.urls")),
    path("submissions/", include("anwei.submissions.urls")),
    path("dashboards/", include("anwei.dashboards.urls")),
    path("search/", include("anwei.search.urls")),
    path("", include("anwei.accounts.urls")),  # /me/password/, /accounts/review/
    path("", include("anwei.notifications.urls")),  # /notifications/, /me/, /calendar/<token>.ics
]
