#!/bin/sh
# filter.sh - "/" in a list narrows it as you type; Enter keeps the filter
# with the first match selected; n/N step through the matches; Esc
# clears it; help "?" lists the keys of the current screen.
. "$(dirname "$0")/lib.sh"
demo

app <<'SCRIPT'
key 2
key j j j
key /
keys "a"
dump typing-a
keys "r"
dump typing-ar
key Enter
dump kept
key n
dump next
key N
dump prev
key Esc
dump cleared
key /
keys "zzz"
key Enter
dump no-match
key Esc
key /
keys "ma"
key Esc
dump esc-in-prompt
key ?
dump help-list
key q
key 4
key Enter
key ?
dump help-reader
key G
dump help-end
key q
dump help-closed
SCRIPT

screen "typing narrows the list at once" typing-a <<'EOF'
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
/a
EOF
screen "each key narrows further" typing-ar <<'EOF'
 Daily Nonviolent Living                                                   ME
 1 Home  2 Members  3 Meetings  4 Repertoire  5 Topics  6 Health
  Amara Okafor          core   active │ Amara Okafor
  Chloé Martin                 alumni │ ════════════
  Maren Holt            core   active │
  Rafael Duarte                alumni │ @amara · active · member · joined
                                      │ 2024-06-24 ·
                                      │ a.okafor@northfield.example
                                      │
                                      │ Expertise: restorative-conversations,
                                      │ schools
                                      │
                                      │ Interests: de-escalation, parenting
                                      │
                                      │ Level: core: attended 10 of 12 meetings
                                      │ in the last 180 days
                                      │
                                      │ Connections
                                      │ ───────────
                                      │
                                      │ • Tomás Ferreira[1] (works-with):
                                      │   Planning the restorative circle pilot
                                      │   at Northfield Academy.
/ar
EOF
screen "Enter keeps the filter, first match selected" kept <<'EOF'
 Daily Nonviolent Living                                                   ME
 1 Home  2 Members  3 Meetings  4 Repertoire  5 Topics  6 Health
  Amara Okafor          core   active │ Amara Okafor
  Chloé Martin                 alumni │ ════════════
  Maren Holt            core   active │
  Rafael Duarte                alumni │ @amara · active · member · joined
                                      │ 2024-06-24 ·
                                      │ a.okafor@northfield.example
                                      │
                                      │ Expertise: restorative-conversations,
                                      │ schools
                                      │
                                      │ Interests: de-escalation, parenting
                                      │
                                      │ Level: core: attended 10 of 12 meetings
                                      │ in the last 180 days
                                      │
                                      │ Connections
                                      │ ───────────
                                      │
                                      │ • Tomás Ferreira[1] (works-with):
                                      │   Planning the restorative circle pilot
                                      │   at Northfield Academy.
filter 'ar': 4 matches (Esc clears)                                         1/4
EOF
screen "n selects the next match" next <<'EOF'
 Daily Nonviolent Living                                                   ME
 1 Home  2 Members  3 Meetings  4 Repertoire  5 Topics  6 Health
  Amara Okafor          core   active │ Chloé Martin
  Chloé Martin                 alumni │ ════════════
  Maren Holt            core   active │
  Rafael Duarte                alumni │ @chloe · alumni · joined 2023-10-18 ·
                                      │ chloe.martin@example.fr
                                      │
                                      │ Expertise: mindfulness
                                      │
                                      │ Interests: self-empathy
                                      │
                                      │ Timeline
                                      │ ────────
                                      │
                                      │ • 2023-10-18 joined
                                      │ • 2024-08-28 added to copse
                                      │ • 2024-09-05 first attended Kick-off:
                                      │   what brings us here?[1]
                                      │
                                      │ Notes
                                      │ ─────
                                      │
/ar  Esc clear  n/N next/prev  Enter open  ? help                           2/4
EOF
screen "N the previous one" prev <<'EOF'
 Daily Nonviolent Living                                                   ME
 1 Home  2 Members  3 Meetings  4 Repertoire  5 Topics  6 Health
  Amara Okafor          core   active │ Amara Okafor
  Chloé Martin                 alumni │ ════════════
  Maren Holt            core   active │
  Rafael Duarte                alumni │ @amara · active · member · joined
                                      │ 2024-06-24 ·
                                      │ a.okafor@northfield.example
                                      │
                                      │ Expertise: restorative-conversations,
                                      │ schools
                                      │
                                      │ Interests: de-escalation, parenting
                                      │
                                      │ Level: core: attended 10 of 12 meetings
                                      │ in the last 180 days
                                      │
                                      │ Connections
                                      │ ───────────
                                      │
                                      │ • Tomás Ferreira[1] (works-with):
                                      │   Planning the restorative circle pilot
                                      │   at Northfield Academy.
/ar  Esc clear  n/N next/prev  Enter open  ? help                           1/4
EOF
screen "Esc clears the filter and keeps the selection" cleared <<'EOF'
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
filter cleared                                                             1/13
EOF
screen "a filter without matches says so" no-match <<'EOF'
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
filter 'zzz': 0 matches (Esc clears)
EOF
screen "Esc on the filter line drops the filter" esc-in-prompt <<'EOF'
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
screen "? in a list shows the list keys" help-list <<'EOF'
 Daily Nonviolent Living                                                   ME
 1 Home  2 Members  3 Meetings  4 Repertoire  5 Topics  6 Health
 Keys in Members
 ═══════════════

 • 1: Home panel
 • 2: Members panel
 • 3: Meetings panel
 • 4: Repertoire panel
 • 5: Topics panel
 • 6: Health panel
 • Tab: next panel
 • S-Tab: previous panel
 • j, Down: move down
 • k, Up: move up
 • g, Home: go to the first line
 • G, End: go to the last line
 • PgDn, Space: page down
 • PgUp: page up
 • C-d: half a page down
 • C-u: half a page up
 • Enter, l, Right: open the selected item
 • Esc, h, Left, Backspace: back
