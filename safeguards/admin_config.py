from django.contrib.admin.apps import AdminConfig


class NewsdeskAdminConfig(AdminConfig):
    """django.contrib.admin with safeguards' site as `admin.site` (every registration stays)."""

    default_site = "safeguards.admin_site.NewsdeskAdminSite"
