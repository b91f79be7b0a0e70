#!/bin/sh
# edit.sh - add, edit and delete from the app with a fake $EDITOR: "a"
# asks the title inline and opens the record's template; "e" edits it (a
# save only when the text changed); a version conflict shows both
# versions to merge and loses nothing; "d" asks y/n and archives an entry
# or deletes a member; a failing editor saves nothing.
. "$(dirname "$0")/lib.sh"
demo
FE="sh $(cd "$(dirname "$0")/../tools" && pwd)/fake-editor.sh"

# The "conflict" editor: on its first run another session saves the same
# entry, then our change is made; on the second run (the merge) it keeps
# both versions' lines and drops the markers.
cat >"$T/conflict-editor.sh" <<EOF
if [ -f "$T/ran" ]; then
	cp "\$1" "$T/merge-text"
	sed -e '/^<<<<<<< /d' -e '/^=======\$/d' -e '/^>>>>>>> /d' "\$1" >"\$1.new" && cat "\$1.new" >"\$1"
else
	touch "$T/ran"
	printf 'Make tea before you talk, always.\n' >"$T/theirs.md"
	"$COPSE_BIN" --db "$DB" entry edit \$(cat "$T/id") --file "$T/theirs.md" >/dev/null
	sed -e 's/Make tea before you talk\\./Make tea before every talk./' "\$1" >"\$1.new" && cat "\$1.new" >"\$1"
fi
EOF

app <<SCRIPT
key 4
env EDITOR $FE append 'Make tea before you talk.'
key a
keys "Tea Before Talk"
dump add-title
key Enter
dump added
sh "$COPSE_BIN" --db "$DB" entry list | awk '/Tea Before Talk/ { print \$1 }' >"$T/id"
env EDITOR $FE keep
key e
dump unchanged
env EDITOR sh $T/conflict-editor.sh
key e
dump merged
env EDITOR $FE fail 3
key e
dump editor-failed
key d
dump confirm
key n
dump kept
key d
key y
dump trashed
key 2
env EDITOR $FE sed 's/^Handle:.*/Handle: noor/'
key a
keys "Noor Haddad"
key Enter
key /
keys "noor"
key Enter
dump member-added
key d
key y
dump member-deleted
SCRIPT

screen "a asks the title on the status line" add-title <<'EOF'
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
New entry's title: Tea Before Talk
EOF
screen "the entry is added from the template and selected" added <<'EOF'
 Daily Nonviolent Living                                                   ME
 1 Home  2 Members  3 Meetings  4 Repertoire  5 Topics  6 Health
  Apologies That Land           draft │ Tea Before Talk
  Bedtime Without a Battle      story │ ═══════════════
  Case: The Missed Handover      case │
  Case: The Neighbour's Hedge    case │ lesson · by ME · 2025-03-01 · 1
  Consequences Instead of Pun… lesson │ revision
  De-escalating in the Moment  method │
  FAQ: How Do Our Meetings Work?  faq │ Make tea before you talk.
  FAQ: Isn't NVC Just Being Nice? faq │
  FAQ: What If the Other Person … faq │
  Feelings and Needs Lists       tool │
  Observation Versus Evaluati… lesson │
  Requests, Not Demands        lesson │
  Restorative Check-ins at Work  tool │
  Running a Listening Circle   method │
  Self-Empathy in Three Breat… method │
  Tea Before Talk              lesson │
  The Empathy Guess              tool │
  The Five Restorative Questi… method │
  The Four Components of NVC   lesson │
  The Night Shift Shouting Mat… story │
  聴く — Listening in Two Lang… story │
