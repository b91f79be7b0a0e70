/* view-help.c - the help screen: a document made from the key table
 * (keys.h), opened by '?' on top of the view it is about.
 *
 * It lists what works in the view under it: a, e and d only where there
 * is something to add, edit or delete, and named for what they act on,
 * and none of the keys that write for someone who may only read. */
#include <stdio.h>
#include <string.h>

#include "copse/keys.h"
#include "copse/view.h"

struct help_ctx {
	struct buf *b;
	const struct view *under;        /* the view the help is for; may be NULL */
	int readonly;                    /* leave out the keys that write */
	int scope;
};

static const char *article(const char *noun)
{
	return strchr("aeiou", noun[0]) ? "an" : "a";
}

static void help_row(int req, const char *keys, const char *help, void *ctx)
{
	struct help_ctx *h = ctx;
	const struct view *v = h->under;
	const struct kind_ops *k = NULL;
	char text[256];

	if (h->readonly && keys_writes(req))
		return;
	/* keys of one screen: the Repertoire's pages, an entry's history
	 * and "I used this" */
	if ((req == REQ_TAGS || req == REQ_WANTED || req == REQ_SORT) &&
	    (!v || view_panel(v) != &panel_repertoire))
		return;
	if ((req == REQ_HISTORY || req == REQ_USED) && (!v || view_kind(v) != &kind_entry))
		return;
	/* the meeting screen has nothing to find */
	if (h->scope == KEYS_MEETING && (req == REQ_NEXT_MATCH || req == REQ_PREV_MATCH))
		return;
	/* Home's / is the search (app.c) */
	if (req == REQ_SEARCH && v && view_panel(v))
		help = view_panel(v) == &panel_home ? "search everything (as s does)"
			: "filter the list (incremental)";

	if (v && (req == REQ_ADD || req == REQ_EDIT || req == REQ_DELETE || req == REQ_OPEN)) {
		const struct panel_ops *panel = view_panel(v);
		const char *what = panel ? "the selected" : "this";
		int n;

		switch (req) {
		case REQ_ADD:
			k = panel ? panel->add_kind : view_kind(v);
			if (!k || !k->add)
				return;
			snprintf(text, sizeof text, "add %s %s", article(k->name), k->name);
			break;
		case REQ_EDIT:
			n = view_kinds_with(v, KIND_EDIT, &k);
			if (n == 0)
				return;
			snprintf(text, sizeof text, "edit %s %s in $VISUAL or $EDITOR", what,
				 n > 1 ? "item" : k->name);
			break;
		case REQ_DELETE:
			n = view_kinds_with(v, KIND_DELETE, &k);
			if (n == 0)
				return;
			if (n > 1)   /* Home: meetings, entries, actions */
				snprintf(text, sizeof text, "delete, archive or mark done"
					 " (whatever suits the selected item), after y/n");
			else if (!k->del_help)
				snprintf(text, sizeof text, "%s", help);
			else
				snprintf(text, sizeof text, "%s, after y/n", k->del_help);
			break;
		default:   /* REQ_OPEN */
			if (!panel || view_kinds_with(v, KIND_OPEN, NULL) == 0)
				return;
			snprintf(text, sizeof text, "%s", help);
			break;
		}
		help = text;
	}
	buf_puts(h->b, "- **");
	md_put_text(h->b, keys);
	buf_puts(h->b, "**: ");
	md_put_text(h->b, help);
	buf_putc(h->b, '\n');
}

static int help_doc(struct app *a, int64_t scope, struct buf *md)
{
	static const char *const names[] = {
		[KEYS_GLOBAL] = "everywhere", [KEYS_LIST] = "lists",
		[KEYS_READER] = "the reader", [KEYS_MEETING] = "the meeting screen",
		[KEYS_INPUT] = "the input line", [KEYS_DRAFTS] = "the kept drafts",
		[KEYS_HISTORY] = "an entry's history",
		[KEYS_HOME] = "Home", [KEYS_MEMBERS] = "Members", [KEYS_TOPICS] = "Topics",
		[KEYS_HEALTH] = "Health", [KEYS_SEARCH] = "the search screen",
	};
	struct help_ctx h;

	if (scope < 0 || scope > KEYS_HEALTH)
		scope = KEYS_GLOBAL;
	h.b = md;
	h.under = app_view_under(a);
	h.readonly = a->readonly;
	h.scope = (int)scope;
	if (h.under && view_panel(h.under))
		buf_printf(md, "# Keys in %s\n\n", view_panel(h.under)->name);
	else
		buf_printf(md, "# Keys in %s\n\n", names[scope]);
	if (scope == KEYS_MEETING)
		buf_puts(md, "The log (after `Esc` on the input line):\n\n");
	keys_help((int)scope, help_row, &h);
	if (scope == KEYS_HOME)
		buf_puts(md, "\n`/` or `s` opens the search: entries, topics, members and"
			 " the minutes, as you type.\n");
	else if (scope == KEYS_LIST || keys_parent((int)scope) == KEYS_LIST)
		buf_puts(md, "\n`/` narrows the list as you type; `Enter` keeps the"
			 " filter, `Esc` clears it.\n");
	else if (scope == KEYS_DRAFTS)
		buf_puts(md, "\nThese are texts you typed in a session that ended before"
			 " they were saved. `q` keeps the rest for the next start; `e` on"
			 " a record also brings its draft back. A draft whose record was"
			 " saved by someone else since shows both versions to merge.\n");
	else if (scope == KEYS_SEARCH)
		buf_puts(md, "\nEvery other key types into the search line, and the hits"
			 " follow as you type: entries first (a title or tag that matches"
			 " before a passing mention), then topics, members and notes.  Words"
			 " must all match; `\"a phrase\"`, `prefix*`, `calm OR quiet`, `NOT anger`;"
			 " the last word also finds the longer words it begins.  Anything"
			 " else is plain text: `don't`, `C++`, `e-mail`, `@sam`, `#tag`.\n");
	else if (scope == KEYS_READER)
		buf_puts(md, "\n`Tab` selects the next link and `Enter` follows it;"
			 " `Backspace` goes back.\n");
	if (scope == KEYS_MEETING) {
		/* the input line's own keys; every other key is text there */
		buf_puts(md, "\n## The input line\n\nWhile the meeting is on (from 30"
			 " minutes before its start to its end), or after `a`, every key"
			 " not listed here types into the line:\n\n");
		keys_help(KEYS_INPUT, help_row, &h);
		buf_puts(md, "\nA line starting `d:` is a decision, `a: @handle ...`"
			 " an action item for that member (end it with `due YYYY-MM-DD`),"
			 " `?` a question; anything else is a note.\n");
	}
	return COPSE_OK;
}

/* Opened with the scope of the view under it as its id. */
const struct kind_ops kind_help = {
	.name = "help",
	.scope = KEYS_READER,
	.doc = help_doc,
	.hints = "j/k scroll  / find  q back",
};
