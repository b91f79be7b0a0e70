#!/bin/sh
# terminal.sh - every terminal a coordinator SSHes from: usable at 40x12
# (list only, Enter opens), a "too small" note below that, no crash down
# to 1x1 and back, re-rendered at the new width; NO_COLOR and monochrome
# terminals get attributes only; a non-UTF-8 locale gets ASCII glyphs;
# control and escape sequences from the database are drawn harmless.
. "$(dirname "$0")/lib.sh"
demo

app <<'SCRIPT'
key 4
resize 40 12
dump narrow-list
key Enter
dump narrow-reader
resize 39 12
dump too-small
resize 1 1
dump one-by-one
resize 40 11
dump too-short
resize 80 24
dump back-to-80
key q
resize 60 20
key 3
dump sixty-columns
resize 200 12
dump wide
resize 100 12
dump hundred
resize 80 24
key 4
key /
# "emp" finds titles and tags (self-empathy) alike
keys emp
resize 40 12
dump filter-narrow
resize 1 1
resize 80 24
dump filter-back
key Enter
key d
resize 40 12
dump confirm-narrow
key n
key 3
key Enter
key a
keys "half a"
resize 40 12
dump note-narrow
resize 2 2
resize 80 24
keys " line"
key Enter
dump note-back
SCRIPT
screen "40x12: the list alone, full width" narrow-list <<'EOF'
 Daily Nonviolent Living           ME
 1 Hom 2 Mem 3 Mee 4 Rep 5 Top 6 Hea
  Apologies That Land             draft
  Bedtime Without a Battle        story
  Case: The Missed Handover        case
  Case: The Neighbour's Hedge      case
  Consequences Instead of Punis… lesson
  De-escalating in the Moment    method
  FAQ: How Do Our Meetings Work?    faq
  FAQ: Isn't NVC Just Being Nice?   faq
  FAQ: What If the Other Person Wo… faq
Enter open  / filter  ? help       1/20
EOF
screen "40x12: Enter opens the reader, wrapped to 40" narrow-reader <<'EOF'
 Daily Nonviolent Living           ME
 1 Hom 2 Mem 3 Mee 4 Rep 5 Top 6 Hea
 Apologies That Land
 ═══════════════════

 lesson · draft · by zoe · 2025-02-25 ·
 1 revision

 Tags: apologies, repair

 Draft for the next meeting — comments
Tab links  Enter follow  ? help     top
EOF
screen "200 columns: the list stays readable (60 columns), the preview gets the rest" wide <<'EOF'
 Daily Nonviolent Living                                                                                                                                                                           ME
 1 Home  2 Members  3 Meetings  4 Repertoire  5 Topics  6 Health
 Upcoming                                                   │ Apologies that land
  2025-03-06  Apologies that land                           │ ═══════════════════
  2025-03-20  Open practice night                           │
 Past                                                       │ 2025-03-06 18:00-19:30 · Linden Library, room 2 · planned
  2025-02-20  Listening circle: repair after rupture        │
  2025-02-06  Half-year retrospective and harvest           │ Agenda
  2025-01-23  Practice lab: role-plays                      │ ──────
  2025-01-09  Requests versus demands                       │
  2024-12-26  Restorative conversations: the five questions │ Facilitator: Zoë
Enter open  / filter  a add  e edit  d delete  ? help  q quit                                                                                                                                      1/15
EOF
screen "100 columns: the list takes 40%" hundred <<'EOF'
 Daily Nonviolent Living                                                                       ME
 1 Home  2 Members  3 Meetings  4 Repertoire  5 Topics  6 Health
 Upcoming                               │ Apologies that land
  2025-03-06  Apologies that land       │ ═══════════════════
  2025-03-20  Open practice night       │
 Past                                   │ 2025-03-06 18:00-19:30 · Linden Library, room 2 · planned
  2025-02-20  Listening circle: repair… │
  2025-02-06  Half-year retrospective … │ Agenda
  2025-01-23  Practice lab: role-plays  │ ──────
  2025-01-09  Requests versus demands   │
  2024-12-26  Restorative conversation… │ Facilitator: Zoë
Enter open  / filter  a add  e edit  d delete  ? help  q quit                                  1/15
EOF
screen "resize while filtering: the filter line stays, the list is laid out again" filter-narrow <<'EOF'
 Daily Nonviolent Living           ME
 1 Hom 2 Mem 3 Mee 4 Rep 5 Top 6 Hea
  FAQ: What If the Other Person Wo… faq
  Restorative Check-ins at Work    tool
  Self-Empathy in Three Breaths  method
  The Empathy Guess                tool





