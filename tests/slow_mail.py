"""For tests/test_subscription_crash.py: the site's queued email backend, slowed down so a
worker can be killed in the middle of a batch of email alerts."""

import time

from core.mail import QueuedEmailBackend


class SlowQueuedEmailBackend(QueuedEmailBackend):
    def send_messages(self, email_messages):
        count = super().send_messages(email_messages)
        time.sleep(0.15)  # inside the delivery's transaction: a kill now rolls it back
        return count