j/k scroll  / find  q back                                                  top
EOF
screen "? in the reader shows the reader keys" help-reader <<'EOF'
 Daily Nonviolent Living                                                   ME
 1 Home  2 Members  3 Meetings  4 Repertoire  5 Topics  6 Health
 Keys in the reader
 ══════════════════

 • 1: Home panel
 • 2: Members panel
 • 3: Meetings panel
 • 4: Repertoire panel
 • 5: Topics panel
 • 6: Health panel
 • Tab: select the next link
 • S-Tab: select the previous link
 • Enter, l, Right: follow the selected link
 • j, Down: move down
 • k, Up: move up
 • g, Home: go to the first line
 • G, End: go to the last line
 • PgDn, Space: page down
 • PgUp: page up
 • C-d: half a page down
 • C-u: half a page up
 • Esc, h, Left, Backspace: back
j/k scroll  / find  q back                                                  top
EOF
screen "the help scrolls" help-end <<'EOF'
 Daily Nonviolent Living                                                   ME
 1 Home  2 Members  3 Meetings  4 Repertoire  5 Topics  6 Health
 • C-d: half a page down
 • C-u: half a page up
 • Esc, h, Left, Backspace: back
 • s: search everything: entries, topics, members and the minutes
 • /: find text in the document
 • [: go to the previous heading
 • ]: go to the next heading
 • T: table of contents: pick a heading to go to
 • H: the entry's history: open a revision to see it against now
 • U: I used this: report it, with what came of it
 • n: next match
 • N: previous match
 • a: add an entry
 • e: edit this entry in $VISUAL or $EDITOR
 • d: move the entry to the trash, after y/n
 • u: undo the last delete: bring it back from the trash
 • C-l: redraw the screen
 • ?, F1: show the keys (F1 also on a line being typed)
 • q: back, or quit from the top level

 Tab selects the next link and Enter follows it; Backspace goes back.
j/k scroll  / find  q back                                                  end
EOF
screen "q closes the help" help-closed <<'EOF'
 Daily Nonviolent Living                                                   ME
 1 Home  2 Members  3 Meetings  4 Repertoire  5 Topics  6 Health
 Apologies That Land
 ═══════════════════

 lesson · draft · by zoe · 2025-02-25 · 1 revision

 Tags: apologies, repair

 Draft for the next meeting — comments welcome in the meeting notes.

 At the repair circle, most of us said that the apology we had wanted was not
 sorry but I understand what it cost you. This entry collects what we know so
 far.

 An apology that lands
 ─────────────────────

 1. Names what happened, specifically: I read your message out in the meeting
    without asking you.
 2. Names the impact, as a guess that can be corrected: I imagine you felt
    exposed — maybe betrayed?
 3. Owns the choice, without a but: I did it because I wanted the team to see
Tab links  Enter follow  Bksp back  / find  e edit  ? help                  top
EOF
# Typed text is UTF-8: a filter of accented and wide characters.
app <<'SCRIPT'
key 2
key /
keys "Łuk"
key Enter
dump filter-utf8
key 4
key /
keys "聴く"
key Enter
dump filter-wide
SCRIPT
expect_grep "a filter typed with accents finds Łukasz" "^  Łukasz Nowak .*│" "$T/s/filter-utf8"
expect_grep "... and says so" "^filter 'Łuk': 1 match (Esc clears)" "$T/s/filter-utf8"
expect_grep "a filter typed in Japanese finds the entry" "^filter '聴く': 1 match (Esc clears)" "$T/s/filter-wide"

# "/" again starts a fresh filter, as in tig and mutt: the kept one is not
# added to ("parentingApologies").
app <<'SCRIPT'
key 4
key /
keys "parenting"
key Enter
key j
key /
dump again-empty
keys "Apologies"
dump again-typed
key Enter
dump again-kept
SCRIPT
expect_grep "a second / opens an empty filter line" "^/$" "$T/s/again-empty"
expect_grep "... and what is typed is the whole new filter" "^/Apologies$" "$T/s/again-typed"
screen "... which finds what it says" again-kept <<'EOF'
 Daily Nonviolent Living                                                   ME
 1 Home  2 Members  3 Meetings  4 Repertoire  5 Topics  6 Health
  Apologies That Land           draft │ Apologies That Land
                                      │ ═══════════════════
                                      │
                                      │ lesson · draft · by zoe · 2025-02-25 ·
                                      │ 1 revision
                                      │
                                      │ Tags: apologies, repair
                                      │
                                      │ Draft for the next meeting — comments
                                      │ welcome in the meeting notes.
                                      │
                                      │ At the repair circle, most of us said
                                      │ that the apology we had wanted was not
                                      │ sorry but I understand what it cost
                                      │ you. This entry collects what we know
                                      │ so far.
                                      │
                                      │ An apology that lands
                                      │ ─────────────────────
                                      │
                                      │ 1. Names what happened, specifically: I
filter 'Apologies': 1 match (Esc clears)                                    1/1
EOF
finish
