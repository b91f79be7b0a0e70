#!/bin/sh
# trash.sh - deleting is undoable in the app: d asks a question that names
# what goes along, with counts; any key but y cancels (and is used up, so
# "d: meet every second Thursday" typed into the wrong screen deletes
# nothing); y moves it to the trash and u brings it back, selected; a
# member with history is offered alumni, not deleted.
. "$(dirname "$0")/lib.sh"
demo
c member add "Noor Haddad" --expertise "tea" >/dev/null
nmeet=$(c meeting list --json | python3 -c 'import json,sys; print(len(json.load(sys.stdin)))')
c meeting show 13 --json >"$T/m13.before"

app <<'SCRIPT'
env EDITOR true
key u
dump nothing-to-undo
key 3
key j
key j
key d
dump confirm
key x
dump cancelled
key Enter
keys "d: meet every second Thursday"
key Esc
key q
key q
quit
SCRIPT
screen "u with nothing deleted in this session says so" nothing-to-undo <<'EOF'
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
  root added member Noor Haddad 03-01 │ Facilitator: Zoë
  10 people invited to Open pr… 02-28 │
  3 people invited to Apologie… 02-28 │ 1. Arrival round
  Łukasz Nowak declined Apolog… 02-28 │ 2. Carried over: open actions from the
  5 people accepted Apologies … 02-28 │    last meetings
  Maren Holt accepted Open pra… 02-28 │ 3. Practice: the parts of an apology
  maren added meeting Open pra… 02-27 │    that lands — in pairs
  jonas voted topic When "sorr… 02-27 │ 4. Story: when sorry made it worse (the
  zoe added meeting Apologies … 02-26 │    topic with the most votes)
  zoe added entry Apologies Th… 02-25 │ 5. Harvest and check-out
 Suggested introductions              │
  Maren Holt ↔ Tomás Ferreira         │ Read beforehand: the draft entry
nothing to undo: you deleted nothing in this session                       1/23
EOF
screen "d names what goes along, with counts, and asks y/n" confirm <<'EOF'
 Daily Nonviolent Living                                                   ME
 1 Home  2 Members  3 Meetings  4 Repertoire  5 Topics  6 Health
 Upcoming                             │ Listening circle: repair after rupture
  2025-03-06  Apologies that land     │ ══════════════════════════════════════
  2025-03-20  Open practice night     │
 Past                                 │ 2025-02-20 18:00-19:30 · Online (video
  2025-02-20  Listening circle: repa… │ link in the invitation) · held
  2025-02-06  Half-year retrospectiv… │
  2025-01-23  Practice lab: role-pla… │ Agenda
  2025-01-09  Requests versus demands │ ──────
  2024-12-26  Restorative conversati… │
  2024-12-12  Parenting without puni… │ Circle facilitated by Zoë.
  2024-11-28  Workplace conflict: ca… │
  2024-11-14  Self-empathy when we g… │ 1. Guidelines
  2024-10-31  Listening ci… cancelled │ 2. Round 1: a relationship where
  2024-10-17  De-escalation basics w… │    something broke
  2024-10-03  Listening circle: hard… │ 3. Round 2: what would a good repair
  2024-09-19  Observation without ev… │    look like?
  2024-09-05  Kick-off: what brings … │ 4. Round 3: what stays with you?
                                      │ 5. Check-out
                                      │
                                      │ Attendance
                                      │ ──────────
Trash meeting 'Listening circle:…' with 4 notes, 3 actions and attendance? y/n
EOF
screen "any other key cancels: nothing changed" cancelled <<'EOF'
 Daily Nonviolent Living                                                   ME
 1 Home  2 Members  3 Meetings  4 Repertoire  5 Topics  6 Health
 Upcoming                             │ Listening circle: repair after rupture
  2025-03-06  Apologies that land     │ ══════════════════════════════════════
  2025-03-20  Open practice night     │
 Past                                 │ 2025-02-20 18:00-19:30 · Online (video
  2025-02-20  Listening circle: repa… │ link in the invitation) · held
  2025-02-06  Half-year retrospectiv… │
  2025-01-23  Practice lab: role-pla… │ Agenda
  2025-01-09  Requests versus demands │ ──────
  2024-12-26  Restorative conversati… │
  2024-12-12  Parenting without puni… │ Circle facilitated by Zoë.
  2024-11-28  Workplace conflict: ca… │
  2024-11-14  Self-empathy when we g… │ 1. Guidelines
  2024-10-31  Listening ci… cancelled │ 2. Round 1: a relationship where
  2024-10-17  De-escalation basics w… │    something broke
  2024-10-03  Listening circle: hard… │ 3. Round 2: what would a good repair
  2024-09-19  Observation without ev… │    look like?
  2024-09-05  Kick-off: what brings … │ 4. Round 3: what stays with you?
                                      │ 5. Check-out
                                      │
                                      │ Attendance
                                      │ ──────────
