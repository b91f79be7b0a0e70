/* demo-data.c - the demo community's tables (demo-data.h says how to
 * read them): "Daily Nonviolent Living", a year-old community of
 * practice.  Data only; demo.c writes it through the store's verbs. */
#include "copse/util.h"
#include "demo-data.h"

/* ---- who ---- */

const struct demo_member demo_members[] = {
	{
		.key = "maren", .name = "Maren Holt",
		.handle = "maren", .email = "maren.holt@lindenpractice.example",
		.status = "active", .role = "coordinator",
		.joined = -1100, .added = -185,
		.expertise = "nvc, facilitation, listening-circles",
		.interest = "restorative-conversations, workplace-conflict",
		.bio =
			"Maren started the group with Rafael after a year of NVC evening classes at the\n"
			"Linden Library left them both wanting *somewhere to keep practising*. She trained\n"
			"as a social worker and now runs listening circles for a housing co-op.\n"
			"\n"
			"- holds the calendar, the room booking and this database\n"
			"- facilitates in turn with Tomás and Zoë\n"
			"- reachable on Signal most evenings\n"
			"\n"
			"## Development notes\n"
			"\n"
			"- Wants to stop facilitating every meeting: the co-facilitation rota agreed at the\n"
			"  retrospective is the first step. Keep her to it.\n"
			"- Curious about restorative practice at work; Tomás lent her *The Little Book of\n"
			"  Restorative Justice*.\n",
	},
	{
		.key = "tomas", .name = "Tomás Ferreira",
		.handle = "tomas", .email = "tomas@ferreira-mediacao.example",
		.status = "active", .role = "core",
		.joined = -900, .added = -185,
		.expertise = "mediation, workplace-conflict, restorative-conversations",
		.interest = "de-escalation, facilitation",
		.bio =
			"Community mediator for eleven years, first in Porto, now here. Tomás brought the\n"
			"**case clinic** format to the group and keeps us honest about the difference\n"
			"between facilitating and fixing.\n"
			"\n"
			"Speaks Portuguese, Spanish and English; swears in all three when the printer jams.\n"
			"\n"
			"## Development notes\n"
			"\n"
			"- Co-facilitates every third meeting since the retrospective.\n"
			"- Would be a natural mentor for Deepa on workplace cases; they haven't been\n"
			"  introduced properly yet.\n"
			"- Offered a one-hour session for the form tutors if the Northfield pilot happens.\n",
	},
	{
		.key = "zoe", .name = "Zoë Lindqvist",
		.handle = "zoe", .email = "zoe.lindqvist@posteo.example",
		.status = "active", .role = "core",
		.joined = -700, .added = -184,
		.expertise = "parenting, self-empathy, nvc",
		.interest = "schools, listening-circles",
		.bio =
			"Mother of two (6 and 9) and a teaching assistant at a primary school. Keeps a\n"
			"notebook of *bedtime negotiations* that has become half of our parenting\n"
			"material.\n"
			"\n"
			"## Development notes\n"
			"\n"
			"- First solo facilitation was the parenting meeting, and it went well: warm,\n"
			"  on time, and she let the silences be.\n"
			"- Maren mentors her in facilitation; they debrief after each meeting she leads.\n"
			"- Shares the *schools* interest with Amara — they should meet.\n",
	},
	{
		.key = "lukasz", .name = "Łukasz Nowak",
		.handle = "lukasz", .email = "lukasz.nowak@mailbox.example",
		.status = "active", .role = "member",
		.joined = -400, .added = -184,
		.expertise = "de-escalation, healthcare",
		.interest = "self-empathy, mediation",
		.bio =
			"Emergency-department nurse, mostly nights. Came for the de-escalation, stayed for\n"
			"the self-empathy.\n"
			"\n"
			"> I can calm down a stranger at 3 a.m. My own brother at Sunday lunch is another\n"
			"> matter.\n"
			"\n"
			"## Development notes\n"
			"\n"
			"- Led the de-escalation session; wrote *De-escalating in the Moment*.\n"
			"- Shift work means he misses about one meeting in three — send him the minutes.\n",
	},
	{
		.key = "hanako", .name = "山田 花子 (Hanako Yamada)",
		.handle = "hanako", .email = "hanako.yamada@uni.example",
		.status = "active", .role = "member",
		.joined = -300, .added = -183,
		.expertise = "listening-circles, mindfulness, translation",
		.interest = "parenting, nvc",
		.bio =
			"Grew up in Sendai, came here for a doctorate in linguistics and stayed. Runs a\n"
			"Japanese–English language exchange, where she first tried listening circles.\n"
			"\n"
			"## Development notes\n"
			"\n"
			"- Quiet in big rounds, lively in pairs: put her in pairs for role-plays.\n"
			"- Translating the listening-circle guidelines into Japanese (action, open).\n"
			"- Taught the *three-breaths* pause; it is now our most used entry.\n",
	},
	{
		.key = "amara", .name = "Amara Okafor",
		.handle = "amara", .email = "a.okafor@northfield.example",
		.status = "active", .role = "member",
		.joined = -250, .added = -183,
		.expertise = "schools, restorative-conversations",
		.interest = "de-escalation, parenting",
		.bio =
			"Year 7 form tutor and pastoral lead at Northfield Academy. Wants restorative\n"
			"circles to replace at least some detentions.\n"
			"\n"
			"## Development notes\n"
			"\n"
			"- Driving the school pilot topic; the conversation with the head of year is\n"
			"  overdue and she is frustrated about it. Offer help rather than reminders.\n"
			"- Works with Tomás on the pilot plan.\n",
	},
	{
		.key = "deepa", .name = "Deepa Raman",
		.handle = "deepa", .email = "deepa.raman@example.com",
		.status = "active", .role = "member",
		.joined = -330, .added = -182,
		.expertise = "workplace-conflict, hr",
		.interest = "self-empathy, facilitation",
		.bio =
			"HR business partner at a logistics firm. Came looking for tools for workplace\n"
			"conflict and brought us our best case so far (*The Missed Handover*).\n"
			"\n"
			"## Development notes\n"
			"\n"
			"- Has not attended since the case clinic — long hours since the merger.\n"
			"  Maren to check in; no pressure, just keep the door open.\n"
			"- Would be a great co-author for the workplace FAQ.\n",
	},
	{
		.key = "jonas", .name = "Jonas Becker",
		.handle = "jonas", .email = "jonas@becker.example",
		.status = "active", .role = "member",
		.joined = -160, .added = -160,
		.expertise = "remote-teams, software",
		.interest = "parenting, nvc, workplace-conflict",
		.bio =
			"Engineering manager at a remote-first company and father of a toddler. Joins\n"
			"mostly when the meeting is online.\n"
			"\n"
			"## Development notes\n"
			"\n"
			"- Comes about once a month; his work examples are gold for the requests material.\n"
			"- Offered to record a role-play demo for newcomers (overdue).\n",
	},
	{
		.key = "sofia", .name = "Sofía Castillo",
		.handle = "sofia", .email = "sofia.castillo@example.org",
		.status = "prospect", .role = "member",
		.joined = NO_DAY, .added = -60,
		.later_status = "invited", .later_day = -21,
		.expertise = "social-work",
		.interest = "mediation, restorative-conversations",
		.bio =
			"Family social worker; heard about the group from Maren at the housing co-op.\n"
			"\n"
			"## Development notes\n"
			"\n"
			"- Invited to the next meetings. Send her *FAQ: How Do Our Meetings Work?* first.\n"
			"- Tomás offered her a coffee to talk about mediation training.\n",
	},
	{
		.key = "kwame", .name = "Kwame Mensah",
		.handle = NULL, .email = "kwame.mensah@eastside-boxing.example",
		.status = "prospect", .role = "member",
		.joined = NO_DAY, .added = -18,
		.expertise = "youth-work",
		.interest = "de-escalation, schools",
		.bio =
			"Youth worker at the Eastside boxing club; met Łukasz on a first-aid course.\n"
			"\n"
			"## Development notes\n"
			"\n"
			"- Interested, but evenings are hard for him. Ask whether the online meetings work.\n",
	},
	{
		.key = "ingrid", .name = "Ingrid Solberg",
		.handle = NULL, .email = "ingrid.solberg@example.net",
		.status = "prospect", .role = "member",
		.joined = NO_DAY, .added = -6,
		.expertise = "",
		.interest = "parenting, self-empathy",
		.bio =
			"Saw the poster in the library. New parent, *running on very little sleep*.\n",
	},
	{
		.key = "rafael", .name = "Rafael Duarte",
		.handle = "rafael", .email = "rafael.duarte@example.pt",
		.status = "active", .role = "core",
		.joined = -1000, .added = -185,
		.later_status = "alumni", .later_day = -112,
		.expertise = "nvc, facilitation",
		.interest = "listening-circles",
		.bio =
			"Co-founded the group with Maren. Moved to Lisbon for work and left on good terms;\n"
			"still reads the repertoire.\n"
			"\n"
			"## Development notes\n"
			"\n"
			"- Offered to run one online session a year. Ask him for the first anniversary.\n",
	},
	{
		.key = "chloe", .name = "Chloé Martin",
		.handle = "chloe", .email = "chloe.martin@example.fr",
		.status = "active", .role = "member",
		.joined = -500, .added = -185,
		.later_status = "alumni", .later_day = -140,
		.expertise = "mindfulness",
		.interest = "self-empathy",
		.bio =
			"Yoga teacher; came to the first months of meetings and stepped back after her\n"
			"second child was born. The door is open.\n",
	},
};
const size_t demo_n_members = ARRAY_SIZE(demo_members);

