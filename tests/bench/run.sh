#!/bin/sh
# tests/bench/run.sh - performance numbers for copse (make bench).  Prints
# timings; never fails on speed.
#
# First the store and renderer micro-benchmarks and the command-line
# timings on the demo, then one table: copse at each size beside a
# minimal ncurses program (tests/bench/minimal.c), all measured in this
# run on a pseudo-terminal whose screen benchpty models, so "drawn"
# means the expected text is on the screen.
#
# Knobs (environment):
#   BENCH_SIZES   columns of the table: "demo" (copse init --demo) and
#                 entry counts such as 50k, 100k or 2000 (default
#                 "demo 50k 100k"); each large size is a community of
#                 BENCH_MEMBERS (5000) members, BENCH_MEETINGS (2000)
#                 meetings and BENCH_NOTES (100000) notes
#   BENCH_RUNS    samples per timing (default 5); medians are shown
#   BENCH_IDLE    seconds of idle CPU measured (default 20)
#   BENCH_TYPISTS seconds four sessions type into one meeting (default 20;
#                 0 leaves it out; tests/bench/floor-live.py)
#   BENCH_CACHE   where generated communities are kept (default
#                 build/bench); delete a file there to generate it again
set -eu
cd "$(dirname "$0")/../.."
: "${COPSE_BIN:=$PWD/copse}" "${COPSE_BUILD:=$PWD/build}"
: "${BENCH_SIZES:=demo 50k 100k}" "${BENCH_RUNS:=5}" "${BENCH_IDLE:=20}" "${BENCH_TYPISTS:=20}"
: "${BENCH_MEMBERS:=5000}" "${BENCH_MEETINGS:=2000}" "${BENCH_NOTES:=100000}"
: "${BENCH_CACHE:=$COPSE_BUILD/bench}"
T=$COPSE_BUILD/tests
PTY=$T/benchpty
RARE=medication
COMMON=practice
# What each screen shows once drawn (today's texts; a change to them
# changes these).
HOME_TEXT='q quit'            # status line of Home, and of the minimal program
LIST_TEXT='a add'             # status line of a list that can add (Repertoire)
READER_TEXT='Bksp back'       # status line of the reader
HEALTH_TEXT='A assess'      # status line of Health

dir=$(mktemp -d "${TMPDIR:-/tmp}/copse-bench.XXXXXX")
idle_pids=
cleanup() {
	for p in $idle_pids; do kill "$p" 2>/dev/null || :; done
	rm -rf "$dir"
}
trap cleanup EXIT
trap 'exit 130' INT TERM
# Nothing of the user's: no drafts to recover, no config, a fixed zone.
export XDG_STATE_HOME="$dir/state" XDG_CONFIG_HOME="$dir/config" XDG_DATA_HOME="$dir/data"
unset COPSE_DB COPSE_NOW COPSE_SCRIPT NO_COLOR 2>/dev/null || :

ms() { date +%s%N | cut -c1-13; }

echo "== store and renderer ($T/bench)"
"$T/bench" "$dir"

echo "== command line"
t0=$(ms); "$COPSE_BIN" --db "$dir/demo.db" init --demo >/dev/null; t1=$(ms)
echo "init --demo                                  $((t1 - t0)) ms"
t0=$(ms); i=0; while [ $i -lt 50 ]; do "$COPSE_BIN" --db "$dir/demo.db" entry list >/dev/null; i=$((i+1)); done; t1=$(ms)
echo "entry list (process start to exit), x50      $(( (t1 - t0) / 50 )) ms each"
t0=$(ms); i=0; while [ $i -lt 50 ]; do "$COPSE_BIN" --db "$dir/demo.db" search listening >/dev/null; i=$((i+1)); done; t1=$(ms)
echo "search listening, x50                        $(( (t1 - t0) / 50 )) ms each"
t0=$(ms)
for p in 1 2 3 4 5 6 7 8; do
	( i=0; while [ $i -lt 25 ]; do "$COPSE_BIN" --db "$dir/demo.db" note add 1 "bench $p $i" >/dev/null; i=$((i+1)); done ) &
done
wait; t1=$(ms)
echo "8 writers x 25 note add, concurrently        $((t1 - t0)) ms total, $(( (t1 - t0) * 8 / 200 )) ms per note per writer"

