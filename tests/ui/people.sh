#!/bin/sh
# people.sh - the people side of the panels: the Members list's right
# column gives the level and the status (a prospect who writes is
# "active prospect", an alumnus has no level); x dismisses one of the
# selected member's suggested introductions; the Health panel reaches
# every level move; L then e on Topics takes the start of a title; Home
# says how many people were invited.
. "$(dirname "$0")/lib.sh"
demo
# someone who writes while still a prospect: active, and a prospect
c member add "Root User" --handle "$ME" >/dev/null
c note add 13 "A first note" >/dev/null
# someone with one suggestion only: youth work interests them, Kwame knows it
c member add "Vera Lind" --interest youth-work >/dev/null

app <<'SCRIPT'
key 2
dump members
key ?
key /
keys "dismiss one"
key Enter
dump members-help
key q
# x on Members: a digit picks one of Ingrid's suggestions
key j
key j
key j
key x
dump dismiss-which
key 2
dump dismissed
key x
key Esc
dump dismiss-kept
# Root User has none; Vera has one, dismissed after y/n
key j
key j
key j
key j
key j
key j
key x
dump dismiss-none
key j
key j
key j
key x
dump dismiss-one
key y
dump dismissed-one
# Health: every move can be reached
key 6
key G
key k
dump health-more
key Enter
dump moves-all
key q
# Topics: L e takes the start of a title, any case
key 5
key G
key L
key e
keys "faq"
key Enter
dump link-ambiguous
key L
key e
keys "apolog"
key Enter
dump linked
key 1
dump home
SCRIPT
screen "Members: the level, then the status; an alumnus has no level" members <<'EOF'
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
  Root User           active prospect │
  Sofía Castillo  peripheral  invited │ Interests: de-escalation, parenting
  Tomás Ferreira        core   active │
  Vera Lind         inactive prospect │ Level: core: attended 10 of 12 meetings
  Zoë Lindqvist         core   active │ in the last 180 days
  山田 花子 (Hanako Ya… core   active │
                                      │ Connections
                                      │ ───────────
                                      │
                                      │ • Tomás Ferreira[1] (works-with):
                                      │   Planning the restorative circle pilot
                                      │   at Northfield Academy.
Enter open  / filter  i introduce  p pipeline  a add  e edit  ? help       1/15
EOF
screen "x: a digit picks which of the suggestions goes" dismiss-which <<'EOF'
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
  Root User           active prospect │ 365 days (no login handle: only
  Sofía Castillo  peripheral  invited │ attendance counts)
  Tomás Ferreira        core   active │
  Vera Lind         inactive prospect │ Suggested introductions
  Zoë Lindqvist         core   active │ ───────────────────────
  山田 花子 (Hanako Ya… core   active │
                                      │ • Zoë Lindqvist[1]: Zoë Lindqvist knows
                                      │   about parenting and self-empathy,
                                      │   which interest Ingrid Solberg
                                      │ • Amara Okafor[2]: both are interested
                                      │   in parenting
                                      │ • Deepa Raman[3]: both are interested
Dismiss for Ingrid Solberg: 1 Zoë Lindqvist  2 Amara Okafor  3 Deepa Raman
EOF
screen "x 2: that suggestion is gone, the next one shows" dismissed <<'EOF'
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
  Root User           active prospect │ 365 days (no login handle: only
  Sofía Castillo  peripheral  invited │ attendance counts)
  Tomás Ferreira        core   active │
  Vera Lind         inactive prospect │ Suggested introductions
  Zoë Lindqvist         core   active │ ───────────────────────
  山田 花子 (Hanako Ya… core   active │
                                      │ • Zoë Lindqvist[1]: Zoë Lindqvist knows
                                      │   about parenting and self-empathy,
                                      │   which interest Ingrid Solberg
                                      │ • Deepa Raman[2]: both are interested
                                      │   in self-empathy
                                      │ • Jonas Becker[3]: both are interested
Ingrid Solberg and Amara Okafor: suggestion dismissed                      4/15
EOF
expect_grep "? on Members lists x" "^ • x: dismiss one of the selected member's suggested" "$T/s/members-help"
expect_grep "x then Esc keeps them all" "^nothing changed  *4/15$" "$T/s/dismiss-kept"
expect_grep "x on a member with no suggestion says so" \
	"^no suggested introductions for Root User  *10/15$" "$T/s/dismiss-none"
screen "x: the only suggestion goes after y/n" dismiss-one <<'EOF'
 Daily Nonviolent Living                                                   ME
 1 Home  2 Members  3 Meetings  4 Repertoire  5 Topics  6 Health
  Amara Okafor          core   active │ Vera Lind
  Chloé Martin                 alumni │ ═════════
  Deepa Raman         active   active │
  Ingrid Solberg    inactive prospect │ prospect · member
  Jonas Becker        active   active │
  Kwame Mensah      inactive prospect │ Interests: youth-work
  Łukasz Nowak          core   active │
  Maren Holt            core   active │ Level: inactive: nothing in the last
  Rafael Duarte                alumni │ 365 days (no login handle: only
  Root User           active prospect │ attendance counts)
  Sofía Castillo  peripheral  invited │
  Tomás Ferreira        core   active │ Suggested introductions
  Vera Lind         inactive prospect │ ───────────────────────
  Zoë Lindqvist         core   active │
  山田 花子 (Hanako Ya… core   active │ • Kwame Mensah[1]: Kwame Mensah knows
                                      │   about youth-work, which interests
                                      │   Vera Lind
                                      │
                                      │ Timeline
                                      │ ────────
                                      │
Dismiss the suggestion Vera Lind ↔ Kwame Mensah for good? y/n
EOF
screen "x y: dismissed" dismissed-one <<'EOF'
 Daily Nonviolent Living                                                   ME
 1 Home  2 Members  3 Meetings  4 Repertoire  5 Topics  6 Health
  Amara Okafor          core   active │ Vera Lind
  Chloé Martin                 alumni │ ═════════
  Deepa Raman         active   active │
  Ingrid Solberg    inactive prospect │ prospect · member
  Jonas Becker        active   active │
  Kwame Mensah      inactive prospect │ Interests: youth-work
  Łukasz Nowak          core   active │
  Maren Holt            core   active │ Level: inactive: nothing in the last
  Rafael Duarte                alumni │ 365 days (no login handle: only
  Root User           active prospect │ attendance counts)
  Sofía Castillo  peripheral  invited │
  Tomás Ferreira        core   active │ Timeline
  Vera Lind         inactive prospect │ ────────
  Zoë Lindqvist         core   active │
  山田 花子 (Hanako Ya… core   active │ • 2025-03-01 added to copse
                                      │
                                      │
                                      │
                                      │
                                      │
                                      │
Vera Lind and Kwame Mensah: suggestion dismissed                          13/15
EOF
screen "Health: and 2 more after the first moves, every move in its preview" health-more <<'EOF'
 Daily Nonviolent Living                                                   ME
 1 Home  2 Members  3 Meetings  4 Repertoire  5 Topics  6 Health
  days between meetings            15 │ Level moves in the last 180 days
  next: Apologies that l… 03-06 18:00 │ ────────────────────────────────
 Actions                              │
  open                              7 │ • Amara Okafor[1]: inactive → core
  overdue                           3 │ • Łukasz Nowak[2]: inactive → core
 Waiting topics (0)                   │ • 山田 花子 (Hanako Yamada)[3]:
  none waiting                        │   inactive → core
 Moved in 180 days (12)               │ • Jonas Becker[4]: new → active
  Amara Okafor: inactive → core       │ • Root User[5]: new → active
  Łukasz Nowak: inactive → core       │ • Deepa Raman[6]: inactive → active
  山田 花子 (Hanako Yamada): inactiv… │ • Sofía Castillo[7]: new → peripheral
  Jonas Becker: new → active          │ • Ingrid Solberg[8]: new → inactive
  Root User: new → active             │ • Kwame Mensah[9]: new → inactive
  Deepa Raman: inactive → active      │ • Vera Lind[10]: new → inactive
  Sofía Castillo: new → peripheral    │ • Rafael Duarte[11]: core → no level
  Ingrid Solberg: new → inactive      │ • Chloé Martin[12]: inactive → no level
  Kwame Mensah: new → inactive        │
  Vera Lind: new → inactive           │
  and 2 more                          │
 Assessment                           │
  none yet: A records one             │
Enter open  / filter  A assess  e edit  d delete  ? help  q quit          28/29
EOF
screen "Enter on and 2 more reads every move, the alumni too" moves-all <<'EOF'
 Daily Nonviolent Living                                                   ME
 1 Home  2 Members  3 Meetings  4 Repertoire  5 Topics  6 Health
 Level moves in the last 180 days
 ────────────────────────────────

 • Amara Okafor[1]: inactive → core
 • Łukasz Nowak[2]: inactive → core
 • 山田 花子 (Hanako Yamada)[3]: inactive → core
 • Jonas Becker[4]: new → active
 • Root User[5]: new → active
 • Deepa Raman[6]: inactive → active
 • Sofía Castillo[7]: new → peripheral
 • Ingrid Solberg[8]: new → inactive
 • Kwame Mensah[9]: new → inactive
 • Vera Lind[10]: new → inactive
 • Rafael Duarte[11]: core → no level
 • Chloé Martin[12]: inactive → no level






Tab links  Enter follow  Bksp back  / find  ? help                          all
EOF
expect_grep "L e: a start several titles share names some of them" \
	"^'faq' starts 3 titles: FAQ: How Do Our Mee…, FAQ: Isn't NVC Just…, 1 more  *6/6$" \
	"$T/s/link-ambiguous"
expect_grep "L e: the start of one title, any case, links that entry" \
	"^topic 4 linked to entry 19, Apologies That Land  *6/6$" "$T/s/linked"
expect_grep "Home: ten people invited reads as people, not as member 10" \
	"^  10 people invited to Open pr… 02-28 │" "$T/s/home"
finish