entry 21 added                                                            16/21
EOF
screen "leaving the editor without a change saves nothing" unchanged <<'EOF'
 Daily Nonviolent Living                                                   ME
 1 Home  2 Members  3 Meetings  4 Repertoire  5 Topics  6 Health
  Apologies That Land           draft │ Tea Before Talk
  Bedtime Without a Battle      story │ ═══════════════
  Case: The Missed Handover      case │
  Case: The Neighbour's Hedge    case │ lesson · by ME · 2025-03-01 · 1
  Consequences Instead of Pun… lesson │ revision
  De-escalating in the Moment  method │
  FAQ: How Do Our Meetings Work?  faq │ Make tea before you talk.
  FAQ: Isn't NVC Just Being Nice? faq │
  FAQ: What If the Other Person … faq │
  Feelings and Needs Lists       tool │
  Observation Versus Evaluati… lesson │
  Requests, Not Demands        lesson │
  Restorative Check-ins at Work  tool │
  Running a Listening Circle   method │
  Self-Empathy in Three Breat… method │
  Tea Before Talk              lesson │
  The Empathy Guess              tool │
  The Five Restorative Questi… method │
  The Four Components of NVC   lesson │
  The Night Shift Shouting Mat… story │
  聴く — Listening in Two Lang… story │
no changes; nothing saved                                                 16/21
EOF
screen "a conflict is merged and saved, both versions kept" merged <<'EOF'
 Daily Nonviolent Living                                                   ME
 1 Home  2 Members  3 Meetings  4 Repertoire  5 Topics  6 Health
  Apologies That Land           draft │ Tea Before Talk
  Bedtime Without a Battle      story │ ═══════════════
  Case: The Missed Handover      case │
  Case: The Neighbour's Hedge    case │ lesson · by ME · 2025-03-01 · 3
  Consequences Instead of Pun… lesson │ revisions
  De-escalating in the Moment  method │
  FAQ: How Do Our Meetings Work?  faq │ Make tea before every talk. Make tea
  FAQ: Isn't NVC Just Being Nice? faq │ before you talk, always.
  FAQ: What If the Other Person … faq │
  Feelings and Needs Lists       tool │
  Observation Versus Evaluati… lesson │
  Requests, Not Demands        lesson │
  Restorative Check-ins at Work  tool │
  Running a Listening Circle   method │
  Self-Empathy in Three Breat… method │
  Tea Before Talk              lesson │
  The Empathy Guess              tool │
  The Five Restorative Questi… method │
  The Four Components of NVC   lesson │
  The Night Shift Shouting Mat… story │
  聴く — Listening in Two Lang… story │
entry 21 saved                                                            16/21
EOF
screen "a failing editor saves nothing and says why" editor-failed <<'EOF'
 Daily Nonviolent Living                                                   ME
 1 Home  2 Members  3 Meetings  4 Repertoire  5 Topics  6 Health
  Apologies That Land           draft │ Tea Before Talk
  Bedtime Without a Battle      story │ ═══════════════
  Case: The Missed Handover      case │
  Case: The Neighbour's Hedge    case │ lesson · by ME · 2025-03-01 · 3
  Consequences Instead of Pun… lesson │ revisions
  De-escalating in the Moment  method │
  FAQ: How Do Our Meetings Work?  faq │ Make tea before every talk. Make tea
  FAQ: Isn't NVC Just Being Nice? faq │ before you talk, always.
  FAQ: What If the Other Person … faq │
  Feelings and Needs Lists       tool │
  Observation Versus Evaluati… lesson │
  Requests, Not Demands        lesson │
  Restorative Check-ins at Work  tool │
  Running a Listening Circle   method │
  Self-Empathy in Three Breat… method │
  Tea Before Talk              lesson │
  The Empathy Guess              tool │
  The Five Restorative Questi… method │
  The Four Components of NVC   lesson │
  The Night Shift Shouting Mat… story │
  聴く — Listening in Two Lang… story │
