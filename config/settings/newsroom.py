"""The newsroom's own rules, from the environment like every other setting."""

from .env import env_bool, env_choice, env_int, env_str

# Twelve fills rows of two, three or four cards: no lone card at the end of a page.
ARTICLES_PER_PAGE = 12
# Feeds carry the whole article (True) or its dek with a link (False).
FEEDS_FULL_TEXT = env_bool("FEEDS_FULL_TEXT", False)

# Medical review (reviews app): the default time between reviews, when the freshness dashboard
# calls an article stale, and how long before a due date reviewers are reminded.
MEDICAL_REVIEW_INTERVAL_MONTHS = env_int("MEDICAL_REVIEW_INTERVAL_MONTHS", 12)
FRESHNESS_STALE_YEARS = env_int("FRESHNESS_STALE_YEARS", 2)
REVIEW_REMINDER_DAYS_BEFORE = env_int("REVIEW_REMINDER_DAYS_BEFORE", 30)
# Drafts of live articles (articles/drafts.py): how long a share link for a reviewer without a
# staff account works; revoking it ends it sooner.
DRAFT_SHARE_LINK_DAYS = env_int("DRAFT_SHARE_LINK_DAYS", 7)
# Clinician sign-off (reviews/signoff.py): a substantive change to a medically reviewed article
# cannot be published without the named clinician's approval. On in the demo (dev settings).
MEDICAL_SIGNOFF_REQUIRED = env_bool("MEDICAL_SIGNOFF_REQUIRED", False)

# Sources and reader feedback (issue 25). Metadata by DOI and PubMed id comes from these
# services; the weekly source check asks Crossref about retractions and corrections. The site
# never fetches a private, loopback or link-local address (core/fetch.py) unless this is on:
# development and tests, whose fake services listen on 127.0.0.1.
CROSSREF_API_URL = env_str("CROSSREF_API_URL", "https://api.crossref.org")
PUBMED_API_URL = env_str("PUBMED_API_URL", "https://eutils.ncbi.nlm.nih.gov/entrez/eutils")
SOURCE_FETCH_TIMEOUT = env_int("SOURCE_FETCH_TIMEOUT", 10)  # seconds, per source or lookup
# Reader feedback: at most this many from one reader (a daily hash of their address) per hour.
FEEDBACK_RATE_LIMIT = env_int("FEEDBACK_RATE_LIMIT", 5)

# When a commenter deletes their account: "keep" their comments signed "Former member" (threads
# stay readable), or "remove" them (replies stay under a placeholder).
DELETED_ACCOUNT_COMMENTS = env_choice("DELETED_ACCOUNT_COMMENTS", ["keep", "remove"], "keep")

# seed_demo creates users with a known password: it refuses to run where this is True.
IS_PRODUCTION = False
DEMO_PASSWORD = env_str("DEMO_PASSWORD", "healthdemo-2026")

# Health-safe discussion (comments/health.py): the helplines a commenter whose comment reads
# like a crisis is shown at once, when staff have entered none in the admin (Comments ›
# Helplines). The defaults serve the United States and the UK and Ireland; a publisher elsewhere
# enters its own. Every safety message also says "call your local emergency number".
CRISIS_HELPLINES = [
    {
        "name": "988 Suicide & Crisis Lifeline",
        "serves": "United States",
        "phone": "988",
        "text": "Text 988",
        "url": "https://988lifeline.org/",
        "hours": "24 hours, every day",
    },
    {
        "name": "Samaritans",
        "serves": "UK and Ireland",
        "phone": "116 123",
        "text": "",
        "url": "https://www.samaritans.org/",
        "hours": "24 hours, every day",
    },
]
