#!/bin/sh
# fake-editor.sh ACTION [ARG] FILE - a scriptable stand-in for $EDITOR.
#
# Use it as EDITOR="sh tests/tools/fake-editor.sh write 'new text'" (copse
# runs it as /bin/sh -c '$EDITOR "$1"' sh FILE, so FILE comes last).
#
#   write TEXT   replace the file with TEXT exactly (no newline added)
#   append TEXT  add TEXT to the end of the file
#   sed EXPR     edit the file with sed -e EXPR (e.g. 's/^Title: .*/Title: New/')
#   copy SRC     replace the file with the contents of SRC
#   keep         leave the file as it is
#   fail N       exit with status N without touching the file
#
# FAKE_EDITOR_LOG, when set, gets one line per run:
#   FILE FILE-MODE DIRECTORY-MODE
set -u
action=$1
eval "file=\${$#}"
if [ -n "${FAKE_EDITOR_LOG:-}" ]; then
	printf '%s %s %s\n' "$file" "$(stat -c %a "$file")" \
		"$(stat -c %a "$(dirname "$file")")" >>"$FAKE_EDITOR_LOG"
fi
case $action in
write)  printf '%s' "$2" >"$file" ;;
append) printf '%s' "$2" >>"$file" ;;
sed)    sed -e "$2" "$file" >"$file.fake-editor" && cat "$file.fake-editor" >"$file" &&
	rm -f "$file.fake-editor" ;;
copy)   cat "$2" >"$file" ;;
keep)   : ;;
fail)   exit "$2" ;;
*)      echo "fake-editor.sh: unknown action '$action'" >&2; exit 64 ;;
esac
