#!/bin/sh
# panels.sh - the six panels of the demo community at 80x24: header with
# the community and the user, tab bar, list on the left with the selected
# item previewed on the right, status line with hints and position.
. "$(dirname "$0")/lib.sh"
demo

app <<'SCRIPT'
dump home
key 2
dump members
key j
dump members-j
key 3
dump meetings
key 4
dump repertoire
key 5
dump topics
key 6
dump health
key Tab
dump tab-wraps-to-home
key S-Tab
dump shift-tab-back-to-health
SCRIPT

screen home home <<'EOF'
 Daily Nonviolent Living                                                   ME
 1 Home  2 Members  3 Meetings  4 Repertoire  5 Topics  6 Health
 Next meeting                   │ Apologies that land
  Apologies that l… 03-06 18:00 │ ═══════════════════
 My open actions                │
  Nothing open for you          │ 2025-03-06 18:00-19:30 · Linden Library, room
 Recent activity                │ 2 · planned
  maren invited meeting … 02-28 │
  zoe invited meeting So… 02-28 │ Agenda
  lukasz declined meetin… 02-28 │ ──────
  amara accepted meeting… 02-28 │
  maren accepted meeting… 02-28 │ Facilitator: Zoë
  maren added meeting Op… 02-27 │
  jonas voted topic When… 02-27 │ 1. Arrival round
  zoe added meeting Apol… 02-26 │ 2. Carried over: open actions from the last
  zoe added entry Apolog… 02-25 │    meetings
  zoe used entry The Emp… 02-23 │ 3. Practice: the parts of an apology that
 Recent entries                 │    lands — in pairs
  Apologies That Land    lesson │ 4. Story: when sorry made it worse (the topic
  The Empathy Guess        tool │    with the most votes)
  The Four Components o… lesson │ 5. Harvest and check-out
  Running a Listening C… method │
  聴く — Listening in Tw… story │ Read beforehand: the draft entry Apologies
Enter open  / filter  a add  e edit  d delete  ? help  q quit              1/16
EOF