/* Connections, all recorded by the coordinator. */
const struct demo_link demo_links[] = {
	{ "maren", "zoe", "mentors",
	  "Zoë is learning to facilitate; they debrief after each meeting she leads.", -120 },
	{ "lukasz", "tomas", "introduced",
	  "Both meet people at their most upset: the emergency department and mediation.", -130 },
	{ "tomas", "amara", "works-with",
	  "Planning the restorative circle pilot at Northfield Academy.", -58 },
	{ "hanako", "maren", "works-with",
	  "Japanese translation of the listening-circle guidelines.", -19 },
	{ "sofia", "tomas", "introduced",
	  "Sofía wants to learn about mediation; Tomás offered a coffee.", -20 },
};
const size_t demo_n_links = ARRAY_SIZE(demo_links);

/* ---- meetings ---- */

const struct demo_meeting demo_meetings[M_COUNT] = {
	[M_KICKOFF] = {
		.day = -177, .title = "Kick-off: what brings us here?",
		.location = "Linden Library, room 2",
		.status = "held", .facilitator = "maren",
		.attendance = "maren tomas zoe rafael chloe lukasz hanako deepa -amara",
		.agenda =
			"## Agenda\n"
			"\n"
			"1. Welcome and arrival round — *your name and one word for how you are*\n"
			"2. What brings you here? (pairs, then the whole group)\n"
			"3. What do we want from a practice group? Rhythm, place, agreements\n"
			"4. A first taste: the four components of NVC (Maren, 15 min)\n"
			"5. Check-out\n"
			"\n"
			"Bring a notebook. Tea from 17:45.\n",
	},
	[M_OBSERVE] = {
		.day = -163, .title = "Observation without evaluation",
		.location = "Online (video link in the invitation)",
		.status = "held", .facilitator = "maren",
		.attendance = "maren tomas zoe rafael chloe hanako amara -lukasz -deepa",
		.agenda =
			"## Agenda\n"
			"\n"
			"1. Arrival round\n"
			"2. **Practice**: the camera test — turning evaluations into observations (30 min)\n"
			"3. **Story**: Zoë — *he never listens*\n"
			"4. Harvest and check-out\n"
			"\n"
			"Before the meeting, write down one sentence you said in an argument recently.\n",
	},
	[M_CIRCLE_HOME] = {
		.day = -149, .title = "Listening circle: hard conversations at home",
		.location = "Linden Library, room 2",
		.status = "held", .facilitator = "rafael",
		.attendance = "maren zoe rafael hanako amara jonas lukasz -tomas -chloe -deepa",
		.agenda =
			"## Agenda\n"
			"\n"
			"A listening circle, facilitated by Rafael with Maren.\n"
			"\n"
			"1. Guidelines (read aloud)\n"
			"2. Round 1: *what happened?*\n"
			"3. Round 2: *what was it like for you?*\n"
			"4. Round 3: *what do you need now?*\n"
			"5. Check-out\n"
			"\n"
			"No advice tonight — just listening.\n",
	},
	[M_DEESC] = {
		.day = -135, .title = "De-escalation basics with Łukasz",
		.location = "Online (video link in the invitation)",
		.status = "held", .facilitator = "lukasz",
		.attendance = "maren tomas zoe lukasz amara deepa jonas -hanako",
		.agenda =
			"## Agenda\n"
			"\n"
			"1. Arrival round\n"
			"2. **Practice**: *slow, low, curious* — Łukasz, with role-plays at a hospital\n"
			"   reception, at the dinner table and on a night bus\n"
			"3. Safety: what empathy can and can't do\n"
			"4. Harvest and check-out\n"
			"\n"
			"*Online meeting* — please have your camera on for the role-plays.\n",
	},
	[M_HOLIDAY] = {
		.day = -121, .title = "Listening circle: family gatherings",
		.location = "Linden Library, room 2",
		.status = "cancelled", .facilitator = "maren",
		.attendance = "",
		.agenda =
			"## Agenda\n"
			"\n"
			"A circle on family gatherings and what they stir up.\n"
			"\n"
			"**Cancelled:** too many of us away. We'll pick the theme up in a later circle.\n",
	},
	[M_SELF_EMPATHY] = {
		.day = -107, .title = "Self-empathy when we get triggered",
		.location = "Linden Library, room 2",
		.status = "held", .facilitator = "maren",
		.attendance = "maren tomas zoe lukasz hanako amara deepa -jonas",
		.agenda =
			"## Agenda\n"
			"\n"
			"1. Arrival round\n"
			"2. Mapping our triggers — where do we feel it first?\n"
			"3. **Practice**: Hanako's three-breaths pause\n"
			"4. **Story**: Łukasz — a night on the ward\n"
			"5. Harvest and check-out\n",
	},
	[M_CLINIC] = {
		.day = -93, .title = "Workplace conflict: case clinic",
		.location = "Online (video link in the invitation)",
		.status = "held", .facilitator = "tomas",
		.attendance = "maren tomas zoe hanako deepa jonas -lukasz -amara",
		.agenda =
			"## Agenda\n"
			"\n"
			"Tomás facilitates the **case clinic** format:\n"
			"\n"
			"1. The case owner tells the story (10 min, no interruptions)\n"
			"2. Clarifying questions only (10 min)\n"
			"3. The group wonders aloud about feelings and needs while the case owner listens (15 min)\n"
			"4. The case owner says what they will take away\n"
			"5. Harvest\n"
			"\n"
			"Deepa brings the case. Everything is anonymised.\n",
	},
	[M_PARENTING] = {
		.day = -79, .title = "Parenting without punishment",
		.location = "Linden Library, room 2",
		.status = "held", .facilitator = "zoe",
		.attendance = "maren zoe hanako amara jonas lukasz -tomas -deepa",
		.agenda =
			"## Agenda\n"
			"\n"
			"*Zoë's first time facilitating!*\n"
			"\n"
			"1. Arrival round\n"
			"2. Opening question: *what did you get punished for as a child, and what did you learn from it?*\n"
			"3. Consequences versus punishment (Amara)\n"
			"4. Small groups: a difficult moment at home this week\n"
			"5. Harvest and check-out\n",
	},
	[M_RESTORATIVE] = {
		.day = -65, .title = "Restorative conversations: the five questions",
		.location = "Online (video link in the invitation)",
		.status = "held", .facilitator = "tomas",
		.attendance = "maren tomas zoe amara lukasz hanako -deepa -jonas",
		.agenda =
			"## Agenda\n"
			"\n"
			"1. Arrival round\n"
			"2. The restorative questions and where they come from (Tomás, 10 min)\n"
			"3. **Practice** in threes: speaker, listener, observer (3 × 10 min)\n"
			"4. **Story**: Amara — a fight in form time\n"
			"5. Harvest and check-out\n",
	},
	[M_REQUESTS] = {
		.day = -51, .title = "Requests versus demands",
		.location = "Linden Library, room 2",
		.status = "held", .facilitator = "maren",
		.attendance = "maren tomas zoe hanako amara jonas -lukasz -deepa",
		.agenda =
			"## Agenda\n"
			"\n"
			"1. Arrival round\n"
			"2. The *no* test: how do I react when the answer is no?\n"
			"3. **Practice**: rewriting three real requests from the week\n"
			"4. **Requests clinic** (new, 10 min)\n"
			"5. Harvest and check-out\n"
			"\n"
			"Bring three requests you made — or didn't dare to make — this week.\n",
	},
	[M_LAB] = {
		.day = -37, .title = "Practice lab: role-plays",
		.location = "Online (video link in the invitation)",
		.status = "held", .facilitator = "zoe",
		.attendance = "maren tomas zoe lukasz hanako amara -deepa -jonas",
		.agenda =
			"## Agenda\n"
			"\n"
			"1. Arrival round\n"
			"2. Scenarios from the hat, in pairs (6 minutes per role, 3 rounds)\n"
			"3. What did the observers see?\n"
			"4. Harvest and check-out\n"
			"\n"
			"Scenarios so far: a neighbour's hedge, a late rent payment, a teenager's phone\n"
			"at dinner, a colleague taking credit. Add yours to the hat.\n",
	},
	[M_RETRO] = {
		.day = -23, .title = "Half-year retrospective and harvest",
		.location = "Linden Library, room 2",
		.status = "held", .facilitator = "maren",
		.attendance = "maren tomas zoe lukasz hanako amara jonas -deepa",
		.agenda =
			"## Agenda\n"
			"\n"
			"Half a year of meeting every other week: time to look back.\n"
			"\n"
			"1. What went well? (sticky notes, 10 min)\n"
			"2. What didn't? (sticky notes, 10 min)\n"
			"3. Themes and decisions\n"
			"4. **Harvest**: what is missing from the repertoire?\n"
			"5. Open actions — carry over or drop?\n"
			"\n"
			"### Numbers to look at\n"
			"\n"
			"- attendance per meeting\n"
			"- open and overdue actions\n"
			"- entries written, and entries *used*\n",
	},
	[M_REPAIR] = {
		.day = -9, .title = "Listening circle: repair after rupture",
		.location = "Online (video link in the invitation)",
		.status = "held", .facilitator = "zoe",
		.attendance = "maren tomas zoe hanako amara -lukasz -deepa -jonas",
		.agenda =
			"## Agenda\n"
			"\n"
			"Circle facilitated by Zoë.\n"
			"\n"
			"1. Guidelines\n"
			"2. Round 1: *a relationship where something broke*\n"
			"3. Round 2: *what would a good repair look like?*\n"
			"4. Round 3: *what stays with you?*\n"
			"5. Check-out\n",
	},
	[M_APOLOGIES] = {
		.day = 5, .title = "Apologies that land",
		.location = "Linden Library, room 2",
		.status = "planned", .facilitator = "zoe",
		.attendance = "+maren +tomas +zoe +hanako +amara !lukasz ?deepa ?jonas ?sofia",
		.agenda =
			"## Agenda\n"
			"\n"
			"*Facilitator: Zoë*\n"
			"\n"
			"1. Arrival round\n"
			"2. Carried over: open actions from the last meetings\n"
			"3. **Practice**: the parts of an apology that lands — in pairs\n"
			"4. **Story**: when *sorry* made it worse (the topic with the most votes)\n"
			"5. Harvest and check-out\n"
			"\n"
			"Read beforehand: the draft entry *Apologies That Land*.\n",
	},
	[M_OPEN_NIGHT] = {
		.day = 19, .title = "Open practice night",
		.location = "Linden Library, room 2",
		.status = "planned", .facilitator = "maren",
		.attendance = "+maren ?tomas ?zoe ?lukasz ?hanako ?amara ?deepa ?jonas ?sofia ?kwame ?ingrid",
		.agenda =
			"## Agenda\n"
			"\n"
			"An evening for guests and newcomers. Bring a friend!\n"
			"\n"
			"1. Welcome: what this group is and how it works (Maren, 5 min)\n"
			"2. A taste of the practice: observation versus evaluation\n"
			"3. A short listening circle\n"
			"4. Questions, tea, and how to join\n"
			"\n"
			"Guests invited: Sofía, Kwame and Ingrid.\n",
	},
};

