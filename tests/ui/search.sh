#!/bin/sh
# search.sh - the search screen: / on Home and s anywhere open it; the
# hits follow the typing, grouped by kind with the matching words
# highlighted; Enter opens a hit at its match (an entry in the reader,
# found and highlighted as its own find would; a note in its meeting,
# selected); Backspace comes back with the query kept, Esc leaves.
. "$(dirname "$0")/lib.sh"
demo

app <<'SCRIPT'
key /
dump empty
keys "listen"
dump typing
attrs typing.attrs
key Down Down Down
dump moved
key Enter
dump reader
attrs reader.attrs
key Backspace
dump back
key Esc
dump home
key 2
key s
key "
keys "restorative questions"
dump phrase
key C-u
keys "listening NOT"
dump half-typed
key C-u
keys "OR circle"
dump malformed
key C-u
keys "zzyzx"
dump none
key Enter
dump none-enter
key C-u
keys "anger"
key Enter
dump note
attrs note.attrs
key Esc
key F1
dump help
SCRIPT

screen "/ on Home opens the search screen, its line empty, the language named" empty <<'EOF'
 Daily Nonviolent Living                                                   ME
 1 Home  2 Members  3 Meetings  4 Repertoire  5 Topics  6 Health
 Search:
 Words, "a phrase", prefix*, OR, NOT: entries, topics, members, minutes



