# ---- the communities ----

echo "== communities (cached in $BENCH_CACHE)"
mkdir -p "$BENCH_CACHE"
genid=$("$T/gen" --id)
# communities of another generator or schema are never read again
for old in "$BENCH_CACHE"/c*-g*-s*.db "$BENCH_CACHE"/doc-g*-s*.md; do
	case $old in *"-$genid".db|*"-$genid".md|*'*'*) continue ;; esac
	echo "removing $old (made for another version)"
	rm -f "$old" "$old.log"
done
res=$dir/results
: >"$res"
put() { echo "$1 $2 $3" >>"$res"; }            # column key value

for size in $BENCH_SIZES; do
	db=$dir/col-$size.db
	case $size in
	demo)
		"$COPSE_BIN" --db "$db" init --demo >/dev/null
		put "$size" info "the demo community"
		echo "demo: copse init --demo"
		continue ;;
	*k) entries=$(( ${size%k} * 1000 )) ;;
	*[!0-9]*|'') echo "bench: BENCH_SIZES: '$size' is not demo, N or Nk" >&2; exit 2 ;;
	*) entries=$size ;;
	esac
	name=c$entries-m$BENCH_MEMBERS-g$BENCH_MEETINGS-n$BENCH_NOTES-$genid
	cached=$BENCH_CACHE/$name.db
	if [ ! -f "$cached" ]; then
		echo "$size: generating $cached"
		rm -f "$cached.tmp" "$cached.tmp-wal" "$cached.tmp-shm"
		"$T/gen" --members "$BENCH_MEMBERS" --meetings "$BENCH_MEETINGS" \
			--notes "$BENCH_NOTES" --entries "$entries" "$cached.tmp" | tee "$cached.log"
		mv "$cached.tmp" "$cached"
	else
		echo "$size: cached $cached ($(tail -n 1 "$cached.log" | sed 's/^gen: //'))"
	fi
	# a copy: what the bench writes (notes, presence) never reaches the cache
	cp "$cached" "$db"
	put "$size" info "$(sed -n 's/^gen: markers: //p' "$cached.log")"
	put "$size" mb "$(( $(wc -c <"$cached") / 1048576 ))"
done
doc=$BENCH_CACHE/doc-$genid.md
[ -f "$doc" ] || "$T/gen" --doc 1024 "$doc"

# ---- measuring ----

# pty COLUMN KEYPREFIX BENCHPTY-ARGS...: run benchpty, file its labels.
pty() {
	_col=$1 _pre=$2
	shift 2
	if "$PTY" "$@" >"$dir/out" 2>"$dir/err"; then :; else
		echo "bench: $_col: benchpty failed:" >&2
		cat "$dir/err" >&2
	fi
	while read -r k v; do put "$_col" "$_pre$k" "$v"; done <"$dir/out"
}

echo "== measuring: minimal $BENCH_SIZES"
MIN=$T/minimal
pty minimal "" -r "$BENCH_RUNS" -e "wait $HOME_TEXT
ms start
quit rss" -- "$MIN"
pty minimal "" -e "wait $HOME_TEXT
settle 300
mark
key j
settle 300
bytes move_preview
quit rss_browse" -- "$MIN"
pty minimal "" -s 79x24 -e "wait $HOME_TEXT
settle 300
mark
key j
settle 300
bytes move_nopreview
quit x" -- "$MIN"

for size in $BENCH_SIZES; do
	db=$dir/col-$size.db
	C="$COPSE_BIN --db $db"
	printf '   %s' "$size"
	t0=$(ms)
	# start to a drawn Home, and the memory that took
	pty "$size" "" -r "$BENCH_RUNS" -e "wait $HOME_TEXT
ms start
quit rss" -- $C
	# browsing: the Repertoire, a list move, the reader, Health
	reader_scroll=
	i=0; while [ $i -lt 5 ]; do reader_scroll="$reader_scroll
mark
key j
settle 300
bytes scroll"; i=$((i+1)); done
	pty "$size" "" -r 3 -e "wait $HOME_TEXT
