"""The Comments Policy page's first draft, which 0002 writes and 0003 recognises (a module the
migration loader skips: its name starts with an underscore)."""

FIRST_DRAFT = """
<p>Comments are where readers share experience and questions. They are not medical advice, and
neither are our replies. These rules keep the discussion useful and safe.</p>
<h2>Who can comment</h2>
<ul>
<li>You need an account with a verified email address.</li>
<li>Your first comment waits for a moderator. Once one of your comments has been approved, your
next comments appear straight away, unless several of your recent comments were rejected.</li>
<li>You can post up to 5 comments in 10 minutes.</li>
<li>A comment is between 2 and 5,000 characters of plain text. Links are fine; a comment with
two or more links waits for a moderator.</li>
<li>You can edit your comment for 15 minutes after posting, and delete it at any time.</li>
</ul>
<h2>What we do not publish</h2>
<ul>
<li><strong>Medical misinformation:</strong> presenting an unproven or disproven treatment,
cure or claim as fact. Share your experience as your experience, and see a clinician for
advice.</li>
<li>Insults, harassment, threats and hate aimed at anyone, including our writers.</li>
<li>Spam, advertising and repeated or copied comments.</li>
<li>Off-topic comments and other people's personal information.</li>
</ul>
<h2>Flags and moderation</h2>
<p>Every reader can flag a comment once, with a reason. When three readers flag a comment, it is
hidden until a moderator reviews it. Moderators approve, reject (always with a reason you can
see on your comment), remove or restore comments, and can suspend or ban accounts that keep
breaking these rules. Every decision is logged and can be reversed if we got it wrong: reply to
the email address on our About page.</p>
"""
