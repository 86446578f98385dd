"""Admin pieces every app shares."""


class ReadOnlyAdminMixin:
    """For append-only records (revisions, the moderation log): visible, never edited."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
