#!/bin/sh
# bench.sh - the bench's tools work (make bench itself is never run by
# make check): the generator writes a small community the app reads the
# usual way, with the full-text index in step and the marker words where
# it says, the same again for the same seed; benchpty sees a drawn screen.
. "$(dirname "$0")/lib.sh"

: "${COPSE_BUILD:=$(dirname "$COPSE_BIN")/build}"
GEN=$COPSE_BUILD/tests/gen
PTY=$COPSE_BUILD/tests/benchpty
small="--members 40 --meetings 12 --notes 150 --entries 60 --topics 5"

run "$GEN" $small "$DB"
expect_exit "gen writes a small community" 0
grep '^gen: markers:' "$T/out" >"$T/markers"

run c export --json -
expect_json "as many of each as asked" \
	"(len(d['members']), len(d['meetings']), len(d['notes']), len(d['entries']), len(d['topics'])) == (40, 12, 150, 60, 5)"
expect_json "entries are 1-2 KB of Markdown with links, tags and kinds" \
	"all(900 <= len(e['body'].encode()) <= 2600 and e['tags'] for e in d['entries']) and any('[[' in e['body'] for e in d['entries']) and len({e['kind'] for e in d['entries']}) >= 4"
expect_json "eight years of history" \
	"min(m['starts'] for m in d['meetings']) < '2017' and max(m['starts'] for m in d['meetings']) > '2024-05-01'"
expect_json "notes by several authors, actions among them" \
	"len({n['author'] for n in d['notes']}) > 3 and len(d['actions']) > 0"
cp "$T/out" "$T/export1"

# the marker words: where the generator says, and found by search
python3 - "$T/export1" "$T/markers" >"$T/want" <<'PY'
import json, re, sys
d = json.load(open(sys.argv[1], encoding="utf-8"))
line = open(sys.argv[2]).read()
for w in ("medication", "practice"):
    e = [x for x in d["entries"] if re.search(r"\b%s\b" % w, x["body"], re.I)]
    n = [x for x in d["notes"] if re.search(r"\b%s\b" % w, x["body"], re.I)]
    said = re.search(r"%s in (\d+) entries, (\d+) notes" % w, line)
    print(w, len(e) == int(said.group(1)) and len(n) == int(said.group(2)),
          len(e) + len(n))   # retired entries are found too
PY
while read -r word said hits; do
	run c search "$word" --limit 1000 --json
	expect_json "$word: in the entries and notes the generator says" "$said"
	expect_json "$word: search finds every one ($hits)" "len(d) == $hits"
done <"$T/want"

run "$GEN" $small "$T/again.db"
run "$COPSE_BIN" --db "$T/again.db" export --json -
expect_true "the same seed gives the same community" cmp -s "$T/out" "$T/export1"

run "$GEN" $small "$DB"
expect "a database that is not empty is refused" 1 "" "gen: $DB: not empty"

# benchpty: the app's first screen, as a terminal would show it
run "$PTY" -e "wait Practice at Scale
wait q quit
ms start
quit rss" -- "$COPSE_BIN" --db "$DB"
expect_exit "benchpty waits for the drawn screen and quits" 0
expect_true "benchpty reports the time and the peak memory" grep -q '^rss [1-9]' "$T/out"
run "$PTY" -e "wait no such text anywhere" -- "$COPSE_BUILD/tests/minimal"
expect_exit "benchpty fails on a text never shown" 1
finish