/emp
EOF
screen "... and back at 80x24 after 1x1" filter-back <<'EOF'
 Daily Nonviolent Living                                                   ME
 1 Home  2 Members  3 Meetings  4 Repertoire  5 Topics  6 Health
  FAQ: What If the Other Person … faq │ FAQ: What If the Other Person Won't
  Restorative Check-ins at Work  tool │ Play Along?
  Self-Empathy in Three Breat… method │ ═══════════════════════════════════
  The Empathy Guess              tool │
                                      │ faq · by maren · 2025-01-10 · 1
                                      │ revision
                                      │
                                      │ Tags: faq, nvc, self-empathy
                                      │
                                      │ You don't need them to. NVC is not a
                                      │ game that two people agree to play; it
                                      │ is a way you choose to listen and to
                                      │ speak. Most of the change happens on
                                      │ one side of the conversation.
                                      │
                                      │ What you can still do
                                      │ ─────────────────────
                                      │
                                      │ 1. Listen for feelings and needs under
                                      │    whatever they say. Criticism is
                                      │    often a tragic expression of an
/emp
EOF
screen "resize during y/n: the question stays, answer visible" confirm-narrow <<'EOF'
 Daily Nonviolent Living           ME
 1 Hom 2 Mem 3 Mee 4 Rep 5 Top 6 Hea
  FAQ: What If the Other Person Wo… faq
  Restorative Check-ins at Work    tool
  Self-Empathy in Three Breaths  method
  The Empathy Guess                tool




Move the entry 'FAQ: What If the Other…'
with its 1 revision to the trash? y/n
EOF
screen "resize while typing a note line: the line stays" note-narrow <<'EOF'
 Daily Nonviolent Living           ME
 1 Hom 2 Mem 3 Mee 4 Rep 5 Top 6 Hea
 [ ] Translate the listening-circle
     guidelines into Japanese · 山田 花
     子 (Hanako Yamada), due 2025-03-31

 Minutes
 ───────
 No lines yet: type one below and press
 Enter.
> half a
Enter adds  d: decision             end
EOF
screen "... and the line typed across the resizes goes in whole" note-back <<'EOF'
 Daily Nonviolent Living                                                   ME
 1 Home  2 Members  3 Meetings  4 Repertoire  5 Topics  6 Health
 Apologies that land
 ═══════════════════

 2025-03-06 18:00-19:30 · Linden Library, room 2 · planned
 Here now: you

     2025-02-15
 [ ] Check in with Deepa: she has missed the last six meetings · Maren Holt,
     due 2025-02-26
 [ ] Prepare the agenda for "Apologies that land" · Zoë Lindqvist, due
     2025-03-03
 [ ] Invite Sofía and Kwame to the open practice night · Maren Holt, due
     2025-03-08
 [ ] Review the workplace FAQ with Deepa · Tomás Ferreira, due 2025-03-11
 [ ] Translate the listening-circle guidelines into Japanese · 山田 花子
     (Hanako Yamada), due 2025-03-31

 Minutes
 ───────
 03-01 ME       note half a line
>
line added                                                                  end
EOF
screen "39 columns: a clear note" too-small <<'EOF'
Terminal too small
need 40x12, have 39x12
q quits









EOF
screen "1x1 does not crash" one-by-one <<'EOF'
T
EOF
screen "11 rows: the note again" too-short <<'EOF'
Terminal too small
need 40x12, have 40x11
q quits








EOF
screen "back at 80x24 the reader is rendered at 80 again" back-to-80 <<'EOF'
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
screen "60 columns: list only, compact tabs and hints" sixty-columns <<'EOF'
 Daily Nonviolent Living                               ME
 1 Hom 2 Mem 3 Mee 4 Rep 5 Top 6 Hea
 Upcoming
  2025-03-06  Apologies that land
  2025-03-20  Open practice night
 Past
  2025-02-20  Listening circle: repair after rupture
  2025-02-06  Half-year retrospective and harvest
  2025-01-23  Practice lab: role-plays
  2025-01-09  Requests versus demands
  2024-12-26  Restorative conversations: the five questions
  2024-12-12  Parenting without punishment
  2024-11-28  Workplace conflict: case clinic
  2024-11-14  Self-empathy when we get triggered
  2024-10-31  Listening circle: family gatherings cancelled
  2024-10-17  De-escalation basics with Łukasz
  2024-10-03  Listening circle: hard conversations at home
  2024-09-19  Observation without evaluation
  2024-09-05  Kick-off: what brings us here?
Enter open  / filter  a add  e edit  d delete  ? help  1/15
EOF

