from django import forms

from articles.models import Article, Author, Tag

from .models import Subscriber

TARGETS = {"article": Article.objects.published, "tag": Tag.objects.all,
           "author": Author.objects.all}  # fmt: skip


class SubscribeForm(forms.Form):
    email = forms.EmailField(label="Your email address", max_length=254)
    frequency = forms.ChoiceField(
        label="How often", choices=Subscriber.Frequency.choices,
        initial=Subscriber.Frequency.IMMEDIATELY, widget=forms.RadioSelect,
    )  # fmt: skip
    follow = forms.CharField(widget=forms.HiddenInput, max_length=40)

    def clean_follow(self):
        """``article:12``, ``tag:3`` or ``author:5``: something readers can see."""
        kind, _, pk = self.cleaned_data["follow"].partition(":")
        followed = None
        if kind in TARGETS and pk.isascii() and pk.isdigit():
            followed = TARGETS[kind]().filter(pk=int(pk)).first()
        if followed is None:
            raise forms.ValidationError("That article, topic or author cannot be followed.")
        return followed


class FrequencyForm(forms.Form):
    frequency = forms.ChoiceField(label="Send me", choices=Subscriber.Frequency.choices,
                                  widget=forms.RadioSelect)  # fmt: skip