settle 300
mark
key 4
wait $LIST_TEXT
ms repertoire_open
settle 300
mark
key j
settle 300
bytes move_preview
key Enter
wait $READER_TEXT
settle 300$reader_scroll
mark
key 6
wait $HEALTH_TEXT
ms health_open
settle 300
quit rss_browse" -- $C
	pty "$size" "" -s 79x24 -e "wait $HOME_TEXT
key 4
wait $LIST_TEXT
settle 300
mark
key j
settle 300
bytes move_nopreview
quit x" -- $C
	# another session adds a note: when does Home show it, and what
	# does a list that does not show notes spend meanwhile
	meeting=$($C meeting list | awk 'NR == 2 { print $1 }')
	arrivals=
	i=1; while [ $i -le "$BENCH_RUNS" ]; do arrivals="$arrivals
sh $C note add $meeting 'zq$i arrives'
wait note zq$i
ms refresh
sleep $((i * 170 % 600))"; i=$((i+1)); done
	pty "$size" "" -e "wait $HOME_TEXT
settle 500$arrivals
quit x" -- $C
	unrelated=
	i=1; while [ $i -le 3 ]; do unrelated="$unrelated
mark
sh $C note add $meeting 'zr$i elsewhere'
sleep 2500
cpu refresh_cpu"; i=$((i+1)); done
	pty "$size" "" -e "wait $HOME_TEXT
key 4
wait $LIST_TEXT
settle 500$unrelated
quit x" -- $C
	# whole commands
	pty "$size" search_cli_rare_ -c -r "$BENCH_RUNS" -- $C search "$RARE"
	pty "$size" search_cli_common_ -c -r "$BENCH_RUNS" -- $C search "$COMMON"
	pty "$size" health_cli_ -c -r "$BENCH_RUNS" -- $C health
	# search in-process: p50 and p95
	"$T/bench" search "$db" "$RARE" "$COMMON" >"$dir/out" || echo "bench: $size: search failed" >&2
	while read -r what word p50 p95 rest; do
		case $what-$word in
		search-$RARE) put "$size" search_rare "$p50 / $p95" ;;
		search-$COMMON) put "$size" search_common "$p50 / $p95" ;;
		search-entry-$COMMON) put "$size" search_entry_common "$p50 / $p95" ;;
		search-note-$COMMON) put "$size" search_note_common "$p50 / $p95" ;;
		typing-$RARE) put "$size" typing_rare "$p50 / $p95" ;;
		typing-$COMMON) put "$size" typing_common "$p50 / $p95" ;;
		fts-entry-$COMMON) put "$size" fts_entry "$p50 / $p95" ;;
		fts-note-$COMMON) put "$size" fts_note "$p50 / $p95" ;;
		esac
	done <"$dir/out"
	# the four typists of the meeting floor (tests/bench/floor-live.py:
	# four copse in tmux panes on a demo of its own), once, in the demo
	# column
	if [ "$size" = demo ] && [ "$BENCH_TYPISTS" -gt 0 ] && [ -f tests/bench/floor-live.py ] &&
	   command -v python3 >/dev/null && command -v tmux >/dev/null; then
		COPSE_BIN=$COPSE_BIN python3 tests/bench/floor-live.py latency "$BENCH_TYPISTS" \
			>"$dir/out" 2>"$dir/err" || cat "$dir/err" >&2
		v=$(sed -n 's/^delivery latency: median \([0-9.]*\) s, p90 \([0-9.]*\) s, max \([0-9.]*\) s$/\1 \2 \3/p' "$dir/out" |
			awk '{ printf "%.0f / %.0f / %.0f", $1 * 1000, $2 * 1000, $3 * 1000 }')
		[ -n "$v" ] && put "$size" typists "$v"
	fi
	echo " ($(( ($(ms) - t0) / 1000 )) s)"
done

# idle CPU: every size at once (each on its own database) and the
# minimal program, BENCH_IDLE seconds on Home
echo "   idle CPU over $BENCH_IDLE s"
idle_ms=$((BENCH_IDLE * 1000))
for col in minimal $BENCH_SIZES; do
	if [ "$col" = minimal ]; then prog=$MIN; else prog="$COPSE_BIN --db $dir/col-$col.db"; fi
	"$PTY" -e "wait $HOME_TEXT
settle 1000
mark
sleep $idle_ms
cpu idle
quit x" -- $prog >"$dir/idle-$col" 2>&1 &
	idle_pids="$idle_pids $!"