screen members members <<'EOF'
 Daily Nonviolent Living                                                   ME
 1 Home  2 Members  3 Meetings  4 Repertoire  5 Topics  6 Health
  Amara Okafor           active │ Amara Okafor
  Chloé Martin           alumni │ ════════════
  Deepa Raman            active │
  Ingrid Solberg       prospect │ @amara · active · member · joined 2024-06-24
  Jonas Becker           active │ · a.okafor@northfield.example
  Kwame Mensah         prospect │
  Maren Holt        coordinator │ Expertise: restorative-conversations, schools
  Rafael Duarte            core │
  Sofía Castillo        invited │ Interests: de-escalation, parenting
  Tomás Ferreira           core │
  Zoë Lindqvist            core │ Connections
  Łukasz Nowak           active │ ───────────
  山田 花子 (Hanako Yam… active │
                                │ • Tomás Ferreira[1] (works-with): Planning
                                │   the restorative circle pilot at Northfield
                                │   Academy.
                                │
                                │ Open actions
                                │ ────────────
                                │
                                │ • Ask Northfield Academy about a pilot
Enter open  / filter  a add  e edit  d delete  ? help  q quit              1/13
EOF

screen "j moves the selection and the preview follows" members-j <<'EOF'
 Daily Nonviolent Living                                                   ME
 1 Home  2 Members  3 Meetings  4 Repertoire  5 Topics  6 Health
  Amara Okafor           active │ Chloé Martin
  Chloé Martin           alumni │ ════════════
  Deepa Raman            active │
  Ingrid Solberg       prospect │ @chloe · alumni · member · joined 2023-10-18
  Jonas Becker           active │ · chloe.martin@example.fr
  Kwame Mensah         prospect │
  Maren Holt        coordinator │ Expertise: mindfulness
  Rafael Duarte            core │
  Sofía Castillo        invited │ Interests: self-empathy
  Tomás Ferreira           core │
  Zoë Lindqvist            core │ Notes
  Łukasz Nowak           active │ ─────
  山田 花子 (Hanako Yam… active │
                                │ Yoga teacher; came to the first months of
                                │ meetings and stepped back after her second
                                │ child was born. The door is open.
                                │
                                │
                                │
                                │
                                │
Enter open  / filter  a add  e edit  d delete  ? help  q quit              2/13
EOF

screen meetings meetings <<'EOF'
 Daily Nonviolent Living                                                   ME
 1 Home  2 Members  3 Meetings  4 Repertoire  5 Topics  6 Health
 Upcoming                       │ Apologies that land
  2025-03-06  Apologies that l… │ ═══════════════════
  2025-03-20  Open practice ni… │
 Past                           │ 2025-03-06 18:00-19:30 · Linden Library, room
  2025-02-20  Listening circle… │ 2 · planned
  2025-02-06  Half-year retros… │
  2025-01-23  Practice lab: ro… │ Agenda
  2025-01-09  Requests versus … │ ──────
  2024-12-26  Restorative conv… │
  2024-12-12  Parenting withou… │ Facilitator: Zoë
  2024-11-28  Workplace confli… │
  2024-11-14  Self-empathy whe… │ 1. Arrival round
  2024-10-31  Listen… cancelled │ 2. Carried over: open actions from the last
  2024-10-17  De-escalation ba… │    meetings
  2024-10-03  Listening circle… │ 3. Practice: the parts of an apology that
  2024-09-19  Observation with… │    lands — in pairs
  2024-09-05  Kick-off: what b… │ 4. Story: when sorry made it worse (the topic
                                │    with the most votes)
                                │ 5. Harvest and check-out
                                │
                                │ Read beforehand: the draft entry Apologies
Enter open  / filter  a add  e edit  d delete  ? help  q quit              1/15
EOF

screen repertoire repertoire <<'EOF'
 Daily Nonviolent Living                                                   ME
 1 Home  2 Members  3 Meetings  4 Repertoire  5 Topics  6 Health
  Apologies That Land     draft │ Apologies That Land
  Bedtime Without a Batt… story │ ═══════════════════
  Case: The Missed Handov… case │
  Case: The Neighbour's H… case │ lesson · draft · by zoe · 2025-02-25 · 1
  Consequences Instead … lesson │ revision
  De-escalating in the … method │
  FAQ: How Do Our Meetings… faq │ Tags: apologies, repair
  FAQ: Isn't NVC Just Bein… faq │
  FAQ: What If the Other P… faq │ Draft for the next meeting — comments welcome
  Feelings and Needs Lists tool │ in the meeting notes.
  Observation Versus Ev… lesson │
  Requests, Not Demands  lesson │ At the repair circle, most of us said that
  Restorative Check-ins a… tool │ the apology we had wanted was not sorry but I
  Running a Listening C… method │ understand what it cost you. This entry
  Self-Empathy in Three… method │ collects what we know so far.
  The Empathy Guess        tool │
  The Five Restorative … method │ An apology that lands
  The Four Components o… lesson │ ─────────────────────
  The Night Shift Shouti… story │
  聴く — Listening in Tw… story │ 1. Names what happened, specifically: I read
                                │    your message out in the meeting without
Enter open  / filter  a add  e edit  d delete  ? help  q quit              1/20
EOF

screen topics topics <<'EOF'
 Daily Nonviolent Living                                                   ME
 1 Home  2 Members  3 Meetings  4 Repertoire  5 Topics  6 Health
  When "sorry" makes i… 7 votes │ When "sorry" makes it worse
  How do we keep pract… 6 votes │ ═══════════════════════════
  A restorative circle… 4 votes │
  NVC at work without … 4 votes │ open · 7 votes · raised by zoe on 2025-02-21
  Online meetings feel… 3 votes │
  A weekend retreat     2 votes │ At the repair circle several of us told
                                │ stories in which an apology made things
                                │ worse. What is the difference between an
                                │ apology that lands and one that doesn't?
                                │
                                │ Planned for the next meeting; Zoë is drafting
                                │ Apologies That Land.
                                │
                                │ Meetings
                                │ ────────
                                │
                                │ • Apologies that land[2]
                                │ • Listening circle: repair after rupture[3]
                                │
                                │ Entries
                                │ ───────
Enter open  / filter  a add  e edit  d delete  ? help  q quit               1/6
EOF

screen health health <<'EOF'
 Daily Nonviolent Living                                                   ME
 1 Home  2 Members  3 Meetings  4 Repertoire  5 Topics  6 Health
 Members                        │ Community health
  members                    13 │ ════════════════
  prospect                    2 │
  invited                     1 │ Members: 13
  active                      8 │ ───────────
  alumni                      2 │
 Meetings                       │ • prospect: 2
  upcoming                    2 │ • invited: 1
  past                       13 │ • active: 8
 Repertoire                     │ • alumni: 2
  entries                    20 │
 Topics                         │ Meetings
  open topics                 3 │ ────────
 Actions                        │
  open actions                7 │ • upcoming: 2
  overdue                     3 │ • past: 13 (12 held)
                                │
                                │ Repertoire: 20 entries
                                │ ──────────────────────
                                │
                                │ • lesson: 5
Enter open  / filter  a add  e edit  d delete  ? help  q quit              1/11
EOF

screen "Tab after the last panel wraps to Home" tab-wraps-to-home <<'EOF'
 Daily Nonviolent Living                                                   ME
 1 Home  2 Members  3 Meetings  4 Repertoire  5 Topics  6 Health
 Next meeting                   │ Apologies that land
  Apologies that l… 03-06 18:00 │ ═══════════════════
 My open actions                │
  Nothing open for you          │ 2025-03-06 18:00-19:30 · Linden Library, room
 Recent activity                │ 2 · planned
  maren invited meeting … 02-28 │
  zoe invited meeting So… 02-28 │ Agenda
  lukasz declined meetin… 02-28 │ ──────
  amara accepted meeting… 02-28 │
  maren accepted meeting… 02-28 │ Facilitator: Zoë
  maren added meeting Op… 02-27 │
  jonas voted topic When… 02-27 │ 1. Arrival round
  zoe added meeting Apol… 02-26 │ 2. Carried over: open actions from the last
  zoe added entry Apolog… 02-25 │    meetings
  zoe used entry The Emp… 02-23 │ 3. Practice: the parts of an apology that
 Recent entries                 │    lands — in pairs
  Apologies That Land    lesson │ 4. Story: when sorry made it worse (the topic
  The Empathy Guess        tool │    with the most votes)
  The Four Components o… lesson │ 5. Harvest and check-out
  Running a Listening C… method │
  聴く — Listening in Tw… story │ Read beforehand: the draft entry Apologies
Enter open  / filter  a add  e edit  d delete  ? help  q quit              1/16
EOF

screen "Shift-Tab goes back" shift-tab-back-to-health <<'EOF'
 Daily Nonviolent Living                                                   ME
 1 Home  2 Members  3 Meetings  4 Repertoire  5 Topics  6 Health
 Members                        │ Community health
  members                    13 │ ════════════════
  prospect                    2 │
  invited                     1 │ Members: 13
  active                      8 │ ───────────
  alumni                      2 │
 Meetings                       │ • prospect: 2
  upcoming                    2 │ • invited: 1
  past                       13 │ • active: 8
 Repertoire                     │ • alumni: 2
  entries                    20 │
 Topics                         │ Meetings
  open topics                 3 │ ────────
 Actions                        │
  open actions                7 │ • upcoming: 2
  overdue                     3 │ • past: 13 (12 held)
                                │
                                │ Repertoire: 20 entries
                                │ ──────────────────────
                                │
                                │ • lesson: 5
Enter open  / filter  a add  e edit  d delete  ? help  q quit              1/11
EOF

expect_true "the app exits 0 at the end of the script" test "$rc" -eq 0
finish
