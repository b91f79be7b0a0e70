#!/bin/sh
# health.sh - the Health panel on the demo community: the participation
# mix against the usual shape, sparklines (ASCII without UTF-8), funnel,
# meetings, actions, waiting topics, level moves and the assessment; A
# records an assessment in the editor (a score out of range comes back
# with why); and the people keys: i and x on Home's suggestions, i, p and
# D on Members, v and L on Topics; someone who may only read gets none.
. "$(dirname "$0")/lib.sh"
demo
FE="sh $(cd "$(dirname "$0")/../tools" && pwd)/fake-editor.sh"
# a topic waiting for a meeting or an entry since January
COPSE_NOW=2025-01-20T10:00:00Z c topic add "Apologies across languages" >/dev/null

# D: the development note is written in the editor, as many lines of
# Markdown as it takes
cat >"$T/devnote-editor.sh" <<EOF
cp "\$1" "$T/devnote-form"
printf 'Ready to co-host in spring.\n\nFirst:\n\n- shadow Zo\303\253 at *two* circles\n- then lead the check-in\n' >>"\$1"
EOF
cat >"$T/assess-editor.sh" <<EOF
if [ -f "$T/assessed-once" ]; then
	cp "\$1" "$T/second-form"
	sed -e 's/^Community: 6\$/Community: 3/' "\$1" >"\$1.x" && cat "\$1.x" >"\$1"
else
	touch "$T/assessed-once"
	cp "\$1" "$T/first-form"
	sed -e 's/^Domain: *\$/Domain: 4/' -e 's/^Community: *\$/Community: 6/' \
		-e 's/^Practice: *\$/Practice: 2/' -e 's/^Summary: *\$/Summary: A good winter/' \
		-e 's/^applied: *\$/applied: Amara used the apology steps at school./' \
		"\$1" >"\$1.x" && cat "\$1.x" >"\$1"
fi
rm -f "\$1.x"
EOF

app <<SCRIPT
key 6
dump health
key j
dump health-active
key G
dump health-end
# A: the form comes back with why until the scores are right (the
# editor gives a 6 the first time, then reads the note and fixes it)
env EDITOR sh $T/assess-editor.sh
key A
dump assessed
key Enter
dump assessment-page
key G
dump assessment-stories
key q
# Members: p moves Ingrid (a prospect) on, i introduces her, D notes
key 2
dump members
key j
key j
key j
key p
dump pipeline-asks
key y
dump pipeline-moved
key i
keys zoe
key Enter
dump introduce-note
keys "both garden"
key Enter
dump introduced
env EDITOR sh $T/devnote-editor.sh
key D
dump devnote
key Enter
key G
dump devnote-page
key q
env EDITOR $FE keep
key D
dump devnote-unchanged
# Topics: v votes and takes the vote back; L links the waiting topic
key 5
key v
dump voted
key v
dump unvoted
key G
key L
key e
keys "Apologies That Land"
key Enter
dump linked
key 6
key G
dump health-after
# Home: i records the selected suggestion, x dismisses one
key 1
key G
key k
key k
key k
key k
key k
dump home-suggestion
key i
key Enter
dump home-introduced
key G
key k
key k
key k
key k
key k
key x
key y
dump home-dismissed
SCRIPT

screen "Health: the mix against the usual shape, trends, funnel, meetings" health <<'EOF'
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
screen "the preview of a level lists its members with why" health-active <<'EOF'
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
  invited                     11 (+2) │ Active
  active                      10 (+1) │
  alumni                       2 (+2) │ • Deepa Raman[1]: attended 4 of 12
 Meetings                             │   meetings, 1 note, 1 topic raised in
  held in 180 days                 12 │   the last 180 days
  days between meetings            15 │ • Jonas Becker[2]: attended 6 of 12
  next: Apologies that l… 03-06 18:00 │   meetings, 4 notes, 1 topic raised in
 Actions                              │   the last 180 days
  open                              7 │
  overdue                           3 │