# NO_COLOR: attributes only, no colour pair anywhere.
app <<'SCRIPT'
attrs color.attrs
SCRIPT
expect_grep "with colours the tabs are drawn in colour" '[A-Z]' "$T/s/color.attrs"
NO_COLOR=1 app <<'SCRIPT'
key 4
key Enter
key Tab
attrs nocolor.attrs
dump nocolor
SCRIPT
expect_true "NO_COLOR: no cell uses a colour" sh -c "! grep -q '[A-Z]' '$T/s/nocolor.attrs'"
attr_at "NO_COLOR: the header is reverse" nocolor nocolor.attrs "Daily Nonviolent" r
attr_at "NO_COLOR: the selected link is reverse" nocolor nocolor.attrs "Bedtime Without" r
TERM=vt100 app <<'SCRIPT'
key 2
attrs vt100.attrs
dump vt100
SCRIPT
expect_true "TERM=vt100 (monochrome) uses no colour" sh -c "! grep -q '[A-Z]' '$T/s/vt100.attrs'"
attr_at "vt100: the selected row is reverse" vt100 vt100.attrs "Amara Okafor" r
for term in screen tmux-256color linux; do
	TERM=$term app <<'SCRIPT'
dump term
SCRIPT
	expect_grep "TERM=$term draws the Home panel" "Next meeting" "$T/s/term"
done
# ... with that terminal's own description: an unknown one is refused
# (as on a real terminal), not quietly replaced by xterm.
echo quit >"$T/quit"
TERM=copse-no-such-terminal COPSE_SCRIPT="$T/quit" "$COPSE_BIN" --db "$DB" </dev/null >/dev/null 2>"$T/err"
expect_true "an unknown TERM exits 1" test $? -eq 1
expect_grep "... saying so" "^copse: unknown terminal type 'copse-no-such-terminal'$" "$T/err"

# A non-UTF-8 locale: ASCII glyphs only.
LC_ALL=C app <<'SCRIPT'
key 4
dump ascii-list
key Enter
dump ascii-reader
key 2
dump ascii-members
SCRIPT
expect_grep "LC_ALL=C: a member's fields are separated by ' - '" "| @amara - active - member - joined$" "$T/s/ascii-members"
expect_true "LC_ALL=C: the screen is pure ASCII" sh -c "! LC_ALL=C grep -q '[^ -~]' '$T/s/ascii-list' '$T/s/ascii-reader'"
screen "LC_ALL=C: the reader in ASCII" ascii-reader <<'EOF'
 Daily Nonviolent Living                                                   ME
 1 Home  2 Members  3 Meetings  4 Repertoire  5 Topics  6 Health
 Apologies That Land
 ===================

 lesson - draft - by zoe - 2025-02-25 - 1 revision

 Tags: apologies, repair

 Draft for the next meeting - comments welcome in the meeting notes.

 At the repair circle, most of us said that the apology we had wanted was not
 sorry but I understand what it cost you. This entry collects what we know so
 far.

 An apology that lands
 ---------------------

 1. Names what happened, specifically: I read your message out in the meeting
    without asking you.
 2. Names the impact, as a guess that can be corrected: I imagine you felt
    exposed - maybe betrayed?
 3. Owns the choice, without a but: I did it because I wanted the team to see
Tab links  Enter follow  Bksp back  / find  e edit  ? help                  top
EOF

# Hostile text from the database.
c member add "$(printf 'Evil\033]0;pwned\007 \033[31mRed\033[0m\rCR\bBS')" --handle evil >/dev/null
printf '# Esc\n\nOSC 52: \033]52;c;aGk=\007 CSI: \033[2J C1: \302\233 bad: \377 tab:\tend\n' >"$T/evil.md"
c entry add "Escapes" --file "$T/evil.md" >/dev/null
app <<'SCRIPT'
key 2
key /
keys "evil"
key Enter
dump evil-member
key 4
key /
keys "escapes"
key Enter
key Enter
dump evil-entry
SCRIPT
screen "escape sequences in a member's name are shown, not obeyed" evil-member <<'EOF'
 Daily Nonviolent Living                                                   ME
 1 Home  2 Members  3 Meetings  4 Repertoire  5 Topics  6 Health
  Evil^[]0;pwned^G… inactive prospect │ Evil^[]0;pwned^G ^[[31mRed^[[0m^MCR^HBS
                                      │ ═══════════════════════════════════════
                                      │
                                      │ @evil · prospect · member
                                      │
                                      │ Level: inactive: nothing in the last
                                      │ 365 days
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
                                      │
                                      │
                                      │
filter 'evil': 1 match (Esc clears)                                         1/1
EOF
screen "and in an entry's body" evil-entry <<'EOF'
 Daily Nonviolent Living                                                   ME
 1 Home  2 Members  3 Meetings  4 Repertoire  5 Topics  6 Health
 Escapes
 ═══════

 lesson · by ME · 2025-03-01 · 1 revision

 Esc
 ═══

 OSC 52: ^[]52;c;aGk=^G CSI: ^[[2J C1: <U+009B> bad: � tab: end












Tab links  Enter follow  Bksp back  / find  e edit  ? help                  all
EOF
finish
