#!/bin/sh
# drafts.sh - drafts done right.  At start the kept drafts of this
# database are listed, each with what it belongs to and when; r recovers
# one, x (or d) discards it after y/n, s skips it, q keeps the rest for
# later.  A recovered draft goes through the version check: when the
# record moved on, the editor shows both versions with who changed it and
# when, and nothing is reverted.  A draft is tied to its record for good
# (the record's creation time and the database are in the draft): it is
# never applied to another record, and when its record is gone it can be
# added as a new one.  Drafts of new records come back too; quitting the
# editor unchanged on an add adds nothing.
. "$(dirname "$0")/lib.sh"
demo
FE="sh $(cd "$(dirname "$0")/../tools" && pwd)/fake-editor.sh"
D="$XDG_STATE_HOME/copse/drafts"
mkdir -p "$D"

# kept NAME HEADER... : a draft file as a session that ended left it
# (its text on stdin); Pid 1 on another host: nobody is still typing it.
kept() {
	name=$1; shift
	{
		printf 'Copse-Draft: 1\n'
		printf '%s\n' "$@"
		printf 'Database: %s\nPid: 1\nHost: elsewhere\n\n' "$DB"
		cat
	} >"$D/$name.draft"
}
json_field() { # KIND ID FIELD
	c "$1" show "$2" --json | sed -n "s/^  \"$3\": \"\{0,1\}\([^\",]*\)\"\{0,1\},\{0,1\}\$/\1/p"
}

# Meeting 15 goes to the trash first (its draft is kept below).
m15_created=$(json_field meeting 15 created)
app <<'SCRIPT'
key 3
key j
key d
key y
SCRIPT
m14_created=$(json_field meeting 14 created)
e11_created=$(json_field entry 11 created)

# A: an edit of entry 11 started from version 1 ...
c entry show 11 --raw >"$T/e11.md"
{
	printf 'Title: Bedtime Without a Battle\nKind: story\nTags: parenting, stories\nStatus: published\n\n'
	sed 's/^For about a year, bedtime/Draft words. For about a year, bedtime/' "$T/e11.md"
} | kept entry-aaaaaa "Kind: entry" "Context: entry 11" "Record: entry 11" \
	"Record-Created: $e11_created" "Version: 1" "Title: Bedtime Without a Battle" \
	"Created: 2025-03-01T11:50:00Z"
# ... and someone saved entry 11 since (version 2).
sed 's/^It isn.t magic\./Their words. It is not magic./' "$T/e11.md" >"$T/theirs.md"
COPSE_NOW=2025-03-01T11:55:00Z c entry edit 11 --file "$T/theirs.md" >/dev/null
# B: a new topic typed when the connection dropped.
printf 'Title: Circles for teenagers\nStatus: open\n\nCould we run a circle for teenagers?\n' |
	kept topic-bbbbbb "Kind: topic" "Context: new topic" "Created: 2025-03-01T11:52:00Z"
# C: an edit of "meeting 14" - but another meeting 14, made long before
# (the database at this path was made anew since).
printf 'Title: Old planning\nStarts: 2020-01-10 18:00\nStatus: planned\n\n## Agenda\n\nOld agenda.\n' |
	kept meeting-cccccc "Kind: meeting" "Context: meeting 14" "Record: meeting 14" \
	"Record-Created: 2020-01-01T10:00:00Z" "Version: 1" "Title: Old planning" \
	"Created: 2025-03-01T11:53:00Z"
# D: an edit of meeting 15, now in the trash.
printf 'Title: Open practice night\nStarts: 2025-03-20 18:00\nStatus: planned\n\n## Agenda\n\nRecovered agenda.\n' |
	kept meeting-dddddd "Kind: meeting" "Context: meeting 15" "Record: meeting 15" \
	"Record-Created: $m15_created" "Version: 1" "Title: Open practice night" \
	"Created: 2025-03-01T11:54:00Z"
