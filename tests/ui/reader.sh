#!/bin/sh
# reader.sh - the Markdown reader: open an entry, Tab selects links (the
# selected one highlighted), Enter follows [[Title]] case-insensitively,
# a missing title is shown as missing and says so, a URL is only shown,
# Backspace goes back along the history, / finds text and n/N step.
. "$(dirname "$0")/lib.sh"
demo
printf '%s\n' '# Links Test' '' 'See [[Nowhere Yet]] and [[the empathy guess]].' '' \
	'Web: <https://example.org/x>.' '' 'First find: here.' '' 'Second find: there.' >"$T/body.md"
c entry add "Links Test" --kind tool --tags testing --file "$T/body.md" >/dev/null

app <<'SCRIPT'
key 4
key /
keys "links test"
key Enter
key Enter
dump reader
key Tab
dump link1
attrs link1.attrs
key Enter
dump missing
key n
key Tab
key Enter
dump followed
key Backspace
dump back
key Tab
key Enter
dump url
key S-Tab
dump shift-tab
key /
keys "find"
key Enter
dump find
attrs find.attrs
key n
dump find-n
attrs find-n.attrs
key N
attrs find-N.attrs
key n
key n
dump find-wrapped
key Esc
dump back-to-list
SCRIPT

screen "the reader shows the entry with its metadata" reader <<'EOF'
 Daily Nonviolent Living                                                   ME
 1 Home  2 Members  3 Meetings  4 Repertoire  5 Topics  6 Health
 Links Test
 ══════════

 tool · by ME · 2025-03-01 · 1 revision

 Tags: testing

 See Nowhere Yet[1] and the empathy guess[2].

 Web: https://example.org/x[3].

 First find: here.

 Second find: there.







Tab links  Enter follow  Bksp back  / find  e edit  ? help                  all
EOF
screen "Tab selects the first link and names it" link1 <<'EOF'
 Daily Nonviolent Living                                                   ME
 1 Home  2 Members  3 Meetings  4 Repertoire  5 Topics  6 Health
 Links Test
 ══════════

 tool · by ME · 2025-03-01 · 1 revision

 Tags: testing

 See Nowhere Yet[1] and the empathy guess[2].

 Web: https://example.org/x[3].

 First find: here.

 Second find: there.







[1] Nowhere Yet (no such entry yet)                                         all
EOF
attr_at "the selected link is highlighted" link1 link1.attrs "Nowhere Yet" rR
attr_at "the other links are not" link1 link1.attrs "the empathy guess" uU
screen "Enter on a missing title offers to write it" missing <<'EOF'
 Daily Nonviolent Living                                                   ME
 1 Home  2 Members  3 Meetings  4 Repertoire  5 Topics  6 Health
 Links Test
 ══════════

 tool · by ME · 2025-03-01 · 1 revision

 Tags: testing

 See Nowhere Yet[1] and the empathy guess[2].

 Web: https://example.org/x[3].

 First find: here.

 Second find: there.







No entry 'Nowhere Yet' yet. Write it? y/n
EOF
screen "Enter follows [[the empathy guess]] case-insensitively" followed <<'EOF'
 Daily Nonviolent Living                                                   ME
 1 Home  2 Members  3 Meetings  4 Repertoire  5 Topics  6 Health
 The Empathy Guess
 ═════════════════

 tool · by amara · 2025-02-22 · 2 revisions · used 1 time

 Tags: empathy, listening, nvc, parenting

 An empathy guess is a question about what the other person might be feeling
 and needing. It is a guess: being wrong is fine, because a wrong guess invites
 a correction, and a correction is connection.

 The shape
 ─────────

   Are you feeling ______ because you need ______ ?

 Shorter, and more like everyday speech:

   Sounds like you're worried about ______ ?
   Are you wanting ______ ?
   Is it that ______ really matters to you?
Tab links  Enter follow  Bksp back  / find  e edit  ? help                  top
EOF
screen "Backspace goes back, the link still selected" back <<'EOF'
 Daily Nonviolent Living                                                   ME
 1 Home  2 Members  3 Meetings  4 Repertoire  5 Topics  6 Health
 Links Test
 ══════════

 tool · by ME · 2025-03-01 · 1 revision

 Tags: testing

 See Nowhere Yet[1] and the empathy guess[2].

 Web: https://example.org/x[3].

 First find: here.

 Second find: there.







