"""The Comments Policy clauses that statements of reasons quote."""

# The Comments Policy clause each limiting decision rests on, by the policy's rule or the
# moderator's action: quoted in the statement of reasons the commenter receives.
CLAUSES = {
    "crisis": "Your safety comes first: comments that suggest someone may be in danger are read "
    "by a moderator before anything is published.",
    "medical_claim": "Health claims: claims about treatments are checked against our sources "
    "before they appear.",
    "suspect_word": "Moderated words: some words and phrases are checked by a moderator.",
    "blocked_word": "Spam and banned language: advertising and abusive language are not allowed.",
    "links": "Links: comments with several links are checked by a moderator.",
    "new_commenter": "New commenters: a moderator checks the first comments of new readers.",
    "rejection_rate": "Repeated problems: after several rejected comments, new ones are checked.",
    "flag_threshold": "Reader flags: a comment flagged by several readers is hidden until a "
    "moderator looks at it.",
    "reject": "Moderators' decisions: comments that break our Comments Policy are not published.",
    "spam": "Spam: advertising and automated posting are not allowed.",
    "remove": "Moderators' decisions: published comments that break our Comments Policy are "
    "removed.",
    "suspend": "Sanctions: repeated or serious breaches of the Comments Policy lead to a "
    "suspension.",
    "ban": "Sanctions: repeated or serious breaches of the Comments Policy lead to a ban.",
}