# E: a new member, to be discarded.
printf 'Name: Noor Haddad\nStatus: prospect\n\nMet at the library.\n' |
	kept member-eeeeee "Kind: member" "Context: new member" "Created: 2025-03-01T11:55:00Z"
# F: a line typed in meeting 14.
printf 'd: we meet on Thursdays' |
	kept note-ffffff "Kind: note" "Context: meeting 14" "Record: meeting 14" \
	"Record-Created: $m14_created" "Title: Apologies that land" "Created: 2025-03-01T11:56:00Z"
# Not offered: a draft of another database, and one a running session
# is still typing.
sed "s|^Database: .*|Database: $T/other.db|" "$D/topic-bbbbbb.draft" >"$D/topic-gggggg.draft"
sed -e "s|^Pid: .*|Pid: $$|" -e "s|^Host: .*|Host: $(hostname)|" \
	"$D/member-eeeeee.draft" >"$D/member-hhhhhh.draft"
c meeting show 14 --json >"$T/m14.before"
nmeet=$(c meeting list | grep -c '^ *[0-9]')
ntopic=$(c topic list | grep -c '^ *[0-9]')

# The merge editor: keeps what it was given, then keeps both sides.
cat >"$T/merge-editor.sh" <<EOF
cp "\$1" "$T/merge-text"
sed -e '/^<<<<<<< /d' -e '/^=======\$/d' -e '/^>>>>>>> /d' "\$1" >"\$1.new" && cat "\$1.new" >"\$1"
EOF

app <<SCRIPT
dump start
env EDITOR sh $T/merge-editor.sh
key r
dump merged
env EDITOR $FE keep
key r
dump topic-added
key r
dump not-this-record
key x
dump record-discarded
key r
dump gone
key n
dump added-as-new
key x
dump discard-asks
key y
dump discarded
key s
dump skipped
key q
dump later
SCRIPT

screen "at start the kept drafts are listed with what and when" start <<'EOF'
 Daily Nonviolent Living                                                   ME
 1 Home  2 Members  3 Meetings  4 Repertoire  5 Topics  6 Health
 Kept drafts: text from sessions that ended before it was saved
  entry 11 'Bedtime Without a Battle'          changed since · 2025-03-01 11:50
  new topic 'Circles for teenagers'                            2025-03-01 11:52
  meeting 14 'Old planning'                             gone · 2025-03-01 11:53
  meeting 15 'Open practice night'              in the trash · 2025-03-01 11:54
  new member 'Noor Haddad'                                     2025-03-01 11:55
  line in meeting 14 'Apologies that land'                     2025-03-01 11:56
────────────────────────────────────────────────────────────────────────────────
 Title: Bedtime Without a Battle
 Kind: story
 Tags: parenting, stories
 Status: published

 # Bedtime Without a Battle

 *Collected by Zoë from five parents in the group. Details changed; the
 struggle
 is real.*

 Draft words. For about a year, bedtime in our house was a war. Teeth,
 pyjamas, one more
r recover  x discard  s skip  q keep for later  ? help                      1/6
EOF
expect_grep "the merge shows their version, who saved it and when" \
	"^#! entry 11 changed .*version 1.*: edited by $ME at 2025-03-01 11:55; now version 2\.$" "$T/merge-text"
expect_grep "... and says their side stays in the entry's history" \
	"copse entry history 11" "$T/merge-text"
