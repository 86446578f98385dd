"""Original demo content for the health-news CMS: authors, tags and articles.

Pure data. All people, photo credits and agencies are invented. ``seed_demo`` loads this module
and replays each article's ``revisions`` in order on top of its first published ``body``.
"""

AUTHORS = [
    {
        "slug": "maya-okafor",
        "name": "Maya Okafor",
        "credentials": "MD, MPH",
        "short_bio": (
            "Maya Okafor is a family physician and public-health researcher. "
            "She writes about everyday symptoms and when they need a doctor."
        ),
        "full_bio": (
            "<p>Maya Okafor is a family physician and public-health researcher who spent twelve "
            "years working in community clinics before joining our health desk as a senior "
            "medical writer.</p>\n"
            "<p>Her clinical work taught her that the question patients most often want answered "
            "is not “what is this?” but “should I be worried?”. Her articles try to answer that "
            "honestly: what is usually harmless, what deserves a prompt appointment, and what "
            "needs help straight away. Her guide "
            '<a href="/articles/when-is-a-headache-worth-worrying-about/">When is a headache '
            "worth worrying about?</a> is one of our most-read pieces.</p>\n"
            "<p>She also serves as a <strong>medical reviewer</strong> for many of our articles, "
            "checking that advice matches current guidance and that the evidence is described "
            "fairly.</p>\n"
            "<p>Outside work, Maya is a keen allotment gardener, which may explain why she writes "
            "about hay fever every spring.</p>"
        ),
        "photo_color": "#2f6f6a",
    },
    {
        "slug": "daniel-brandt",
        "name": "Daniel Brandt",
        "credentials": "PT, DPT",
        "short_bio": (
            "Daniel Brandt is a physical therapist who has treated back, neck and joint pain "
            "for more than fifteen years."
        ),
        "full_bio": (
            "<p>Daniel Brandt is a physical therapist who has treated people with back, neck and "
            "joint pain for more than fifteen years, first in a hospital outpatient department "
            "and now in a community practice.</p>\n"
            "<p>He is particularly interested in helping people stay active with long-term "
            "conditions such as osteoarthritis, and in correcting the myths that make people "
            "afraid to move. In his experience, most patients do better with a clear explanation "
            "and a realistic plan than with a long list of things to avoid.</p>\n"
            "<p>For us, Daniel writes about musculoskeletal pain, exercise and recovery, including "
            '<a href="/articles/why-do-my-knees-ache-when-it-rains/">Why do my knees ache when it '
            "rains?</a>, which he has updated several times as new research has appeared.</p>"
        ),
        "photo_color": "#8a4b2a",
    },
    {
        "slug": "priya-raman",
        "name": "Priya Raman",
        "credentials": "RD",
        "short_bio": (
            "Priya Raman is a registered dietitian who writes about food, fluids and supplements, "
            "and about telling good evidence from marketing."
        ),
        "full_bio": (
            "<p>Priya Raman is a registered dietitian with a background in hospital nutrition "
            "support and community weight-management programmes.</p>\n"
            "<p>She writes about food, fluids and supplements, with a focus on separating "
            "well-supported advice from marketing. Her rule of thumb: if a claim sounds too neat "
            "— <em>one</em> food, <em>one</em> number, <em>one</em> pill — it deserves a closer "
            "look.</p>\n"
            "<p>Her articles for us include:</p>\n"
            "<ul>"
            '<li><a href="/articles/do-you-really-need-eight-glasses-of-water-a-day/">Do you '
            "really need eight glasses of water a day?</a></li>"
            '<li><a href="/articles/is-vitamin-d-worth-taking-in-winter/">Is vitamin D worth '
            "taking in winter?</a></li>"
            "</ul>\n"
            "<p>Both are reviewed regularly and updated when the evidence changes.</p>"
        ),
        "photo_color": "#6b3fa0",
    },
    {
        "slug": "helen-achterberg",
        "name": "Helen Achterberg",
        "credentials": "MD",
        "short_bio": (
            "Helen Achterberg is an internal medicine physician with a special interest in sleep "
            "disorders."
        ),
        "full_bio": (
            "<p>Helen Achterberg is an internal medicine physician with a special interest in "
            "sleep disorders. She runs a clinic for people with insomnia and sleep apnoea and "
            "teaches junior doctors about sleep.</p>\n"
            "<p>She writes for us about sleep, digestion and the everyday symptoms that keep "
            "people awake at night. She is a firm believer in <em>boring</em> sleep advice — "
            "regular hours, a dark room, a wind-down routine — because, she says, boring is what "
            "tends to work.</p>\n"
            "<p>Helen also acts as a medical reviewer for our articles on headaches, allergies, "
            "hydration and mental health.</p>"
        ),
        "photo_color": "#a0522d",
    },
    {
        "slug": "tomas-ferreira",
        "name": "Tomás Ferreira",
        "credentials": "MSc",
        "short_bio": (
            "Tomás Ferreira is a health and science journalist who explains new research and "
            "how much weight it can bear."
        ),
        "full_bio": (
            "<p>Tomás Ferreira is a health and science journalist who has reported on medical "
            "research for more than a decade. He holds a master’s degree in science "
            "communication.</p>\n"
            "<p>Tomás covers new studies and public-health guidance, and tries to explain not "
            "just what a study found but how much weight it can bear. He is especially wary of "
            "headlines built on a single small study.</p>\n"
            "<p>All of his articles are checked by one of our clinical reviewers before "
            "publication.</p>\n"
            "<p>When he is not reading journal papers he is usually out walking, which is how he "
            'came to write <a href="/articles/can-a-brisk-walk-lift-your-mood/">Can a brisk walk '
            "lift your mood?</a></p>"
        ),
        "photo_color": "#1f4e79",
    },
]

TAGS = [
    {"slug": "sleep", "name": "Sleep",
     "description": "Getting enough rest, common sleep problems and when to seek help."},
    {"slug": "headaches", "name": "Headaches",
     "description": "Everyday headaches, migraines and the warning signs that need attention."},
    {"slug": "joint-pain", "name": "Joint pain",
     "description": "Aching, stiff or swollen joints and how to keep them moving."},
    {"slug": "weather", "name": "Weather and seasons",
     "description": "How heat, cold, damp and pollen seasons affect how we feel."},
    {"slug": "hydration", "name": "Hydration",
     "description": "How much to drink, and what happens when we get it wrong."},
    {"slug": "nutrition", "name": "Nutrition",
     "description": "Food, supplements and the evidence behind common diet advice."},
    {"slug": "back-pain", "name": "Back pain",
     "description": "Back and neck pain, recovery and staying active."},
    {"slug": "allergies", "name": "Allergies",
     "description": "Hay fever and other allergies, and the treatments that actually help."},
    {"slug": "heart-health", "name": "Heart health",
     "description": "Blood pressure, circulation and looking after your heart."},
    {"slug": "digestion", "name": "Digestion",
     "description": "Heartburn, indigestion and other everyday gut complaints."},
    {"slug": "exercise", "name": "Exercise",
     "description": "Moving more, at any age and any level of fitness."},
    {"slug": "mental-health", "name": "Mental health",
     "description": "Mood, stress and anxiety, and the habits that support wellbeing."},
]  # fmt: skip

