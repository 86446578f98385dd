"""The library inside CKEditor's image dialog: "Browse Server" opens this page, which lists the
library's images (searchable) and takes an upload with its alt text; choosing an image fills the
dialog's address and alt text (static/js/library-browse.js, no inline script)."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.shortcuts import redirect
from django.template.response import TemplateResponse

from .forms import EditorUploadForm
from .models import Asset

BROWSE_LIMIT = 60


def browse(request, admin_site):
    if not request.user.has_perm("library.view_asset"):
        raise PermissionDenied
    form = EditorUploadForm()
    if request.method == "POST":
        if not request.user.has_perm("library.add_asset"):
            raise PermissionDenied
        form = EditorUploadForm(request.POST, request.FILES)
        if form.is_valid():
            asset = form.save(commit=False)
            asset.uploaded_by = request.user
            asset.save()
            messages.success(request, f"“{asset}” is in the library: choose it below.")
            return redirect(request.get_full_path())
    query = request.GET.get("q", "").strip()[:100]
    images = Asset.objects.images()
    if query:
        images = images.filter(
            Q(title__icontains=query) | Q(alt__icontains=query) | Q(caption__icontains=query)
            | Q(credit__icontains=query)
        )  # fmt: skip
    context = {
        **admin_site.each_context(request),
        "title": "Choose an image from the library",
        "images": images[:BROWSE_LIMIT],
        "query": query,
        "form": form,
        "can_upload": request.user.has_perm("library.add_asset"),
        "is_popup": True,
    }
    return TemplateResponse(request, "admin/library/asset/browse.html", context)