const struct demo_note demo_notes[] = {
	{ M_KICKOFF, "maren", "note", NULL,
	  "Nine of us in the room. Round of *what brings you here*: conflict at home (4), at work (3), and \"I want to stop replaying arguments at 2 a.m.\" (2)." },
	{ M_KICKOFF, "maren", "decision", NULL,
	  "We meet every other week for 90 minutes, alternating between the library room and online." },
	{ M_KICKOFF, "tomas", "decision", NULL,
	  "Each meeting has **one practice** and **one story**. Theory stays in the repertoire." },
	{ M_KICKOFF, "zoe", "question", NULL,
	  "How do we keep it safe to bring real conflicts when some of us know the people involved?" },
	{ M_KICKOFF, "rafael", "decision", NULL,
	  "Agreement: what is said in the circle stays in the circle; what is *learned* may leave." },
	{ M_OBSERVE, "maren", "note", NULL,
	  "Exercise: each of us said one sentence about a colleague or family member and the group sorted it into observation or evaluation. Hardest: *she's always late* → *she arrived after 9:15 on three days this week*." },
	{ M_OBSERVE, "zoe", "note", NULL,
	  "My *he never listens* became *I said his name twice and he kept looking at the screen*. Noticeably less heat when I said it that way." },
	{ M_OBSERVE, "hanako", "question", NULL,
	  "Is *you seem tired* an observation or an evaluation? We left it open and leaned towards: it's a guess, so offer it as a question." },
	{ M_OBSERVE, "maren", "decision", NULL,
	  "Start a repertoire entry on observation versus evaluation, with tonight's examples." },
	{ M_CIRCLE_HOME, "rafael", "note", NULL,
	  "Talking piece: a smooth stone from Hanako's garden. Three rounds: what happened, what it was like, what I need now." },
	{ M_CIRCLE_HOME, "hanako", "note", NULL,
	  "Seven people spoke in every round; two passed once. Nobody gave advice." },
	{ M_CIRCLE_HOME, "amara", "question", NULL,
	  "Could we use the same format with teenagers in form time?" },
	{ M_CIRCLE_HOME, "maren", "decision", NULL,
	  "Write the circle format up as a method so that others can run it." },
	{ M_DEESC, "lukasz", "note", NULL,
	  "Three moves that work at 3 a.m. in the emergency department: **slow** (speech and movement), **low** (voice — and sit if you can), **curious** (ask before you explain)." },
	{ M_DEESC, "tomas", "note", NULL,
	  "Role-play, angry relative at reception: when the \"nurse\" stopped explaining the policy and asked *what's the worst part of tonight for you?*, the \"relative\" visibly dropped his shoulders." },
	{ M_DEESC, "amara", "question", NULL,
	  "What if the person is physically threatening? Answer from Łukasz: safety first — distance, a way out, call for help. Empathy is not a substitute for a safety plan." },
	{ M_DEESC, "maren", "decision", NULL,
	  "De-escalation gets its own method entry; Łukasz writes the first draft." },
	{ M_SELF_EMPATHY, "zoe", "note", NULL,
	  "We mapped our triggers: a tone of voice, being interrupted, the words *calm down*. Most of us notice the body first — jaw, stomach, heat in the face." },
	{ M_SELF_EMPATHY, "hanako", "note", NULL,
	  "Three-breaths pause: breathe and notice, breathe and name, breathe and choose." },
	{ M_SELF_EMPATHY, "lukasz", "question", NULL,
	  "How do you give yourself empathy when there is no time at all — in the middle of the argument?" },
	{ M_SELF_EMPATHY, "maren", "decision", NULL,
	  "Everyone tries the three-breaths pause daily for a week and reports back." },
	{ M_CLINIC, "tomas", "note", "handover",
		"Deepa's case (anonymised): two warehouse team leads, day and night shift, blame each other after a handover note about a broken dock door never reached nights. A pallet fell; nobody was hurt; an order was lost. It had been simmering for months.\n"
		"\n"
		"What helped in the room: separating **what happened** (the note went to the day team's chat, which nights don't read) from **what it meant** to each (*my team isn't respected* / *we're always the ones blamed*).\n" },
	{ M_CLINIC, "deepa", "note", NULL,
	  "Both leads seem to need the same two things: to be able to trust the handover, and to be seen as competent." },
	{ M_CLINIC, "jonas", "question", NULL,
	  "How do you propose a restorative conversation at work without it sounding like therapy?" },
	{ M_CLINIC, "maren", "decision", NULL,
	  "Tomás writes a one-page guide for restorative check-ins at work." },
	{ M_PARENTING, "zoe", "note", NULL,
	  "Opening question: *what did you get punished for as a child, and what did you learn from it?* The most common answer: how not to get caught." },
	{ M_PARENTING, "jonas", "note", NULL,
	  "Toddler version of requests: offer two real choices. *Shoes first or coat first?* worked three mornings out of four." },
	{ M_PARENTING, "amara", "note", NULL,
	  "A consequence is connected to the action and explained in advance; a punishment is added on afterwards to make it hurt." },
	{ M_PARENTING, "hanako", "question", NULL,
	  "What do we do with our *own* anger when the child does the thing again?" },
	{ M_PARENTING, "zoe", "decision", NULL,
	  "Collect bedtime stories from the group for a parenting entry." },
	{ M_RESTORATIVE, "tomas", "note", NULL,
	  "Practised the five restorative questions in threes: speaker, listener, observer." },
	{ M_RESTORATIVE, "amara", "note", NULL,
	  "At school we also use the questions for the person who was harmed: *what did you think when you realised what had happened? what has been the hardest thing for you?*" },
	{ M_RESTORATIVE, "lukasz", "note", NULL,
	  "Observer's note: the listener's silence after a question was worth more than any follow-up." },
	{ M_RESTORATIVE, "maren", "decision", NULL,
	  "Amara asks the school about a pilot restorative circle in year 7." },
	{ M_REQUESTS, "maren", "note", NULL,
	  "The test for a demand: how do I react when the answer is no? If I punish or sulk, it was a demand." },
	{ M_REQUESTS, "jonas", "note", NULL,
	  "Rewrote a work request: *can you be more proactive?* → *would you be willing to post a status update in the channel by 11:00 each day this sprint?* Got a yes." },
	{ M_REQUESTS, "zoe", "question", NULL,
	  "Is *please tidy your room* a request if the child has no real option to say no?" },
	{ M_REQUESTS, "tomas", "decision", NULL,
	  "A ten-minute *requests clinic* goes into every other agenda." },
	{ M_LAB, "hanako", "note", NULL,
	  "Four pairs, six minutes per role. Scenarios from the hat: the neighbour's hedge, a late rent payment, a teenager's phone at dinner, a colleague taking credit." },
	{ M_LAB, "amara", "note", NULL,
	  "The hedge scenario turned out to be my own street — worth writing up as a case." },
	{ M_LAB, "lukasz", "note", NULL,
	  "I still jump to solutions in the second minute. Next time: count to three after every empathy guess." },
	{ M_LAB, "maren", "decision", NULL,
	  "Jonas records a short role-play demo for newcomers." },
	{ M_RETRO, "maren", "note", NULL,
		"Went well: the rhythm, *one practice and one story*, the repertoire (more than fifteen entries), the case clinic.\n"
		"\n"
		"Less well: online meetings feel thin; Deepa and Jonas drifting to the edge; the school pilot action is overdue.\n" },
	{ M_RETRO, "tomas", "decision", NULL,
	  "Every meeting ends with a two-minute **harvest**: what from tonight belongs in the repertoire?" },
	{ M_RETRO, "zoe", "decision", NULL,
	  "Co-facilitation rota: Maren, Tomás and Zoë take turns, and the facilitator writes the agenda." },
	{ M_RETRO, "hanako", "note", NULL,
	  "I'll translate the listening-circle guidelines into Japanese for the language exchange." },
	{ M_RETRO, "jonas", "question", NULL,
	  "Could we open one evening to newcomers — an open practice night?" },
	{ M_RETRO, "maren", "decision", NULL,
	  "Yes: an open practice night in about six weeks. Invite Sofía and Kwame." },
	{ M_REPAIR, "zoe", "note", NULL,
	  "Round one: a relationship where something broke. Round two: what a good repair would look like." },
	{ M_REPAIR, "amara", "note", NULL,
	  "Pattern: the apology most of us had wanted was not *sorry* but *I understand what it cost you*." },
	{ M_REPAIR, "tomas", "question", NULL,
	  "When is it too early to try a repair conversation?" },
	{ M_REPAIR, "maren", "decision", NULL,
	  "Next meeting: apologies that land. Zoë prepares the agenda." },
};
const size_t demo_n_notes = ARRAY_SIZE(demo_notes);

