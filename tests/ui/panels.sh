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
key ?
key G
dump health-help
key q
key 1
key ?
key G
dump home-help
key q
key j
dump whoami
SCRIPT

screen home home <<'EOF'
 Daily Nonviolent Living                                                   ME
 1 Home  2 Members  3 Meetings  4 Repertoire  5 Topics  6 Health
 Next meeting                         │ Apologies that land
  Apologies that land     03-06 18:00 │ ═══════════════════
 My open actions                      │
  None: no member has your login      │ 2025-03-06 18:00-19:30 · Linden
 Overdue actions (3 of 7 open)        │ Library, room 2 · planned
  amara: Ask Northfield Academ… 01-25 │
  jonas: Record a five-minute … 02-15 │ Agenda
  maren: Check in with Deepa: … 02-26 │ ──────
 Recent activity                      │
  10 people invited to Open pr… 02-28 │ Facilitator: Zoë
  3 people invited to Apologie… 02-28 │
  Łukasz Nowak declined Apolog… 02-28 │ 1. Arrival round
  5 people accepted Apologies … 02-28 │ 2. Carried over: open actions from the
  Maren Holt accepted Open pra… 02-28 │    last meetings
  maren added meeting Open pra… 02-27 │ 3. Practice: the parts of an apology
  jonas voted topic When "sorr… 02-27 │    that lands — in pairs
  zoe added meeting Apologies … 02-26 │ 4. Story: when sorry made it worse (the
  zoe added entry Apologies Th… 02-25 │    topic with the most votes)
  zoe used entry The Empathy G… 02-23 │ 5. Harvest and check-out
 Suggested introductions              │
  Maren Holt ↔ Tomás Ferreira         │ Read beforehand: the draft entry
Enter open  / search  e edit  d delete  ? help  q quit                     1/23
EOF

