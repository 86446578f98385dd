"""Original demo comments: invented readers, threaded discussions and a moderation queue.

Pure data. ``article`` values are slugs from ``articles.demo_content.ARTICLES``; ``user`` is a
``COMMENTERS`` username or one of the staff demo users ``editor`` and ``moderator``. Comments are
listed so that every parent comes before its replies. URLs use the reserved ``.example`` domain.
"""

COMMENTERS = [
    {"username": "lena_r", "first_name": "Lena"},
    {"username": "marcusk", "first_name": "Marcus"},
    {"username": "june_h", "first_name": "June"},
    {"username": "rafa_runs", "first_name": "Rafael"},
    {"username": "grandma_bee", "first_name": "Beatrice"},
    {"username": "kim_nightshift", "first_name": "Kim"},
    {"username": "ollie_w", "first_name": "Oliver"},  # brand-new: one pending comment only
    {"username": "sparkle_cure_99", "first_name": "Crystal"},  # banned, see BANNED
]

KNEES = "why-do-my-knees-ache-when-it-rains"
WATER = "do-you-really-need-eight-glasses-of-water-a-day"
VITAMIN_D = "is-vitamin-d-worth-taking-in-winter"
HEADACHE = "when-is-a-headache-worth-worrying-about"
SCREENS = "can-screens-before-bed-really-ruin-your-sleep"
SITTING = "is-sitting-really-the-new-smoking"
ALLERGIES = "what-actually-helps-seasonal-allergies"
HEARTBURN = "does-heartburn-at-night-mean-something-serious"
WALK = "can-a-brisk-walk-lift-your-mood"
BLOOD_PRESSURE = "should-you-check-your-blood-pressure-at-home"
BACK_PAIN = "how-long-should-back-pain-last-before-you-see-someone"