const struct demo_action demo_actions[] = {
	{ M_KICKOFF, "maren", -172, -174,
	  "Set up the copse database and send everyone their login" },
	{ M_OBSERVE, "zoe", -150, -156,
	  "Start the repertoire entry on observation versus evaluation" },
	{ M_CIRCLE_HOME, "zoe", -136, -141,
	  "Write up the listening-circle format as a method" },
	{ M_DEESC, "lukasz", -120, -119,
	  "Draft the de-escalation method entry" },
	{ M_SELF_EMPATHY, "hanako", -100, -104,
	  "Send the three-breaths card to everyone" },
	{ M_CLINIC, "tomas", -70, -66,
	  "Write a one-page guide to restorative check-ins at work" },
	{ M_PARENTING, "zoe", -65, -62,
	  "Collect bedtime stories for a parenting entry" },
	{ M_RESTORATIVE, "amara", -35, NO_DAY,
	  "Ask Northfield Academy about a pilot restorative circle in year 7" },
	{ M_REQUESTS, "tomas", -40, -45,
	  "Add a requests-clinic slot to the agenda template" },
	{ M_LAB, "jonas", -14, NO_DAY,
	  "Record a five-minute role-play demo for newcomers" },
	{ M_LAB, "amara", -25, -30,
	  "Write up the neighbour's hedge as a case" },
	{ M_RETRO, "maren", -16, -18,
	  "Harvest the retrospective into the repertoire" },
	{ M_RETRO, "maren", 7, NO_DAY,
	  "Invite Sofía and Kwame to the open practice night" },
	{ M_RETRO, "hanako", 30, NO_DAY,
	  "Translate the listening-circle guidelines into Japanese" },
	{ M_RETRO, "tomas", 10, NO_DAY,
	  "Review the workplace FAQ with Deepa" },
	{ M_RETRO, "maren", -10, -12,
	  "Book the library room for the open practice night" },
	{ M_REPAIR, "zoe", 2, NO_DAY,
	  "Prepare the agenda for \"Apologies that land\"" },
	{ M_REPAIR, "maren", -3, NO_DAY,
	  "Check in with Deepa: she has missed the last six meetings" },
	{ M_REPAIR, "amara", -5, -7,
	  "Share the empathy-guess cheat sheet with the group" },
};
const size_t demo_n_actions = ARRAY_SIZE(demo_actions);

/* ---- the repertoire ---- */