screen members members <<'EOF'
 Daily Nonviolent Living                                                   ME
 1 Home  2 Members  3 Meetings  4 Repertoire  5 Topics  6 Health
  Amara Okafor          core   active │ Amara Okafor
  Chloé Martin                 alumni │ ════════════
  Deepa Raman         active   active │
  Ingrid Solberg    inactive prospect │ @amara · active · member · joined
  Jonas Becker        active   active │ 2024-06-24 ·
  Kwame Mensah      inactive prospect │ a.okafor@northfield.example
  Łukasz Nowak          core   active │
  Maren Holt            core   active │ Expertise: restorative-conversations,
  Rafael Duarte                alumni │ schools
  Sofía Castillo  peripheral  invited │
  Tomás Ferreira        core   active │ Interests: de-escalation, parenting
  Zoë Lindqvist         core   active │
  山田 花子 (Hanako Ya… core   active │ Level: core: attended 10 of 12 meetings
                                      │ in the last 180 days
                                      │
                                      │ Connections
                                      │ ───────────
                                      │
                                      │ • Tomás Ferreira[1] (works-with):
                                      │   Planning the restorative circle pilot
                                      │   at Northfield Academy.
Enter open  / filter  i introduce  p pipeline  a add  e edit  ? help       1/13
EOF

screen "j moves the selection and the preview follows" members-j <<'EOF'
 Daily Nonviolent Living                                                   ME
 1 Home  2 Members  3 Meetings  4 Repertoire  5 Topics  6 Health
  Amara Okafor          core   active │ Chloé Martin
  Chloé Martin                 alumni │ ════════════
  Deepa Raman         active   active │
  Ingrid Solberg    inactive prospect │ @chloe · alumni · joined 2023-10-18 ·
  Jonas Becker        active   active │ chloe.martin@example.fr
  Kwame Mensah      inactive prospect │
  Łukasz Nowak          core   active │ Expertise: mindfulness
  Maren Holt            core   active │
  Rafael Duarte                alumni │ Interests: self-empathy
  Sofía Castillo  peripheral  invited │
  Tomás Ferreira        core   active │ Timeline
  Zoë Lindqvist         core   active │ ────────
  山田 花子 (Hanako Ya… core   active │
                                      │ • 2023-10-18 joined
                                      │ • 2024-08-28 added to copse
                                      │ • 2024-09-05 first attended Kick-off:
                                      │   what brings us here?[1]
                                      │
                                      │ Notes
                                      │ ─────
                                      │
Enter open  / filter  i introduce  p pipeline  a add  e edit  ? help       2/13
EOF

screen meetings meetings <<'EOF'
 Daily Nonviolent Living                                                   ME
 1 Home  2 Members  3 Meetings  4 Repertoire  5 Topics  6 Health
 Upcoming                             │ Apologies that land
  2025-03-06  Apologies that land     │ ═══════════════════
  2025-03-20  Open practice night     │
 Past                                 │ 2025-03-06 18:00-19:30 · Linden
  2025-02-20  Listening circle: repa… │ Library, room 2 · planned
  2025-02-06  Half-year retrospectiv… │
  2025-01-23  Practice lab: role-pla… │ Agenda
  2025-01-09  Requests versus demands │ ──────
  2024-12-26  Restorative conversati… │
  2024-12-12  Parenting without puni… │ Facilitator: Zoë
  2024-11-28  Workplace conflict: ca… │
  2024-11-14  Self-empathy when we g… │ 1. Arrival round
  2024-10-31  Listening ci… cancelled │ 2. Carried over: open actions from the
  2024-10-17  De-escalation basics w… │    last meetings
  2024-10-03  Listening circle: hard… │ 3. Practice: the parts of an apology
  2024-09-19  Observation without ev… │    that lands — in pairs
  2024-09-05  Kick-off: what brings … │ 4. Story: when sorry made it worse (the
                                      │    topic with the most votes)
                                      │ 5. Harvest and check-out
                                      │
                                      │ Read beforehand: the draft entry
Enter open  / filter  a add  e edit  d delete  ? help  q quit              1/15
EOF

screen repertoire repertoire <<'EOF'
 Daily Nonviolent Living                                                   ME
 1 Home  2 Members  3 Meetings  4 Repertoire  5 Topics  6 Health
  Apologies That Land           draft │ Apologies That Land
  Bedtime Without a Battle      story │ ═══════════════════
  Case: The Missed Handover      case │
  Case: The Neighbour's Hedge    case │ lesson · draft · by zoe · 2025-02-25 ·
  Consequences Instead of Pun… lesson │ 1 revision
  De-escalating in the Moment  method │
  FAQ: How Do Our Meetings Work?  faq │ Tags: apologies, repair
  FAQ: Isn't NVC Just Being Nice? faq │
  FAQ: What If the Other Person … faq │ Draft for the next meeting — comments
  Feelings and Needs Lists       tool │ welcome in the meeting notes.
  Observation Versus Evaluati… lesson │
  Requests, Not Demands        lesson │ At the repair circle, most of us said
  Restorative Check-ins at Work  tool │ that the apology we had wanted was not
  Running a Listening Circle   method │ sorry but I understand what it cost
  Self-Empathy in Three Breat… method │ you. This entry collects what we know
  The Empathy Guess              tool │ so far.
  The Five Restorative Questi… method │
  The Four Components of NVC   lesson │ An apology that lands
  The Night Shift Shouting Mat… story │ ─────────────────────
  聴く — Listening in Two Lang… story │
                                      │ 1. Names what happened, specifically: I
Enter open  / filter  a add  e edit  d delete  ? help  q quit              1/20
EOF

screen topics topics <<'EOF'
 Daily Nonviolent Living                                                   ME
 1 Home  2 Members  3 Meetings  4 Repertoire  5 Topics  6 Health
  When "sorry" makes it worse 7 votes │ When "sorry" makes it worse
  How do we keep practis… 6 exploring │ ═══════════════════════════
  A restorative circle pilot… 4 votes │
  NVC at work without so… 4 addressed │ open · 7 votes · raised by zoe on
  Online meetings feel thin   3 votes │ 2025-02-21
  A weekend retreat          2 parked │
                                      │ At the repair circle several of us told
                                      │ stories in which an apology made things
                                      │ worse. What is the difference between
                                      │ an apology that lands and one that
                                      │ doesn't?
                                      │
                                      │ Planned for the next meeting; Zoë is
                                      │ drafting Apologies That Land[1].
                                      │
                                      │ Meetings
                                      │ ────────
                                      │
                                      │ • Apologies that land[2]
                                      │ • Listening circle: repair after
                                      │   rupture[3]
Enter open  / filter  v vote  L link  a add  e edit  d delete  ? help       1/6
EOF

screen health health <<'EOF'
 Daily Nonviolent Living                                                   ME
 1 Home  2 Members  3 Meetings  4 Repertoire  5 Topics  6 Health
 Participation, 180 days              │ Participation
  core: above 10-15 %        6 · 55 % │ ─────────────
  active (usual 15-20 %)     2 · 18 % │
  peripheral                  1 · 9 % │ 11 members with a level, over the last
  inactive                   2 · 18 % │ 180 days:
 Trends                               │
  attendance █████▇▇▇▇▇█▆         5-8 │ • core: 6 (55 %), usual 10–15 %, above
  active a month ▁▁▁▁▁███▇▇▇▁     0-9 │ • active: 2 (18 %), usual 15–20 %
  entries a month ▁▁▁▁▁▇▄▄█▅▄▁    0-6 │ • peripheral: 1 (9 %)
 Recruitment (reached, +new)          │ • inactive: 2 (18 %)
  prospect                    13 (+4) │
  invited                     11 (+2) │ Core
  active                      10 (+1) │
  alumni                       2 (+2) │ • Amara Okafor[1]: attended 10 of 12
 Meetings                             │   meetings in the last 180 days
  held in 180 days                 12 │ • Łukasz Nowak[2]: attended 8 of 12
  days between meetings            15 │   meetings in the last 180 days
  next: Apologies that l… 03-06 18:00 │ • Maren Holt[3]: coordinator, attended
 Actions                              │   12 of 12 meetings in the last 180
  open                              7 │   days
  overdue                           3 │ • Tomás Ferreira[4]: in the core group,
Enter open  / filter  A assess  e edit  d delete  ? help  q quit           1/28
EOF

screen "Tab after the last panel wraps to Home" tab-wraps-to-home <<'EOF'
 Daily Nonviolent Living                                                   ME
 1 Home  2 Members  3 Meetings  4 Repertoire  5 Topics  6 Health
 Next meeting                         │ Apologies that land
  Apologies that land     03-06 18:00 │ ═══════════════════
 My open actions                      │
  None: no member has your login      │ 2025-03-06 18:00-19:30 · Linden
 Overdue actions (3 of 7 open)        │ Library, room 2 · planned
  amara: Ask Northfield Academ… 01-25 │
  jonas: Record a five-minute … 02-15 │ Agenda
  maren: Check in with Deepa: … 02-26 │ ──────
 Recent activity                      │
  10 people invited to Open pr… 02-28 │ Facilitator: Zoë
  3 people invited to Apologie… 02-28 │
  Łukasz Nowak declined Apolog… 02-28 │ 1. Arrival round
  5 people accepted Apologies … 02-28 │ 2. Carried over: open actions from the
  Maren Holt accepted Open pra… 02-28 │    last meetings
  maren added meeting Open pra… 02-27 │ 3. Practice: the parts of an apology
  jonas voted topic When "sorr… 02-27 │    that lands — in pairs
  zoe added meeting Apologies … 02-26 │ 4. Story: when sorry made it worse (the
  zoe added entry Apologies Th… 02-25 │    topic with the most votes)
  zoe used entry The Empathy G… 02-23 │ 5. Harvest and check-out
 Suggested introductions              │
  Maren Holt ↔ Tomás Ferreira         │ Read beforehand: the draft entry
Enter open  / search  e edit  d delete  ? help  q quit                     1/23
EOF

screen "Shift-Tab goes back" shift-tab-back-to-health <<'EOF'
 Daily Nonviolent Living                                                   ME
 1 Home  2 Members  3 Meetings  4 Repertoire  5 Topics  6 Health
 Participation, 180 days              │ Participation
  core: above 10-15 %        6 · 55 % │ ─────────────
  active (usual 15-20 %)     2 · 18 % │
  peripheral                  1 · 9 % │ 11 members with a level, over the last
  inactive                   2 · 18 % │ 180 days:
 Trends                               │
  attendance █████▇▇▇▇▇█▆         5-8 │ • core: 6 (55 %), usual 10–15 %, above
  active a month ▁▁▁▁▁███▇▇▇▁     0-9 │ • active: 2 (18 %), usual 15–20 %
  entries a month ▁▁▁▁▁▇▄▄█▅▄▁    0-6 │ • peripheral: 1 (9 %)
 Recruitment (reached, +new)          │ • inactive: 2 (18 %)
  prospect                    13 (+4) │
  invited                     11 (+2) │ Core
  active                      10 (+1) │
  alumni                       2 (+2) │ • Amara Okafor[1]: attended 10 of 12
 Meetings                             │   meetings in the last 180 days
  held in 180 days                 12 │ • Łukasz Nowak[2]: attended 8 of 12
  days between meetings            15 │   meetings in the last 180 days
  next: Apologies that l… 03-06 18:00 │ • Maren Holt[3]: coordinator, attended
 Actions                              │   12 of 12 meetings in the last 180
  open                              7 │   days
  overdue                           3 │ • Tomás Ferreira[4]: in the core group,
Enter open  / filter  A assess  e edit  d delete  ? help  q quit           1/28
EOF

expect_true "the app exits 0 at the end of the script" test "$rc" -eq 0

screen "? on Health: A records an assessment, e and d act on the members, meetings and topics listed" health-help <<'EOF'
 Daily Nonviolent Living                                                   ME
 1 Home  2 Members  3 Meetings  4 Repertoire  5 Topics  6 Health
 • G, End: go to the last line
 • PgDn, Space: page down
 • PgUp: page up
 • C-d: half a page down
 • C-u: half a page up
 • Enter, l, Right: open the selected item
 • Esc, h, Left, Backspace: back
 • /: filter the list (incremental)
 • s: search everything: entries, topics, members and the minutes
 • n: next match
 • N: previous match
 • A: record an assessment: scores, value stories, summary
 • e: edit the selected item in $VISUAL or $EDITOR
 • d: delete, archive or mark done (whatever suits the selected item), after
   y/n
 • u: undo the last delete: bring it back from the trash
 • C-l: redraw the screen
 • ?, F1: show the keys (F1 also on a line being typed)
 • q: back, or quit from the top level

 / narrows the list as you type; Enter keeps the filter, Esc clears it.
j/k scroll  / find  q back                                                  end
EOF
screen "? on Home: e and d for the selected item, no a" home-help <<'EOF'
 Daily Nonviolent Living                                                   ME
 1 Home  2 Members  3 Meetings  4 Repertoire  5 Topics  6 Health
 • PgUp: page up
 • C-d: half a page down
 • C-u: half a page up
 • Enter, l, Right: open the selected item
 • Esc, h, Left, Backspace: back
 • /: search everything (as s does)
 • s: search everything: entries, topics, members and the minutes
 • n: next match
 • N: previous match
 • i: record the selected suggested introduction, with a note
 • x: dismiss the selected suggested introduction: never suggested again
 • e: edit the selected item in $VISUAL or $EDITOR
 • d: delete, archive or mark done (whatever suits the selected item), after
   y/n
 • u: undo the last delete: bring it back from the trash
 • C-l: redraw the screen
 • ?, F1: show the keys (F1 also on a line being typed)
 • q: back, or quit from the top level

 / or s opens the search: entries, topics, members and the minutes, as you
 type.
j/k scroll  / find  q back                                                  end
EOF
expect_grep "Home: with no member for my login, the row's preview says how to set the handle" \
	"│ Who are you here?" "$T/s/whoami"
expect_grep "... with the command to run" "copse member edit ID --handle $ME\$" "$T/s/whoami"

# Once a member has my login as handle, Home lists that member's open
# actions (and not the overdue ones of others there).
c member add "Me Myself" --handle "$ME" >/dev/null
c action add "Water the plants" --owner "$ME" --due 2025-03-10 >/dev/null
c action add "Order the tea" --owner "$ME" >/dev/null
app <<'SCRIPT'
dump home-mine
SCRIPT
# (the rows below show my login in the activity: compare the top only)
head -9 "$T/s/home-mine" >"$T/s/home-mine-top"
screen "Home: my open actions, with their due dates" home-mine-top <<'EOF'
 Daily Nonviolent Living                                                   ME
 1 Home  2 Members  3 Meetings  4 Repertoire  5 Topics  6 Health
 Next meeting                         │ Apologies that land
  Apologies that land     03-06 18:00 │ ═══════════════════
 My open actions                      │
  Water the plants              03-10 │ 2025-03-06 18:00-19:30 · Linden
  Order the tea                       │ Library, room 2 · planned
 Overdue actions (3 of 9 open)        │
  amara: Ask Northfield Academ… 01-25 │ Agenda
EOF
finish
