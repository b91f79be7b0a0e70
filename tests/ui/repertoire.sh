#!/bin/sh
# repertoire.sh - the repertoire as a knowledge base on screen: an entry's
# history with a revision shown as a diff against now and restored with r,
# I used this (U), headings ([ ]) and the table of contents (T), the
# Repertoire's tags (t), wanted entries (W) and order (o), a missing link
# followed to write it, and lines of a meeting harvested (m, M).
. "$(dirname "$0")/lib.sh"
demo
{
	printf '%s\n' '# Breathing' '' 'Intro [[Not Written Yet]].' ''
	for h in First Second Third; do
		printf '## %s\n\n' "$h"
		for i in 1 2 3 4 5 6; do printf '%s line %s\n\n' "$h" "$i"; done
		[ "$h" = Second ] && printf '### Detail\n\nmore\n\n'
	done
} >"$T/v1.md"
c entry add "Breathing" --kind method --tags calm --file "$T/v1.md" >/dev/null
sed 's/^Second line 2$/Second line 2, changed/' "$T/v1.md" >"$T/v2.md"
COPSE_NOW=2025-03-01T13:00:00Z c entry edit 21 --file "$T/v2.md"
FE="sh $(cd "$(dirname "$0")/.." && pwd)/tools/fake-editor.sh"