expect_grep "... with the draft's words" "^Draft words\. For about a year" "$T/merge-text"
expect_grep "... and theirs, version 2" "^>>>>>>> theirs (version 2 by $ME)" "$T/merge-text"
c entry show 11 --raw >"$T/e11.after"
expect_grep "their edit is not reverted" "^Their words\. It is not magic\." "$T/e11.after"
expect_grep "... and the draft's words are in too" "^Draft words\. For about a year" "$T/e11.after"
screen "r on an edit that moved on saves the merge" merged <<'EOF'
 Daily Nonviolent Living                                                   ME
 1 Home  2 Members  3 Meetings  4 Repertoire  5 Topics  6 Health
 Kept drafts: text from sessions that ended before it was saved
  new topic 'Circles for teenagers'                            2025-03-01 11:52
  meeting 14 'Old planning'                             gone · 2025-03-01 11:53
  meeting 15 'Open practice night'              in the trash · 2025-03-01 11:54
  new member 'Noor Haddad'                                     2025-03-01 11:55
  line in meeting 14 'Apologies that land'                     2025-03-01 11:56
────────────────────────────────────────────────────────────────────────────────
 Title: Circles for teenagers
 Status: open

 Could we run a circle for teenagers?










entry 11 saved                                                              1/5
EOF
screen "r on a new topic's draft adds it" topic-added <<'EOF'
 Daily Nonviolent Living                                                   ME
 1 Home  2 Members  3 Meetings  4 Repertoire  5 Topics  6 Health
 Kept drafts: text from sessions that ended before it was saved
  meeting 14 'Old planning'                             gone · 2025-03-01 11:53
  meeting 15 'Open practice night'              in the trash · 2025-03-01 11:54
  new member 'Noor Haddad'                                     2025-03-01 11:55
  line in meeting 14 'Apologies that land'                     2025-03-01 11:56
────────────────────────────────────────────────────────────────────────────────
 Title: Old planning
 Starts: 2020-01-10 18:00
 Status: planned

 ## Agenda

 Old agenda.








topic 7 added                                                               1/4
EOF
expect_true "the new topic is there" sh -c "'$COPSE_BIN' --db '$DB' topic list | grep -q 'Circles for teenagers'"
screen "a draft of another record with that id is not applied" not-this-record <<'EOF'
 Daily Nonviolent Living                                                   ME
 1 Home  2 Members  3 Meetings  4 Repertoire  5 Topics  6 Health
 Kept drafts: text from sessions that ended before it was saved
  meeting 14 'Old planning'                             gone · 2025-03-01 11:53
  meeting 15 'Open practice night'              in the trash · 2025-03-01 11:54
  new member 'Noor Haddad'                                     2025-03-01 11:55
  line in meeting 14 'Apologies that land'                     2025-03-01 11:56
────────────────────────────────────────────────────────────────────────────────
 Title: Old planning
 Starts: 2020-01-10 18:00
 Status: planned

 ## Agenda

 Old agenda.








Its meeting is gone. n: add as a new meeting  x: discard  other: keep
EOF
c meeting show 14 --json >"$T/m14.after"
expect_true "meeting 14 is as it was" cmp -s "$T/m14.before" "$T/m14.after"
screen "the draft of a deleted meeting offers to add it as new" gone <<'EOF'
 Daily Nonviolent Living                                                   ME
 1 Home  2 Members  3 Meetings  4 Repertoire  5 Topics  6 Health
 Kept drafts: text from sessions that ended before it was saved
  meeting 15 'Open practice night'              in the trash · 2025-03-01 11:54
  new member 'Noor Haddad'                                     2025-03-01 11:55
  line in meeting 14 'Apologies that land'                     2025-03-01 11:56
────────────────────────────────────────────────────────────────────────────────
 Title: Open practice night
 Starts: 2025-03-20 18:00
 Status: planned

 ## Agenda

 Recovered agenda.









meeting 15 is in the trash. n: add as a new meeting  x: discard  other: keep
EOF
expect_true "n added it as a new meeting" \
	test "$(c meeting list | grep -c '^ *[0-9]')" -eq $((nmeet + 1))
