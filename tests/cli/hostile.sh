#!/bin/sh
# hostile.sh - text written to hurt: Markdown that libcmark 0.30 lays out
# in quadratic time is refused when saved and shown as plain text when it
# was stored before; the write lock is never held while Markdown is
# parsed; NUL bytes are refused, not cut; times, JSON on a terminal and
# export --json carry no raw control, bidi or invalid bytes.
. "$(dirname "$0")/lib.sh"

c init --name Hostile >/dev/null
c member add "Zoë" --handle zoe >/dev/null
c meeting add "Circle" --at "2024-05-02 18:00" >/dev/null

# 64 KB of each shape costs libcmark 0.30.2 from a second to minutes.
python3 - "$T" <<'EOF'
import sys
t = sys.argv[1]
open(t + "/img.md", "w").write("Intro\n\n" + "![[]()" * 11000 + "\n")
open(t + "/lists.md", "w").write("- " * 11000 + "x" + "\n" * 11000)
open(t + "/quote.md", "w").write(">" * 11000 + "a*" * 11000)
open(t + "/ok.md", "w").write("# Fine\n\n" + "Some *text* with [[A link]] and ![img](p.png).\n\n" * 500)
open(t + "/links.md", "w").write(" ".join("[[Title %d]]" % i for i in range(30000)) + "\n")
open(t + "/nul.md", "wb").write(b"first line\nsecond \0 hidden\nthird\n")
EOF
WHY_IMG="a paragraph holds 11000 '![' and 11000 ']'; put blank lines between its parts, or write \\[ for a bracket that is no link"
WHY_LISTS="lists and quotes nest up to 22000 deep over 10999 blank lines and '*' or '_'; nest them less deeply"

# ---- refused when saved, whatever the field and the way in ----
run c entry add "Bad" --file "$T/img.md"
expect "entry add: costly Markdown refused" 1 "" "copse: entry: Markdown too costly to lay out: $WHY_IMG"
run c entry add "Nested" --file "$T/lists.md"
expect "entry add: blank lines under deep lists refused" 1 "" \
	"copse: entry: Markdown too costly to lay out: $WHY_LISTS"
run c entry add "Quoted" --file "$T/quote.md"
expect_exit "entry add: emphasis in a deep quote refused" 1
runin "$T/img.md" c note add 1 --kind note -
expect "note add: refused" 1 "" "copse: note: Markdown too costly to lay out: $WHY_IMG"
runin "$T/img.md" c note add 1 -
expect "a quick note line: refused" 1 "" "copse: note: Markdown too costly to lay out: $WHY_IMG"
run c meeting edit 1 --agenda-file "$T/img.md"
expect "meeting agenda: refused" 1 "" "copse: meeting agenda: Markdown too costly to lay out: $WHY_IMG"
run c member edit zoe --bio-file "$T/lists.md"
expect "member bio: refused" 1 "" "copse: member bio: Markdown too costly to lay out: $WHY_LISTS"
run c topic add "Topic" --file "$T/img.md"
expect "topic: refused" 1 "" "copse: topic: Markdown too costly to lay out: $WHY_IMG"
c entry add "Good" --file "$T/ok.md" >/dev/null
run c entry edit 1 --file "$T/img.md"
expect "entry edit: refused" 1 "" "copse: entry: Markdown too costly to lay out: $WHY_IMG"
run c export --json -
expect_json "nothing costly was stored" \
	'[e["title"] for e in d["entries"]] == ["Good"] and d["notes"] == [] and d["topics"] == [] and all(m["agenda"] == "" for m in d["meetings"]) and all(m["bio"] == "" for m in d["members"])'
run c entry add "Fine" --file "$T/ok.md"
expect "ordinary Markdown is saved" 0 "2" ""

# ---- import checks every Markdown field too ----
c export --json "$T/base.json"
python3 - "$T/base.json" "$T/bad-import.json" "$T/img.md" <<'EOF'
import json, sys
d = json.load(open(sys.argv[1]))
d["meetings"][0]["agenda"] = open(sys.argv[3]).read()
json.dump(d, open(sys.argv[2], "w"))
EOF
run "$COPSE_BIN" --db "$T/imp.db" import --json "$T/bad-import.json"
expect "import: costly agenda refused" 1 "" \
	"copse: import: meetings[0]: agenda: Markdown too costly to lay out: $WHY_IMG"