Enter open  Up/Down select  Esc back  F1 help
EOF
screen "the hits follow the typing: the last word also finds longer words; entries first, a title or tag match before a passing mention; drafts marked" typing <<'EOF'
 Daily Nonviolent Living                                                   ME
 1 Home  2 Members  3 Meetings  4 Repertoire  5 Topics  6 Health
 Search: listen
 9 entries, 4 members, 4 notes
 Entries
  Running a Listening Circle
    A listening circle is a round in which…
  聴く — Listening in Two Languages
    The Japanese verb 聴く (kiku, to listen…
  The Empathy Guess
    empathy listening nvc parenting
  FAQ: What If the Other Person Won't Play Along?
    …Distance is a legitimate strategy. - Bring it to a listening circle. Being
  The Five Restorative Questions
    …three — speaker, listener, observer — ten minutes a round. - The listener
  Apologies That Land · draft
    …I can do now? 5. Listens to the answer, even if it…
  The Four Components of NVC
    …from our meetings - He never listens → I said his name twice and…
  FAQ: How Do Our Meetings Work?
    …How we run circles: [[Running a Listening Circle]].
  FAQ: Isn't NVC Just Being Nice?
    …is; - use it more for listening than for talking. Examples: [[Case: The…
Enter open  Up/Down select  Esc back  F1 help                              1/17
EOF
attr_at "a matching word is highlighted in a hit's snippet" typing typing.attrs "listening nvc" R
attr_at "... the rest of the snippet is dim" typing typing.attrs "empathy listening" d
attr_at "the selected hit is shown selected" typing typing.attrs "Running a" r
screen "Down moves the selection (4/17)" moved <<'EOF'
 Daily Nonviolent Living                                                   ME
 1 Home  2 Members  3 Meetings  4 Repertoire  5 Topics  6 Health
 Search: listen
 9 entries, 4 members, 4 notes
 Entries
  Running a Listening Circle
    A listening circle is a round in which…
  聴く — Listening in Two Languages
    The Japanese verb 聴く (kiku, to listen…
  The Empathy Guess
    empathy listening nvc parenting
  FAQ: What If the Other Person Won't Play Along?
    …Distance is a legitimate strategy. - Bring it to a listening circle. Being
  The Five Restorative Questions
    …three — speaker, listener, observer — ten minutes a round. - The listener
  Apologies That Land · draft
    …I can do now? 5. Listens to the answer, even if it…
  The Four Components of NVC
    …from our meetings - He never listens → I said his name twice and…
  FAQ: How Do Our Meetings Work?
    …How we run circles: [[Running a Listening Circle]].
  FAQ: Isn't NVC Just Being Nice?
    …is; - use it more for listening than for talking. Examples: [[Case: The…
Enter open  Up/Down select  Esc back  F1 help                              4/17
EOF
screen "Enter opens the entry in the reader at the match" reader <<'EOF'
 Daily Nonviolent Living                                                   ME
 1 Home  2 Members  3 Meetings  4 Repertoire  5 Topics  6 Health
    yesterday? (The Empathy Guess[1])
 3. Look after yourself: if you can't be curious, you need empathy first — from
    yourself (Self-Empathy in Three Breaths[2]) or from a friend.
 4. Make one clear request, and mean it when you accept a no.

 When it keeps going wrong
 ─────────────────────────

 • Someone who keeps hurting you is not a practice opportunity. Distance is a
   legitimate strategy.
 • Bring it to a listening circle. Being heard by others often helps more than
   another conversation with the person.

 │ I spent a year trying to get my sister to do NVC. It got better the week I
 │ stopped.
 │ — a member, at the retrospective

 Linked from
 ───────────

 • FAQ: Isn't NVC Just Being Nice?[3]
Tab links  Enter follow  Bksp back  / find  e edit  ? help                  end
EOF
attr_at "... the match highlighted as the reader's find shows it" reader reader.attrs "listening circle. Being" R
screen "Backspace comes back to the search, query and selection kept" back <<'EOF'
 Daily Nonviolent Living                                                   ME
 1 Home  2 Members  3 Meetings  4 Repertoire  5 Topics  6 Health
 Search: listen
 9 entries, 4 members, 4 notes
 Entries
  Running a Listening Circle
    A listening circle is a round in which…
  聴く — Listening in Two Languages
    The Japanese verb 聴く (kiku, to listen…
  The Empathy Guess
    empathy listening nvc parenting
  FAQ: What If the Other Person Won't Play Along?
    …Distance is a legitimate strategy. - Bring it to a listening circle. Being
  The Five Restorative Questions
    …three — speaker, listener, observer — ten minutes a round. - The listener
  Apologies That Land · draft
    …I can do now? 5. Listens to the answer, even if it…
  The Four Components of NVC
    …from our meetings - He never listens → I said his name twice and…
  FAQ: How Do Our Meetings Work?
    …How we run circles: [[Running a Listening Circle]].
  FAQ: Isn't NVC Just Being Nice?
    …is; - use it more for listening than for talking. Examples: [[Case: The…
Enter open  Up/Down select  Esc back  F1 help                              4/17
EOF
screen "Esc leaves the search" home <<'EOF'
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
screen "s on another panel; an open quote is a phrase still being typed" phrase <<'EOF'
 Daily Nonviolent Living                                                   ME
 1 Home  2 Members  3 Meetings  4 Repertoire  5 Topics  6 Health
 Search: "restorative questions
 6 entries, 1 note
 Entries
  The Five Restorative Questions
    Restorative practice asks what happened, who has been affected, and how do
  Case: The Missed Handover
    …blamed. 2. The restorative questions ([[The Five Restorative Questions]]),
  Restorative Check-ins at Work
    …was it? Background: [[The Five Restorative Questions]]. A worked example:
  Consequences Instead of Punishment
    …s version of [[The Five Restorative Questions]]. 4. Agree what happens nex
  Running a Listening Circle
    …Related: [[The Five Restorative Questions]] and [[FAQ: How Do Our Meetings
  Case: The Neighbour's Hedge
    …tea and used [[The Five Restorative Questions]] loosely: 1. What has it…
 Notes in the minutes
  Restorative conversations: the five questions · 2024-12-26
    Practised the five restorative questions in threes: speaker, listener, obse



Enter open  Up/Down select  Esc back  F1 help                               1/7
EOF
screen "an operator at the end waits for its word" half-typed <<'EOF'
 Daily Nonviolent Living                                                   ME
 1 Home  2 Members  3 Meetings  4 Repertoire  5 Topics  6 Health
 Search: listening NOT
 6 entries, 4 members, 1 note
 Entries
  Running a Listening Circle
    A listening circle is a round in which…
  聴く — Listening in Two Languages
    listening-circles translation 日本語
  The Empathy Guess
    empathy listening nvc parenting
  FAQ: What If the Other Person Won't Play Along?
    …Distance is a legitimate strategy. - Bring it to a listening circle. Being
  FAQ: How Do Our Meetings Work?
    …How we run circles: [[Running a Listening Circle]].
  FAQ: Isn't NVC Just Being Nice?
    …is; - use it more for listening than for talking. Examples: [[Case: The…
 Members
  Rafael Duarte · alumni
    facilitation nvc listening-circles
  山田 花子 (Hanako Yamada) · active
    listening-circles mindfulness translation nvc parenting
  Zoë Lindqvist · active
Enter open  Up/Down select  Esc back  F1 help                              1/11
EOF
screen "a malformed query says why in one line" malformed <<'EOF'
 Daily Nonviolent Living                                                   ME
 1 Home  2 Members  3 Meetings  4 Repertoire  5 Topics  6 Health
 Search: OR circle
 search: OR needs a word on each side



















Enter open  Up/Down select  Esc back  F1 help
EOF
screen "no hits says no matches" none <<'EOF'
 Daily Nonviolent Living                                                   ME
 1 Home  2 Members  3 Meetings  4 Repertoire  5 Topics  6 Health
 Search: zzyzx
 no matches



















Enter open  Up/Down select  Esc back  F1 help
EOF
screen "Enter with no hits says so" none-enter <<'EOF'
 Daily Nonviolent Living                                                   ME
 1 Home  2 Members  3 Meetings  4 Repertoire  5 Topics  6 Health
 Search: zzyzx
 no matches



















no matches
EOF
screen "Enter on a note opens its meeting at that line" note <<'EOF'
 Daily Nonviolent Living                                                   ME
 1 Home  2 Members  3 Meetings  4 Repertoire  5 Topics  6 Health
 Parenting without punishment
 ════════════════════════════

 2024-12-12 18:00-19:30 · Linden Library, room 2 · held
 Here now: you

     2024-12-26, done

 Minutes
 ───────
 18:06 zoe      note     Opening question: what did you get punished for as a
                         child, and what did you learn from it? The most common
                         answer: how not to get caught.
 18:15 jonas    note     Toddler version of requests: offer two real choices.
                         Shoes first or coat first? worked three mornings out
                         of four.
 18:24 amara    note     A consequence is connected to the action and explained
                         in advance; a punishment is added on afterwards to
                         make it hurt.
 18:33 hanako   question What do we do with our own anger when the child does
                         the thing again?
a type  Space mark  e edit  d delete  R answer  i invite  A agenda  ? help  93%
EOF
attr_at "... the note selected" note note.attrs "the thing again?" r
screen "F1 on the search line lists its keys" help <<'EOF'
 Daily Nonviolent Living                                                   ME
 1 Home  2 Members  3 Meetings  4 Repertoire  5 Topics  6 Health
 Keys in the search screen
 ═════════════════════════

 • Enter: open the selected hit: an entry, topic or member in the reader at the
   match, a note in its meeting
 • Down, C-n: select the next hit
 • Up, C-p: select the previous hit
 • PgDn: a page of hits down
 • PgUp: a page of hits up
 • Esc: back to where you were (Backspace too, when the line is empty)
 • Left, C-b: one character left
 • Right, C-f: one character right
 • Home, C-a: to the start of the line
 • End, C-e: to the end of the line
 • Backspace: delete the character before the cursor
 • Delete, C-d: delete the character under the cursor
 • C-w: delete the word before the cursor
 • C-u: delete from the start of the line to the cursor
 • C-k: delete from the cursor to the end of the line
 • C-l: redraw the screen
 • F1: show the keys (F1 also on a line being typed)
j/k scroll  / find  q back                                                  top
EOF

# s from the reader; another session's note shows up while the hits are
# shown; a small terminal
app <<SCRIPT
key 4
key Enter
key s
keys "zebra"
dump before
sh "$COPSE_BIN" --db "$DB" note add 1 "a zebra crossing outside" >/dev/null
tick
dump after
resize 40 12
dump small
SCRIPT
screen "s opens the search from the reader" before <<'EOF'
 Daily Nonviolent Living                                                   ME
 1 Home  2 Members  3 Meetings  4 Repertoire  5 Topics  6 Health
 Search: zebra
 no matches



















Enter open  Up/Down select  Esc back  F1 help
EOF
screen "another session's note appears among the hits" after <<'EOF'
 Daily Nonviolent Living                                                   ME
 1 Home  2 Members  3 Meetings  4 Repertoire  5 Topics  6 Health
 Search: zebra
 1 note
 Notes in the minutes
  Kick-off: what brings us here? · 2024-09-05
    a zebra crossing outside
















Enter open  Up/Down select  Esc back  F1 help                               1/1
EOF
screen "40x12 still shows the line and the first hit" small <<'EOF'
 Daily Nonviolent Living           ME
 1 Hom 2 Mem 3 Mee 4 Rep 5 Top 6 Hea
 Search: zebra
 1 note
 Notes in the minutes
  Kick-off: what brings us here? · 2024
    a zebra crossing outside




Enter open  Up/Down select          1/1
EOF
finish