COMMENTS = [
    # --- Knees and weather: a three-level thread, a misinformation claim, spam, a late thank-you.
    {
        "key": "c1",
        "article": KNEES,
        "user": "lena_r",
        "parent": None,
        "status": "approved",
        "days_after_publish": 2,
        "body": (
            "My mother always said she could predict rain with her left hip. Nice to see someone "
            "take the question seriously instead of just laughing at it.\n\n"
            "The point about moving less on grey days rings true for me. I sit on the sofa all "
            "weekend when it pours and then wonder why I’m stiff on Monday."
        ),
        "flags": [],
    },
    {
        "key": "c2",
        "article": KNEES,
        "user": "rafa_runs",
        "parent": "c1",
        "status": "approved",
        "days_after_publish": 3,
        "body": (
            "Same here. I started doing ten minutes on an old exercise bike on wet mornings and "
            "it made more difference than anything else I tried."
        ),
        "flags": [],
    },
    {
        "key": "c3",
        "article": KNEES,
        "user": "lena_r",
        "parent": "c2",
        "status": "approved",
        "days_after_publish": 4,
        "body": "Ten minutes sounds doable. Did you build up from less, or just start there?",
        "flags": [],
    },
    {
        "key": "c4",
        "article": KNEES,
        "user": "marcusk",
        "parent": None,
        "status": "approved",
        "days_after_publish": 6,
        "body": (
            "Copper bracelets remove the pain instantly. I have worn one for three years and "
            "haven’t had a single bad day since, rain or shine. Doctors won’t tell you about "
            "them because nobody can patent copper."
        ),
        "flags": [
            {
                "user": "lena_r",
                "reason": "misinformation",
                "note": "Stated as fact. Proper trials found these bracelets do no better than a dummy.",
            },
            {
                "user": "june_h",
                "reason": "misinformation",
                "note": "Could put people off getting real treatment.",
            },
        ],
    },
    {
        "key": "c5",
        "article": KNEES,
        "user": "moderator",
        "parent": "c4",
        "status": "approved",
        "days_after_publish": 7,
        "body": (
            "Thanks for sharing your experience, Marcus, and we’re glad you’re feeling better. "
            "For other readers: controlled trials of copper and magnetic bracelets have not shown "
            "a benefit over placebo for arthritis pain, so please don’t skip treatment your "
            "clinician recommends.\n\n"
            "Our community guidelines ask that personal experiences are described as just that, "
            "rather than as guaranteed results."
        ),
        "flags": [],
    },
    {
        "key": "c6",
        "article": KNEES,
        "user": "sparkle_cure_99",
        "parent": None,
        "status": "spam",
        "days_after_publish": 400,
        "body": (
            "FORGET THE WEATHER!! GlowJoint drops dissolve inflammation at the root in 48 hours, "
            "100% natural, no side effects. Order now at https://glowjoint-miracle.example/offer "
            "and use code RAIN for 40% off!!!"
        ),
        "flags": [{"user": "grandma_bee", "reason": "spam", "note": "Advert."}],
    },
    {
        "key": "c7",
        "article": KNEES,
        "user": "grandma_bee",
        "parent": None,
        "status": "approved",
        "days_after_publish": 2950,
        "body": (
            "I first read this years ago and came back after the update. I appreciate that you "
            "added what the bigger studies found instead of leaving the old version up and "
            "changing the date. The bit about an easier plan for bad days is exactly what my "
            "physio told me."
        ),
        "flags": [],
    },
    # --- Eight glasses of water: a reply thread, a double-pasted comment, a later thread.
    {
        "key": "c8",
        "article": WATER,
        "user": "june_h",
        "parent": None,
        "status": "approved",
        "days_after_publish": 1,
        "body": (
            "I’ve been forcing down two litres a day from a giant bottle for years because an app "
            "told me to. Good to know that my tea counts."
        ),
        "flags": [],
    },
    {
        "key": "c9",
        "article": WATER,
        "user": "kim_nightshift",
        "parent": "c8",
        "status": "approved",
        "days_after_publish": 2,
        "body": (
            "Nurse here. The urine colour check is the one we actually use on the ward, but as "
            "the article says, some vitamin tablets turn it bright yellow, so it isn’t foolproof."
        ),
        "flags": [],
    },
    {
        "key": "c10",
        "article": WATER,
        "user": "rafa_runs",
        "parent": None,
        "status": "approved",
        "days_after_publish": 3,
        "body": (
            "Good article, but I still think most people walk around slightly dehydrated without "
            "knowing it. Good article, but I still think most people walk around slightly "
            "dehydrated without knowing it."
        ),
        "flags": [],
    },
    {
        "key": "c11",
        "article": WATER,
        "user": "grandma_bee",
        "parent": None,
        "status": "approved",
        "days_after_publish": 2950,
        "body": (
            "Thank you for adding the heat wave section. My neighbour is 91 and says she never "
            "feels thirsty, even in August. I’ve started taking her a jug of iced tea in the "
            "afternoons and we sit in the shade together."
        ),
        "flags": [],
    },
    {
        "key": "c12",
        "article": WATER,
        "user": "lena_r",
        "parent": "c11",
        "status": "approved",
        "days_after_publish": 2951,
        "body": (
            "That’s a lovely thing to do. Ice lollies worked for my grandad when he wouldn’t "
            "drink anything else."
        ),
        "flags": [],
    },
    # --- Vitamin D: a rejected promotion, a useful question, a pending question.
    {
        "key": "c13",
        "article": VITAMIN_D,
        "user": "june_h",
        "parent": None,
        "status": "approved",
        "days_after_publish": 12,
        "body": (
            "Useful, thank you. I have quite dark skin and live a long way north, and nobody had "
            "ever mentioned that to me before. I’ll ask about it at my next check-up."
        ),
        "flags": [],
    },
    {
        "key": "c14",
        "article": VITAMIN_D,
        "user": "sparkle_cure_99",
        "parent": None,
        "status": "rejected",
        "days_after_publish": 30,
        "body": (
            "Vitamin D is a scam pushed by the pill companies. The only thing that works is "
            "SolarSpark crystal water, it cured my whole family’s winter blues in a week. "
            "Message me for a discount code!!"
        ),
        "flags": [{"user": "june_h", "reason": "spam", "note": "Selling something again."}],
        "rejection_reason": "Promotes an unproven product and presents medical claims as fact.",
    },
    {
        "key": "c15",
        "article": VITAMIN_D,
        "user": "kim_nightshift",
        "parent": None,
        "status": "approved",
        "days_after_publish": 700,
        "body": (
            "Glad you updated this once the big trials came out. A lot of sites still make it "
            "sound as though vitamin D prevents everything."
        ),
        "flags": [],
    },
    {
        "key": "c16",
        "article": VITAMIN_D,
        "user": "rafa_runs",
        "parent": None,
        "status": "pending",
        "days_after_publish": 2850,
        "body": (
            "Is there any point taking it in summer if I work indoors all day and only get "
            "outside at weekends?"
        ),
        "flags": [],
    },
    # --- Headaches: a personal story with a three-level thread, a rude complaint answered.
    {
        "key": "c17",
        "article": HEADACHE,
        "user": "lena_r",
        "parent": None,
        "status": "approved",
        "days_after_publish": 5,
        "body": (
            "Bookmarking this. My sister had the sudden “worst headache of her life” and a friend "
            "told her to take a painkiller and lie down. It turned out to be a bleed on the "
            "brain.\n\n"
            "Please, if a headache comes on like that, go to hospital."
        ),
        "flags": [],
    },
    {
        "key": "c18",
        "article": HEADACHE,
        "user": "june_h",
        "parent": "c17",
        "status": "approved",
        "days_after_publish": 5,
        "body": (
            "I’m so sorry, I hope she has recovered. Thank you for sharing it, it’s exactly the "
            "kind of thing people talk themselves out of."
        ),
        "flags": [],
    },
    {
        "key": "c19",
        "article": HEADACHE,
        "user": "lena_r",
        "parent": "c18",
        "status": "approved",
        "days_after_publish": 6,
        "body": "She’s doing well now, thanks. It was a long recovery but she’s back at work.",
        "flags": [],
    },
    {
        "key": "c20",
        "article": HEADACHE,
        "user": "marcusk",
        "parent": None,
        "status": "approved",
        "days_after_publish": 40,
        "body": (
            "Another article that ends with “see a doctor”. Have you clowns tried getting an "
            "appointment lately? Three weeks’ wait where I live. This site is garbage at "
            "understanding how the real world works."
        ),
        "flags": [{"user": "grandma_bee", "reason": "abuse", "note": "Name-calling."}],
    },
    {
        "key": "c21",
        "article": HEADACHE,
        "user": "editor",
        "parent": "c20",
        "status": "approved",
        "days_after_publish": 41,
        "body": (
            "Waiting times are a real problem, Marcus, and we hear you. The red-flag list is for "
            "emergency departments, which don’t need an appointment. For the “within days” signs, "
            "many areas also have pharmacist or nurse advice lines, and we’ll look at mentioning "
            "them in our guides."
        ),
        "flags": [],
    },
    # --- Screens and sleep: a request, a reader finding it dated, a brand-new user's question.
    {
        "key": "c22",
        "article": SCREENS,
        "user": "kim_nightshift",
        "parent": None,
        "status": "approved",
        "days_after_publish": 3,
        "body": (
            "As a night-shift worker, the “keep regular hours” advice is a bit painful to read. "
            "Any chance of a piece on sleep for shift workers?"
        ),
        "flags": [],
    },
    {
        "key": "c23",
        "article": SCREENS,
        "user": "editor",
        "parent": "c22",
        "status": "approved",
        "days_after_publish": 4,
        "body": "Thanks, Kim, that’s a great suggestion and we’ve passed it to our health desk.",
        "flags": [],
    },
    {
        "key": "c24",
        "article": SCREENS,
        "user": "grandma_bee",
        "parent": None,
        "status": "approved",
        "days_after_publish": 1900,
        "body": (
            "With respect, this feels rather dated now. It talks about “this year” as though we "
            "are all still stuck at home, and night modes haven’t been new for a long time. Is "
            "the advice still current?"
        ),
        "flags": [],
    },
    {
        "key": "c25",
        "article": SCREENS,
        "user": "editor",
        "parent": "c24",
        "status": "approved",
        "days_after_publish": 1902,
        "body": (
            "That’s a fair point, Beatrice, and thank you for raising it so politely. The core "
            "advice still holds, but the framing is from late 2020. We’ve added this piece to "
            "our review list and will update it with newer research, with a note saying what "
            "changed, rather than quietly moving the date."
        ),
        "flags": [],
    },
    {
        "key": "c26",
        "article": SCREENS,
        "user": "ollie_w",
        "parent": None,
        "status": "pending",
        "days_after_publish": 2100,
        "body": (
            "Hi, first time commenting. Does reading on an e-ink reader count as a screen? Mine "
            "has no backlight, just a small front light I keep on the lowest setting."
        ),
        "flags": [],
    },
    # --- Sitting: a short thread and an off-topic question.
    {
        "key": "c27",
        "article": SITTING,
        "user": "rafa_runs",
        "parent": None,
        "status": "approved",
        "days_after_publish": 10,
        "body": (
            "The bit about there being no single perfect posture was such a relief. I’ve spent "
            "a small fortune on chairs."
        ),
        "flags": [],
    },
    {
        "key": "c28",
        "article": SITTING,
        "user": "marcusk",
        "parent": "c27",
        "status": "approved",
        "days_after_publish": 11,
        "body": "Ha, same. The best thing I bought in the end was a cheap kitchen timer.",
        "flags": [],
    },
    {
        "key": "c29",
        "article": SITTING,
        "user": "june_h",
        "parent": None,
        "status": "pending",
        "days_after_publish": 45,
        "body": (
            "Slightly off topic, but does anyone know if the recipe section is coming back? I "
            "used to love the winter soup recipes."
        ),
        "flags": [{"user": "rafa_runs", "reason": "off_topic", "note": ""}],
    },
    # --- Seasonal allergies: a reply thread, spam, a pending follow-up question.
    {
        "key": "c30",
        "article": ALLERGIES,
        "user": "lena_r",
        "parent": None,
        "status": "approved",
        "days_after_publish": 4,
        "body": (
            "Starting the nasal spray before the season makes so much sense. I always give up "
            "after two days because it “doesn’t work”."
        ),
        "flags": [],
    },
    {
        "key": "c31",
        "article": ALLERGIES,
        "user": "kim_nightshift",
        "parent": "c30",
        "status": "approved",
        "days_after_publish": 5,
        "body": (
            "I made the same mistake for years. It took about a week of using it every day "
            "before I noticed a real difference."
        ),
        "flags": [],
    },
    {
        "key": "c32",
        "article": ALLERGIES,
        "user": "sparkle_cure_99",
        "parent": None,
        "status": "spam",
        "days_after_publish": 20,
        "body": (
            "Hay fever GONE in ONE DAY with GlowJoint nasal mist!!! Your doctor doesn’t want you "
            "to know. https://glowjoint-miracle.example/hayfever"
        ),
        "flags": [],
    },
    {
        "key": "c33",
        "article": ALLERGIES,
        "user": "grandma_bee",
        "parent": None,
        "status": "pending",
        "days_after_publish": 730,
        "body": (
            "My symptoms start in February these days, so the new section matches what I’ve "
            "noticed. Is immunotherapy offered to older adults, or is it mainly for children?"
        ),
        "flags": [],
    },
    # --- Heartburn.
    {
        "key": "c34",
        "article": HEARTBURN,
        "user": "june_h",
        "parent": None,
        "status": "approved",
        "days_after_publish": 8,
        "body": (
            "Raising the legs of the bed instead of piling up pillows actually worked. Two weeks "
            "of better nights so far. Thank you."
        ),
        "flags": [],
    },
    {
        "key": "c35",
        "article": HEARTBURN,
        "user": "marcusk",
        "parent": None,
        "status": "pending",
        "days_after_publish": 600,
        "body": "Is it safe to take antacids every night? I’ve been doing it for a few months now.",
        "flags": [],
    },
    # --- Brisk walks and mood: a three-level thread.
    {
        "key": "c36",
        "article": WALK,
        "user": "rafa_runs",
        "parent": None,
        "status": "approved",
        "days_after_publish": 2,
        "body": (
            "I started a lunchtime walk with two colleagues in the spring. It has become the best "
            "part of my working day, and we talk about things we never would at our desks."
        ),
        "flags": [],
    },
    {
        "key": "c37",
        "article": WALK,
        "user": "kim_nightshift",
        "parent": "c36",
        "status": "approved",
        "days_after_publish": 3,
        "body": (
            "Love this. A short walk in the morning light after a night shift, before I go to "
            "bed, helps me switch off."
        ),
        "flags": [],
    },
    {
        "key": "c38",
        "article": WALK,
        "user": "lena_r",
        "parent": "c37",
        "status": "approved",
        "days_after_publish": 3,
        "body": (
            "Kim, doesn’t the daylight make it harder to fall asleep afterwards? Genuinely "
            "curious, my partner does nights too."
        ),
        "flags": [],
    },
    # --- Blood pressure and back pain.
    {
        "key": "c39",
        "article": BLOOD_PRESSURE,
        "user": "grandma_bee",
        "parent": None,
        "status": "approved",
        "days_after_publish": 6,
        "body": (
            "My doctor asked for a week of readings and I had no idea you were meant to sit "
            "quietly for five minutes first. My numbers were noticeably lower once I did it "
            "properly, and it saved an argument at the surgery."
        ),
        "flags": [],
    },
    {
        "key": "c40",
        "article": BACK_PAIN,
        "user": "rafa_runs",
        "parent": None,
        "status": "approved",
        "days_after_publish": 12,
        "body": (
            "Very reassuring. I was convinced I had done something terrible to my back last "
            "month. It settled in about three weeks, pretty much as described here."
        ),
        "flags": [],
    },
]

BANNED = {
    "username": "sparkle_cure_99",
    "reason": "Repeated promotion of an unproven supplement after two warnings.",
}
