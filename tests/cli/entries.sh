#!/bin/sh
# entries.sh - the repertoire (entries, revisions, rendering), topics, search.
. "$(dirname "$0")/lib.sh"
# the AUTHOR column is as wide as the login or the header
AW=${#ME}; [ "$AW" -lt 6 ] && AW=6
A=$(printf "%-${AW}s" "$ME")

cat >"$T/listen.md" <<'EOF'
# Listen first

Before answering, **reflect back** what you heard, in *their* words.

- ask what they need
- name the feeling

> Empathy before education.

See also [[Needs vocabulary]].

    code stays as is
EOF
run c entry add "Listen first" --kind lesson --tags "listening, basics" --file "$T/listen.md"
expect "entry add prints the id" 0 "1" ""
printf 'Feelings versus *needs*.\n' | c entry add "Needs vocabulary" --kind tool --file - >/dev/null
run c entry add "Zoë's 山田 story" --kind story --tags "story"
expect "entry add without a body" 0 "3" ""
run c entry add "Bad kind" --kind poem
expect "entry add with a bad kind" 1 "" "copse: kind 'poem': must be one of lesson|story|tool|method|case|faq"
run c entry add "x" --file "$T/missing.md"
expect "entry add with a missing file" 1 "" "copse: $T/missing.md: No such file or directory"

run c entry list
expect "entry list table" 0 "ID  STATUS     KIND    UPDATED     USED  TITLE             TAGS
 1  published  lesson  2024-05-01     0  Listen first      basics, listening
 2  published  tool    2024-05-01     0  Needs vocabulary
 3  published  story   2024-05-01     0  Zoë's 山田 story  story" ""
run c entry list --tag listening --json
expect_json "entry list --tag" '[e["id"] for e in d] == [1]'
run c entry list --kind story --json
expect_json "entry list --kind" '[e["id"] for e in d] == [3]'
run c entry list --json
expect_json "entry list --json fields" \
	'len(d) == 3 and all(set(["id","title","kind","tags","author","created","updated","version"]) <= set(e) for e in d)'

# ---- show: plain rendering off a terminal, raw bytes with --raw ----
run c entry show 1
expect_exit "entry show" 0
expect_true "entry show starts with the title" sh -c "head -1 '$T/out' | grep -qx 'Listen first'"
expect_true "plain rendering: heading without #" sh -c "grep -q '^Listen first\$' '$T/out' && ! grep -q '^#' '$T/out'"
expect_true "plain rendering: no ** or * markers" sh -c "grep -q 'reflect back what you heard, in their words' '$T/out' && ! grep -q '\*' '$T/out'"
expect_true "plain rendering: list items" grep -q 'ask what they need' "$T/out"
expect_true "plain rendering: no escape sequences off a terminal" sh -c "! grep -q \"\$(printf '\\033')\" '$T/out'"
expect_true "plain rendering: code block kept" grep -q 'code stays as is' "$T/out"
run c entry show 1 --raw
expect_exit "entry show --raw" 0
expect_true "--raw is byte-exact" cmp "$T/out" "$T/listen.md"
printf 'no final newline \001\033[2J\r\n\tend' >"$T/odd.md"
c entry add "Odd bytes" --file "$T/odd.md" >/dev/null
run c entry show 4 --raw
expect_true "--raw keeps control bytes and a missing final newline" cmp "$T/out" "$T/odd.md"
run c entry show 4
expect_true "rendered view sanitises control bytes" sh -c "! grep -q \"\$(printf '\\033')\" '$T/out'"
run c entry show 1 --json
expect_json "entry show --json" \
	'd["id"] == 1 and d["title"] == "Listen first" and d["body"] == open("'"$T/listen.md"'").read() and sorted(d["tags"]) == ["basics", "listening"] and d["version"] == 1'
run c entry show 2 --json
expect_json "backlinks in entry show --json" '[b["id"] for b in d["backlinks"]] == [1]'
run c entry show 42
expect "entry show: unknown id" 1 "" "copse: entry 42: no such entry"
if command -v script >/dev/null 2>&1; then
	script -qec "'$COPSE_BIN' --db '$DB' entry show 1" /dev/null >"$T/tty.out" 2>&1
	expect_true "on a terminal: ANSI styles" grep -q "$(printf '\033')\[" "$T/tty.out"
	NO_COLOR=1 script -qec "'$COPSE_BIN' --db '$DB' entry show 1" /dev/null >"$T/tty.out" 2>&1
	expect_true "on a terminal with NO_COLOR: no escapes" sh -c "grep -q 'Listen first' '$T/tty.out' && ! grep -q \"\$(printf '\\033')\" '$T/tty.out'"
	script -qec "'$COPSE_BIN' --db '$DB' entry show 4 --raw" /dev/null >"$T/tty.out" 2>&1
	expect_true "--raw on a terminal shows control bytes as ^[ rather than sending them" \
		sh -c "grep -q '\\^\\[\\[2J' '$T/tty.out' && ! grep -q \"\$(printf '\\033')\" '$T/tty.out'"
else
	skip "on a terminal: ANSI styles" "no script(1)"
	skip "on a terminal with NO_COLOR: no escapes" "no script(1)"
	skip "--raw on a terminal is sanitised" "no script(1)"
fi

# ---- edit and history ----
printf '# Listen first\n\nRevised.\n' >"$T/v2.md"
run c entry edit 1 --file "$T/v2.md" --tags listening
expect "entry edit" 0 "" ""
run c entry edit 1 --title "Listen, then speak"
expect "entry edit --title" 0 "" ""
run c entry show 1 --json
expect_json "entry edit keeps fields not given" \
	'd["title"] == "Listen, then speak" and d["body"] == "# Listen first\n\nRevised.\n" and d["tags"] == ["listening"] and d["kind"] == "lesson" and d["version"] == 3'
run c entry edit 1 --kind essay
expect "entry edit with a bad kind" 1 "" "copse: kind 'essay': must be one of lesson|story|tool|method|case|faq"
run c entry history 1
expect "entry history table" 0 "VERSION  WHEN              $(printf "%-${AW}s" AUTHOR)  BYTES  TITLE
      3  2024-05-01 12:00  $A     25  Listen, then speak
      2  2024-05-01 12:00  $A     25  Listen first
      1  2024-05-01 12:00  $A    209  Listen first" ""
run c entry history 1 --json
expect_json "entry history --json keeps every revision" \
	'[r["version"] for r in d] == [3, 2, 1] and d[2]["body"] == open("'"$T/listen.md"'").read() and d[1]["tags"] == ["listening"]'
run c entry history 9
expect "entry history: unknown id" 1 "" "copse: entry 9: no such entry"

# ---- topics ----
run c topic add "Anger at work"
expect "topic add" 0 "1" ""
printf 'How do we *start*?\n' | c topic add "Talking to teenagers" --file - >/dev/null
run c topic vote 2
expect "topic vote" 0 "" ""
run c topic vote 2
expect "one vote per login" 1 "" "copse: topic 2: you have already voted"
run c topic vote 5
expect "vote on an unknown topic" 1 "" "copse: topic 5: no such topic"
run c topic list
expect "topic list table" 0 "ID  VOTES  STATUS  $(printf "%-${AW}s" AUTHOR)  TITLE
 2     1*  open    $A  Talking to teenagers
 1      0  open    $A  Anger at work" ""
run c topic list --json
expect_json "topic list --json" \
	'[(t["id"], t["votes"], t["voted"]) for t in d] == [(2, 1, True), (1, 0, False)] and d[0]["body"] == "How do we *start*?\n"'

# ---- search ----
c meeting add "Circle" --at "2024-05-02 18:00" >/dev/null
c note add 1 "we practised reflecting feelings" >/dev/null
run c search feelings
expect_exit "search" 0
expect_true "search finds the note" grep -q '^note ' "$T/out"
run c search 'feel*' --json
expect_json "search --json: entries and notes, prefix match" \
	'set((h["kind"], h["id"]) for h in d) >= {("note", 1), ("entry", 2)} and all(set(["kind","id","title","snippet"]) <= set(h) for h in d)'
run c search "'); DROP" '"quote' 'AND OR *'
expect_exit "search with FTS and SQL syntax characters" 0
run c search 山田 --json
expect_json "search Unicode" '[h["id"] for h in d if h["kind"] == "entry"] == [3]'
run c search nothingmatchesthis
expect "search with no hits says so" 0 "no matches" ""

finish