app <<SCRIPT
key 4
key /
keys "breathing"
key Enter
key Enter
key ]
key ]
dump heading
key [
dump heading-back
key T
dump toc
key j
key j
key j
key Enter
dump toc-jumped
key H
dump history
key Tab
key Tab
key Enter
dump revision
key /
keys "changed"
key Enter
dump revision-change
key r
dump restore-ask
key y
dump restored
key Backspace
key Backspace
key U
keys "calmer handover"
key Enter
key G
dump used
key Backspace
key t
dump tags
key Backspace
key W
dump wanted
key Tab
key Enter
dump write-ask
key n
key Backspace
key Esc
key o
key o
dump by-use
SCRIPT
screen "] goes to the next heading, the one after with ] again" heading <<'EOF'
 Daily Nonviolent Living                                                   ME
 1 Home  2 Members  3 Meetings  4 Repertoire  5 Topics  6 Health
 Second
 ──────

 Second line 1

 Second line 2, changed

 Second line 3

 Second line 4

 Second line 5

 Second line 6

 Detail

 more

 Third
 ─────
Tab links  Enter follow  Bksp back  / find  e edit  ? help                  66%
EOF
screen "[ goes back to the one before" heading-back <<'EOF'
 Daily Nonviolent Living                                                   ME
 1 Home  2 Members  3 Meetings  4 Repertoire  5 Topics  6 Health
 First
 ─────

 First line 1

 First line 2

 First line 3

 First line 4

 First line 5

 First line 6

 Second
 ──────

 Second line 1

 Second line 2, changed
Tab links  Enter follow  Bksp back  / find  e edit  ? help                  25%
EOF
screen "T opens the table of contents, at the heading shown" toc <<'EOF'
 Daily Nonviolent Living                                                   ME
 1 Home  2 Members  3 Meetings  4 Repertoire  5 Topics  6 Health
 Contents (Enter go, Esc close)

 Breathing
   First
   Second
     Detail
   Third














Tab links  Enter follow  Bksp back  / find  e edit  ? help                  25%
EOF
screen "Enter goes to the heading picked" toc-jumped <<'EOF'
 Daily Nonviolent Living                                                   ME
 1 Home  2 Members  3 Meetings  4 Repertoire  5 Topics  6 Health

 Second line 6

 Detail

 more

 Third
 ─────

 Third line 1

 Third line 2

 Third line 3

 Third line 4

 Third line 5

 Third line 6
Tab links  Enter follow  Bksp back  / find  e edit  ? help                  end
EOF
screen "H: the history, a link for each revision" history <<'EOF'
 Daily Nonviolent Living                                                   ME
 1 Home  2 Members  3 Meetings  4 Repertoire  5 Topics  6 Health
 History of Breathing
 ════════════════════

 Each revision opens as a diff against the current text; there r makes it
 current again.

 • revision 2[1] · 2025-03-01 13:00 · by ME · Breathing (current)
 • revision 1[2] · 2025-03-01 12:00 · by ME · Breathing













Tab revisions  Enter open  Bksp back  ? help                                all
EOF
screen "a revision opens as a diff against the current text" revision <<'EOF'
 Daily Nonviolent Living                                                   ME
 1 Home  2 Members  3 Meetings  4 Repertoire  5 Topics  6 Health
 Revision 1 of Breathing
 ═══════════════════════

 2025-03-01 12:00 · by ME · now version 2

 Against the current text: - lines are only in revision 1, + lines only in
 version 2. r makes revision 1 current again.

     Title: Breathing
     Kind: method
     Tags: calm

     # Breathing

     Intro [[Not Written Yet]].

     ## First

     First line 1

     First line 2
r restore this revision  Bksp back  ? help                                  top
EOF
screen "- the line as it was, + as it is now" revision-change <<'EOF'
 Daily Nonviolent Living                                                   ME
 1 Home  2 Members  3 Meetings  4 Repertoire  5 Topics  6 Health

     First line 5

     First line 6

     ## Second

     Second line 1

   - Second line 2
   + Second line 2, changed

     Second line 3

     Second line 4

     Second line 5

     Second line 6

     ### Detail
r restore this revision  Bksp back  ? help                                  59%
EOF
screen "r asks before restoring" restore-ask <<'EOF'
 Daily Nonviolent Living                                                   ME
 1 Home  2 Members  3 Meetings  4 Repertoire  5 Topics  6 Health

     First line 5

     First line 6

     ## Second

     Second line 1

   - Second line 2
   + Second line 2, changed

     Second line 3

     Second line 4

     Second line 5

     Second line 6

     ### Detail
Make revision 1 the current text again (a new revision)? y/n
EOF
screen "y restores it as a new revision: now the same as the current text" restored <<'EOF'
 Daily Nonviolent Living                                                   ME
 1 Home  2 Members  3 Meetings  4 Repertoire  5 Topics  6 Health
     First line 5

     First line 6

     ## Second

     Second line 1

     Second line 2

     Second line 3

     Second line 4

     Second line 5

     Second line 6

     ### Detail

     more
revision 1 restored: now version 3                                          62%
EOF
screen "U counts a use with its outcome, shown in the reader" used <<'EOF'
 Daily Nonviolent Living                                                   ME
 1 Home  2 Members  3 Meetings  4 Repertoire  5 Topics  6 Health
 Third
 ─────

 Third line 1

 Third line 2

 Third line 3

 Third line 4

 Third line 5

 Third line 6

 Used 1 time
 ───────────

 By ME.

 • 2025-03-01 ME: calmer handover
Tab links  Enter follow  Bksp back  / find  e edit  ? help                  end
EOF
screen "t: the tags with their counts and entries" tags <<'EOF'
 Daily Nonviolent Living                                                   ME
 1 Home  2 Members  3 Meetings  4 Repertoire  5 Topics  6 Health
 Tags
 ════

 37 tags: entries, then members who know about it or are interested.

 apologies
 ─────────

 1 entry · 0 expertise · 0 interest

 • Apologies That Land[1] (draft)

 basics
 ──────

 1 entry · 0 expertise · 0 interest

 • The Four Components of NVC[2]

 calm
 ────
Tab links  Enter follow  Bksp back  / find  ? help                          top
EOF
screen "W: titles linked and not written, and orphans" wanted <<'EOF'
 Daily Nonviolent Living                                                   ME
 1 Home  2 Members  3 Meetings  4 Repertoire  5 Topics  6 Health
 Wanted entries
 ══════════════

 Titles that links name and nobody has written yet: follow one to write it.

 • Not Written Yet[1], linked from Breathing[2]

 Orphans
 ───────

 Entries no link leads to or from.

 None.








Tab links  Enter follow  Bksp back  / find  ? help                          all
EOF
screen "following a wanted title offers to write it" write-ask <<'EOF'
 Daily Nonviolent Living                                                   ME
 1 Home  2 Members  3 Meetings  4 Repertoire  5 Topics  6 Health
 Wanted entries
 ══════════════

 Titles that links name and nobody has written yet: follow one to write it.

 • Not Written Yet[1], linked from Breathing[2]

 Orphans
 ───────

 Entries no link leads to or from.

 None.








No entry 'Not Written Yet' yet. Write it? y/n
EOF
screen "o twice: the Repertoire by most used, with the counts" by-use <<'EOF'
 Daily Nonviolent Living                                                   ME
 1 Home  2 Members  3 Meetings  4 Repertoire  5 Topics  6 Health
  Self-Empathy in Three Br… method 3× │ Breathing
  Breathing                 method 1× │ ═════════
  De-escalating in the Mom… method 1× │
  Requests, Not Demands     lesson 1× │ method · by ME · 2025-03-01 · 3
  Restorative Check-ins at W… tool 1× │ revisions · used 1 time
  Running a Listening Circ… method 1× │
  The Empathy Guess           tool 1× │ Tags: calm
  The Five Restorative Que… method 1× │
  Apologies That Land        draft 0× │ Intro Not Written Yet[1].
  Bedtime Without a Battle   story 0× │
  Case: The Missed Handover   case 0× │ First
  Case: The Neighbour's Hedge case 0× │ ─────
  Consequences Instead of … lesson 0× │
  FAQ: How Do Our Meetings Wo… faq 0× │ First line 1
  FAQ: Isn't NVC Just Being N… faq 0× │
  FAQ: What If the Other Pers… faq 0× │ First line 2
  Feelings and Needs Lists    tool 0× │
  Observation Versus Evalu… lesson 0× │ First line 3
  The Four Components of N… lesson 0× │
  The Night Shift Shouting … story 0× │ First line 4
  聴く — Listening in Two L… story 0× │
ordered by most used                                                       2/21
EOF

# The meeting screen: m marks lines, M harvests them into a draft entry
# that remembers its meeting, notes and authors.
app <<SCRIPT
key 3
key /
keys "hard conv"
key Enter
key Enter
key G
key m
key k
key m
dump marked
key M
keys "Circle format"
key Enter
dump harvested
SCRIPT
screen "m marks lines for harvest" marked <<'EOF'
 Daily Nonviolent Living                                                   ME
 1 Home  2 Members  3 Meetings  4 Repertoire  5 Topics  6 Health
 Listening circle: hard conversations at home
 ════════════════════════════════════════════

 2024-10-03 18:00-19:30 · Linden Library, room 2 · held
 Here now: you

 ───────
 [x] Write up the listening-circle format as a method · Zoë Lindqvist, due
     2024-10-16, done

 Minutes
 ───────
   18:06 rafael   note     Talking piece: a smooth stone from Hanako's garden.
                           Three rounds: what happened, what it was like, what
                           I need now.
   18:15 hanako   note     Seven people spoke in every round; two passed once.
                           Nobody gave advice.
 ✓ 18:24 amara    question Could we use the same format with teenagers in form
                           time?
 ✓ 18:33 maren    decision Write the circle format up as a method so that
                           others can run it.
2 lines marked: M harvests them into a draft entry                          end
EOF
screen "M harvests them: the draft opens, saying where it came from" harvested <<'EOF'
 Daily Nonviolent Living                                                   ME
 1 Home  2 Members  3 Meetings  4 Repertoire  5 Topics  6 Health
 Circle format
 ═════════════

 lesson · draft · by ME · 2025-03-01 · 1 revision

 Harvested from Listening circle: hard conversations at home[1] (2024-10-03), 2
 notes by amara, maren

 • Question: Could we use the same format with teenagers in form time?
 • Decision: Write the circle format up as a method so that others can run it.











draft entry 22 harvested from 2 lines: e edits it                           all
EOF
c entry show 22 --json >"$T/draft.json"
expect_true "the draft remembers its meeting, notes and authors" python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))["harvested_from"]
sys.exit(not (len(d["notes"]) == 2 and d["authors"] == ["amara", "maren"]))' "$T/draft.json"
# A diff line wider than the screen wraps, its - or + on every row, so a
# change at its end shows (it was cut with an ellipsis, the two alike).
long="Every word of this line is the same in both revisions of the entry, up to the fruit named at its very end: apple"
printf '%s\n' "$long" | c entry add Longline --file - >/dev/null
printf '%s\n' "${long%apple}orange" | COPSE_NOW=2025-03-01T13:00:00Z c entry edit 23 --file -
app <<'SCRIPT'
key 4
key /
keys "Longline"
key Enter
key Enter
key H
key Tab
key Tab
key Enter
dump long-diff
attrs long-diff-attrs
SCRIPT
screen "a long diff line wraps with its marker on every row" long-diff <<'EOF'
 Daily Nonviolent Living                                                   ME
 1 Home  2 Members  3 Meetings  4 Repertoire  5 Topics  6 Health
 Revision 1 of Longline
 ══════════════════════

 2025-03-01 12:00 · by ME · now version 2

 Against the current text: - lines are only in revision 1, + lines only in
 version 2. r makes revision 1 current again.

     Title: Longline
     Kind: lesson
     Tags:

   - Every word of this line is the same in both revisions of the entry, up to
   - the fruit named at its very end: apple
   + Every word of this line is the same in both revisions of the entry, up to
   + the fruit named at its very end: orange





r restore this revision  Bksp back  ? help                                  all
EOF
attr_at "... the rows it continues on drawn as code too" long-diff long-diff-attrs \
	"the fruit named at its very end: orange" rC
attr_at "... their marker too" long-diff long-diff-attrs "+ the fruit" rC
finish