const struct demo_entry demo_entries[E_COUNT] = {
	[E_FOUR] = {
		.title = "The Four Components of NVC",
		.kind = "lesson", .author = "maren", .day = -176,
		.tags = "nvc, basics",
		.body =
			"# The Four Components of NVC\n"
			"\n"
			"Marshall Rosenberg's *Nonviolent Communication* rests on four components. We come\n"
			"back to them in almost every meeting, so here they are in one place.\n"
			"\n"
			"1. **Observation** — what a camera would have recorded, without judgement.\n"
			"   See [[Observation Versus Evaluation]].\n"
			"2. **Feeling** — what is alive in me about it: *worried*, *relieved*, *tired*.\n"
			"3. **Need** — the universal human need behind the feeling: rest, respect,\n"
			"   safety, to matter. The [[Feelings and Needs Lists]] help when words run out.\n"
			"4. **Request** — a concrete, doable action that someone could say yes or no to.\n"
			"   See [[Requests, Not Demands]].\n"
			"\n"
			"Put together, it can sound like this:\n"
			"\n"
			"> When I see last night's dishes still in the sink, I feel discouraged, because\n"
			"> I need some order to start my day. Would you be willing to wash them before\n"
			"> you leave for work?\n"
			"\n"
			"## Two directions\n"
			"\n"
			"- **Expressing honestly**: saying my own four parts.\n"
			"- **Receiving empathically**: guessing the other person's four parts — see\n"
			"  [[The Empathy Guess]].\n"
			"\n"
			"## Common slips\n"
			"\n"
			"- Feelings that are really thoughts: *I feel that you…*, *I feel ignored*\n"
			"  (that is a guess about what someone did to me).\n"
			"- Needs that are really strategies: *I need you to call me* (the need might be\n"
			"  reassurance, or connection).\n"
			"- Requests that are really demands: notice how you react to a *no*.\n"
			"\n"
			"The formula is scaffolding. Once the intention is there, most of us drop it —\n"
			"see [[FAQ: Isn't NVC Just Being Nice?]].\n",
	},
	[E_OBSERVE] = {
		.title = "Observation Versus Evaluation",
		.kind = "lesson", .author = "zoe", .day = -156,
		.tags = "nvc, observation",
		.body =
			"# Observation Versus Evaluation\n"
			"\n"
			"> To observe without evaluating is the highest form of human intelligence.\\\n"
			"> — attributed to J. Krishnamurti, quoted by Marshall Rosenberg\n"
			"\n"
			"An **observation** is what a video camera could record. An **evaluation** mixes\n"
			"in our judgement, interpretation or prediction. Evaluations are not wrong — but\n"
			"when we lead with them, the other person hears criticism and defends.\n"
			"\n"
			"## Spot the difference\n"
			"\n"
			"- *You're always on your phone.*\n"
			"  - Observation: *you looked at your phone four times while I was telling you\n"
			"    about the interview.*\n"
			"- *He's lazy.*\n"
			"  - Observation: *he hasn't done the washing-up since Sunday.*\n"
			"- *The meeting was a waste of time.*\n"
			"  - Observation: *we spent 40 of the 60 minutes on the parking rota and didn't\n"
			"    reach item 3.*\n"
			"\n"
			"## Words that give an evaluation away\n"
			"\n"
			"- **always**, **never**, **constantly**, **every time**\n"
			"- labels: *lazy*, *rude*, *controlling*, *passive-aggressive*\n"
			"- mind-reading verbs: *you ignored me*, *you don't care*\n"
			"\n"
			"## Practice\n"
			"\n"
			"1. Write down one sentence you said (or thought) in an argument this week.\n"
			"2. Underline every word a camera could not record.\n"
			"3. Rewrite it with only what the camera saw. Keep the numbers and the times.\n"
			"4. Say the new version out loud, and notice whether it feels less hot.\n"
			"\n"
			"When you are not sure, offer it as a question: *you seem tired — is that\n"
			"right?* That turns it into [[The Empathy Guess]].\n"
			"\n"
			"This is the first of [[The Four Components of NVC]].\n",
	},
	[E_FEELINGS] = {
		.title = "Feelings and Needs Lists",
		.kind = "tool", .author = "maren", .day = -170,
		.tags = "nvc, feelings, needs",
		.body =
			"# Feelings and Needs Lists\n"
			"\n"
			"Our printed lists live in the blue folder in the library cupboard. This is the\n"
			"short version we use in meetings; the full inventories are published by the\n"
			"[Center for Nonviolent Communication](https://www.cnvc.org/).\n"
			"\n"
			"## Feelings when needs are met\n"
			"\n"
			"- **peaceful**: calm, relaxed, relieved, content\n"
			"- **glad**: grateful, hopeful, delighted, moved\n"
			"- **engaged**: curious, absorbed, alert, interested\n"
			"\n"
			"## Feelings when needs are not met\n"
			"\n"
			"- **afraid**: anxious, nervous, worried, scared\n"
			"- **sad**: discouraged, lonely, disappointed, heavy\n"
			"- **angry**: irritated, frustrated, furious, resentful\n"
			"- **tired**: exhausted, depleted, overwhelmed, numb\n"
			"\n"
			"## Needs\n"
			"\n"
			"- **Connection**: belonging, to be heard, to be seen, warmth, trust\n"
			"- **Autonomy**: choice, freedom, space, to decide for myself\n"
			"- **Meaning**: contribution, purpose, learning, to matter\n"
			"- **Physical well-being**: rest, food, safety, touch\n"
			"- **Peace**: ease, order, harmony, beauty\n"
			"\n"
			"## Watch out for *faux feelings*\n"
			"\n"
			"Words like *abandoned*, *manipulated*, *ignored* or *betrayed* describe what we\n"
			"think someone **did** to us. Ask: *and when I think I was ignored, what do I\n"
			"feel?* Usually: hurt, lonely, sad.\n"
			"\n"
			"Used in [[The Four Components of NVC]], [[The Empathy Guess]] and\n"
			"[[Self-Empathy in Three Breaths]].\n",
	},
	[E_REQUESTS] = {
		.title = "Requests, Not Demands",
		.kind = "lesson", .author = "tomas", .day = -48,
		.tags = "nvc, requests, parenting, workplace-conflict",
		.body =
			"# Requests, Not Demands\n"
			"\n"
			"A request is something the other person can say **no** to without being\n"
			"punished for it. If a *no* brings blame, guilt, sulking or consequences, it was\n"
			"a demand — however politely it was worded.\n"
			"\n"
			"## What makes a request doable\n"
			"\n"
			"1. **Positive**: ask for what you want, not for what you don't want.\n"
			"   - Not *stop interrupting me*, but *would you let me finish this story\n"
			"     before you reply?*\n"
			"2. **Concrete**: an action someone could take today.\n"
			"   - Not *be more respectful*, but *would you knock before coming in?*\n"
			"3. **Present**: asked now, about now — *would you be willing to…?*\n"
			"\n"
			"## Two kinds of request\n"
			"\n"
			"- **Action requests**: *would you be willing to post a status update in the\n"
			"  channel by 11:00 each day this sprint?*\n"
			"- **Connection requests**: *would you tell me what you heard me say?* — useful\n"
			"  before any action request, to check that you were understood.\n"
			"\n"
			"## When the answer is no\n"
			"\n"
			"A *no* is the other person saying *yes* to one of their own needs. Get curious:\n"
			"*what makes it hard to say yes?* Then look for a strategy that meets both sets\n"
			"of needs.\n"
			"\n"
			"> If a child has no real option to say no, be honest about it: *I'm not asking,\n"
			"> I'm telling you — we're leaving in five minutes.* Honesty about power is\n"
			"> kinder than a fake request.\\\n"
			"> — Zoë, at the requests meeting\n"
			"\n"
			"See also [[The Four Components of NVC]] and, for children,\n"
			"[[Consequences Instead of Punishment]].\n",
	},
	[E_BREATHS] = {
		.title = "Self-Empathy in Three Breaths",
		.kind = "method", .author = "hanako", .day = -104,
		.tags = "self-empathy, mindfulness",
		.body =
			"# Self-Empathy in Three Breaths\n"
			"\n"
			"The three-breaths pause is for the moment *before* you say the thing you will\n"
			"regret. Hanako brought it from her meditation teacher in Sendai, and we have\n"
			"adapted it.\n"
			"\n"
			"## The steps\n"
			"\n"
			"1. **First breath — notice.** Where is it in the body? Jaw, throat, stomach,\n"
			"   hands.\n"
			"2. **Second breath — name.** One feeling word and one need word, silently:\n"
			"   *scared … safety*, *hurt … respect*.\n"
			"3. **Third breath — choose.** What do I want to happen *next*? Not what I want\n"
			"   to say: what I want to happen.\n"
			"\n"
			"Then speak, or say *give me a minute*. Both are fine.\n"
			"\n"
			"## When there is no time for three breaths\n"
			"\n"
			"- One breath and the word *need?* is enough to interrupt the reflex.\n"
			"- Put a hand flat on the table. The body remembers the practice.\n"
			"- Say out loud: *I'm getting heated. I want to get this right.* That is honest,\n"
			"  and it slows everyone down.\n"
			"\n"
			"## Practise for a week\n"
			"\n"
			"- Pick one recurring moment: the school run, the first email of the day, a\n"
			"  particular colleague.\n"
			"- Do the pause there every day, even when nothing is wrong.\n"
			"- Write one sentence about it each evening.\n"
			"\n"
			"Goes well with the [[Feelings and Needs Lists]]. When the *other* person is the\n"
			"one who is triggered, see [[De-escalating in the Moment]].\n",
	},
	[E_GUESS] = {
		.title = "The Empathy Guess",
		.kind = "tool", .author = "amara", .day = -158,
		.tags = "nvc, empathy, listening, parenting",
		.body =
			"# The Empathy Guess\n"
			"\n"
			"An empathy guess is a question about what the other person might be feeling and\n"
			"needing. It is a *guess*: being wrong is fine, because a wrong guess invites a\n"
			"correction, and a correction is connection.\n"
			"\n"
			"## The shape\n"
			"\n"
			"```\n"
			"Are you feeling ______ because you need ______ ?\n"
			"```\n"
			"\n"
			"Shorter, and more like everyday speech:\n"
			"\n"
			"```\n"
			"Sounds like you're worried about ______ ?\n"
			"Are you wanting ______ ?\n"
			"Is it that ______ really matters to you?\n"
			"```\n"
			"\n"
			"## A script we practised\n"
			"\n"
			"```\n"
			"Parent:  (sits down at the child's height)\n"
			"Child:   I'm NOT going to Grandma's. It's BORING.\n"
			"Parent:  Sounds like you're fed up. Are you wanting to choose\n"
			"         what we do this weekend?\n"
			"Child:   You ALWAYS decide.\n"
			"Parent:  You'd like a say. That's fair. Are you also worried\n"
			"         there'll be nothing to do there?\n"
			"Child:   ...there's no Wi-Fi.\n"
			"Parent:  Ah. So you'd miss playing with your friends.\n"
			"Child:   Yeah.\n"
			"Parent:  Want to think together about what you could bring?\n"
			"```\n"
			"\n"
			"Notice that the parent never explains *why* they are going to Grandma's.\n"
			"Explanations come after connection, if at all.\n"
			"\n"
			"## Tips\n"
			"\n"
			"- Guess **feelings and needs**, not thoughts: *you think I'm unfair* keeps the\n"
			"  argument going.\n"
			"- Keep it short: one guess at a time.\n"
			"- Silence after a guess means it is working. Don't fill it.\n"
			"- If you are too upset to be curious, you need empathy first:\n"
			"  [[Self-Empathy in Three Breaths]].\n"
			"\n"
			"Words for guessing: [[Feelings and Needs Lists]].\n",
	},
	[E_DEESC] = {
		.title = "De-escalating in the Moment",
		.kind = "method", .author = "lukasz", .day = -119,
		.tags = "de-escalation, healthcare, safety",
		.body =
			"# De-escalating in the Moment\n"
			"\n"
			"What I use in the emergency department at three in the morning, when someone is\n"
			"shouting at the reception desk. It works at kitchen tables too.\n"
			"\n"
			"## Safety first\n"
			"\n"
			"Empathy is not a substitute for a safety plan. Before anything else:\n"
			"\n"
			"- keep a distance of two arm lengths, and a clear way out for **both** of you;\n"
			"- never block a door, never corner anyone;\n"
			"- if there is a weapon or you are afraid, leave and call for help.\n"
			"\n"
			"## Slow, low, curious\n"
			"\n"
			"1. **Slow.** Slow your speech and your movements. People mirror pace.\n"
			"2. **Low.** Lower your voice. If you can, sit down — or at least don't stand\n"
			"   over anyone.\n"
			"3. **Curious.** Ask before you explain:\n"
			"   - *What's the worst part of tonight for you?*\n"
			"   - *What do you need right now?*\n"
			"   - *What have they told you so far?*\n"
			"\n"
			"## What not to say\n"
			"\n"
			"- *Calm down.* (Nobody in history has calmed down on being told to.)\n"
			"- *It's policy.* (True, and useless until they feel heard.)\n"
			"- *I understand.* (Show it with a reflection instead: *you've been waiting four\n"
			"  hours and nobody has told you anything.*)\n"
			"\n"
			"## Afterwards\n"
			"\n"
			"Find a colleague and debrief for five minutes. Name what it cost you. Then\n"
			"[[Self-Empathy in Three Breaths]].\n"
			"\n"
			"The night that taught me most of this: [[The Night Shift Shouting Match]].\n",
	},
	[E_FIVE] = {
		.title = "The Five Restorative Questions",
		.kind = "method", .author = "tomas", .day = -63,
		.tags = "restorative-conversations, schools, mediation",
		.body =
			"# The Five Restorative Questions\n"
			"\n"
			"Restorative practice asks *what happened, who has been affected, and how do we\n"
			"put it right?* instead of *who broke the rule, and what do they deserve?* These\n"
			"questions come from restorative work in schools and communities; we use them in\n"
			"mediation, at work and at home.\n"
			"\n"
			"## For the person who caused harm\n"
			"\n"
			"1. What happened?\n"
			"2. What were you thinking about at the time?\n"
			"3. What have you thought about since?\n"
			"4. Who has been affected by what you did, and in what way?\n"
			"5. What do you think you need to do to make things right?\n"
			"\n"
			"## For the person who was harmed\n"
			"\n"
			"1. What did you think when you realised what had happened?\n"
			"2. What impact has this had on you and on others?\n"
			"3. What has been the hardest thing for you?\n"
			"4. What do you think needs to happen to make things right?\n"
			"\n"
			"## How we practise\n"
			"\n"
			"Groups of three — **speaker**, **listener**, **observer** — ten minutes a round.\n"
			"\n"
			"- The listener asks only the questions, in order, and reflects back.\n"
			"- The observer watches for advice, judgement or hurry, and reports one thing\n"
			"  they noticed.\n"
			"- Swap until everyone has had every role.\n"
			"\n"
			"> The listener's silence after a question was worth more than any follow-up.\\\n"
			"> — Łukasz, as observer\n"
			"\n"
			"Used in [[Case: The Neighbour's Hedge]] and [[Case: The Missed Handover]]. For\n"
			"a workplace-ready version, see [[Restorative Check-ins at Work]].\n",
	},
	[E_CIRCLE] = {
		.title = "Running a Listening Circle",
		.kind = "method", .author = "zoe", .day = -141,
		.tags = "listening-circles, facilitation",
		.body =
			"# Running a Listening Circle\n"
			"\n"
			"A listening circle is a round in which each person speaks in turn, holding a\n"
			"*talking piece*, while everyone else just listens. No advice, no cross-talk, no\n"
			"fixing.\n"
			"\n"
			"## You need\n"
			"\n"
			"- 5 to 12 people and 45 to 75 minutes\n"
			"- a talking piece (ours is a smooth stone from Hanako's garden)\n"
			"- a question for each round\n"
			"- a facilitator, who also takes part\n"
			"\n"
			"## Guidelines we read aloud\n"
			"\n"
			"- Speak from the heart: your own experience, *I* not *you*.\n"
			"- Listen from the heart: let go of preparing your answer.\n"
			"- Say just enough.\n"
			"- What is said in the circle stays in the circle; what is *learned* may leave.\n"
			"- You may always pass.\n"
			"\n"
			"## The rounds\n"
			"\n"
			"1. **Check-in**: *one word for how you arrive.*\n"
			"2. **Story**: *tell us about a time when…* (the theme of the evening)\n"
			"3. **Meaning**: *what stays with you from what you heard?*\n"
			"4. **Check-out**: *one word for how you leave.*\n"
			"\n"
			"## Facilitator's notes\n"
			"\n"
			"- Go first, to show the length and depth you hope for.\n"
			"- If someone gives advice, gently name the guideline and pass the piece on.\n"
			"- Strong emotion is welcome. Let the silence be; offer a tissue, not a comment.\n"
			"- Keep time by dividing what is left by the number of people still to speak —\n"
			"  and say it out loud.\n"
			"\n"
			"Related: [[The Five Restorative Questions]] and\n"
			"[[FAQ: How Do Our Meetings Work?]].\n",
	},
	[E_CHECKIN] = {
		.title = "Restorative Check-ins at Work",
		.kind = "tool", .author = "tomas", .day = -66,
		.tags = "workplace-conflict, restorative-conversations, template",
		.body =
			"# Restorative Check-ins at Work\n"
			"\n"
			"A one-page guide to a twenty-minute conversation after something went wrong in\n"
			"a team. It is **not** a disciplinary meeting and not therapy: it is a structured\n"
			"way to understand what happened and agree what happens next.\n"
			"\n"
			"## Before\n"
			"\n"
			"- Ask each person separately whether they are willing. *Willing* is the word.\n"
			"- Book a private room, or a call that is not recorded.\n"
			"- Agree that what is said stays in the room — except the agreements.\n"
			"\n"
			"## Template\n"
			"\n"
			"Copy this into the invitation or a shared document:\n"
			"\n"
			"```\n"
			"RESTORATIVE CHECK-IN: <what happened, neutrally, in one line>\n"
			"Date: <date>    Facilitator: <name>    Time: 20 minutes\n"
			"\n"
			"1. What happened?  (each person, uninterrupted, 3 minutes)\n"
			"2. What has the impact been: on you, on the team, on the work?\n"
			"3. What do you need now to be able to move on?\n"
			"4. Agreements\n"
			"   - who does what, by when:\n"
			"   - how we will know it is working:\n"
			"5. Anything anyone wants to say before we close?\n"
			"```\n"
			"\n"
			"## Phrases that help\n"
			"\n"
			"- *Can you say more about that?*\n"
			"- *What I heard is… did I get that right?*\n"
			"- *Let's separate what happened from what it meant to each of us.*\n"
			"\n"
			"## Phrases that don't\n"
			"\n"
			"- *Let's not dwell on the past.*\n"
			"- *I'm sure nobody meant it.*\n"
			"- *So whose fault was it?*\n"
			"\n"
			"Background: [[The Five Restorative Questions]]. A worked example:\n"
			"[[Case: The Missed Handover]].\n",
	},
	[E_BEDTIME] = {
		.title = "Bedtime Without a Battle",
		.kind = "story", .author = "zoe", .day = -62,
		.tags = "parenting, stories",
		.body =
			"# Bedtime Without a Battle\n"
			"\n"
			"*Collected by Zoë from five parents in the group. Details changed; the struggle\n"
			"is real.*\n"
			"\n"
			"For about a year, bedtime in our house was a war. Teeth, pyjamas, one more\n"
			"story, water, the toilet, *I'm scared*, one more story. I tried sticker charts,\n"
			"I tried taking away the next day's screen time, I tried shouting. Everything\n"
			"*worked* for three nights.\n"
			"\n"
			"## What changed\n"
			"\n"
			"It started at the parenting meeting, when Amara said that a punishment is\n"
			"*added on to make it hurt* — and I realised that is exactly what losing\n"
			"tomorrow's screen time was. My son wasn't learning to go to bed; he was\n"
			"learning that I am powerful.\n"
			"\n"
			"So I tried guessing instead of deciding. One night, on the fourth trip\n"
			"downstairs:\n"
			"\n"
			"> **Me:** Is it hard to stop when the day was fun?\n"
			">\n"
			"> **Him:** …I don't want it to be tomorrow.\n"
			">\n"
			"> **Me:** What's tomorrow?\n"
			">\n"
			"> **Him:** Swimming.\n"
			"\n"
			"Swimming. He had been scared of the new swimming class for a week, and none of\n"
			"us knew.\n"
			"\n"
			"## What the group collected\n"
			"\n"
			"- **Offer two real choices**: *this story or that one?* — Jonas swears by it\n"
			"  with his toddler.\n"
			"- **Name the feeling out loud**: *it's hard to stop playing.* Most protests\n"
			"  shrink once they are heard.\n"
			"- **Move the battle**: one parent moved teeth-brushing to *before* the last\n"
			"  story. Nothing else changed, and half the conflict went.\n"
			"- **Repair the nights that go wrong**: *I shouted last night. I'm sorry — I was\n"
			"  tired and I wanted some time for myself.*\n"
			"\n"
			"It isn't magic. There are still bad nights. But there is no war.\n"
			"\n"
			"The ideas behind it: [[Consequences Instead of Punishment]],\n"
			"[[The Empathy Guess]] and [[Requests, Not Demands]].\n",
	},
	[E_NIGHT] = {
		.title = "The Night Shift Shouting Match",
		.kind = "story", .author = "lukasz", .day = -128,
		.tags = "de-escalation, healthcare, stories",
		.body =
			"# The Night Shift Shouting Match\n"
			"\n"
			"It was about half past two. A man came to the desk for the third time: his\n"
			"father had been on a trolley in the corridor for five hours. He was shouting —\n"
			"at me, at the receptionist, at the whole hospital.\n"
			"\n"
			"My first move was the usual one: I explained. Triage, priorities, there are\n"
			"sicker people. He shouted louder. I could feel my own jaw tighten, and I started\n"
			"to explain *more slowly*, which is just explaining with contempt.\n"
			"\n"
			"Then I remembered the meeting the week before and did the only thing I could\n"
			"think of: I pulled up a chair and **sat down**. Below him. He stopped\n"
			"mid-sentence.\n"
			"\n"
			"I said: *You've been watching your dad on a trolley for five hours, and nobody\n"
			"has told you anything.*\n"
			"\n"
			"He said: *He's eighty-one. He drove lorries for forty years. He has never been\n"
			"in a hospital in his life.* And then he was crying, not shouting.\n"
			"\n"
			"## What I took from it\n"
			"\n"
			"- The shouting wasn't about the wait. It was about feeling helpless while his\n"
			"  father was scared.\n"
			"- Explaining the system answered a question he wasn't asking.\n"
			"- Sitting down changed more than anything I said.\n"
			"- I was lucky he wasn't violent. I still kept the desk between us and my\n"
			"  colleague in sight.\n"
			"\n"
			"Afterwards I wrote the method down: [[De-escalating in the Moment]].\n",
	},
	[E_HANDOVER] = {
		.title = "Case: The Missed Handover",
		.kind = "case", .author = "maren", .day = -90,
		.tags = "workplace-conflict, restorative-conversations, cases",
		.from_note = "handover",
		.body =
			"# Case: The Missed Handover\n"
			"\n"
			"*Harvested from the workplace case clinic. Shared by Deepa with permission;\n"
			"names and details changed.*\n"
			"\n"
			"## Situation\n"
			"\n"
			"Two team leads in a warehouse: **A** (day shift) and **B** (night shift). A\n"
			"handover note about a broken loading-dock door never reached the night shift.\n"
			"Nights loaded a lorry through the faulty door; a pallet fell. Nobody was hurt,\n"
			"but a customer's order was lost.\n"
			"\n"
			"A said: *B never reads the handover.* B said: *A's team writes nothing down and\n"
			"then blames nights for everything.* It had been going on for months, and HR\n"
			"(Deepa) was asked to *sort it out*.\n"
			"\n"
			"## What we tried in the clinic\n"
			"\n"
			"1. **Separate what happened from what it meant.** What happened: the note was\n"
			"   posted in the day team's chat, which nights don't use. What it meant to A:\n"
			"   *my team isn't respected.* To B: *we're always the ones blamed.*\n"
			"2. **The restorative questions** ([[The Five Restorative Questions]]), asked of\n"
			"   both, separately first.\n"
			"3. **Needs, not positions.** Both needed to be able to trust the handover, and\n"
			"   to be seen as competent.\n"
			"\n"
			"## Agreements they reached\n"
			"\n"
			"- One handover sheet, on paper, on the dock-office clipboard, signed by both\n"
			"  leads.\n"
			"- A ten-minute overlap on Mondays for three months.\n"
			"- Deepa checks in after four weeks.\n"
			"\n"
			"## Questions for us\n"
			"\n"
			"- Would this have worked if A and B had not both been willing?\n"
			"- Where is the line between facilitating and managing?\n"
			"\n"
			"Tools used: [[Restorative Check-ins at Work]]. Related:\n"
			"[[FAQ: Isn't NVC Just Being Nice?]].\n",
	},
	[E_HEDGE] = {
		.title = "Case: The Neighbour's Hedge",
		.kind = "case", .author = "amara", .day = -30,
		.tags = "neighbours, restorative-conversations, cases",
		.body =
			"# Case: The Neighbour's Hedge\n"
			"\n"
			"*From the practice lab. It started as a role-play scenario and turned out to be\n"
			"Amara's own street.*\n"
			"\n"
			"## Situation\n"
			"\n"
			"A leylandii hedge between two gardens had grown to four metres. **Mrs K.**, 78,\n"
			"had lived there for forty years; her late husband planted the hedge. **The new\n"
			"neighbours**, a young family, had no sun in their garden after two o'clock.\n"
			"They sent a letter quoting the council's rules on high hedges. She stopped\n"
			"saying hello.\n"
			"\n"
			"## What happened\n"
			"\n"
			"A neighbour they both knew (Amara) offered a cup of tea and used\n"
			"[[The Five Restorative Questions]] loosely:\n"
			"\n"
			"1. *What has it been like since the letter?* — Mrs K.: *like being told I'm a\n"
			"   nuisance in my own home.*\n"
			"2. *What has been the hardest part?* — the father: *our daughter asking why the\n"
			"   lady next door doesn't like us.*\n"
			"3. *What does the hedge mean to you?* — Mrs K. talked about her husband for ten\n"
			"   minutes. Nobody interrupted.\n"
			"4. *What would make it right?*\n"
			"\n"
			"## Outcome\n"
			"\n"
			"- The family apologised for the letter — *not for asking, for the way we\n"
			"  asked*.\n"
			"- The hedge is being cut down to two metres in stages, over two winters, by a\n"
			"  gardener they share the cost of.\n"
			"- Mrs K. gave the little girl a cutting to plant.\n"
			"\n"
			"## What we learned\n"
			"\n"
			"- The letter did more damage than the hedge.\n"
			"- Asking what something *means* to a person moved the conversation from\n"
			"  property to grief.\n"
			"- A neutral host with a teapot is sometimes all the mediation a street needs.\n"
			"\n"
			"See also [[Apologies That Land]].\n",
	},
	[E_NICE] = {
		.title = "FAQ: Isn't NVC Just Being Nice?",
		.kind = "faq", .author = "tomas", .day = -85,
		.tags = "nvc, workplace-conflict, faq",
		.body =
			"# FAQ: Isn't NVC Just Being Nice?\n"
			"\n"
			"**Short answer:** no. Being *nice* often means hiding what we feel and need to\n"
			"keep the peace. NVC asks for *honesty* and *empathy* at the same time, which is\n"
			"harder and sometimes less comfortable.\n"
			"\n"
			"## But it sounds so scripted\n"
			"\n"
			"At first, yes — like any new language. *When I see… I feel… because I need…\n"
			"would you be willing…* is scaffolding. In the group we practise the full form so\n"
			"that in daily life we can say:\n"
			"\n"
			"> Hang on — I'm getting worried we won't finish. Can we do the budget first?\n"
			"\n"
			"That is all four components in one breath, and nobody notices a formula.\n"
			"\n"
			"## Isn't it manipulative?\n"
			"\n"
			"It can be used that way, like any skill. The test is the request: if you are\n"
			"only *pretending* to accept a no, it is manipulation with nice words. See\n"
			"[[Requests, Not Demands]].\n"
			"\n"
			"## And if the other person won't engage at all?\n"
			"\n"
			"Then it is up to you, and that is more possible than it sounds: see\n"
			"[[FAQ: What If the Other Person Won't Play Along?]].\n"
			"\n"
			"## Does it work at work?\n"
			"\n"
			"In our experience yes, with less vocabulary:\n"
			"\n"
			"- skip the feeling words if they don't fit the culture; keep the *observation*\n"
			"  and the *request*;\n"
			"- replace *I need* with *what matters to me here is*;\n"
			"- use it more for listening than for talking.\n"
			"\n"
			"Examples: [[Case: The Missed Handover]] and [[Restorative Check-ins at Work]].\n",
	},
	[E_WONTPLAY] = {
		.title = "FAQ: What If the Other Person Won't Play Along?",
		.kind = "faq", .author = "maren", .day = -50,
		.tags = "nvc, self-empathy, faq",
		.body =
			"# FAQ: What If the Other Person Won't Play Along?\n"
			"\n"
			"You don't need them to. NVC is not a game that two people agree to play; it is\n"
			"a way *you* choose to listen and to speak. Most of the change happens on one\n"
			"side of the conversation.\n"
			"\n"
			"## What you can still do\n"
			"\n"
			"1. **Listen for feelings and needs** under whatever they say. Criticism is\n"
			"   often a tragic expression of an unmet need.\n"
			"2. **Guess, don't accuse**: *are you frustrated because you wanted this done\n"
			"   yesterday?* ([[The Empathy Guess]])\n"
			"3. **Look after yourself**: if you can't be curious, you need empathy first —\n"
			"   from yourself ([[Self-Empathy in Three Breaths]]) or from a friend.\n"
			"4. **Make one clear request**, and mean it when you accept a no.\n"
			"\n"
			"## When it keeps going wrong\n"
			"\n"
			"- Someone who keeps hurting you is not a practice opportunity. Distance is a\n"
			"  legitimate strategy.\n"
			"- Bring it to a listening circle. Being heard by others often helps more than\n"
			"  another conversation with the person.\n"
			"\n"
			"> I spent a year trying to get my sister to *do NVC*. It got better the week I\n"
			"> stopped.\\\n"
			"> — a member, at the retrospective\n",
	},
	[E_MEETINGS] = {
		.title = "FAQ: How Do Our Meetings Work?",
		.kind = "faq", .author = "maren", .day = -175,
		.tags = "community, newcomers, faq",
		.body =
			"# FAQ: How Do Our Meetings Work?\n"
			"\n"
			"Welcome! If you are new, this is the page to read first.\n"
			"\n"
			"## When and where\n"
			"\n"
			"- Every other week, for **90 minutes**, at 18:00 UTC — the meeting list shows\n"
			"  your local time.\n"
			"- We alternate between **Linden Library, room 2** and **online** (the link is\n"
			"  in the invitation).\n"
			"- Now and then an **open practice night** welcomes guests.\n"
			"\n"
			"## What happens\n"
			"\n"
			"1. **Arrival round** — one word each.\n"
			"2. **One practice** — an exercise, a role-play or a circle.\n"
			"3. **One story** — someone brings a real situation from home or work.\n"
			"4. **Harvest** — two minutes: what from tonight belongs in the repertoire?\n"
			"5. **Check-out** — one word each.\n"
			"\n"
			"Theory lives in the repertoire, not in the meeting. Start with\n"
			"[[The Four Components of NVC]].\n"
			"\n"
			"## Agreements\n"
			"\n"
			"- What is said here stays here; what is *learned* may leave.\n"
			"- Speak for yourself; no advice unless someone asks for it.\n"
			"- You can always pass.\n"
			"- Anyone can raise a topic — add it in copse and others can vote for it.\n"
			"\n"
			"## Roles\n"
			"\n"
			"- **Coordinator**: Maren (calendar, room, this database).\n"
			"- **Facilitators**: Maren, Tomás and Zoë in turn; the facilitator writes the\n"
			"  agenda.\n"
			"- **Minutes**: whoever has a laptop open — several of us type notes at once.\n"
			"\n"
			"If a meeting was hard for you, tell the facilitator afterwards or write to\n"
			"Maren. We would rather know.\n"
			"\n"
			"How we run circles: [[Running a Listening Circle]].\n",
	},
	[E_TWOLANG] = {
		.title = "聴く — Listening in Two Languages",
		.kind = "story", .author = "hanako", .day = -20,
		.tags = "listening-circles, translation, 日本語",
		.body =
			"# 聴く — Listening in Two Languages\n"
			"\n"
			"The Japanese verb **聴く** (*kiku*, to listen) is written with the parts for\n"
			"*ear* 耳, *eye* 目 and *heart* 心. My grandmother taught me that when I was seven.\n"
			"I thought of her the first time we passed the stone around our circle. 🌏\n"
			"\n"
			"## A circle at the language exchange\n"
			"\n"
			"About twelve people come to our Japanese–English language exchange every month.\n"
			"Last month I tried a listening circle there, in two languages:\n"
			"\n"
			"1. Each person spoke in the language they are *learning*. 🌱\n"
			"2. The next person first said, in their own language, one thing they had heard.\n"
			"3. Nobody corrected anybody's grammar. Not once. 🙏\n"
			"\n"
			"When the speaker has fewer words, the listener has to listen with the eye and\n"
			"the heart as well as the ear. 耳・目・心 — all three.\n"
			"\n"
			"## Phrases I translated for the circle\n"
			"\n"
			"- 話す人を、最後まで聴きます。 — *We listen to the speaker until the end.*\n"
			"- アドバイスはしません。 — *We don't give advice.*\n"
			"- パスしてもいいです。 — *You may always pass.*\n"
			"\n"
			"## What people said afterwards\n"
			"\n"
			"> 「言葉が少ないほど、よく聴けた。」\\\n"
			"> *The fewer words I had, the better I listened.* — a student from Brazil\n"
			"\n"
			"> It felt like being listened to by someone who *wanted* to understand. 💛\n"
			"\n"
			"The guidelines we used come from [[Running a Listening Circle]].\n",
	},
	[E_APOLOGY] = {
		.title = "Apologies That Land",
		.kind = "lesson", .author = "zoe", .day = -4,
		.status = "draft",
		.tags = "repair, apologies",
		.body =
			"# Apologies That Land\n"
			"\n"
			"*Draft for the next meeting — comments welcome in the meeting notes.*\n"
			"\n"
			"At the repair circle, most of us said that the apology we had wanted was not\n"
			"*sorry* but *I understand what it cost you*. This entry collects what we know so\n"
			"far.\n"
			"\n"
			"## An apology that lands\n"
			"\n"
			"1. **Names what happened**, specifically: *I read your message out in the\n"
			"   meeting without asking you.*\n"
			"2. **Names the impact**, as a guess that can be corrected: *I imagine you felt\n"
			"   exposed — maybe betrayed?*\n"
			"3. **Owns the choice**, without a *but*: *I did it because I wanted the team to\n"
			"   see your work, and I didn't check what you wanted.*\n"
			"4. **Offers repair**: *is there anything I can do now?*\n"
			"5. **Listens** to the answer, even if it is *not yet*.\n"
			"\n"
			"## An apology that doesn't\n"
			"\n"
			"- *I'm sorry **if** you were offended.* (It makes it about their sensitivity.)\n"
			"- *I'm sorry, **but**…* (Everything before the *but* is erased.)\n"
			"- Sorry as a ticket: *I've apologised, so we're fine now.*\n"
			"\n"
			"## Open questions\n"
			"\n"
			"- When is it too early to apologise? (Tomás's question at the repair circle.)\n"
			"- Can you apologise to a child without losing authority? Zoë thinks yes — more\n"
			"  in [[Bedtime Without a Battle]].\n"
			"\n"
			"The skills underneath: [[The Empathy Guess]] and\n"
			"[[Observation Versus Evaluation]].\n",
	},
	[E_PUNISH] = {
		.title = "Consequences Instead of Punishment",
		.kind = "lesson", .author = "amara", .day = -77,
		.tags = "parenting, schools",
		.body =
			"# Consequences Instead of Punishment\n"
			"\n"
			"At the parenting meeting we tried to pin down the difference. Amara's version,\n"
			"which is also what she uses with her year 7 form:\n"
			"\n"
			"> A **consequence** is connected to the action and explained in advance.\n"
			"> A **punishment** is added on afterwards to make it hurt.\n"
			"\n"
			"## Examples\n"
			"\n"
			"- Paint on the wall: *we clean it together* (consequence) rather than *no\n"
			"  birthday party* (punishment).\n"
			"- Phone at the dinner table: *the phone lives in the hall during dinner*\n"
			"  (agreed beforehand) rather than *you've lost your phone for a week*.\n"
			"- Late for form time: *catch up on the notices at break* rather than\n"
			"  *detention*.\n"
			"\n"
			"## Why punishment backfires\n"
			"\n"
			"- It teaches children to avoid getting caught, not to consider others.\n"
			"- It makes the adult the problem, so the child's attention goes to the\n"
			"  unfairness instead of the harm.\n"
			"- It damages the relationship that every future conversation depends on.\n"
			"\n"
			"## What to do instead\n"
			"\n"
			"1. Stop the harm — safety first.\n"
			"2. Connect: guess the need behind the behaviour ([[The Empathy Guess]]).\n"
			"3. Repair together: *who has been affected? what would make it right?* — the\n"
			"   children's version of [[The Five Restorative Questions]].\n"
			"4. Agree what happens next time, *before* next time.\n"
			"\n"
			"### But sometimes I just need them to do it\n"
			"\n"
			"Yes. Then say so honestly instead of dressing it up as a request — see\n"
			"[[Requests, Not Demands]]. Using power to *protect* (grabbing a child's arm at\n"
			"the kerb) is different from using power to *punish*.\n"
			"\n"
			"A story from home: [[Bedtime Without a Battle]].\n",
	},
};

