"""Signals other apps answer when something happens to an account.

``account_deleting`` is sent inside the deletion's transaction, before the user row goes. Each
receiver deals with what its app keeps for that user and returns one sentence for the audit
record (``AccountDeletion.summary``), e.g. "3 comments kept as a former member".
"""

from django.dispatch import Signal

account_deleting = Signal()