Tab links  Enter follow  Bksp back  / find  e edit  ? help                  all
EOF
screen "a URL is shown in the status line, not opened" url <<'EOF'
 Daily Nonviolent Living                                                   ME
 1 Home  2 Members  3 Meetings  4 Repertoire  5 Topics  6 Health
 Links Test
 ══════════

 tool · by ME · 2025-03-01 · 1 revision

 Tags: testing

 See Nowhere Yet[1] and the empathy guess[2].

 Web: https://example.org/x[3].

 First find: here.

 Second find: there.







link: https://example.org/x                                                 all
EOF
screen "Shift-Tab selects the previous link" shift-tab <<'EOF'
 Daily Nonviolent Living                                                   ME
 1 Home  2 Members  3 Meetings  4 Repertoire  5 Topics  6 Health
 Links Test
 ══════════

 tool · by ME · 2025-03-01 · 1 revision

 Tags: testing

 See Nowhere Yet[1] and the empathy guess[2].

 Web: https://example.org/x[3].

 First find: here.

 Second find: there.







[2] the empathy guess                                                       all
EOF
screen "/ finds text" find <<'EOF'
 Daily Nonviolent Living                                                   ME
 1 Home  2 Members  3 Meetings  4 Repertoire  5 Topics  6 Health
 Links Test
 ══════════

 tool · by ME · 2025-03-01 · 1 revision

 Tags: testing

 See Nowhere Yet[1] and the empathy guess[2].

 Web: https://example.org/x[3].

 First find: here.

 Second find: there.







Tab links  Enter follow  Bksp back  / find  e edit  ? help                  all
EOF
attr_at "the match is highlighted" find find.attrs "find: here" rR
attr_at "n highlights the next match" find-n find-n.attrs "find: there" rR
attr_at "... and not the first one any more" find-n find-n.attrs "find: here" .
attr_at "N goes back to the previous match" find-n find-N.attrs "find: here" rR
screen "n after the last match wraps around and says so" find-wrapped <<'EOF'
 Daily Nonviolent Living                                                   ME
 1 Home  2 Members  3 Meetings  4 Repertoire  5 Topics  6 Health
 Links Test
 ══════════

 tool · by ME · 2025-03-01 · 1 revision

 Tags: testing

 See Nowhere Yet[1] and the empathy guess[2].

 Web: https://example.org/x[3].

 First find: here.

 Second find: there.







search wrapped                                                              all
EOF
screen "Esc leaves the reader for the list" back-to-list <<'EOF'
 Daily Nonviolent Living                                                   ME
 1 Home  2 Members  3 Meetings  4 Repertoire  5 Topics  6 Health
  Links Test                     tool │ Links Test
                                      │ ══════════
                                      │
                                      │ tool · by ME · 2025-03-01 · 1
                                      │ revision
                                      │
                                      │ Tags: testing
                                      │
                                      │ See Nowhere Yet[1] and the empathy
                                      │ guess[2].
                                      │
                                      │ Web: https://example.org/x[3].
                                      │
                                      │ First find: here.
                                      │
                                      │ Second find: there.
                                      │
                                      │
                                      │
                                      │
                                      │
/links test  Esc clear  n/N next/prev  Enter open  ? help                   1/1
EOF

# l and Right follow the selected link too, as h and Left go back.
app <<'SCRIPT'
key 4
key /
keys "links test"
key Enter
key Enter
key Tab
key Tab
key l
dump follow-l
key Left
dump back-left
key Right
dump follow-right
SCRIPT
expect_grep "l follows the selected link" "^ The Empathy Guess$" "$T/s/follow-l"
expect_grep "Left goes back" "^ Links Test$" "$T/s/back-left"
expect_grep "... and Right follows again" "^ The Empathy Guess$" "$T/s/follow-right"
# A question longer than the status line goes on the row above it, whole,
# rather than stopping mid-word.
app <<'SCRIPT'
resize 40 12
key 4
key /
keys "links test"
key Enter
key Enter
key Tab
key Enter
dump narrow-missing
SCRIPT
tail -n 2 "$T/s/narrow-missing" | tr '\n' ' ' >"$T/narrow-status"
expect_grep "a long question at 40 columns wraps onto the row above, whole" \
	"^No entry 'Nowhere Yet' yet. Write it? y/n \$" "$T/narrow-status"
finish