/* Later edits: each appends a section (and may retag), so these entries
 * have several revisions. */
const struct demo_edit demo_edits[] = {
	{ E_FOUR, "zoe", -150, NULL,
		"## Examples from our meetings\n"
		"\n"
		"- *He never listens* → *I said his name twice and he kept looking at the\n"
		"  screen.* (Zoë)\n"
		"- *She's always late* → *she arrived after 9:15 on three days this week.* (the\n"
		"  kick-off exercise)\n" },
	{ E_FOUR, "maren", -18, "nvc, basics, newcomers",
		"## Where to go next\n"
		"\n"
		"Newcomers usually read these in this order:\n"
		"\n"
		"1. [[Observation Versus Evaluation]]\n"
		"2. [[Self-Empathy in Three Breaths]]\n"
		"3. [[The Empathy Guess]]\n"
		"4. [[Requests, Not Demands]]\n" },
	{ E_GUESS, "amara", -7, NULL,
		"## Cheat sheet for the fridge\n"
		"\n"
		"Shared after the repair circle. Print it and stick it up:\n"
		"\n"
		"- *Sounds like…* → a feeling\n"
		"- *Are you wanting…* → a need\n"
		"- *Is it that … really matters to you?* → a value\n"
		"- then **stop talking**\n" },
	{ E_DEESC, "lukasz", -95, NULL,
		"## After a month of trying it\n"
		"\n"
		"- *Sit down* is the strongest move. Twice it ended the shouting within a minute.\n"
		"- Asking *what have they told you so far?* uncovers the real problem\n"
		"  surprisingly often: nobody had explained the wait.\n"
		"- I still get it wrong when I'm tired. The debrief matters more than the\n"
		"  technique.\n" },
	{ E_HANDOVER, "deepa", -85, NULL,
		"## What happened next\n"
		"\n"
		"Four weeks later the clipboard is in use, and both leads call the Monday overlap\n"
		"*the most useful ten minutes of the week*. B admitted he had been avoiding A for\n"
		"a year. One relapse — a missing signature — was sorted out in a two-line chat\n"
		"instead of a complaint. — *Deepa*\n" },
	{ E_CIRCLE, "hanako", -19, NULL,
		"## In other languages\n"
		"\n"
		"Hanako runs this circle at her Japanese–English language exchange; her notes are\n"
		"in [[聴く — Listening in Two Languages]]. A Japanese translation of these\n"
		"guidelines is on its way.\n" },
};
const size_t demo_n_edits = ARRAY_SIZE(demo_edits);