ARTICLES = [
    # ------------------------------------------------------------------ 2015, regularly updated
    {
        "slug": "do-you-really-need-eight-glasses-of-water-a-day",
        "title": "Do you really need eight glasses of water a day?",
        "dek": (
            "The eight-glass rule is everywhere, but the science behind the number is thin. "
            "Here is how to tell whether you are drinking enough."
        ),
        "author": "priya-raman",
        "reviewer": "helen-achterberg",
        "tags": ["hydration", "nutrition"],
        "published": "2015-06-22",
        "regularly_updated": True,
        "featured": False,
        "hero_alt": "A glass of water with a slice of lemon on a wooden kitchen table next to a bowl of cucumbers.",
        "hero_caption": "Much of the water we take in each day comes from food and drinks other than plain water.",
        "hero_credit": "© Kofi Asante-Lind | Pell Street Pictures",
        "hero_colors": ["#1d3557", "#a8dadc"],
        "body": """<p>“Drink eight glasses of water a day” is one of the most repeated pieces of health advice there is. It is printed on water bottles, built into fitness apps and passed from parents to children. Yet when you go looking for the science behind the exact number, it is surprisingly thin.</p>
<h2>Where the number comes from</h2>
<p>Nobody is quite sure where the eight-glass rule started. One popular theory is that it grew out of older dietary advice that mentioned a total daily amount of fluid, and that the part explaining that much of this fluid already comes from food was quietly forgotten. Whatever its origin, the rule is a rough rule of thumb, not a measured requirement.</p>
<h2>How much fluid do you actually need?</h2>
<p>Your needs depend on your body size, how active you are, the climate you live in and your health. Reference values from health authorities are usually given as total water from all sources, including food, and they vary by age and sex. For many healthy adults the totals work out at somewhere around two to three litres a day, with roughly a fifth coming from food.</p>
<p>That last point matters. Fruit, vegetables, soups, yogurt and many other foods are mostly water. Tea, coffee and milk count too. The old idea that coffee “doesn’t count” because it dehydrates you is largely overstated for people who drink it regularly.</p>
<h2>Let thirst guide you — mostly</h2>
<p>For most healthy adults, thirst is a reliable signal. A practical check is the colour of your urine: pale straw-coloured usually means you are drinking enough, while dark yellow suggests you could drink more. Some medicines and vitamin supplements change the colour of urine, so this check is not perfect.</p>
<p>You may need more fluid than usual when you:</p>
<ul>
<li>exercise hard or for a long time, especially in the heat</li>
<li>have a fever, vomiting or diarrhoea</li>
<li>are pregnant or breastfeeding</li>
<li>spend time in hot or very dry places</li>
</ul>
<h2>Can you drink too much?</h2>
<p>Yes, although it is uncommon. Drinking very large amounts in a short time, as sometimes happens during endurance events, can dilute the sodium in your blood. This condition, called hyponatraemia, can be dangerous. There is no benefit in forcing down water you do not want.</p>
<p>People with heart failure, kidney disease or some other conditions may be told to limit their fluids. If that applies to you, follow your own clinicians advice rather than general rules.</p>
<h2>The bottom line</h2>
<p>Eight glasses is not a magic number. Drink when you are thirsty, drink a bit more when it is hot or you are active, and remember that food and other drinks count. If you are often very thirsty for no clear reason, or you are passing much more urine than usual, see a doctor, since these can be early signs of conditions such as diabetes.</p>""",
        "revisions": [
            {
                "date": "2015-07-01",
                "minor": True,
                "note": "Fixed a missing apostrophe.",
                "replace": [["your own clinicians advice", "your own clinician’s advice"]],
            },
            {
                "date": "2018-05-15",
                "minor": False,
                "note": "Added a section on older adults, who may not feel thirsty even when they need to drink.",
                "replace": [
                    [
                        "<h2>Can you drink too much?</h2>",
                        "<h2>Older adults need a little more attention</h2>\n"
                        "<p>Thirst tends to become a weaker signal with age, and some older people "
                        "drink less on purpose to avoid trips to the toilet at night. Both raise the "
                        "risk of becoming dehydrated, which can show up as confusion, dizziness, "
                        "constipation or falls rather than as thirst. If you care for an older "
                        "relative, offering drinks regularly through the day, and foods with a high "
                        "water content, can help. Talk to a doctor or nurse if you notice sudden "
                        "confusion or much less urine than usual.</p>\n"
                        "<h2>Can you drink too much?</h2>",
                    ]
                ],
            },
            {
                "date": "2020-01-20",
                "minor": True,
                "note": "Wording change.",
                "replace": [
                    [
                        "the rule is a rough rule of thumb, not a measured requirement",
                        "the rule is a rough guide rather than a measured requirement",
                    ]
                ],
            },
            {
                "date": "2023-07-25",
                "minor": False,
                "note": "Added advice for heat waves and updated the list of situations that raise fluid needs.",
                "dek": (
                    "The eight-glass rule is everywhere, but the science behind the number is thin. "
                    "Here is how to tell whether you are drinking enough, including during a heat wave."
                ),
                "replace": [
                    [
                        "<li>spend time in hot or very dry places</li>",
                        "<li>spend time in hot or very dry places, including indoors during a heat wave</li>\n"
                        "<li>are recovering from an illness that has left you eating less than usual</li>",
                    ],
                    [
                        "<h2>The bottom line</h2>",
                        "<h2>During a heat wave</h2>\n"
                        "<p>Long hot spells are hardest on older people, young children and anyone "
                        "with a long-term illness. Sip fluids regularly through the day rather than "
                        "waiting until you are very thirsty, especially if you work or exercise outdoors. Keep an eye "
                        "on neighbours who live alone. Dizziness, headache, nausea and heavy sweating "
                        "can be signs of heat exhaustion: move somewhere cool, drink water and rest. "
                        "Confusion, fainting, or hot skin that has stopped sweating can mean "
                        "heatstroke, which is an emergency.</p>\n"
                        "<h2>The bottom line</h2>",
                    ],
                ],
            },
            {
                "date": "2025-04-08",
                "minor": True,
                "note": "Added a link to a related article.",
                "replace": [
                    [
                        "early signs of conditions such as diabetes.</p>",
                        "early signs of conditions such as diabetes.</p>\n"
                        '<p>See also our post <a href="/articles/when-is-a-headache-worth-worrying-about/">'
                        "When is a headache worth worrying about?</a>, since a missed drink is only "
                        "one of many headache triggers.</p>",
                    ]
                ],
            },
        ],
    },
    # ------------------------------------------------------------------ 2016, regularly updated
    {
        "slug": "why-do-my-knees-ache-when-it-rains",
        "title": "Why do my knees ache when it rains?",
        "dek": (
            "Many people with sore joints say they can feel the weather changing. "
            "The evidence is mixed, but the practical advice is the same either way."
        ),
        "author": "daniel-brandt",
        "reviewer": "maya-okafor",
        "tags": ["joint-pain", "weather"],
        "published": "2016-10-11",
        "regularly_updated": True,
        "featured": True,
        "hero_alt": "An older man in a raincoat walking a dog along a wet park path under grey clouds.",
        "hero_caption": "Grey, damp days can mean less movement, which often leaves joints feeling stiffer.",
        "hero_credit": "© Ines Vandermeer | Tallgrass Visuals",
        "hero_colors": ["#2b3a55", "#9fb4c7"],
        "body": """<p>Plenty of people with sore knees say they can feel a storm coming before the first cloud shows up. Some are so confident that friends ask them for forecasts. Is there anything to it, or is it a story we tell ourselves after the fact?</p>
<p>The honest answer is that the evidence is mixed. The link feels obvious to many patients, but it has been surprisingly hard to pin down in careful studies.</p>
<h2>What people report</h2>
<p>In surveys of people with osteoarthritis, a large share say that the weather affects their pain, most often cold, damp days and falling air pressure. Those reports are real experiences and deserve to be taken seriously. But a survey only tells us what people believe, not whether their pain actually rises and falls with the barometer. It is also hard to seperate the weather from everything that comes with it, such as shorter days and less time outdoors.</p>
<h2>Possible explanations</h2>
<p>Researchers have floated a few ideas, none of them proven:</p>
<ul>
<li><strong>Air pressure.</strong> When pressure drops, tissues around a joint might expand very slightly. In a joint that is already inflamed or stiff, that could be enough to notice.</li>
<li><strong>Cold.</strong> Muscles and connective tissue tend to feel stiffer in the cold, and the fluid that lubricates the joint may become a little thicker.</li>
<li><strong>Behaviour.</strong> On grey, wet days many of us move less. Less movement often means stiffer joints the next morning.</li>
<li><strong>Mood and attention.</strong> Gloomy weather can lower mood, and a low mood can make the same pain feel worse.</li>
</ul>
<h2>What you can do on bad-weather days</h2>
<p>Whether or not the weather is the culprit, the practical advice for achy knees is the same:</p>
<ol>
<li>Keep moving. Gentle activity such as walking indoors, cycling on a stationary bike or swimming in a heated pool helps joints more than rest.</li>
<li>Dress warmly. Layers or a knee sleeve can make cold joints feel more comfortable.</li>
<li>Use heat. A warm shower or a heat pack before activity can ease morning stiffness.</li>
<li>Keep up your strengthening exercises. Stronger thigh muscles take load off the knee.</li>
</ol>
<p>If you use pain relievers, follow the label and ask a pharmacist or doctor whether they are suitable for you, especially if you have stomach, kidney or heart problems.</p>
<h2>When to see someone</h2>
<p>Weather-linked aches that come and go are usually not a cause for alarm. See a clinician if a knee becomes hot, red or very swollen, if you cannot put weight on it, or if pain wakes you at night and does not settle. Those signs point to something other than the weather.</p>
<p>For now, the best summary is this: your knees may well be sensitive to the weather, but the weather is not something you can change. Your activity, strength and warmth are. If the forecast promises a cold, wet week, plan some indoor movement and keep your knees warm.</p>""",
        "revisions": [
            {
                "date": "2017-02-06",
                "minor": True,
                "note": "Fixed a typo.",
                "replace": [["hard to seperate the weather", "hard to separate the weather"]],
            },
            {
                "date": "2019-03-19",
                "minor": False,
                "note": "Added a section on what larger studies have found since this article was first published.",
                "replace": [
                    [
                        "<h2>Possible explanations</h2>",
                        "<h2>What larger studies have found</h2>\n"
                        "<p>Since this article first appeared, several larger studies have tried to "
                        "settle the question by matching daily pain records, or very large sets of "
                        "medical records, against local weather data. Some found a small link "
                        "between pain and humidity, air pressure or wind; others found no link at "
                        "all. Taken together, they suggest that any effect of the weather is modest "
                        "for most people, and that it may matter more to some individuals than to "
                        "others.</p>\n"
                        "<h2>Possible explanations</h2>",
                    ]
                ],
            },
            {
                "date": "2021-10-04",
                "minor": True,
                "note": "Clarified wording.",
                "replace": [
                    [
                        "Gentle activity such as walking indoors, cycling on a stationary bike or "
                        "swimming in a heated pool helps joints more than rest.",
                        "Gentle activity, such as walking indoors, cycling on a stationary bike or "
                        "swimming in a heated pool, usually helps stiff joints more than rest does.",
                    ]
                ],
            },
            {
                "date": "2024-11-12",
                "minor": False,
                "note": "Updated the exercise advice in line with current osteoarthritis guidance and added a section on getting help with an exercise plan.",
                "replace": [
                    [
                        "Stronger thigh muscles take load off the knee.",
                        "Stronger thigh and hip muscles take load off the knee, and current "
                        "osteoarthritis guidelines put exercise at the centre of treatment "
                        "rather than treating it as an optional extra.",
                    ],
                    [
                        "<h2>When to see someone</h2>",
                        "<h2>Getting help with a plan</h2>\n"
                        "<p>If weather-linked flare-ups keep knocking you off course, a physical "
                        "therapist can build an exercise plan with an easier version for bad days, "
                        "so that you can keep going rather than stopping altogether. Many people "
                        "find that structured programmes, sometimes in a group, help them stay "
                        "consistent. See also our post "
                        '<a href="/articles/can-a-brisk-walk-lift-your-mood/">Can a brisk walk lift '
                        "your mood?</a> for ideas on making walking a habit.</p>\n"
                        "<h2>When to see someone</h2>",
                    ],
                ],
            },
        ],
    },
    # ------------------------------------------------------------------ 2018, regularly updated
    {
        "slug": "is-vitamin-d-worth-taking-in-winter",
        "title": "Is vitamin D worth taking in winter?",
        "dek": (
            "Many of us make little vitamin D in the darker months. Here is who is most likely "
            "to run low, and what a supplement can and cannot do."
        ),
        "author": "priya-raman",
        "reviewer": "maya-okafor",
        "tags": ["nutrition", "weather"],
        "published": "2018-01-09",
        "regularly_updated": True,
        "featured": False,
        "hero_alt": "Low winter sun shining through bare trees onto a snowy footpath.",
        "hero_caption": "Far from the equator, winter sunlight is too weak for the skin to make much vitamin D.",
        "hero_credit": "© Marta Oyelaran | Lanternfish Photo Co-op",
        "hero_colors": ["#e9c46a", "#264653"],
        "body": """<p>As the days shorten, questions about vitamin D arrive in our inbox like clockwork. Should you take a supplement? How much? And will it stop you catching colds? Here is what we know, and what we don’t.</p>
<h2>Why winter matters</h2>
<p>Your skin makes vitamin D when it is exposed to a particular kind of ultraviolet light in sunshine. The farther you live from the equator, the weaker that light is in winter, and for several months of the year many people make little or none. Stores built up over the summer run down, so blood levels tend to be lowest in late winter and early spring.</p>
<p>Only a few foods naturally contain much vitamin D: oily fish such as salmon, sardines and mackerel, egg yolks, and some mushrooms that have been exposed to UV light. Some countries fortify milk, plant drinks or breakfast cereals.</p>
<h2>Who is most likely to be low?</h2>
<ul>
<li>people who spend little time outdoors, including many care-home residents</li>
<li>people who cover most of their skin when outside</li>
<li>people with darker skin, who make less vitamin D from the same amount of sunlight</li>
<li>older adults, whose skin makes vitamin D less efficiently</li>
<li>babies and young children, and people who are pregnant or breastfeeding</li>
</ul>
<h2>What a supplement can and cannot do</h2>
<p>Vitamin D helps the body absorb calcium, and a real deficiency can cause soft, painful bones — rickets in children and osteomalacia in adults. Preventing that is the clearest reason to make sure you are getting enough.</p>
<p>Beyond bones, the picture is less certain. Observational studies have linked low vitamin D with many conditions, from heart disease to depression, but people with low levels often differ in other ways too: they may be less active, older or less well. Large trials that test supplements directly are still underway, and until they report, claims that vitamin D prevents these conditions should be treated with caution.</p>
<h2>How much to take</h2>
<p>Several national health services suggest that adults consider a daily supplement of around 10 micrograms (400 IU) during autumn and winter, and all year round for people in the higher-risk groups above. Check the advice where you live, as recommendations differ between countries.</p>
<p>More is not better. Very high doses taken for a long time can raise calcium levels in the blood, wich can harm the kidneys and heart. Be wary of products offering many times the recommended amount unless a doctor has prescribed them for a diagnosed deficiency.</p>
<p>If you take other medicines, or have kidney disease, a condition affecting calcium levels or a history of kidney stones, talk to a doctor or pharmacist first. See also our post <a href="/articles/do-you-really-need-eight-glasses-of-water-a-day/">Do you really need eight glasses of water a day?</a> for another look at a familiar number.</p>""",
        "revisions": [
            {
                "date": "2018-01-12",
                "minor": True,
                "note": "Fixed a typo.",
                "replace": [["in the blood, wich can harm", "in the blood, which can harm"]],
            },
            {
                "date": "2019-12-03",
                "minor": False,
                "note": "Updated the evidence section now that large supplement trials have reported.",
                "dek": (
                    "Many of us make little vitamin D in the darker months. Here is who is most "
                    "likely to run low, and what recent large trials say a supplement can and "
                    "cannot do."
                ),
                "replace": [
                    [
                        "Large trials that test supplements directly are still underway, and until "
                        "they report, claims that vitamin D prevents these conditions should be "
                        "treated with caution.",
                        "Since this article was first published, several large randomised trials "
                        "have reported. In adults who were not deficient to begin with, taking "
                        "vitamin D did not clearly lower the risk of heart attacks, strokes or "
                        "developing cancer, and results for falls and fractures were disappointing. "
                        "That does not make vitamin D useless. It means that for most healthy "
                        "people, topping up beyond adequate levels is unlikely to bring extra "
                        "protection.",
                    ]
                ],
            },
            {
                "date": "2023-10-17",
                "minor": False,
                "note": "Added a section on vitamin D and colds, and a note on when a blood test is useful.",
                "replace": [
                    [
                        "<h2>How much to take</h2>",
                        "<h2>What about colds and flu?</h2>\n"
                        "<p>Some analyses that pooled many trials have suggested a small protective "
                        "effect against chest and throat infections, mainly in people who were very "
                        "low to begin with and who took modest daily doses rather than occasional "
                        "large ones. Other trials found no benefit. It is sensible to avoid "
                        "deficiency; it is not sensible to expect vitamin D to replace vaccination, "
                        "hand-washing or staying home when you are ill.</p>\n"
                        "<h3>Do I need a blood test first?</h3>\n"
                        "<p>Most people do not need a test before taking a standard dose. Testing is "
                        "more useful when a doctor suspects deficiency because of symptoms, a bone "
                        "condition or a medicine that affects vitamin D.</p>\n"
                        "<h2>How much to take</h2>",
                    ]
                ],
            },
        ],
    },
    # ------------------------------------------------------------------ 2019
    {
        "slug": "when-is-a-headache-worth-worrying-about",
        "title": "When is a headache worth worrying about?",
        "dek": (
            "Most headaches are a nuisance, not a danger. These are the warning signs that mean "
            "you should get help quickly."
        ),
        "author": "maya-okafor",
        "reviewer": "helen-achterberg",
        "tags": ["headaches", "hydration"],
        "published": "2019-04-03",
        "regularly_updated": False,
        "featured": False,
        "hero_alt": "A woman at a desk pressing her fingertips to her temples, eyes closed, a laptop open in front of her.",
        "hero_caption": "Tension-type headaches are often linked to stress, poor sleep and long stretches at a screen.",
        "hero_credit": "© Rui Castellanos | Greywater Stock",
        "hero_colors": ["#6d597a", "#eaac8b"],
        "body": """<p>Almost everyone gets headaches. Most are tension-type headaches or migraines, and while they can be miserable, they are not dangerous. A small number of headaches, though, are a sign of something that needs urgent attention. Knowing the difference can save a lot of worry — and occasionally a life.</p>
<h2>The common, usually harmless kinds</h2>
<p><strong>Tension-type headaches</strong> feel like a band of pressure around the head. They are often linked to stress, poor sleep, long stretches at a screen or skipped meals. <strong>Migraines</strong> tend to be throbbing, often on one side, and may come with nausea, sensitivity to light or sound, and sometimes visual disturbances called aura. Headaches after a day of too little water or a night of too much alcohol are also common.</p>
<p>These headaches usually respond to rest, fluids, regular meals and, if needed, simple pain relief taken as directed. See also our post <a href="/articles/do-you-really-need-eight-glasses-of-water-a-day/">Do you really need eight glasses of water a day?</a> for more on fluids.</p>
<h2>Red flags: get help straight away</h2>
<p>Call emergency services or go to an emergency department if a headache:</p>
<ul>
<li>comes on suddenly and severely, reaching its worst within a minute or so — sometimes described as the worst headache of your life</li>
<li>comes with weakness, numbness, drooping of one side of the face, slurred speech or confusion</li>
<li>comes with a fever, a stiff neck, a rash that does not fade when pressed, or sensitivity to light</li>
<li>follows a head injury, especially with vomiting or drowsiness</li>
<li>comes with a seizure or fainting</li>
</ul>
<h2>Warning signs worth a prompt appointment</h2>
<p>Other patterns are not emergencies but deserve a visit to your doctor within days rather than weeks:</p>
<ul>
<li>a new kind of headache after the age of 50</li>
<li>headaches that are steadily getting worse or more frequent over weeks</li>
<li>headaches that are worse when you cough, strain or lie down, or that wake you from sleep</li>
<li>headaches with changes in vision, or pain and tenderness around the temples, especially in older adults</li>
<li>headaches in someone with a weakened immune system or a history of cancer</li>
</ul>
<h2>Could your pain relief be part of the problem?</h2>
<p>Taking pain relievers for headaches on many days each month can, paradoxically, lead to more frequent headaches. This is called medication-overuse headache. If you find yourself reaching for tablets on more than a couple of days a week, talk to your doctor or pharmacist about a plan to break the cycle and about preventive options.</p>
<h2>Keeping a headache diary</h2>
<p>If you have frequent headaches, a simple diary can help you and your doctor spot patterns. Note the date, how long the headache lasted, how bad it was, what you were doing, what you ate and drank, how you slept and any medicine you took. Many people discover triggers they had not noticed.</p>
<p>Most headaches are a nuisance rather than a danger. But trust your instincts: if a headache feels different from any you have had before, get it checked.</p>""",
        "revisions": [
            {
                "date": "2020-08-11",
                "minor": True,
                "note": "Clarified the wording of one warning sign.",
                "replace": [
                    ["or sensitivity to light</li>", "or a strong dislike of bright light</li>"]
                ],
            },
        ],
    },
    # ------------------------------------------------------------------ 2020
    {
        "slug": "can-screens-before-bed-really-ruin-your-sleep",
        "title": "Can screens before bed really ruin your sleep?",
        "dek": (
            "Blue light gets the blame, but what we do on our screens may matter more than the "
            "light they give off."
        ),
        "author": "helen-achterberg",
        "reviewer": "maya-okafor",
        "tags": ["sleep", "mental-health"],
        "published": "2020-11-17",
        "regularly_updated": False,
        "featured": False,
        "hero_alt": "A person lying in a dark bedroom, face lit by the glow of a smartphone held above the pillow.",
        "hero_caption": "Late-night scrolling can cut into sleep time whatever the colour of the light.",
        "hero_credit": "© Hanne Solberg-Achebe | Pell Street Pictures",
        "hero_colors": ["#0b132b", "#5bc0be"],
        "body": """<p>It has become one of the most familiar pieces of sleep advice: put your phone away an hour before bed. This year, with so many of us working, socialising and unwinding on the same screens, the question has felt more pressing than ever. So how much harm does a bit of late-night scrolling really do?</p>
<h2>The blue light theory</h2>
<p>Our body clocks are set largely by light. Light in the blue part of the spectrum is especially good at telling the brain that it is daytime and at holding back melatonin, a hormone that rises in the evening as we get ready for sleep. Phones, tablets and laptops give off a fair amount of blue light, so it is reasonable to ask whether they delay sleep.</p>
<p>In laboratory studies, people who read on a bright tablet for several hours before bed took a little longer to fall asleep, and felt less alert the next morning, than people who read a printed book. The effects were real but modest — minutes rather than hours.</p>
<h2>It is probably not just the light</h2>
<p>What we do on our screens may matter more than the light itself. A tense email, an exciting game or a news feed full of worrying headlines can leave us wound up at exactly the moment we want to wind down. Apps designed to keep us scrolling also make it easy to stay up far later than we meant to. The result is less time asleep, whatever the colour of the light.</p>
<p>Night modes that shift the screen towards warmer colours are a recent addition to many phones. They may help a little, but there is not yet much evidence that they make a meaningful difference on their own.</p>
<h2>A practical wind-down routine</h2>
<ol>
<li><strong>Pick a screen curfew you can keep.</strong> Thirty to sixty minutes before bed is a resonable target. Something is better than nothing.</li>
<li><strong>Charge your phone outside the bedroom.</strong> If it is your alarm clock, consider a cheap standalone one.</li>
<li><strong>Swap in something calmer.</strong> A paper book, a podcast with the screen off, some stretching or a warm shower.</li>
<li><strong>Dim the lights.</strong> Lower, warmer room lighting in the evening supports your body clock too.</li>
<li><strong>Keep regular hours.</strong> Getting up at the same time each day, even at weekends, is one of the most reliable ways to improve sleep.</li>
</ol>
<h2>When it is more than a habit</h2>
<p>If you regularly take more than half an hour to fall asleep, wake often during the night, or feel exhausted during the day despite a reasonable amount of time in bed, it is worth speaking to a doctor. Insomnia is common and treatable, and the first-line treatment is a structured talking therapy called cognitive behavioural therapy for insomnia, rather than sleeping pills. Loud snoring with pauses in breathing can be a sign of sleep apnoea, which also needs assessment.</p>
<p>Worry and low mood often go hand in hand with poor sleep. If your mind races at night, or you have been feeling down for more than a couple of weeks, tell your doctor. See also our post <a href="/articles/when-is-a-headache-worth-worrying-about/">When is a headache worth worrying about?</a>, since poor sleep is a common headache trigger.</p>""",
        "revisions": [
            {
                "date": "2020-11-19",
                "minor": True,
                "note": "Fixed a typo.",
                "replace": [["is a resonable target", "is a reasonable target"]],
            },
        ],
    },
    # ------------------------------------------------------------------ 2021
    {
        "slug": "is-sitting-really-the-new-smoking",
        "title": "Is sitting really the new smoking?",
        "dek": (
            "Long hours in a chair are linked to poorer health, but the catchy comparison "
            "overstates it. Movement, not posture, is what matters most."
        ),
        "author": "daniel-brandt",
        "reviewer": None,
        "tags": ["back-pain", "exercise", "heart-health"],
        "published": "2021-05-25",
        "regularly_updated": False,
        "featured": False,
        "hero_alt": "An office worker standing up from a desk chair and stretching her arms above her head beside a window.",
        "hero_caption": "Breaking up long stretches of sitting is easier than it sounds.",
        "hero_credit": "© Arjun Velloso | Tallgrass Visuals",
        "hero_colors": ["#3d405b", "#f2cc8f"],
        "body": """<p>“Sitting is the new smoking” makes a great headline. It has been repeated so often that many people now feel guilty every time they sit down. The reality is more nuanced, and more encouraging.</p>
<h2>What the research shows</h2>
<p>Large observational studies have found that people who spend most of their day sitting tend to have higher rates of heart disease, type 2 diabetes and early death. The link is real, but it is much weaker than the link between smoking and those outcomes, and it is closely tied to physical activity. In pooled analyses, people who sat for long hours but also got plenty of moderate exercise — roughly an hour a day — did not seem to carry the same extra risk.</p>
<p>In other words, the problem is less the chair and more the lack of movement that often comes with it.</p>
<h2>What about back pain?</h2>
<p>Many people assume that sitting “badly” is what causes back pain. The evidence for any single perfect posture is weak. Backs are robust, and people with very different postures can be equally comfortable. What tends to help is variety: changing position often, standing up, walking around, and not holding any one position for hours.</p>
<p>If sitting for long periods makes your back stiff, treat that as a useful signal to move, not as a sign of damage.</p>
<h2>Small changes that add up</h2>
<ul>
<li><strong>Break up long sits.</strong> Stand or walk for a few minutes every half hour or so. Set a gentle reminder if you lose track of time.</li>
<li><strong>Make movement the default.</strong> Take calls standing, use the stairs, and walk to a colleague’s desk instead of sending a message.</li>
<li><strong>Build in real exercise.</strong> Most guidelines recommend at least 150 minutes of moderate activity a week, plus muscle-strengthening activity on two or more days.</li>
<li><strong>Don’t overthink the desk set-up.</strong> A comfortable chair and a screen at roughly eye level help, but no set-up replaces getting up.</li>
</ul>
<h2>Are standing desks the answer?</h2>
<p>Standing desks can be a good way to add variety, and many people like them. But standing still all day has its own downsides, including sore feet and legs. The aim is to alternate, not to swap one fixed position for another.</p>
<h2>When to get checked</h2>
<p>See a clinician if back pain follows a fall or injury, comes with numbness or weakness in the legs, changes in bladder or bowel control, fever or unexplained weight loss, or if it is getting steadily worse. For ordinary stiffness, movement is usually the best remedy.</p>
<p>See also our post <a href="/articles/why-do-my-knees-ache-when-it-rains/">Why do my knees ache when it rains?</a> for more on keeping stiff joints moving.</p>""",
        "revisions": [],
    },
    # ------------------------------------------------------------------ 2022
    {
        "slug": "what-actually-helps-seasonal-allergies",
        "title": "What actually helps seasonal allergies?",
        "dek": (
            "Hay fever is rarely dangerous but can wreck sleep and concentration. "
            "Several treatments work well if you use them the right way."
        ),
        "author": "maya-okafor",
        "reviewer": "helen-achterberg",
        "tags": ["allergies", "weather"],
        "published": "2022-03-29",
        "regularly_updated": False,
        "featured": False,
        "hero_alt": "Close-up of yellow pollen drifting from flowering grasses in a sunlit meadow.",
        "hero_caption": "Grass pollen is one of the most common causes of hay fever in late spring and early summer.",
        "hero_credit": "© Clementine Ouko | Brambleway Images",
        "hero_colors": ["#606c38", "#fefae0"],
        "body": """<p>For millions of people, spring means itchy eyes, a runny nose and sneezing fits that arrive just as the weather finally turns pleasant. Hay fever — allergic rhinitis, to give it its medical name — is not dangerous for most people, but it can wreck sleep, concentration and enjoyment of the outdoors. The good news is that several treatments work well, especially if you use them properly.</p>
<h2>Know your pollen</h2>
<p>Different plants release pollen at different times. Tree pollen tends to peak in early spring, grass pollen in late spring and early summer, and weed pollen later in the summer and into autumn. Noticing when your symptoms start can help you and your clinician work out what you are reacting to, and when to begin treatment.</p>
<h2>Reducing exposure</h2>
<ul>
<li>Check the pollen forecast and, on high days, keep windows closed, especially in the early morning and evening.</li>
<li>Shower and change your clothes after spending time outdoors.</li>
<li>Dry washing indoors on high-pollen days.</li>
<li>Wraparound sunglasses can reduce the amount of pollen reaching your eyes.</li>
<li>A saline nasal rinse can wash pollen out of the nose. Use sterile, or boiled and cooled, water — never water straight from the tap.</li>
</ul>
<h2>Medicines that help</h2>
<p><strong>Steroid nasal sprays</strong> are among the most effective treatments for a blocked, runny nose. They take several days to reach full effect, so start them before your season if you can, and use them every day rather than only on bad days. Aim the spray slighty outward, away from the middle of the nose.</p>
<p><strong>Non-drowsy antihistamine tablets</strong> help with sneezing, itching and watery eyes, and work within an hour or so. Older antihistamines can cause drowsiness, which matters if you drive.</p>
<p><strong>Antihistamine eye drops</strong> can help when itchy eyes are the main problem.</p>
<p>Decongestant nasal sprays can clear a blocked nose quickly, but using them for more than a few days in a row can cause rebound congestion that is hard to shake. Keep them for short-term use only.</p>
<h2>When to see a clinician</h2>
<p>See a doctor if over-the-counter treatments are not controlling your symptoms, if you are wheezing or short of breath, or if your symptoms last all year. Allergies and asthma often go together, and poorly controlled hay fever can make asthma worse. For people with severe symptoms, allergen immunotherapy — a course of treatment that gradually trains the immune system to tolerate a specific pollen — may be an option. It takes years rather than weeks, but it can have lasting benefits.</p>
<p>See also our post <a href="/articles/can-screens-before-bed-really-ruin-your-sleep/">Can screens before bed really ruin your sleep?</a>, since a blocked nose is another common reason for poor nights.</p>""",
        "revisions": [
            {
                "date": "2022-04-01",
                "minor": True,
                "note": "Fixed a typo.",
                "replace": [["Aim the spray slighty outward", "Aim the spray slightly outward"]],
            },
            {
                "date": "2024-03-12",
                "minor": False,
                "note": "Added a section on longer pollen seasons and advice on when to start treatment.",
                "dek": (
                    "Hay fever is rarely dangerous but can wreck sleep and concentration, and in "
                    "many places pollen seasons are getting longer. Several treatments work well "
                    "if you use them the right way."
                ),
                "replace": [
                    [
                        "<h2>Reducing exposure</h2>",
                        "<h2>Are pollen seasons getting longer?</h2>\n"
                        "<p>In many regions, researchers have found that pollen seasons now start "
                        "earlier and last longer than they did a few decades ago, and that counts on "
                        "peak days have risen. Warmer temperatures and higher levels of carbon "
                        "dioxide are thought to play a part. The practical upshot is that your "
                        "symptoms may begin sooner than you remember from childhood, so it is worth "
                        "watching local forecasts from late winter and starting a steroid spray a "
                        "couple of weeks before your usual season.</p>\n"
                        "<h2>Reducing exposure</h2>",
                    ]
                ],
            },
        ],
    },
    # ------------------------------------------------------------------ 2023
    {
        "slug": "does-heartburn-at-night-mean-something-serious",
        "title": "Does heartburn at night mean something serious?",
        "dek": (
            "Night-time heartburn is common and usually manageable. Here is what helps, and the "
            "symptoms that mean you should see a doctor."
        ),
        "author": "helen-achterberg",
        "reviewer": "maya-okafor",
        "tags": ["digestion", "sleep"],
        "published": "2023-02-14",
        "regularly_updated": False,
        "featured": False,
        "hero_alt": "A bed with its headboard end raised on wooden blocks, pillows neatly stacked, in a softly lit bedroom.",
        "hero_caption": "Raising the head of the bed can help keep stomach acid where it belongs.",
        "hero_credit": "© Noor Halvorsen | Lanternfish Photo Co-op",
        "hero_colors": ["#9d0208", "#ffba08"],
        "body": """<p>That burning feeling behind the breastbone, sometimes with a sour taste at the back of the throat, is familiar to many people. Heartburn happens when stomach acid flows back up into the oesophagus, the tube that carries food from the mouth to the stomach. It is common and usually not serious. But heartburn that keeps you up at night, or that comes with certain other symptoms, is worth paying attention to.</p>
<h2>Why it is often worse at night</h2>
<p>When you are upright, gravity helps keep the contents of your stomach where they belong. Lying down takes that help away. A large or late evening meal, alcohol, and foods that some people find trigger symptoms — such as fatty or spicy dishes, chocolate, coffee or peppermint — can all make night-time reflux more likely. Being overweight and smoking also increase the risk.</p>
<h2>Things you can try</h2>
<ul>
<li>Finish your last meal two to three hours before bed.</li>
<li>Raise the head of your bed by 10 to 20 centimetres, using blocks under the legs or a wedge under the mattress. Extra pillows alone tend to bend you at the waist and may not help.</li>
<li>Try sleeping on your left side, which some studies suggest reduces reflux.</li>
<li>Notice your own triggers rather than cutting out long lists of foods.</li>
<li>Wear clothes that are loose around the waist.</li>
<li>If you smoke, stopping helps reflux along with almost everything else.</li>
</ul>
<p>Antacids can relieve occasional symptoms quickly. Pharmacists can advise on other medicines that reduce stomach acid for short-term use.</p>
<h2>When heartburn needs a doctor</h2>
<p>Make an appointment if you have heartburn on most days for three weeks or more, if over-the-counter treatments are not helping, or if you find you are using them regularly. Get help sooner if you have:</p>
<ul>
<li>difficulty swallowing, or food feeling stuck</li>
<li>unintended weight loss</li>
<li>vomiting, especially if it contains blood or looks like coffee grounds</li>
<li>black, tarry stools</li>
<li>persistent new symptoms that began after the age of about 55</li>
</ul>
<p>These can be signs of conditions that need investigation, such as an ulcer or, rarely, cancer of the oesophagus or stomach.</p>
<h2>Is it really heartburn?</h2>
<p>Pain from the heart can sometimes feel like indigestion. If chest discomfort comes with breathlessness, sweating, feeling sick, or pain spreading to the arm, neck, jaw or back, call emergency services straight away. Do not wait to see whether an antacid works.</p>
<p>Long-standing reflux can also disturb sleep and cause a hoarse voice or a night-time cough. See also our post <a href="/articles/can-screens-before-bed-really-ruin-your-sleep/">Can screens before bed really ruin your sleep?</a> for more on building a better bedtime routine.</p>""",
        "revisions": [
            {
                "date": "2024-06-18",
                "minor": False,
                "note": "Added a section on taking acid-reducing medicines for a long time.",
                "replace": [
                    [
                        "other medicines that reduce stomach acid for short-term use.</p>",
                        "other medicines that reduce stomach acid for short-term use.</p>\n"
                        "<h3>Taking acid-reducing medicines for a long time</h3>\n"
                        "<p>Medicines called proton pump inhibitors are very effective and widely "
                        "used, and for many people with ongoing reflux they are the right treatment. "
                        "Still, guidance increasingly encourages a regular review. If you have been "
                        "taking one for months without a recent check, ask your doctor whether you "
                        "still need it, whether a lower dose would do, or whether you could take it "
                        "only when symptoms flare. Do not stop suddenly without advice, as symptoms "
                        "can briefly rebound.</p>",
                    ]
                ],
            },
        ],
    },
    # ------------------------------------------------------------------ 2024
    {
        "slug": "can-a-brisk-walk-lift-your-mood",
        "title": "Can a brisk walk lift your mood?",
        "dek": (
            "Regular walking can ease symptoms of depression and anxiety for many people. "
            "It is not a cure, but it is one of the simplest habits to start."
        ),
        "author": "tomas-ferreira",
        "reviewer": "helen-achterberg",
        "tags": ["exercise", "mental-health"],
        "published": "2024-09-10",
        "regularly_updated": False,
        "featured": True,
        "hero_alt": "Two friends walking side by side along a tree-lined riverside path in autumn, chatting.",
        "hero_caption": "Walking with company adds a social boost to the physical one.",
        "hero_credit": "© Teodor Brannigan | Greywater Stock",
        "hero_colors": ["#bc6c25", "#283618"],
        "body": """<p>Ask people why they go for a walk and many will say it “clears their head”. That everyday experience has been tested in a growing number of studies, and the results are encouraging — though not quite as simple as some headlines suggest.</p>
<h2>What the studies say</h2>
<p>Trials in which people are randomly assigned to exercise programmes have found that regular physical activity can reduce symptoms of depression and anxiety. Walking is one of the most studied forms, largely because it is cheap, accessible and easy to keep up. The benefits appear across a range of ages, and even fairly modest amounts of activity seem to help compared with none at all.</p>
<p>There is also evidence of short-term effects. Many people report feeling calmer and more energetic after a single walk of ten to thirty minutes, particularly outdoors.</p>
<h2>Why might it work?</h2>
<p>Researchers are still untangling the reasons, and it is likely to be a mix of several:</p>
<ul>
<li>changes in brain chemistry and stress hormones during and after exercise</li>
<li>better sleep, which itself supports mood</li>
<li>a sense of achievement from setting and meeting a small goal</li>
<li>time outdoors and in daylight, sometimes in green spaces</li>
<li>company, if you walk with a friend or a group</li>
</ul>
<h2>What it is not</h2>
<p>Walking is not a cure for depression, and it is not a substitute for treatment when someone needs it. For moderate or severe depression, talking therapies and sometimes medication are important, and exercise works best as part of that plan rather than instead of it. It can also be hard to find the motivation to move when you are low. That is a symptom, not a personal failing.</p>
<h2>Making it a habit</h2>
<ol>
<li><strong>Start small.</strong> Ten minutes around the block counts.</li>
<li><strong>Pick a pace where you can talk but not sing.</strong> That is roughly what researchers mean by moderate intensity.</li>
<li><strong>Attach it to something you already do,</strong> such as after lunch or before you start work.</li>
<li><strong>Notice how you feel afterwards.</strong> Writing it down can be a useful reminder on days you do not feel like going.</li>
<li><strong>Be flexible.</strong> A walk in the rain, on a treadmill or around a shopping centre still counts.</li>
</ol>
<h2>When to reach out</h2>
<p>If low mood, loss of interest or anxiety has lasted more than two weeks, or is getting in the way of daily life, talk to a doctor. If you are having thoughts of harming yourself, contact emergency services or a crisis line straight away.</p>
<p>See also our post <a href="/articles/is-sitting-really-the-new-smoking/">Is sitting really the new smoking?</a>, which looks at how to build more movement into a desk-bound day.</p>""",
        "revisions": [],
    },
    # ------------------------------------------------------------------ 2025
    {
        "slug": "should-you-check-your-blood-pressure-at-home",
        "title": "Should you check your blood pressure at home?",
        "dek": (
            "Home monitors are cheap and can give a truer picture than a single clinic reading, "
            "as long as you measure the right way."
        ),
        "author": "tomas-ferreira",
        "reviewer": "maya-okafor",
        "tags": ["heart-health", "nutrition"],
        "published": "2025-06-03",
        "regularly_updated": False,
        "featured": False,
        "hero_alt": "A woman seated at a kitchen table with an upper-arm blood pressure cuff on, reading the monitor's display.",
        "hero_caption": "Sitting quietly with your arm supported at heart level helps give an accurate reading.",
        "hero_credit": "© Yusra Delacroix-Mbeki | Brambleway Images",
        "hero_colors": ["#780000", "#fdf0d5"],
        "body": """<p>High blood pressure rarely causes symptoms, which is why it is often called a silent condition. Over the years, though, it raises the risk of heart attack, stroke, kidney disease and dementia. Home blood pressure monitors are now cheap and widely available. Are they worth using, and how do you get readings you can trust?</p>
<h2>Why home readings are useful</h2>
<p>A single reading in a clinic can be misleading. Some people’s blood pressure rises in a medical setting, which is often called white-coat hypertension. Others have normal readings in the clinic but high readings the rest of the time, known as masked hypertension. Readings taken at home over several days give a fuller picture, and many guidelines now recommend them to confirm a diagnosis and to track treatment.</p>
<h2>Choosing a monitor</h2>
<ul>
<li>Choose an automatic upper-arm monitor rather than a wrist or finger device; upper-arm cuffs are generally more accurate.</li>
<li>Look for a model that has been clinically validated. Many heart and hypertension organisations publish lists of validated devices.</li>
<li>Make sure the cuff fits. A cuff that is too small for your arm can give falsely high readings.</li>
</ul>
<h2>How to measure</h2>
<ol>
<li>Avoid caffeine, exercise and smoking for 30 minutes beforehand, and empty your bladdder.</li>
<li>Sit in a chair with your back supported and your feet flat on the floor. Do not cross your legs.</li>
<li>Rest your arm on a table so the cuff is level with your heart, on bare skin rather than over a sleeve.</li>
<li>Sit quietly for five minutes, and do not talk during the reading.</li>
<li>Take two readings a minute apart, and write both down.</li>
</ol>
<p>Doctors often ask for readings morning and evening for about a week. Bring the record, or the monitor itself, to your appointment.</p>
<h2>Making sense of the numbers</h2>
<p>Blood pressure is written as two numbers, such as 128 over 82. The first is the pressure when the heart beats, the second when it rests between beats. Thresholds vary a little between guidelines, and home readings are usually judged against slightly lower cut-offs than clinic readings. Your clinician can tell you what your numbers mean for you.</p>
<p>Try not to react to a single high reading; blood pressure naturally goes up and down through the day. Look at the pattern instead.</p>
<h2>When to act quickly</h2>
<p>Seek urgent care if a very high reading comes with chest pain, shortness of breath, a severe headache, confusion, weakness on one side of the body or changes in vision.</p>
<p>Lifestyle changes — eating less salt, moving more, limiting alcohol, not smoking and keeping to a healthy weight — can lower blood pressure meaningfully, on their own or alongside medication. See also our post <a href="/articles/is-sitting-really-the-new-smoking/">Is sitting really the new smoking?</a> for easy ways to move more.</p>""",
        "revisions": [
            {
                "date": "2025-06-05",
                "minor": True,
                "note": "Fixed a typo.",
                "replace": [["empty your bladdder", "empty your bladder"]],
            },
        ],
    },
    # ------------------------------------------------------------------ 2026
    {
        "slug": "how-long-should-back-pain-last-before-you-see-someone",
        "title": "How long should back pain last before you see someone?",
        "dek": (
            "Most low back pain settles within weeks. Here is what to do in the meantime, "
            "when to book an appointment, and the rare signs that need urgent care."
        ),
        "author": "daniel-brandt",
        "reviewer": "maya-okafor",
        "tags": ["back-pain", "exercise"],
        "published": "2026-02-18",
        "regularly_updated": False,
        "featured": True,
        "hero_alt": "A man in work clothes carefully bending to lift a cardboard box, one hand on his lower back.",
        "hero_caption": "Sudden back pain is common, frightening and usually short-lived.",
        "hero_credit": "© Saoirse Lindqvist | Tallgrass Visuals",
        "hero_colors": ["#34495e", "#f4a261"],
        "body": """<p>Most adults will have at least one bout of low back pain. It can be startlingly painful: people describe being unable to stand up straight, or being frightened to move at all. Yet the large majority of episodes settle on their own within a few weeks. So how long should you wait, and what should you be doing in the meantime?</p>
<h2>The first few days</h2>
<p>Most sudden back pain is what clinicians call non-specific: there is no single damaged structure to point to, and scans rarely help. That can feel unsatisfying, but it is good news, because it usually means nothing serious is wrong.</p>
<ul>
<li><strong>Keep moving as much as you comfortably can.</strong> Bed rest used to be standard advice; we now know it tends to slow recovery.</li>
<li><strong>Use heat</strong> if it helps to ease muscle spasm.</li>
<li><strong>Ask a pharmacist</strong> about suitable pain relief, and take it regularly for a short time if you need it to keep moving.</li>
<li><strong>Stay at work or return early</strong> if you can, with adjustments if needed.</li>
</ul>
<h2>Weeks two to six</h2>
<p>For most people, pain improves noticeably over this period, even if it does not vanish completely. If you are getting better week by week, it is reasonable to carry on with your own plan.</p>
<p>See a doctor or a physical therapist if the pain is not improving after two to four weeks, if it is stopping you from working or sleeping, or if you are worried. A physical therapist can assess how you move, explain what the pain does and does not mean, and give you exercises to rebuild confidence and strength.</p>
<h2>Do I need a scan?</h2>
<p>Usually not. Scans of people without any back pain often show disc bulges and wear that are simply part of normal ageing. Finding the same changes in someone with back pain can lead to worry and unnecessary treatment. Your clinician will suggest imaging if your symptoms or examination suggest it would change what happens next.</p>
<h2>Red flags: seek help urgently</h2>
<p>Go to an emergency department or call emergency services if back pain comes with:</p>
<ul>
<li>numbness around the genitals or buttocks, sometimes called saddle numbness</li>
<li>new difficulty passing urine, or loss of bladder or bowel control</li>
<li>weakness in both legs or a change in the way you walk</li>
</ul>
<p>These can be signs of cauda equina syndrome, which needs treatment within hours. See a doctor promptly, too, if back pain comes with fever or unexplained weight loss, if you have a history of cancer, or if it follows a significant fall or injury.</p>
<h2>Lowering the odds of another episode</h2>
<p>Back pain often comes back. Regular exercise of almost any kind — walking, swimming, strength training, yoga — seems to reduce the chance of future episodes. The best exercise is the one you will keep doing.</p>
<p>See also our post <a href="/articles/is-sitting-really-the-new-smoking/">Is sitting really the new smoking?</a> for ideas on breaking up long days at a desk.</p>""",
        "revisions": [],
    },
]
