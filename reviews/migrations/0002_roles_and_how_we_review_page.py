"""Who works with medical reviews, and the public "How we review" page (a first draft editors
rewrite in the admin)."""

from django.db import migrations

from core.roles import grant

REVIEWERS_GROUP = "Medical reviewers"
PERMISSIONS = {
    # Editors record reviews on behalf of clinicians and watch the dashboard.
    "Editors": {"reviews": {"medicalreview": ["add", "view"], "reviewreminder": ["view"]}},
    # Clinicians who log in read articles and their history, and record their reviews.
    REVIEWERS_GROUP: {
        "articles": {"article": ["view"], "revision": ["view"]},
        "reviews": {"medicalreview": ["add", "view"], "reviewreminder": ["view"]},
    },
}
HOW_WE_REVIEW = """
<p>Health advice is only as good as the evidence behind it and the date it was checked. Every
medical article on this site names the clinician who last reviewed it and when, and says when
the next review is due.</p>
<h2>Who reviews</h2>
<p>Our reviewers are practising or academic clinicians: doctors, pharmacists, dietitians and
physiotherapists, each reviewing within their own field. Their credentials are on their author
pages, with the list of articles they have reviewed.</p>
<h2>What a review checks</h2>
<ul>
<li>That the advice matches current clinical guidance and the evidence is described fairly.</li>
<li>That the article says clearly when to see a clinician, and when to get urgent help.</li>
<li>That nothing is overstated: no cure where there is only relief, no certainty where the
research is mixed.</li>
</ul>
<h2>How often</h2>
<p>Each article is reviewed again at least every twelve months, sooner for fast-moving topics.
A review that finds nothing to change updates the review date, not the “last updated” date:
that date moves only when what the article tells you changes. When we change an article after
its review, a clinician reviews it again.</p>
"""


def set_up(apps, schema_editor):
    grant(apps, PERMISSIONS)
    Page = apps.get_model("articles", "Page")
    Page.objects.get_or_create(
        slug="how-we-review",
        defaults={
            "title": "How we review",
            "summary": "Who checks our health articles, what they check and how often.",
            "body": HOW_WE_REVIEW.strip(),
        },
    )


def tear_down(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=REVIEWERS_GROUP).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("reviews", "0001_initial"),
        ("articles", "0007_review_interval_and_went_live"),
        ("accounts", "0002_create_roles"),
    ]

    operations = [migrations.RunPython(set_up, tear_down)]