/* "I used this" reports. */
const struct demo_use demo_uses[] = {
	{ E_BREATHS, "lukasz", -100,
	  "Mid-shift, with a frightened relative. It bought me the five seconds I needed." },
	{ E_BREATHS, "zoe", -96,
	  "Kitchen, 7:45, shoes not on. Worked once; the second time I forgot to breathe at all." },
	{ E_BREATHS, "deepa", -91,
	  "Before a disciplinary meeting. I was calmer than the manager." },
	{ E_DEESC, "hanako", -70,
	  "A drunk man walked into the language exchange. Slow and low worked." },
	{ E_CHECKIN, "jonas", -52,
	  "With my team after a failed release: twenty minutes, no blame, two concrete agreements." },
	{ E_REQUESTS, "jonas", -44,
	  "Rewrote my 'be more proactive' as a request and got a yes." },
	{ E_FIVE, "amara", -40,
	  "Questions 1–3 after a fight in form time. Both boys stayed for question 5." },
	{ E_CIRCLE, "hanako", -25,
	  "Twelve people, two languages, one stone." },
	{ E_GUESS, "zoe", -6,
	  "Guessed 'are you worried you'll be left out?' — my daughter nodded, cried, and then we could talk." },
};
const size_t demo_n_uses = ARRAY_SIZE(demo_uses);

