#!/bin/sh
# meeting.sh - the meeting screen: agenda, attendance, notes and actions;
# "a" types a quick note line (d: decision, ? question, a: @who action,
# plain note) that goes in as its own row; an unknown @handle is refused;
# a note written by another process appears within a poll ("tick")
# without a key press.
. "$(dirname "$0")/lib.sh"
demo
mid=$(c meeting list | awk '/Open practice night/ { print $1 }')

app <<SCRIPT
key 3
key j
dump list
key Enter
dump opened
key a
keys "Bring name cards"
dump typing
key Enter
key a
keys "d: we meet monthly"
key Enter
key a
keys "? who brings the tea"
key Enter
key a
keys "a: @zoe book the room due 2025-03-15"
key Enter
dump after-lines
key a
keys "a: @nobody do it"
key Enter
dump unknown-handle
key C-u
keys "a: @amara do it"
key Enter
dump fixed
key a
keys "never mind"
key Esc
dump cancelled
sh "$COPSE_BIN" --db "$DB" note add $mid "typed in another session" >/dev/null
tick
dump live
key a
keys "half a li"
sh "$COPSE_BIN" --db "$DB" note add $mid "written while I type" >/dev/null
tick
dump live-typing
keys ne
key Enter
dump typed-after
key q
key q
SCRIPT

screen "Meetings lists upcoming (soonest first) and past" list <<'EOF'
 Daily Nonviolent Living                                                   ME
 1 Home  2 Members  3 Meetings  4 Repertoire  5 Topics  6 Health
 Upcoming                             │ Open practice night
  2025-03-06  Apologies that land     │ ═══════════════════
  2025-03-20  Open practice night     │
 Past                                 │ 2025-03-20 18:00-19:30 · Linden
  2025-02-20  Listening circle: repa… │ Library, room 2 · planned
  2025-02-06  Half-year retrospectiv… │
  2025-01-23  Practice lab: role-pla… │ Agenda
  2025-01-09  Requests versus demands │ ──────
  2024-12-26  Restorative conversati… │
  2024-12-12  Parenting without puni… │ An evening for guests and newcomers.
  2024-11-28  Workplace conflict: ca… │ Bring a friend!
  2024-11-14  Self-empathy when we g… │
  2024-10-31  Listening ci… cancelled │ 1. Welcome: what this group is and how
  2024-10-17  De-escalation basics w… │    it works (Maren, 5 min)
  2024-10-03  Listening circle: hard… │ 2. A taste of the practice: observation
  2024-09-19  Observation without ev… │    versus evaluation
  2024-09-05  Kick-off: what brings … │ 3. A short listening circle
                                      │ 4. Questions, tea, and how to join
                                      │
                                      │ Guests invited: Sofía, Kwame and
                                      │ Ingrid.
Enter open  / filter  a add  e edit  d delete  ? help  q quit              2/15
EOF
screen "Enter opens the meeting screen" opened <<'EOF'
 Daily Nonviolent Living                                                   ME
 1 Home  2 Members  3 Meetings  4 Repertoire  5 Topics  6 Health
 Open practice night
 ═══════════════════

 2025-03-20 18:00-19:30 · Linden Library, room 2 · planned

 Agenda
 ──────

 An evening for guests and newcomers. Bring a friend!

 1. Welcome: what this group is and how it works (Maren, 5 min)
 2. A taste of the practice: observation versus evaluation
 3. A short listening circle
 4. Questions, tea, and how to join

 Guests invited: Sofía, Kwame and Ingrid.

 Attendance
 ──────────

 • Amara Okafor[1]: invited
a note line  Tab links  Enter follow  e edit  / find  Bksp back  ? help     top
EOF
screen "a opens the note line" typing <<'EOF'
 Daily Nonviolent Living                                                   ME
 1 Home  2 Members  3 Meetings  4 Repertoire  5 Topics  6 Health
 Open practice night
 ═══════════════════

 2025-03-20 18:00-19:30 · Linden Library, room 2 · planned

 Agenda
 ──────

 An evening for guests and newcomers. Bring a friend!

 1. Welcome: what this group is and how it works (Maren, 5 min)
 2. A taste of the practice: observation versus evaluation
 3. A short listening circle
 4. Questions, tea, and how to join

 Guests invited: Sofía, Kwame and Ingrid.

 Attendance
 ──────────

 • Amara Okafor[1]: invited