editor exited with status 3; nothing saved                                16/21
EOF
screen "d asks before moving the entry to the trash" confirm <<'EOF'
 Daily Nonviolent Living                                                   ME
 1 Home  2 Members  3 Meetings  4 Repertoire  5 Topics  6 Health
  Apologies That Land           draft │ Tea Before Talk
  Bedtime Without a Battle      story │ ═══════════════
  Case: The Missed Handover      case │
  Case: The Neighbour's Hedge    case │ lesson · by ME · 2025-03-01 · 3
  Consequences Instead of Pun… lesson │ revisions
  De-escalating in the Moment  method │
  FAQ: How Do Our Meetings Work?  faq │ Make tea before every talk. Make tea
  FAQ: Isn't NVC Just Being Nice? faq │ before you talk, always.
  FAQ: What If the Other Person … faq │
  Feelings and Needs Lists       tool │
  Observation Versus Evaluati… lesson │
  Requests, Not Demands        lesson │
  Restorative Check-ins at Work  tool │
  Running a Listening Circle   method │
  Self-Empathy in Three Breat… method │
  Tea Before Talk              lesson │
  The Empathy Guess              tool │
  The Five Restorative Questi… method │
  The Four Components of NVC   lesson │
  The Night Shift Shouting Mat… story │
  聴く — Listening in Two Lang… story │
Move the entry 'Tea Before Talk' with its 3 revisions to the trash? y/n
EOF
screen "n keeps the entry" kept <<'EOF'
 Daily Nonviolent Living                                                   ME
 1 Home  2 Members  3 Meetings  4 Repertoire  5 Topics  6 Health
  Apologies That Land           draft │ Tea Before Talk
  Bedtime Without a Battle      story │ ═══════════════
  Case: The Missed Handover      case │
  Case: The Neighbour's Hedge    case │ lesson · by ME · 2025-03-01 · 3
  Consequences Instead of Pun… lesson │ revisions
  De-escalating in the Moment  method │
  FAQ: How Do Our Meetings Work?  faq │ Make tea before every talk. Make tea
  FAQ: Isn't NVC Just Being Nice? faq │ before you talk, always.
  FAQ: What If the Other Person … faq │
  Feelings and Needs Lists       tool │
  Observation Versus Evaluati… lesson │
  Requests, Not Demands        lesson │
  Restorative Check-ins at Work  tool │
  Running a Listening Circle   method │
  Self-Empathy in Three Breat… method │
  Tea Before Talk              lesson │
  The Empathy Guess              tool │
  The Five Restorative Questi… method │
  The Four Components of NVC   lesson │
  The Night Shift Shouting Mat… story │
  聴く — Listening in Two Lang… story │
nothing changed                                                           16/21
EOF
screen "y moves it to the trash: it leaves the list" trashed <<'EOF'
 Daily Nonviolent Living                                                   ME
 1 Home  2 Members  3 Meetings  4 Repertoire  5 Topics  6 Health
  Apologies That Land           draft │ The Empathy Guess
  Bedtime Without a Battle      story │ ═════════════════
  Case: The Missed Handover      case │
  Case: The Neighbour's Hedge    case │ tool · by amara · 2025-02-22 · 2
  Consequences Instead of Pun… lesson │ revisions · used 1 time
  De-escalating in the Moment  method │
  FAQ: How Do Our Meetings Work?  faq │ Tags: empathy, listening, nvc,
  FAQ: Isn't NVC Just Being Nice? faq │ parenting
  FAQ: What If the Other Person … faq │
  Feelings and Needs Lists       tool │ An empathy guess is a question about
  Observation Versus Evaluati… lesson │ what the other person might be feeling
  Requests, Not Demands        lesson │ and needing. It is a guess: being wrong
  Restorative Check-ins at Work  tool │ is fine, because a wrong guess invites
  Running a Listening Circle   method │ a correction, and a correction is
  Self-Empathy in Three Breat… method │ connection.
  The Empathy Guess              tool │
  The Five Restorative Questi… method │ The shape
  The Four Components of NVC   lesson │ ─────────
  The Night Shift Shouting Mat… story │
  聴く — Listening in Two Lang… story │   Are you feeling ______ because you n…
                                      │