Enter open  / filter  A assess  e edit  d delete  ? help  q quit           2/28
EOF
screen "the end: waiting topics, moves, no assessment yet" health-end <<'EOF'
 Daily Nonviolent Living                                                   ME
 1 Home  2 Members  3 Meetings  4 Repertoire  5 Topics  6 Health
  held in 180 days                 12 │ Assessment
  days between meetings            15 │ ──────────
  next: Apologies that l… 03-06 18:00 │
 Actions                              │ No assessment recorded yet.
  open                              7 │
  overdue                           3 │
 Waiting topics (1)                   │
  Apologies across languages     40 d │
 Moved in 180 days (10)               │
  Amara Okafor: inactive → core       │
  Łukasz Nowak: inactive → core       │
  山田 花子 (Hanako Yamada): inactiv… │
  Jonas Becker: new → active          │
  Deepa Raman: inactive → active      │
  Sofía Castillo: new → peripheral    │
  Ingrid Solberg: new → inactive      │
  Kwame Mensah: new → inactive        │
  Rafael Duarte: core → alumni        │
  Chloé Martin: inactive → alumni     │
 Assessment                           │
  none yet: A records one             │
Enter open  / filter  A assess  e edit  d delete  ? help  q quit          28/28
EOF
expect_true "A opens a form with the scores and one story of each cycle" \
	grep -qx "reframing: " "$T/first-form"
expect_grep "a score out of range comes back with why" "^#! line 2: Community '6': must be 1 to 5$" "$T/second-form"
screen "A: the assessment recorded, compared and listed" assessed <<'EOF'
 Daily Nonviolent Living                                                   ME
 1 Home  2 Members  3 Meetings  4 Repertoire  5 Topics  6 Health
  attendance █████▇▇▇▇▇█▆         5-8 │ Assessment of 2025-03-01
  active a month ▁▁▁▁▁███▇▇▇▁     0-9 │ ════════════════════════
  entries a month ▁▁▁▁▁▇▄▄█▅▄▁    0-6 │
 Recruitment (reached, +new)          │ Recorded by ME on 2025-03-01.
  prospect                    13 (+4) │
  invited                     11 (+2) │ • domain: 4
  active                      10 (+1) │ • community: 3
  alumni                       2 (+2) │ • practice: 2
 Meetings                             │
  held in 180 days                 12 │ The community then:
  days between meetings            15 │
  next: Apologies that l… 03-06 18:00 │ • members with a level: 11
 Actions                              │ • core: 6
  open                              7 │ • active: 2
  overdue                           3 │ • meetings held: 12
 Waiting topics (1)                   │ • entries: 20
  Apologies across languages     40 d │ • overdue actions: 3
 Moved since 2025-03-01 (0)           │ • waiting topics: 1
  nobody moved                        │
 Assessment                           │ Summary
  last: 2025-03-01              4 3 2 │
assessment 1 added                                                        19/19
EOF
screen "an assessment's page" assessment-page <<'EOF'
 Daily Nonviolent Living                                                   ME
 1 Home  2 Members  3 Meetings  4 Repertoire  5 Topics  6 Health
 Assessment of 2025-03-01
 ════════════════════════

 Recorded by ME on 2025-03-01.

 • domain: 4
 • community: 3
 • practice: 2

 The community then:

 • members with a level: 11
 • core: 6
 • active: 2
 • meetings held: 12
 • entries: 20
 • overdue actions: 3
 • waiting topics: 1

 Summary

Tab links  Enter follow  Bksp back  / find  ? help                          top
EOF
screen "Members: the level, then the status" members <<'EOF'
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
                                      │ Assessed: 2025-03-01 core
                                      │
                                      │ Connections
                                      │ ───────────
                                      │
                                      │ • Tomás Ferreira[1] (works-with):
Enter open  / filter  i introduce  p pipeline  a add  e edit  ? help       1/13
EOF
screen "the stories of the assessment" assessment-stories <<'EOF'
 Daily Nonviolent Living                                                   ME
 1 Home  2 Members  3 Meetings  4 Repertoire  5 Topics  6 Health
 • domain: 4
 • community: 3
 • practice: 2

 The community then:

 • members with a level: 11
 • core: 6
 • active: 2
 • meetings held: 12
 • entries: 20
 • overdue actions: 3
 • waiting topics: 1

 Summary

 A good winter

 Value stories

 applied: Amara used the apology steps at school.