note> Bring name cards
EOF
screen "lines go in as notes, decisions, questions and actions" after-lines <<'EOF'
 Daily Nonviolent Living                                                   ME
 1 Home  2 Members  3 Meetings  4 Repertoire  5 Topics  6 Health
 • Jonas Becker[4]: invited
 • Kwame Mensah[5]: invited
 • Łukasz Nowak[6]: invited
 • Maren Holt[7]: accepted
 • Sofía Castillo[8]: invited
 • Tomás Ferreira[9]: invited
 • Zoë Lindqvist[10]: invited
 • 山田 花子 (Hanako Yamada)[11]: invited

 Notes
 ─────

 • Bring name cards (ME)
 • Decision: we meet monthly (ME)
 • Question: who brings the tea (ME)
 • @zoe: book the room (due 2025-03-15) (ME)

 Actions
 ───────

 • book the room (Zoë Lindqvist[12], due 2025-03-15)
action 20 added                                                             end
EOF
screen "an unknown @handle is refused; the line comes back to be fixed" unknown-handle <<'EOF'
 Daily Nonviolent Living                                                   ME
 1 Home  2 Members  3 Meetings  4 Repertoire  5 Topics  6 Health
 • Jonas Becker[4]: invited
 • Kwame Mensah[5]: invited
 • Łukasz Nowak[6]: invited
 • Maren Holt[7]: accepted
 • Sofía Castillo[8]: invited
 • Tomás Ferreira[9]: invited
 • Zoë Lindqvist[10]: invited
 • 山田 花子 (Hanako Yamada)[11]: invited

 Notes
 ─────

 • Bring name cards (ME)
 • Decision: we meet monthly (ME)
 • Question: who brings the tea (ME)
 • @zoe: book the room (due 2025-03-15) (ME)

 Actions
 ───────

 • book the room (Zoë Lindqvist[12], due 2025-03-15)
member nobody: no such member; fix it or Esc: a: @nobody do it
EOF
screen "Esc on the note line adds nothing" cancelled <<'EOF'
 Daily Nonviolent Living                                                   ME
 1 Home  2 Members  3 Meetings  4 Repertoire  5 Topics  6 Health
 • Łukasz Nowak[6]: invited
 • Maren Holt[7]: accepted
 • Sofía Castillo[8]: invited
 • Tomás Ferreira[9]: invited
 • Zoë Lindqvist[10]: invited
 • 山田 花子 (Hanako Yamada)[11]: invited

 Notes
 ─────

 • Bring name cards (ME)
 • Decision: we meet monthly (ME)
 • Question: who brings the tea (ME)
 • @zoe: book the room (due 2025-03-15) (ME)
 • @amara: do it (ME)

 Actions
 ───────

 • book the room (Zoë Lindqvist[12], due 2025-03-15)
 • do it (Amara Okafor[13])
no note added                                                               end
EOF
screen "another session's note appears after one poll" live <<'EOF'
 Daily Nonviolent Living                                                   ME
 1 Home  2 Members  3 Meetings  4 Repertoire  5 Topics  6 Health
 • Maren Holt[7]: accepted
 • Sofía Castillo[8]: invited
 • Tomás Ferreira[9]: invited
 • Zoë Lindqvist[10]: invited
 • 山田 花子 (Hanako Yamada)[11]: invited

 Notes
 ─────

 • Bring name cards (ME)
 • Decision: we meet monthly (ME)
 • Question: who brings the tea (ME)
 • @zoe: book the room (due 2025-03-15) (ME)
 • @amara: do it (ME)
 • typed in another session (ME)

 Actions
 ───────

 • book the room (Zoë Lindqvist[12], due 2025-03-15)
 • do it (Amara Okafor[13])
no note added                                                               end
EOF
screen "the fixed line goes in as amara's action" fixed <<'EOF'
 Daily Nonviolent Living                                                   ME
 1 Home  2 Members  3 Meetings  4 Repertoire  5 Topics  6 Health
 • Łukasz Nowak[6]: invited
 • Maren Holt[7]: accepted
 • Sofía Castillo[8]: invited
 • Tomás Ferreira[9]: invited
 • Zoë Lindqvist[10]: invited
 • 山田 花子 (Hanako Yamada)[11]: invited

 Notes
 ─────

 • Bring name cards (ME)
 • Decision: we meet monthly (ME)
 • Question: who brings the tea (ME)
 • @zoe: book the room (due 2025-03-15) (ME)
 • @amara: do it (ME)

 Actions
 ───────

 • book the room (Zoë Lindqvist[12], due 2025-03-15)
 • do it (Amara Okafor[13])