entry 21 moved to the trash (u brings it back)                            16/20
EOF
screen "a member is added with the fields from the template" member-added <<'EOF'
 Daily Nonviolent Living                                                   ME
 1 Home  2 Members  3 Meetings  4 Repertoire  5 Topics  6 Health
  Noor Haddad       inactive prospect │ Noor Haddad
                                      │ ═══════════
                                      │
                                      │ @noor · prospect · member
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
filter 'noor': 1 match (Esc clears)                                         1/1
EOF
screen "d y moves the member, who has no history, to the trash" member-deleted <<'EOF'
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
# The connection drops while the editor runs: copse and the editor get
# SIGHUP.  The editor had written its text: it comes back with e.
cat >"$T/hup-editor.sh" <<EOF
sed -e 's/Collected by/Recovered words. Collected by/' "\$1" >"\$1.new" && cat "\$1.new" >"\$1"
p=\$PPID i=0
while [ \$i -lt 5 ] && [ "\$(ps -o comm= -p \$p)" != copse ]; do
	p=\$(ps -o ppid= -p \$p | tr -d ' '); i=\$((i + 1))
done
kill -HUP \$p
kill -HUP \$\$
EOF
APP_STDERR_OK=1 app <<SCRIPT
key 4
key /
keys "bedtime"
key Enter
env EDITOR sh $T/hup-editor.sh
key e
SCRIPT
expect_true "the dropped edit is kept as a draft" \
	sh -c "grep -l 'Recovered words' '$XDG_STATE_HOME'/copse/drafts/entry-*.md >/dev/null"
app <<SCRIPT
key 4
key /
keys "bedtime"
key Enter
env EDITOR $FE keep
key e
dump recovered
SCRIPT
screen "e brings the text back and saves it" recovered <<'EOF'
 Daily Nonviolent Living                                                   ME
 1 Home  2 Members  3 Meetings  4 Repertoire  5 Topics  6 Health
  Bedtime Without a Battle      story │ Bedtime Without a Battle
                                      │ ════════════════════════
                                      │
                                      │ story · by zoe · 2025-03-01 · 2
                                      │ revisions
                                      │
                                      │ Tags: parenting, stories
                                      │
                                      │ Recovered words. Collected by Zoë from
                                      │ five parents in the group. Details
                                      │ changed; the struggle is real.
                                      │
                                      │ For about a year, bedtime in our house
                                      │ was a war. Teeth, pyjamas, one more
                                      │ story, water, the toilet, I'm scared,
                                      │ one more story. I tried sticker charts,
                                      │ I tried taking away the next day's
                                      │ screen time, I tried shouting.
                                      │ Everything worked for three nights.
                                      │
                                      │ What changed
entry 11 saved                                                              1/1
EOF
expect_true "the recovered text is in the entry" \
	sh -c "'$COPSE_BIN' --db '$DB' entry list | awk '/Bedtime/ { print \$1 }' | xargs '$COPSE_BIN' --db '$DB' entry show --raw | grep -q 'Recovered words'"

id=$(cat "$T/id")
c trash restore entry "$id" >/dev/null   # d moved it to the trash
c entry show "$id" --raw >"$T/raw" 2>&1
expect_grep "the merge kept their line" "before you talk, always" "$T/raw"
expect_grep "... and ours" "before every talk" "$T/raw"
expect_grep "the merge names the version it was made against, and by whom" \
	"^>>>>>>> theirs (version 2 by $ME)$" "$T/merge-text"
expect_grep "... and says who changed it when" \
	"^#! entry [0-9]* changed since your text began (version 1): edited by $ME at 2025-03-01 12:00; now version 2\.$" \
	"$T/merge-text"
c entry history "$id" >"$T/history" 2>&1
expect_true "three revisions: added, theirs, merged" test "$(grep -c '^ *[0-9]' "$T/history")" -ge 3
expect_true "drafts of saved texts are gone; the failed editor's is kept" \
	test "$(ls "$XDG_STATE_HOME/copse/drafts" | grep -c '^entry-.*\.draft$')" -eq 1
finish