# ---- stored before the check: shown as plain text, at once ----
python3 - "$DB" "$T/img.md" <<'EOF'
import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
c.execute("UPDATE entry SET body = ? WHERE id = 1", (open(sys.argv[2]).read(),))
c.commit()
EOF
run c entry show 1
expect_exit "entry show of an old costly body" 0
expect_true "it says why it is plain text" grep -q "^Shown as plain text, since laying it out as Markdown would take too" "$T/out"
expect_true "and shows the text as it is" grep -q '^!\[\[\]()!\[\[\]()' "$T/out"
run c entry edit 1 --file "$T/ok.md"
expect "such a body can be replaced" 0 "" ""

# ---- nor through the trash: what comes back is checked like new text ----
c note add 1 "a note to delete" >/dev/null
c note delete 1 >/dev/null
python3 - "$DB" "$T/img.md" <<'EOF'
import json, sqlite3, sys
c = sqlite3.connect(sys.argv[1])
tid, data = c.execute("SELECT id, data FROM trash WHERE kind = 'note'").fetchone()
d = json.loads(data)
d["rows"]["note"][0]["body"] = open(sys.argv[2]).read()
c.execute("UPDATE trash SET data = ? WHERE id = ?", (json.dumps(d), tid))
c.commit()
EOF
run c trash restore note 1
expect "trash restore: costly Markdown refused" 1 "" \
	"copse: note 1: cannot be restored: its text: Markdown too costly to lay out: $WHY_IMG"

# ---- the write lock is not held while Markdown is parsed ----
# 30 000 distinct [[links]]: a second writer must get through meanwhile.
( c entry add "Many links" --file "$T/links.md" >"$T/bg.out" 2>"$T/bg.err"; echo $? >"$T/bg.rc" ) &
bg=$!
sleep 0.3
run env COPSE_BUSY_TIMEOUT=2000 "$COPSE_BIN" --db "$DB" note add 1 "meanwhile"
expect "another writer gets through while an entry is parsed" 0 "2" ""
wait $bg
expect_true "the entry with many links was added" test "$(cat "$T/bg.rc")" = 0
run c entry show 3 --json
expect_json "all its links are kept, once each" 'd["id"] == 3'
run c entry wanted 2>/dev/null
run python3 -c '
import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
print(c.execute("SELECT count(*) FROM entry_link WHERE entry_id = 3").fetchone()[0])
' "$DB"
expect "every distinct link is recorded" 0 "30000" ""

# ---- NUL bytes are refused, not cut ----
run c entry add "Nul" --file "$T/nul.md"
expect "entry add --file with a NUL" 1 "" \
	"copse: $T/nul.md: line 2 holds a NUL byte; copse keeps text only, nothing saved"
runin "$T/nul.md" c note add 1 -
expect "note add - with a NUL on stdin" 1 "" \
	"copse: stdin: line 2 holds a NUL byte; copse keeps text only, nothing saved"
run c member edit zoe --bio-file "$T/nul.md"
expect_exit "member bio with a NUL" 1
run c entry list --json
expect_json "no entry was added" '"Nul" not in [e["title"] for e in d]'
printf '{"format":"copse","version":1,"members":[{"id":1,"name":"A\\u0000B"}]}' >"$T/nul.json"
run "$COPSE_BIN" --db "$T/nul.db" import --json "$T/nul.json"
expect "import of a \\u0000" 1 "" \
	"copse: import: members[0]: a string holds a NUL character (\\u0000); copse keeps text only"

# ---- import: ids, huge numbers ----
python3 - "$T/base.json" "$T" <<'EOF'
import json, sys
t = sys.argv[2]
d = json.load(open(sys.argv[1]))
d["members"][0]["id"] = 0
json.dump(d, open(t + "/id0.json", "w"))
s = open(sys.argv[1]).read().replace('"version": 1,\n  "exported"', '"version": 1,\n  "exported"')
d = json.load(open(sys.argv[1]))
txt = json.dumps(d).replace('"id": 1, "name": "Z', '"id": 123456789012345678901234, "name": "Z', 1)
open(t + "/huge.json", "w").write(txt)
EOF
run "$COPSE_BIN" --db "$T/i0.db" import --json "$T/id0.json"
expect "import: id 0 refused" 1 "" "copse: import: members[0]: id must be a positive integer"
run "$COPSE_BIN" --db "$T/ih.db" import --json "$T/huge.json"
expect "import: a huge number is named, not 'datatype mismatch'" 1 "" \
	"copse: import: members[0]: id is too large a number (at most 9223372036854775807)"