action 21 added                                                             end
EOF
screen "another session's note appears while I type mine" live-typing <<'EOF'
 Daily Nonviolent Living                                                   ME
 1 Home  2 Members  3 Meetings  4 Repertoire  5 Topics  6 Health
 • Sofía Castillo[8]: invited
 • Tomás Ferreira[9]: invited
 • Zoë Lindqvist[10]: invited
 • 山田 花子 (Hanako Yamada)[11]: invited

 Notes
 ─────

 • Bring name cards (ME)
 • Decision: we meet monthly (ME)
 • Question: who brings the tea (ME)
 • @zoe: book the room (due 2025-03-15) (ME)
 • @amara: do it (ME)
 • typed in another session (ME)
 • written while I type (ME)

 Actions
 ───────

 • book the room (Zoë Lindqvist[12], due 2025-03-15)
 • do it (Amara Okafor[13])
note> half a li
EOF
screen "... and mine goes in after it; the screen stays at the end" typed-after <<'EOF'
 Daily Nonviolent Living                                                   ME
 1 Home  2 Members  3 Meetings  4 Repertoire  5 Topics  6 Health
 • Tomás Ferreira[9]: invited
 • Zoë Lindqvist[10]: invited
 • 山田 花子 (Hanako Yamada)[11]: invited

 Notes
 ─────

 • Bring name cards (ME)
 • Decision: we meet monthly (ME)
 • Question: who brings the tea (ME)
 • @zoe: book the room (due 2025-03-15) (ME)
 • @amara: do it (ME)
 • typed in another session (ME)
 • written while I type (ME)
 • half a line (ME)

 Actions
 ───────

 • book the room (Zoë Lindqvist[12], due 2025-03-15)
 • do it (Amara Okafor[13])
note added                                                                  end
EOF
c meeting show "$mid" >"$T/show"
expect_grep "the action is stored for zoe with its due date" "book the room" "$T/show"
expect_true "the five lines are stored" test "$(grep -c 'Bring name cards\|we meet monthly\|who brings the tea\|book the room\|typed in another' "$T/show")" -ge 5
expect_true "the fixed line is stored once, for amara" test "$(grep -c 'Amara Okafor  *do it$' "$T/show")" -eq 1
expect_true "the refused and the cancelled lines are not" sh -c "! grep -q '@nobody\|never mind' '$T/show'"

# Someone deletes the meeting while I type a line into it: no crash, the
# meeting screen closes, and my line is shown so it can be copied.
printf 'key 3\nkey j\nkey d\nkey y\n' >"$T/other"
app <<SCRIPT
key 3
key j
key Enter
key a
keys "typing while it goes"
sh COPSE_SCRIPT="$T/other" "$COPSE_BIN" --db "$DB" </dev/null >/dev/null
tick
dump deleted-typing
key Enter
dump deleted-after
SCRIPT
screen "the meeting deleted while I type: the prompt stays" deleted-typing <<'EOF'
 Daily Nonviolent Living                                                   ME
 1 Home  2 Members  3 Meetings  4 Repertoire  5 Topics  6 Health
 meeting 15: no such meeting




















note> typing while it goes
EOF
screen "... Enter: back to the list, my line shown" deleted-after <<'EOF'
 Daily Nonviolent Living                                                   ME
 1 Home  2 Members  3 Meetings  4 Repertoire  5 Topics  6 Health
 Upcoming                             │ Listening circle: repair after rupture
  2025-03-06  Apologies that land     │ ══════════════════════════════════════
 Past                                 │
  2025-02-20  Listening circle: repa… │ 2025-02-20 18:00-19:30 · Online (video
  2025-02-06  Half-year retrospectiv… │ link in the invitation) · held
  2025-01-23  Practice lab: role-pla… │
  2025-01-09  Requests versus demands │ Agenda
  2024-12-26  Restorative conversati… │ ──────
  2024-12-12  Parenting without puni… │
  2024-11-28  Workplace conflict: ca… │ Circle facilitated by Zoë.
  2024-11-14  Self-empathy when we g… │
  2024-10-31  Listening ci… cancelled │ 1. Guidelines
  2024-10-17  De-escalation basics w… │ 2. Round 1: a relationship where
  2024-10-03  Listening circle: hard… │    something broke
  2024-09-19  Observation without ev… │ 3. Round 2: what would a good repair
  2024-09-05  Kick-off: what brings … │    look like?
                                      │ 4. Round 3: what stays with you?
                                      │ 5. Check-out
                                      │
                                      │ Attendance
                                      │ ──────────
the meeting was deleted; your line was: typing while it goes               2/14
EOF
finish