const struct demo_read demo_reads[] = {
	{ "jonas", E_MEETINGS, -158 },
	{ "jonas", E_REQUESTS, -45 },
	{ "deepa", E_HANDOVER, -84 },
	{ "rafael", E_CIRCLE, -60 },
	{ "sofia", E_MEETINGS, -20 },
	{ "sofia", E_FOUR, -19 },
	{ "zoe", E_HEDGE, -29 },
	{ "tomas", E_TWOLANG, -19 },
	{ "lukasz", E_GUESS, -7 },
};
const size_t demo_n_reads = ARRAY_SIZE(demo_reads);

/* ---- topics ---- */

const struct demo_topic demo_topics[] = {
	{
		.author = "lukasz", .day = -100, .status = "exploring",
		.title = "How do we keep practising when we're exhausted?",
		.votes = "maren zoe hanako lukasz amara deepa",
		.meetings = { M_SELF_EMPATHY, NONE },
		.entries = { E_BREATHS, NONE },
		.body =
			"Most of us learned NVC when rested. Most of our conflicts happen when we are\n"
			"not: the night shift, the school run, the end of a long week.\n"
			"\n"
			"- What do you do when the three-breaths pause is one breath too many?\n"
			"- Are there *lower-energy* versions of the practices?\n"
			"- Is *I'm too tired to do this well — can we talk tomorrow?* a good enough move?\n"
			"\n"
			"Raised by Łukasz after the self-empathy meeting.\n",
	},
	{
		.author = "amara", .day = -60, .status = "open",
		.title = "A restorative circle pilot at Northfield Academy",
		.votes = "amara tomas zoe maren",
		.meetings = { M_RESTORATIVE, NONE },
		.entries = { E_FIVE, E_PUNISH, NONE },
		.body =
			"Amara would like to replace some detentions in year 7 with restorative circles\n"
			"for one term.\n"
			"\n"
			"## What we could offer\n"
			"\n"
			"1. Two of us co-facilitate the first three circles with Amara.\n"
			"2. Tomás runs a one-hour session for the form tutors.\n"
			"3. We write up what happens as a case.\n"
			"\n"
			"## What's in the way\n"
			"\n"
			"- The head of year wants numbers, not stories.\n"
			"- Safeguarding rules for visitors in school.\n",
	},
	{
		.author = "deepa", .day = -95, .status = "addressed",
		.title = "NVC at work without sounding scripted",
		.votes = "deepa tomas jonas maren",
		.meetings = { M_CLINIC, M_REQUESTS, NONE },
		.entries = { E_NICE, E_CHECKIN, NONE },
		.body =
			"Colleagues roll their eyes at *I feel… because I need…*. How do we use this at\n"
			"work without sounding like a training course?\n"
			"\n"
			"**Addressed** by the case clinic and the requests meeting; the answers are in\n"
			"[[FAQ: Isn't NVC Just Being Nice?]] and [[Restorative Check-ins at Work]].\n",
	},
	{
		.author = "jonas", .day = -70, .status = "parked",
		.title = "A weekend retreat",
		.votes = "jonas hanako",
		.meetings = { NONE },
		.entries = { NONE },
		.body =
			"A weekend away — somewhere with a kitchen and a garden — to go deeper than\n"
			"ninety minutes allow.\n"
			"\n"
			"*Parked at the retrospective:* a lovely idea, but nobody has the time to\n"
			"organise it this half-year. Revisit at the next retrospective.\n",
	},
	{
		.author = "zoe", .day = -8, .status = "open",
		.title = "When \"sorry\" makes it worse",
		.votes = "zoe lukasz amara hanako maren tomas jonas",
		.meetings = { M_REPAIR, M_APOLOGIES, NONE },
		.entries = { E_APOLOGY, E_HEDGE, NONE },
		.body =
			"At the repair circle several of us told stories in which an apology made things\n"
			"*worse*. What is the difference between an apology that lands and one that\n"
			"doesn't?\n"
			"\n"
			"Planned for the next meeting; Zoë is drafting [[Apologies That Land]].\n",
	},
	{
		.author = "maren", .day = -22, .status = "open",
		.title = "Online meetings feel thin",
		.votes = "maren jonas hanako",
		.meetings = { M_RETRO, NONE },
		.entries = { NONE },
		.body =
			"From the retrospective: people who join online say they feel like observers.\n"
			"\n"
			"Ideas so far:\n"
			"\n"
			"- breakout pairs for every practice;\n"
			"- a second facilitator just for the people online;\n"
			"- cameras on for the arrival round, optional after that.\n",
	},
};
const size_t demo_n_topics = ARRAY_SIZE(demo_topics);