nothing changed                                                            3/15
EOF
after=$(c meeting list --json | python3 -c 'import json,sys; print(len(json.load(sys.stdin)))')
expect_true "typing 'd: meet every second Thursday' into a meeting deleted nothing" \
	test "$after" = "$nmeet"
c trash >"$T/trash"
expect_grep "... and nothing is in the trash" '^the trash is empty$' "$T/trash"

app <<'SCRIPT'
key 3
key j
key j
key d
key y
dump deleted
key u
dump undone
key 5
key d
key y
key 2
key 5
dump topic-deleted
key u
dump topic-undone
key 2
key /
keys noor
key Enter
key d
dump member-confirm
key y
dump member-trashed
key u
dump member-undone
key Esc
key /
keys lindqvist
key Enter
key d
dump alumni-offer
key y
dump alumni
quit
SCRIPT
screen "y moves the meeting to the trash" deleted <<'EOF'
 Daily Nonviolent Living                                                   ME
 1 Home  2 Members  3 Meetings  4 Repertoire  5 Topics  6 Health
 Upcoming                             │ Half-year retrospective and harvest
  2025-03-06  Apologies that land     │ ═══════════════════════════════════
  2025-03-20  Open practice night     │
 Past                                 │ 2025-02-06 18:00-19:30 · Linden
  2025-02-06  Half-year retrospectiv… │ Library, room 2 · held
  2025-01-23  Practice lab: role-pla… │
  2025-01-09  Requests versus demands │ Agenda
  2024-12-26  Restorative conversati… │ ──────
  2024-12-12  Parenting without puni… │
  2024-11-28  Workplace conflict: ca… │ Half a year of meeting every other
  2024-11-14  Self-empathy when we g… │ week: time to look back.
  2024-10-31  Listening ci… cancelled │
  2024-10-17  De-escalation basics w… │ 1. What went well? (sticky notes, 10
  2024-10-03  Listening circle: hard… │    min)
  2024-09-19  Observation without ev… │ 2. What didn't? (sticky notes, 10 min)
  2024-09-05  Kick-off: what brings … │ 3. Themes and decisions
                                      │ 4. Harvest: what is missing from the
                                      │    repertoire?
                                      │ 5. Open actions — carry over or drop?
                                      │
                                      │ Numbers to look at
meeting 13 moved to the trash (u brings it back)                           3/14
EOF
screen "u brings it back with what went with it, selected" undone <<'EOF'
 Daily Nonviolent Living                                                   ME
 1 Home  2 Members  3 Meetings  4 Repertoire  5 Topics  6 Health
 Upcoming                             │ Listening circle: repair after rupture
  2025-03-06  Apologies that land     │ ══════════════════════════════════════
  2025-03-20  Open practice night     │
 Past                                 │ 2025-02-20 18:00-19:30 · Online (video
  2025-02-20  Listening circle: repa… │ link in the invitation) · held
  2025-02-06  Half-year retrospectiv… │
  2025-01-23  Practice lab: role-pla… │ Agenda
  2025-01-09  Requests versus demands │ ──────
  2024-12-26  Restorative conversati… │
  2024-12-12  Parenting without puni… │ Circle facilitated by Zoë.
  2024-11-28  Workplace conflict: ca… │
  2024-11-14  Self-empathy when we g… │ 1. Guidelines
  2024-10-31  Listening ci… cancelled │ 2. Round 1: a relationship where
  2024-10-17  De-escalation basics w… │    something broke
  2024-10-03  Listening circle: hard… │ 3. Round 2: what would a good repair
  2024-09-19  Observation without ev… │    look like?
  2024-09-05  Kick-off: what brings … │ 4. Round 3: what stays with you?
                                      │ 5. Check-out
                                      │
                                      │ Attendance
                                      │ ──────────
restored meeting 'Listening c…' with 4 notes, 3 actions and attendance     3/15
EOF
screen "a topic deleted from another panel" topic-deleted <<'EOF'
 Daily Nonviolent Living                                                   ME
 1 Home  2 Members  3 Meetings  4 Repertoire  5 Topics  6 Health
  How do we keep practis… 6 exploring │ How do we keep practising when we're
  A restorative circle pilot… 4 votes │ exhausted?
  NVC at work without so… 4 addressed │ ════════════════════════════════════
  Online meetings feel thin   3 votes │
  A weekend retreat          2 parked │ exploring · 6 votes · raised by lukasz
                                      │ on 2024-11-21
                                      │
                                      │ Most of us learned NVC when rested.
                                      │ Most of our conflicts happen when we
                                      │ are not: the night shift, the school
                                      │ run, the end of a long week.
                                      │
                                      │ • What do you do when the three-breaths
                                      │   pause is one breath too many?
                                      │ • Are there lower-energy versions of
                                      │   the practices?
                                      │ • Is I'm too tired to do this well —
                                      │   can we talk tomorrow? a good enough
                                      │   move?
                                      │
                                      │ Raised by Łukasz after the self-empathy