c meeting show "$(c meeting list | awk '/Open practice night/ { print $1; exit }')" >"$T/m.new"
expect_grep "... with the draft's agenda" "Recovered agenda" "$T/m.new"
screen "x asks before it discards" discard-asks <<'EOF'
 Daily Nonviolent Living                                                   ME
 1 Home  2 Members  3 Meetings  4 Repertoire  5 Topics  6 Health
 Kept drafts: text from sessions that ended before it was saved
  new member 'Noor Haddad'                                     2025-03-01 11:55
  line in meeting 14 'Apologies that land'                     2025-03-01 11:56
────────────────────────────────────────────────────────────────────────────────
 Name: Noor Haddad
 Status: prospect

 Met at the library.













Discard the draft of new member 'Noor Haddad' for good? y/n
EOF
screen "y discards" discarded <<'EOF'
 Daily Nonviolent Living                                                   ME
 1 Home  2 Members  3 Meetings  4 Repertoire  5 Topics  6 Health
 Kept drafts: text from sessions that ended before it was saved
  line in meeting 14 'Apologies that land'                     2025-03-01 11:56
────────────────────────────────────────────────────────────────────────────────
 d: we meet on Thursdays

















draft discarded                                                             1/1
EOF
expect_true "no member was added" sh -c "! '$COPSE_BIN' --db '$DB' member list | grep -q Noor"
screen "s skips" skipped <<'EOF'
 Daily Nonviolent Living                                                   ME
 1 Home  2 Members  3 Meetings  4 Repertoire  5 Topics  6 Health
 Kept drafts: text from sessions that ended before it was saved
  line in meeting 14 'Apologies that land'                     2025-03-01 11:56
────────────────────────────────────────────────────────────────────────────────
 d: we meet on Thursdays

