Tab links  Enter follow  Bksp back  / find  ? help                          end
EOF
screen "p asks before it moves a member along the pipeline" pipeline-asks <<'EOF'
 Daily Nonviolent Living                                                   ME
 1 Home  2 Members  3 Meetings  4 Repertoire  5 Topics  6 Health
  Amara Okafor          core   active │ Ingrid Solberg
  Chloé Martin                 alumni │ ══════════════
  Deepa Raman         active   active │
  Ingrid Solberg    inactive prospect │ prospect · member ·
  Jonas Becker        active   active │ ingrid.solberg@example.net
  Kwame Mensah      inactive prospect │
  Łukasz Nowak          core   active │ Interests: parenting, self-empathy
  Maren Holt            core   active │
  Rafael Duarte                alumni │ Level: inactive: nothing in the last
  Sofía Castillo  peripheral  invited │ 365 days (no login handle: only
  Tomás Ferreira        core   active │ attendance counts)
  Zoë Lindqvist         core   active │
  山田 花子 (Hanako Ya… core   active │ Assessed: 2025-03-01 inactive
                                      │
                                      │ Suggested introductions
                                      │ ───────────────────────
                                      │
                                      │ • Zoë Lindqvist[1]: Zoë Lindqvist knows
                                      │   about parenting and self-empathy,
                                      │   which interest Ingrid Solberg
                                      │ • Amara Okafor[2]: both are interested
Move Ingrid Solberg from prospect to invited? y/n
EOF
screen "p: a prospect is invited" pipeline-moved <<'EOF'
 Daily Nonviolent Living                                                   ME
 1 Home  2 Members  3 Meetings  4 Repertoire  5 Topics  6 Health
  Amara Okafor          core   active │ Ingrid Solberg
  Chloé Martin                 alumni │ ══════════════
  Deepa Raman         active   active │
  Ingrid Solberg    inactive  invited │ invited · member ·
  Jonas Becker        active   active │ ingrid.solberg@example.net
  Kwame Mensah      inactive prospect │
  Łukasz Nowak          core   active │ Interests: parenting, self-empathy
  Maren Holt            core   active │
  Rafael Duarte                alumni │ Level: inactive: nothing in the last
  Sofía Castillo  peripheral  invited │ 365 days (no login handle: only
  Tomás Ferreira        core   active │ attendance counts)
  Zoë Lindqvist         core   active │
  山田 花子 (Hanako Ya… core   active │ Assessed: 2025-03-01 inactive
                                      │
                                      │ Suggested introductions
                                      │ ───────────────────────
                                      │
                                      │ • Zoë Lindqvist[1]: Zoë Lindqvist knows
                                      │   about parenting and self-empathy,
                                      │   which interest Ingrid Solberg
                                      │ • Amara Okafor[2]: both are interested
Ingrid Solberg is invited now                                              4/13
EOF
screen "i asks for a note" introduce-note <<'EOF'
 Daily Nonviolent Living                                                   ME
 1 Home  2 Members  3 Meetings  4 Repertoire  5 Topics  6 Health
  Amara Okafor          core   active │ Ingrid Solberg
  Chloé Martin                 alumni │ ══════════════
  Deepa Raman         active   active │
  Ingrid Solberg    inactive  invited │ invited · member ·
  Jonas Becker        active   active │ ingrid.solberg@example.net
  Kwame Mensah      inactive prospect │
  Łukasz Nowak          core   active │ Interests: parenting, self-empathy
  Maren Holt            core   active │
  Rafael Duarte                alumni │ Level: inactive: nothing in the last
  Sofía Castillo  peripheral  invited │ 365 days (no login handle: only
  Tomás Ferreira        core   active │ attendance counts)
  Zoë Lindqvist         core   active │
  山田 花子 (Hanako Ya… core   active │ Assessed: 2025-03-01 inactive
                                      │
                                      │ Suggested introductions
                                      │ ───────────────────────
                                      │
                                      │ • Zoë Lindqvist[1]: Zoë Lindqvist knows
                                      │   about parenting and self-empathy,
                                      │   which interest Ingrid Solberg
                                      │ • Amara Okafor[2]: both are interested
Introduce Ingrid Solberg to Zoë Lindqvist, note:
EOF
screen "i: the introduction is recorded" introduced <<'EOF'
 Daily Nonviolent Living                                                   ME
 1 Home  2 Members  3 Meetings  4 Repertoire  5 Topics  6 Health
  Amara Okafor          core   active │ Ingrid Solberg
  Chloé Martin                 alumni │ ══════════════
  Deepa Raman         active   active │
  Ingrid Solberg    inactive  invited │ invited · member ·
  Jonas Becker        active   active │ ingrid.solberg@example.net
  Kwame Mensah      inactive prospect │
  Łukasz Nowak          core   active │ Interests: parenting, self-empathy
  Maren Holt            core   active │
  Rafael Duarte                alumni │ Level: inactive: nothing in the last
  Sofía Castillo  peripheral  invited │ 365 days (no login handle: only
  Tomás Ferreira        core   active │ attendance counts)
  Zoë Lindqvist         core   active │
  山田 花子 (Hanako Ya… core   active │ Assessed: 2025-03-01 inactive
                                      │
                                      │ Connections
                                      │ ───────────
                                      │
                                      │ • Zoë Lindqvist[1] (introduced): both
                                      │   garden
                                      │
                                      │ Suggested introductions
introduced Ingrid Solberg to Zoë Lindqvist                                 4/13
EOF
screen "D: a development note" devnote <<'EOF'
 Daily Nonviolent Living                                                   ME
 1 Home  2 Members  3 Meetings  4 Repertoire  5 Topics  6 Health
  Amara Okafor          core   active │ Ingrid Solberg
  Chloé Martin                 alumni │ ══════════════
  Deepa Raman         active   active │
  Ingrid Solberg    inactive  invited │ invited · member ·
  Jonas Becker        active   active │ ingrid.solberg@example.net
  Kwame Mensah      inactive prospect │
  Łukasz Nowak          core   active │ Interests: parenting, self-empathy
  Maren Holt            core   active │
  Rafael Duarte                alumni │ Level: inactive: nothing in the last
  Sofía Castillo  peripheral  invited │ 365 days (no login handle: only
  Tomás Ferreira        core   active │ attendance counts)
  Zoë Lindqvist         core   active │
  山田 花子 (Hanako Ya… core   active │ Assessed: 2025-03-01 inactive
                                      │
                                      │ Connections
                                      │ ───────────
                                      │
                                      │ • Zoë Lindqvist[1] (introduced): both
                                      │   garden
                                      │
                                      │ Suggested introductions
development note added (on Ingrid Solberg's page)                          4/13
EOF
for line in "Ready to co-host in spring." "First:" "• shadow Zoë at two circles" \
	"• then lead the check-in"; do
	expect_grep "the note in full on the member's page: $line" "^ $line\$" "$T/s/devnote-page"
done
expect_grep "D opens the editor saying what it is for" \
	"^#! A development note on Ingrid Solberg: Markdown, as many lines as it\$" "$T/devnote-form"
expect_grep "D left unchanged adds nothing" "^nothing written; no note added " "$T/s/devnote-unchanged"
expect_true "... and keeps no draft" sh -c "! ls '$XDG_STATE_HOME/copse/drafts' 2>/dev/null | grep -q devnote"
expect_true "one note stored, all its lines" sh -c "'$COPSE_BIN' --db '$DB' export --json - | grep -c 'spring.*First:.*then lead the check-in' | grep -qx 1"
screen "v votes" voted <<'EOF'
 Daily Nonviolent Living                                                   ME
 1 Home  2 Members  3 Meetings  4 Repertoire  5 Topics  6 Health
  When "sorry" makes it worse 8 votes │ When "sorry" makes it worse
  How do we keep practis… 6 exploring │ ═══════════════════════════
  A restorative circle pilot… 4 votes │
  NVC at work without so… 4 addressed │ open · 8 votes (yours too) · raised by
  Online meetings feel thin   3 votes │ zoe on 2025-02-21
  A weekend retreat          2 parked │
  Apologies across languages  0 votes │ At the repair circle several of us told
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
voted (8 votes now)                                                         1/7
EOF
screen "v again takes the vote back" unvoted <<'EOF'
 Daily Nonviolent Living                                                   ME
 1 Home  2 Members  3 Meetings  4 Repertoire  5 Topics  6 Health
  When "sorry" makes it worse 7 votes │ When "sorry" makes it worse
  How do we keep practis… 6 exploring │ ═══════════════════════════
  A restorative circle pilot… 4 votes │
  NVC at work without so… 4 addressed │ open · 7 votes · raised by zoe on
  Online meetings feel thin   3 votes │ 2025-02-21
  A weekend retreat          2 parked │
  Apologies across languages  0 votes │ At the repair circle several of us told
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
your vote is taken back (7 left)                                            1/7
EOF
screen "L links a topic to an entry by its title" linked <<'EOF'
 Daily Nonviolent Living                                                   ME
 1 Home  2 Members  3 Meetings  4 Repertoire  5 Topics  6 Health
  When "sorry" makes it worse 7 votes │ Apologies across languages
  How do we keep practis… 6 exploring │ ══════════════════════════
  A restorative circle pilot… 4 votes │
  NVC at work without so… 4 addressed │ open · 0 votes · raised by ME on
  Online meetings feel thin   3 votes │ 2025-01-20
  A weekend retreat          2 parked │
  Apologies across languages  0 votes │ Entries
                                      │ ───────
                                      │
                                      │ • Apologies That Land[1] (draft)
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
topic 7 linked to entry 19, Apologies That Land                             7/7
EOF
screen "a linked topic waits no more; the assessment is listed" health-after <<'EOF'
 Daily Nonviolent Living                                                   ME
 1 Home  2 Members  3 Meetings  4 Repertoire  5 Topics  6 Health
  attendance █████▇▇▇▇▇█▆         5-8 │ Assessment of 2025-03-01
  active a month ▁▁▁▁▁███▇▇▇▁     0-9 │ ════════════════════════
  entries a month ▁▁▁▁▁▇▄▄█▅▄▁    0-6 │
 Recruitment (reached, +new)          │ Recorded by ME on 2025-03-01.
  prospect                    13 (+4) │
  invited                     12 (+3) │ • domain: 4
  active                      10 (+1) │ • community: 3
  alumni                       2 (+2) │ • practice: 2
 Meetings                             │
  held in 180 days                 12 │ The community then:
  days between meetings            15 │
  next: Apologies that l… 03-06 18:00 │ • members with a level: 11
 Actions                              │ • core: 6
  open                              7 │ • active: 2
  overdue                           3 │ • meetings held: 12
 Waiting topics (0)                   │ • entries: 20
  none waiting                        │ • overdue actions: 3
 Moved since 2025-03-01 (0)           │ • waiting topics: 1
  nobody moved                        │
 Assessment                           │ Summary
  last: 2025-03-01              4 3 2 │
Enter open  / filter  A assess  e edit  d delete  ? help  q quit          19/19
EOF
# (Home's activity names the login: these are checked line by line)
expect_grep "Home lists suggested introductions" "^ Suggested introductions  *│" "$T/s/home-suggestion"
expect_grep "... each previewed with its reason" "│ Maren Holt knows about facilitation,$" "$T/s/home-suggestion"
expect_grep "i on Home records the selected suggestion" "^introduced Maren Holt to Deepa Raman  " "$T/s/home-introduced"
expect_true "... which is no longer suggested" sh -c "! grep -q 'Maren Holt ↔ Deepa Raman' '$T/s/home-introduced'"
expect_grep "x on Home dismisses one" "^suggestion dismissed  " "$T/s/home-dismissed"
expect_true "... which is gone for good" sh -c "! grep -q 'Zoë Lindqvist ↔ Amara Okafor' '$T/s/home-dismissed' && '$COPSE_BIN' --db '$DB' suggest --json | grep -q '\"a_name\": \"Zoë Lindqvist\",' && ! '$COPSE_BIN' --db '$DB' suggest --limit 100 | grep -q 'Zoë Lindqvist  *6  Amara'"

# ---- sparklines in ASCII without a UTF-8 locale ----
LC_ALL=C app <<'SCRIPT'
key 6
dump ascii-health
SCRIPT
expect_grep "LC_ALL=C: sparklines in ASCII" "^  attendance #####\*\*\*\*\*#+  *5-8 |" "$T/s/ascii-health"
expect_true "LC_ALL=C: the Health panel is pure ASCII" sh -c "! LC_ALL=C grep -q '[^ -~]' '$T/s/ascii-health'"

# ---- someone who may only read: none of these keys ----
reader_dir health-ro
c backup "$R/ro.db"
chmod 444 "$R/ro.db"
chmod 777 "$R"
printf 'key 6\ndump ro-health\nkey A\ndump ro-assess\nkey 2\ndump ro-members\nkey p\ndump ro-p\nkey 5\nkey v\ndump ro-v\n' >"$R/script"
chmod 644 "$R/script"
(cd "$R" && as_reader env HOME="$R" XDG_STATE_HOME="$R/state" COPSE_SCRIPT="$R/script" \
	"$R/copse" --db "$R/ro.db" </dev/null >/dev/null 2>&1)
expect_grep "a reader sees the Health panel" "^ Participation, 180 days" "$R/ro-health"
expect_true "... without A in the hints" sh -c "! grep -q 'A assess' '$R/ro-health'"
expect_grep "... and A says why it does nothing" "^Read-only for you" "$R/ro-assess"
expect_true "no i or p on Members for a reader" sh -c "! grep -q 'i introduce\\|p pipeline' '$R/ro-members'"
expect_grep "... p says why" "^Read-only for you" "$R/ro-p"
expect_grep "... nor v on Topics" "^Read-only for you" "$R/ro-v"
rm -rf "$R"
finish