Enter open  / filter  v vote  L link  a add  e edit  d delete  ? help       1/5
EOF
screen "u in another panel still undoes it" topic-undone <<'EOF'
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
restored topic 'When "sorry" makes it worse' with 7 votes                   1/6
EOF
screen "a member without history: to the trash, with their tags" member-confirm <<'EOF'
 Daily Nonviolent Living                                                   ME
 1 Home  2 Members  3 Meetings  4 Repertoire  5 Topics  6 Health
  Noor Haddad       inactive prospect │ Noor Haddad
                                      │ ═══════════
                                      │
                                      │ prospect · member
                                      │
                                      │ Expertise: tea
                                      │
                                      │ Level: inactive: nothing in the last
                                      │ 365 days (no login handle: only
                                      │ attendance counts)
                                      │
                                      │ Timeline
                                      │ ────────
                                      │
                                      │ • 2025-03-01 added to copse
                                      │
                                      │
                                      │
                                      │
                                      │
                                      │
Move the member 'Noor Haddad' with their 1 tag to the trash? y/n
EOF
screen "the member is in the trash" member-trashed <<'EOF'
 Daily Nonviolent Living                                                   ME
 1 Home  2 Members  3 Meetings  4 Repertoire  5 Topics  6 Health
 no match                             │
                                      │
                                      │
                                      │
                                      │
                                      │
                                      │
                                      │
                                      │
                                      │
                                      │
                                      │
                                      │
                                      │
                                      │
                                      │
                                      │
                                      │
                                      │
                                      │
                                      │
member 14 moved to the trash (u brings it back)
EOF
screen "u brings the member back" member-undone <<'EOF'
 Daily Nonviolent Living                                                   ME
 1 Home  2 Members  3 Meetings  4 Repertoire  5 Topics  6 Health
  Noor Haddad       inactive prospect │ Noor Haddad
                                      │ ═══════════
                                      │
                                      │ prospect · member
                                      │
                                      │ Expertise: tea
                                      │
                                      │ Level: inactive: nothing in the last
                                      │ 365 days (no login handle: only
                                      │ attendance counts)
                                      │
                                      │ Timeline
                                      │ ────────
                                      │
                                      │ • 2025-03-01 added to copse
                                      │
                                      │
                                      │
                                      │
                                      │
                                      │
restored member 'Noor Haddad' with 1 tag                                    1/1
EOF
screen "a member with history is offered alumni, not deleted" alumni-offer <<'EOF'
 Daily Nonviolent Living                                                   ME
 1 Home  2 Members  3 Meetings  4 Repertoire  5 Topics  6 Health
  Zoë Lindqvist         core   active │ Zoë Lindqvist
                                      │ ═════════════
                                      │
                                      │ @zoe · active · core · joined
                                      │ 2023-04-01 ·
                                      │ zoe.lindqvist@posteo.example
                                      │
                                      │ Expertise: nvc, parenting, self-empathy
                                      │
                                      │ Interests: listening-circles, schools
                                      │
                                      │ Level: core: in the core group,
                                      │ attended 12 of 12 meetings in the last
                                      │ 180 days
                                      │
                                      │ Connections
                                      │ ───────────
                                      │
                                      │ • Maren Holt[1] (mentors): Zoë is
Zoë Lindqvist has history (14 meetings, 4 actions, 1 connection, 8 notes
written, 4 entries written, 1 topic raised, 3 votes): make them alumni instead?
y/n
EOF
screen "y makes them alumni" alumni <<'EOF'
 Daily Nonviolent Living                                                   ME
 1 Home  2 Members  3 Meetings  4 Repertoire  5 Topics  6 Health
  Zoë Lindqvist                alumni │ Zoë Lindqvist
                                      │ ═════════════
                                      │
                                      │ @zoe · alumni · was core · joined
                                      │ 2023-04-01 ·
                                      │ zoe.lindqvist@posteo.example
                                      │
                                      │ Expertise: nvc, parenting, self-empathy
                                      │
                                      │ Interests: listening-circles, schools
                                      │
                                      │ Connections
                                      │ ───────────
                                      │
                                      │ • Maren Holt[1] (mentors): Zoë is
                                      │   learning to facilitate; they debrief
                                      │   after each meeting she leads.
                                      │
                                      │ Open actions
                                      │ ────────────
                                      │
Zoë Lindqvist is alumni now (u undoes)                                      1/1
EOF
c meeting show 13 --json >"$T/m13.after"
expect_true "the meeting came back whole: notes, attendance, actions" cmp "$T/m13.before" "$T/m13.after"
expect_grep "... (it has notes)" '"note_count": 4' "$T/m13.after"
c member show 3 --json >"$T/zoe"
expect_grep "Zoë is alumni now" '"status": "alumni"' "$T/zoe"
c trash >"$T/trash"
expect_grep "everything undone: the trash is empty" '^the trash is empty$' "$T/trash"
finish