that was the last one: q keeps the rest for later                           1/1
EOF
screen "q keeps the rest for later" later <<'EOF'
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
 Nothing new since 2025-03-01 12:00   │
  root added meeting Open prac… 03-01 │ Facilitator: Zoë
  root added topic Circles for… 03-01 │
  root edited entry Bedtime Wi… 03-01 │ 1. Arrival round
  root deleted meeting Open pr… 03-01 │ 2. Carried over: open actions from the
  maren invited meeting Ingrid… 02-28 │    last meetings
 Suggested introductions              │ 3. Practice: the parts of an apology
  Maren Holt ↔ Tomás Ferreira         │    that lands — in pairs
  Zoë Lindqvist ↔ 山田 花子 (Hanako … │ 4. Story: when sorry made it worse (the
  Maren Holt ↔ Deepa Raman            │    topic with the most votes)
 Recent entries                       │ 5. Harvest and check-out
  Bedtime Without a Battle      story │
  Apologies That Land           draft │ Read beforehand: the draft entry
1 kept draft stays for the next start; e on a record brings its draft back 1/18
EOF
expect_true "the skipped line is kept" test -f "$D/note-ffffff.draft"
expect_true "the handled drafts are gone" \
	sh -c "! ls '$D' | grep -q -e aaaaaa -e bbbbbb -e cccccc -e dddddd -e eeeeee"
expect_true "other databases' drafts and live ones stay" \
	test -f "$D/topic-gggggg.draft" -a -f "$D/member-hhhhhh.draft"

# The kept line comes back in its meeting and Enter stores it.
app <<'SCRIPT'
dump line
key r
dump line-back
key Enter
key Esc
key q
dump line-stored
SCRIPT
screen "next start lists the line" line <<'EOF'
 Daily Nonviolent Living                                                   ME
 1 Home  2 Members  3 Meetings  4 Repertoire  5 Topics  6 Health
 Kept drafts: text from sessions that ended before it was saved
  line in meeting 14 'Apologies that land'                     2025-03-01 11:56
────────────────────────────────────────────────────────────────────────────────
 d: we meet on Thursdays

















r recover  x discard  s skip  q keep for later  ? help                      1/1
EOF
screen "r opens its meeting with the line back in the input" line-back <<'EOF'
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
 No lines yet: type one below and press Enter.
> d: we meet on Thursdays
your unsent line is back: Enter stores it, C-u clears it                    end
EOF
c meeting show 14 >"$T/m14.show"
expect_grep "r and Enter store the line in its meeting" "we meet on Thursdays" "$T/m14.show"
screen "when every draft is dealt with the list closes" line-stored <<'EOF'
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
 Nothing new since 2025-03-01 12:00   │
  root added note we meet on T… 03-01 │ Facilitator: Zoë
  root added meeting Open prac… 03-01 │
  root added topic Circles for… 03-01 │ 1. Arrival round
  root edited entry Bedtime Wi… 03-01 │ 2. Carried over: open actions from the
  root deleted meeting Open pr… 03-01 │    last meetings
 Suggested introductions              │ 3. Practice: the parts of an apology
  Maren Holt ↔ Tomás Ferreira         │    that lands — in pairs
  Zoë Lindqvist ↔ 山田 花子 (Hanako … │ 4. Story: when sorry made it worse (the
  Maren Holt ↔ Deepa Raman            │    topic with the most votes)
 Recent entries                       │ 5. Harvest and check-out
  Bedtime Without a Battle      story │
  Apologies That Land           draft │ Read beforehand: the draft entry
no kept drafts left                                                        1/18
EOF

# e on a record with a kept draft: the same checks.  (A panel key
# leaves the list of drafts, keeping them.)
e19_created=$(json_field entry 19 created)
c entry show 19 --raw >"$T/e19.md"
{
	printf 'Title: Apologies That Land\nKind: lesson\nTags: apologies, repair\nStatus: draft\n\n'
	sed 's/^At the repair circle/Mine. At the repair circle/' "$T/e19.md"
} | kept entry-iiiiii "Kind: entry" "Context: entry 19" "Record: entry 19" \
	"Record-Created: $e19_created" "Version: 1" "Title: Apologies That Land" \
	"Created: 2025-03-01T11:50:00Z"
sed 's/^At the repair circle/Theirs. At the repair circle/' "$T/e19.md" >"$T/theirs19.md"
COPSE_NOW=2025-03-01T11:57:00Z c entry edit 19 --file "$T/theirs19.md" >/dev/null
printf 'Title: Old topic\nStatus: open\n\nOld words.\n' |
	kept topic-jjjjjj "Kind: topic" "Context: topic 5" "Record: topic 5" \
	"Record-Created: 2019-05-05T10:00:00Z" "Version: 1" "Title: Old topic" \
	"Created: 2025-03-01T11:51:00Z"
printf 'Old line of another meeting 14' |
	kept note-kkkkkk "Kind: note" "Context: meeting 14" "Record: meeting 14" \
	"Record-Created: 2019-05-05T10:00:00Z" "Title: Old planning" \
	"Created: 2025-03-01T11:52:00Z"
cat >"$T/copy-editor.sh" <<EOF
cp "\$1" "$T/edited-\$(ls "$T" | grep -c '^edited-')"
EOF
app <<SCRIPT
key 4
key /
keys "apologies that"
key Enter
env EDITOR sh $T/copy-editor.sh
key e
dump e-conflict
key 5
key e
key 3
key Enter
dump other-line
SCRIPT
expect_true "meeting 14 does not take another meeting 14's line" \
	sh -c "grep -q 'Apologies that land' '$T/s/other-line' && ! grep -q 'Old line' '$T/s/other-line'"
expect_grep "e with a draft of a record that moved on shows both" "^<<<<<<< yours" "$T/edited-0"
expect_grep "... their line" "^Theirs\. At the repair circle" "$T/edited-0"
expect_grep "... my line" "^Mine\. At the repair circle" "$T/edited-0"
c entry show 19 --raw >"$T/e19.after"
expect_grep "... and nothing is reverted" "^Theirs\. At the repair circle" "$T/e19.after"
expect_true "e on another topic 5 does not get the old topic's draft" \
	sh -c "grep -q '^Title: When \"sorry\" makes it worse' '$T/edited-2' && ! grep -q 'Old words' '$T/edited-2'"

# Quitting the editor unchanged on an add adds nothing.
app <<SCRIPT
key 5
env EDITOR $FE keep
key a
keys "Unchanged topic"
key Enter
dump add-unchanged
SCRIPT
expect_true "an add left unchanged adds nothing" \
	sh -c "! '$COPSE_BIN' --db '$DB' topic list | grep -q 'Unchanged topic'"
expect_true "... and leaves no draft" sh -c "! grep -rq 'Unchanged topic' '$D'"

# While "Discard ...? y/n" is up, another session's change reads the
# list again: y still discards the draft it named (it used to read the
# freed list, and could discard another).
rm -f "$D"/*
printf 'Title: Written meanwhile\nStatus: open\n\nEarlier.\n' |
	kept topic-oooooo "Kind: topic" "Context: new topic" "Created: 2025-03-01T11:40:00Z"
mv "$D/topic-oooooo.draft" "$T/topic-oooooo.draft"
printf 'Title: Asked about\nStatus: open\n\nThe one x asked about.\n' |
	kept topic-pppppp "Kind: topic" "Context: new topic" "Created: 2025-03-01T11:57:00Z"
printf 'Title: Kept too\nStatus: open\n\nStays.\n' |
	kept topic-qqqqqq "Kind: topic" "Context: new topic" "Created: 2025-03-01T11:58:00Z"
app <<SCRIPT
key x
dump discard-named
sh cp '$T/topic-oooooo.draft' '$D/'
sh "$COPSE_BIN" --db "$DB" note add 14 "written meanwhile" >/dev/null
tick
key y
SCRIPT
expect_grep "x names the draft" "Discard the draft of new topic 'Asked about'" "$T/s/discard-named"
expect_true "y discards that draft, though the list was read again meanwhile" \
	test ! -e "$D/topic-pppppp.draft"
expect_true "... and no other" test -e "$D/topic-oooooo.draft" -a -e "$D/topic-qqqqqq.draft"
# A kept draft holding a NUL byte (an editor wrote one) is listed whole,
# saying why it cannot come back: never cut short at the NUL.
rm -f "$D"/*
printf 'Title: Half a topic\nStatus: open\n\nBefore the NUL.\000After it.\n' |
	kept topic-nnnnnn "Kind: topic" "Context: new topic" "Created: 2025-03-01T11:59:00Z"
app <<SCRIPT
dump nul-listed
key r
dump nul-refused
SCRIPT
screen "a draft with a NUL byte is listed with why it cannot come back" nul-listed <<EOF
 Daily Nonviolent Living                                                   ME
 1 Home  2 Members  3 Meetings  4 Repertoire  5 Topics  6 Health
 Kept drafts: text from sessions that ended before it was saved
  new topic                                                    2025-03-01 11:59
────────────────────────────────────────────────────────────────────────────────
 draft topic-nnnnnn.draft: line 12 of topic-nnnnnn.draft holds a NUL byte;
 copse keeps text only: remove it there to recover the draft, or discard it
















r recover  x discard  s skip  q keep for later  ? help                      1/1
EOF
tail -n 2 "$T/s/nul-refused" | tr '\n' ' ' >"$T/nul-status"
expect_grep "r says so and recovers nothing" "^draft topic-nnnnnn.draft: line 12 of .* or discard it *1/1 \$" "$T/nul-status"
expect_true "nothing was added" sh -c "! '$COPSE_BIN' --db '$DB' topic list | grep -q 'Half a topic'"
expect_true "... and the draft is kept as it was" grep -q 'After it' "$D/topic-nnnnnn.draft"
# e on an entry whose kept draft holds a NUL byte: asked before the saved
# text is edited instead; n edits nothing and names the draft.
rm -f "$D"/*
printf 'Title: Apologies That Land\nStatus: draft\n\nMine.\000 Cut here?\n' |
	kept entry-nulnul "Kind: entry" "Context: entry 19" "Record: entry 19" \
	"Record-Created: $e19_created" "Version: 1" "Title: Apologies That Land" \
	"Created: 2025-03-01T11:58:00Z"
app <<SCRIPT
key 4
key /
keys "apologies that"
key Enter
env EDITOR $FE write "never run"
key e
dump nul-edit-asks
key n
dump nul-edit-refused
SCRIPT
expect_grep "e asks before editing the saved text instead" \
	"^Your kept draft has a NUL byte and cannot come back; edit the saved text? y/n$" "$T/s/nul-edit-asks"
expect_grep "n edits nothing and names the draft" "^draft entry-nulnul.draft: line 16 of" "$T/s/nul-edit-refused"
expect_true "the entry is as it was" sh -c "! '$COPSE_BIN' --db '$DB' entry show 19 --raw | grep -q 'never run'"
expect_true "... and the draft is kept whole" grep -q 'Cut here' "$D/entry-nulnul.draft"
# "n" to "Save ... with its text emptied?" and then quitting the editor
# unchanged keeps the stored text and no draft: an emptied text is never
# offered back at the next start.
rm -f "$D"/*
app <<SCRIPT
key 4
key /
keys "apologies that"
key Enter
env EDITOR $FE sed '/^\$/,\$d'
key e
dump emptied-asks
env EDITOR $FE keep
key n
dump emptied-declined
SCRIPT
expect_grep "emptying the text asks" "with its text emptied? y/n" "$T/s/emptied-asks"
expect_grep "n, then quitting unchanged, says the stored text stays" \
	"entry 19 not saved; its stored text stays" "$T/s/emptied-declined"
expect_true "... keeps no draft" sh -c "[ -z \"\$(ls '$D')\" ]"
expect_true "... and the entry keeps its text" \
	sh -c "'$COPSE_BIN' --db '$DB' entry show 19 --raw | grep -q 'repair circle'"
app <<SCRIPT
dump emptied-next-start
SCRIPT
expect_true "the next start offers no kept draft" \
	sh -c "! grep -q 'Kept drafts' '$T/s/emptied-next-start'"
# A development note (D, written in the editor) kept when its session
# ended is listed at start too, saying whose it is; r puts it back in the
# editor and adds it, x discards one.
rm -f "$D"/*
z_created=$(json_field member 3 created)
printf 'Leads the next parenting circle on her own.\n' |
	kept devnote-zzzzzz "Kind: devnote" "Context: member 3" "Record: member 3" \
	"Record-Created: $z_created" "Title: Zoë Lindqvist" "Created: 2025-03-01T11:40:00Z"
printf 'A note to throw away.\n' |
	kept devnote-yyyyyy "Kind: devnote" "Context: member 3" "Record: member 3" \
	"Record-Created: $z_created" "Title: Zoë Lindqvist" "Created: 2025-03-01T11:41:00Z"
app <<SCRIPT
dump devnote-listed
env EDITOR $FE keep
key r
dump devnote-added
key x
key y
dump devnote-discarded
SCRIPT
expect_grep "a kept development note is listed, naming whose it is" \
	"^  development note for Zoë Lindqvist  *2025-03-01 11:40" "$T/s/devnote-listed"
expect_grep "r adds it" "development note added" "$T/s/devnote-added"
expect_true "... to the member's notes" \
	sh -c "'$COPSE_BIN' --db '$DB' member show 3 | grep -q 'Leads the next parenting circle'"
expect_true "... and its draft is gone" test ! -e "$D/devnote-zzzzzz.draft"
expect_true "x discards the other" test ! -e "$D/devnote-yyyyyy.draft"
expect_true "... which is never added" \
	sh -c "! '$COPSE_BIN' --db '$DB' member show 3 | grep -q 'throw away'"
finish