# ---- JSON and export: valid UTF-8, nothing raw ----
c entry add "$(printf 'Left \342\200\256thgir')" >/dev/null
python3 - "$DB" <<'EOF'
import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
# another tool writes around copse: copse's trigger that keeps the sort
# key needs copse_fold(), which Python cannot be given invalid UTF-8 for
c.execute("DROP TRIGGER member_name_key_au")
# an invalid byte (a raw 8-bit CSI) and a C1 control written as UTF-8
c.execute("UPDATE member SET name = CAST(X'5a6f9b326a' AS TEXT), bio = ? WHERE id = 1",
          ("bio \u009b31m red",))
c.commit()
EOF
run c entry list --json
expect_true "--json: a bidi control is escaped" grep -q 'Left \\u202ethgir' "$T/out"
expect_true "--json: no raw bidi control" sh -c "! grep -q '$(printf '\342\200\256')' '$T/out'"
run c member show zoe --json
expect_json "--json: invalid UTF-8 becomes U+FFFD" 'd["name"] == "Zo\ufffd2j"'
run c export --json "$T/safe.json"
expect "export --json with an invalid byte and a C1 control" 0 "" ""
run python3 -c '
import json, sys
raw = open(sys.argv[1], "rb").read()
text = raw.decode("utf-8")            # strict: fails on invalid UTF-8
d = json.loads(text)
assert all(0x20 <= b < 0x7f or b in (9, 10, 13) for b in raw if b < 0x80)
assert "\\u009b" in text and "\\u202e" in text and "\\ufffd" in text, text[:200]
print(d["members"][0]["name"], d["members"][0]["bio"] == "bio \u009b31m red")
' "$T/safe.json"
expect "export --json is valid UTF-8 with controls escaped" 0 "Zo�2j True" ""
run "$COPSE_BIN" --db "$T/rt.db" import --json "$T/safe.json"
expect "the cleaned export imports" 0 "" ""
"$COPSE_BIN" --db "$T/rt.db" export --json "$T/rt.json"
run python3 -c '
import json, sys
a = json.load(open(sys.argv[1])); b = json.load(open(sys.argv[2]))
a.pop("exported"); b.pop("exported")
print(a == b)
' "$T/safe.json" "$T/rt.json"
expect "and exports again the same" 0 "True" ""

# ---- times are text like any other: sanitised ----
c action add "Call" --owner zoe --due 2024-06-01 >/dev/null
python3 - "$DB" <<'EOF'
import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
esc = "\x1b]0;owned\x07\x1b[2J"
c.execute("UPDATE entry SET updated = ?, created = ? WHERE id = 2", (esc, esc))
c.execute("UPDATE meeting SET starts = ? WHERE id = 1", (esc,))
c.execute("UPDATE action SET due = ? WHERE id = 1", (esc,))
c.execute("UPDATE revision SET at = ? WHERE entry_id = 2", (esc,))
c.commit()
EOF
no_esc() { ! grep -q "$(printf '\033')" "$T/out"; }
run c entry list
expect_true "entry list: no raw escape from a time" no_esc
expect_true "entry list: the time is shown sanitised" grep -q '\^\[\]0;owned\^G' "$T/out"
run c entry show 2
expect_true "entry show: no raw escape from a time" no_esc
run c entry history 2
expect_true "entry history: no raw escape from a time" no_esc
run c meeting list
expect_true "meeting list: no raw escape from a time" no_esc
run c meeting show 1
expect_true "meeting show: no raw escape from a time" no_esc
run c action list
expect_true "action list: no raw escape from a time" no_esc

# ---- search: a hit's title and snippet are sanitised, the highlight
# stays on the word ----
python3 - "$DB" <<'EOF'
import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
c.create_function("copse_fold", 1, lambda s: s.lower())   # the title's sort key
esc = "\x1b]0;owned\x07\x1b[2J"
c.execute("UPDATE entry SET title = ?, body = ? WHERE id = 2",
          ("Owned " + esc, "before " + esc + " zebra \x01\x02 after " + esc))
c.commit()
EOF
run c search zebra
expect_true "search: the hit is found" grep -q '^entry ' "$T/out"
expect_true "search: no raw escape in a hit" no_esc
expect_true "search: the word is still marked" grep -q '\[zebra\]' "$T/out"
run c search owned
expect_true "search: no raw escape in a matched title" no_esc

finish
