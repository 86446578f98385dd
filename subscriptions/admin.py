from django.contrib import admin

from .models import Notice, Subscriber, Subscription


class SubscriptionInline(admin.TabularInline):
    model = Subscription
    fields = ["article", "tag", "author", "created_at", "confirmed_at"]
    readonly_fields = fields
    extra = 0
    can_delete = True

    def has_add_permission(self, request, obj=None):
        return False  # readers subscribe themselves (double opt-in), never the newsroom


@admin.register(Subscriber)
class SubscriberAdmin(admin.ModelAdmin):
    """Who follows what, for answering a reader; removing an address here unsubscribes it."""

    list_display = ["email", "frequency", "created_at"]
    list_filter = ["frequency"]
    search_fields = ["email"]
    fields = ["email", "frequency", "created_at"]
    readonly_fields = ["email", "created_at"]
    inlines = [SubscriptionInline]

    def has_add_permission(self, request):
        return False


@admin.register(Notice)
class NoticeAdmin(admin.ModelAdmin):
    list_display = ["article", "kind", "created_at", "fanned_out_at"]
    list_filter = ["kind"]
    readonly_fields = ["article", "revision", "kind", "created_at", "fanned_out_at"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
