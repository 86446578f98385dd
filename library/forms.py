from django import forms

from .models import Asset


class EditorUploadForm(forms.ModelForm):
    """An upload from the editor's image dialog: the file with its alt text (or "decorative"),
    credit and licence; the model's rules apply (one copy of a file, alt text required)."""

    class Meta:
        model = Asset
        fields = ("file", "alt", "decorative", "caption", "credit", "licence")
