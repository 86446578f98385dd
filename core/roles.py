"""The staff roles (groups) and their model permissions, as the apps' migrations set them up.

Migrations call ``grant`` with what their app's models allow each role; an old migration runs on
every fresh database, so this keeps its behaviour: change it only in ways that give the same
groups and permissions for the same arguments."""

from django.contrib.auth.management import create_permissions


def grant(apps, roles):
    """Give each group (created if missing) its permissions, ``{group: {app_label: {model:
    [action, …]}}}``: codename ``<action>_<model>``, e.g. "view_article" or "moderate_comment".
    A permission that does not exist is an error, never skipped."""
    # Permissions are normally created after all migrations ran; make sure they exist now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for group_name, app_models in roles.items():
        group, _ = Group.objects.get_or_create(name=group_name)
        for app_label, models in app_models.items():
            for model, actions in models.items():
                for action in actions:
                    group.permissions.add(
                        Permission.objects.get(
                            content_type__app_label=app_label, codename=f"{action}_{model}"
                        )
                    )