done
wait $idle_pids 2>/dev/null || :
idle_pids=
for col in minimal $BENCH_SIZES; do
	v=$(awk '$1 == "idle" { print $2 }' "$dir/idle-$col")
	[ -n "$v" ] && put "$col" idle "$(awk -v c="$v" -v t="$idle_ms" 'BEGIN { printf "%.2f", c * 100 / t }')"
done
put render value "$("$T/bench" render "$doc" | awk '{ printf "%.1f", $2 }')"

# ---- the table ----

get() { awk -v c="$1" -v k="$2" '$1 == c && $2 == k { $1 = $2 = ""; sub(/^  /, ""); v = $0 } END { print v }' "$res"; }

cols="minimal $BENCH_SIZES"
echo
echo "== copse at scale: $(date -u +%Y-%m-%d), $(nproc) cores, medians of $BENCH_RUNS"
for size in $BENCH_SIZES; do
	info=$(get "$size" info)
	[ "$size" = demo ] || info="$BENCH_MEMBERS members, $BENCH_MEETINGS meetings, $BENCH_NOTES notes, ${size} entries, $(get "$size" mb) MB; $info"
	echo "   $size: $info"
done
echo
# row KEY LABEL [SCALE [DECIMALS]]: the figure for every column; SCALE
# divides; one decimal below 100 unless DECIMALS says.
row() {
	printf '%-50s' "$2"
	for col in $cols; do
		v=$(get "$col" "$1")
		if [ -z "$v" ]; then v=n/a; [ "$col" = minimal ] && v=-; fi
		case $v in
		*[!0-9.]*|'') ;;
		*) v=$(awk -v v="$v" -v s="${3:-1}" -v d="${4:-1}" 'BEGIN { x = v / s; printf (x >= 100 ? "%.0f" : "%." d "f"), x }') ;;
		esac
		printf ' %15s' "$v"
	done
	echo
}
ratio() {
	printf '%-50s' "$2"
	base=$(get minimal "$1")
	for col in $cols; do
		v=$(get "$col" "$1")
		if [ "$col" = minimal ] || [ -z "$v" ] || [ -z "$base" ]; then printf ' %15s' -; continue; fi
		printf ' %15s' "$(awk -v v="$v" -v b="$base" 'BEGIN { printf "%.1fx", v / b }')"
	done
	echo
}
printf '%-50s' ""
for col in $cols; do printf ' %15s' "$col"; done
echo
row start "start to a drawn screen (ms)"
ratio start "  vs the minimal program"
row rss "peak RSS, start to Home (MB)" 1024
row rss_browse "peak RSS, Home+Repertoire+reader+Health (MB)" 1024
row search_cli_rare_ms "copse search $RARE, whole command (ms)"
row search_cli_common_ms "copse search $COMMON, whole command (ms)"
row search_rare "search $RARE in-process p50 / p95 (ms)"
row search_common "search $COMMON in-process p50 / p95 (ms)"
row search_entry_common "  entries alone p50 / p95 (ms)"
row search_note_common "  notes alone p50 / p95 (ms)"
row typing_rare "typing $(echo "$RARE" | cut -c1-5) in the app p50 / p95 (ms)"
row typing_common "typing $(echo "$COMMON" | cut -c1-5) in the app p50 / p95 (ms)"
row fts_entry "  raw FTS5 top 50 entries p50 / p95 (ms)"
row fts_note "  raw FTS5 top 50 notes p50 / p95 (ms)"
row refresh "another session adds a note: on Home after (ms)"
row refresh_cpu "  CPU of an unrelated list meanwhile (ms)"
row repertoire_open "open the Repertoire (ms)"
row move_nopreview "list move, no preview (79 columns) (B)"
row move_preview "list move with the preview (B)"
row scroll "reader: scroll one line (B)"
row health_cli_ms "copse health (ms)"
row health_open "open the Health panel (ms)"
row idle "idle CPU over $BENCH_IDLE s (%)" 1 2
row typists "four typists: delivery median / p90 / max (ms)"
# the renderer does not depend on the community: one figure
printf '%-50s %15s %15s\n' "Markdown render, 1 MB of entries, best (MB/s)" - "$(get render value)"
