/* app.c - the full-screen app: one event loop over a stack of views.
 *
 * Layout: line 0 the header (community, user, who else is here), line 1
 * the tab bar, then the focused view, and the status line at the bottom
 * (hints, messages, prompts).  Below 40x12 only a "too small" note.
 *
 * The loop blocks in the input wait with a half-second timeout
 * (display_getkey).  After every key and every timeout it polls
 * db_data_version() and, when another process committed a change to
 * community data (activity_stamp), reloads the views: other sessions'
 * lines appear while this user types, not only when the keyboard is
 * quiet.  Presence beats every PRESENCE_BEAT seconds (also while the
 * editor runs); who is here, where, and what they edit is read again
 * once a second and whenever the data version moves, so a killed session
 * drops out within a second or two.  An idle session wakes twice a
 * second for one cheap PRAGMA (and once a second a look at presence).  A terminal that is gone (end of
 * input, an I/O error, a hang-up without SIGHUP) ends the loop like q,
 * so open lines are kept as drafts and presence is removed.
 * KEY_RESIZE (ncurses' own SIGWINCH handling) just means "draw again": the
 * views lay out from LINES/COLS and re-render Markdown at the new width.
 * Signal handlers (display.c) only set a flag; the loop then leaves
 * through the normal path, which restores the terminal.
 *
 * ---- Scripted mode (the tig way) -------------------------------------
 *
 * COPSE_SCRIPT=FILE runs the app on a headless terminal (display.c) that
 * reads keys and commands from FILE; the script format is defined once,
 * in tests/ui/README.
 */
#include <curses.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "copse/activity.h"
#include "copse/app.h"
#include "copse/display.h"
#include "copse/draft.h"
#include "copse/editor.h"
#include "copse/keys.h"
#include "copse/lineedit.h"
#include "copse/text.h"
#include "copse/trash.h"
#include "copse/view.h"

#define MIN_COLS 40
#define MIN_ROWS 12
#define POLL_MS 500
#define PROMPT_MAX 1024       /* bytes a status-line prompt takes */

static const struct panel_ops *const panels[APP_PANELS] = {
	&panel_home, &panel_members, &panel_meetings,
	&panel_repertoire, &panel_topics, &panel_health,
};
_Static_assert(REQ_PANEL_HEALTH - REQ_PANEL_HOME + 1 == APP_PANELS,
	       "one PANEL_* key per panel");

/* ---- messages ---- */

static void vmessage(struct app *a, int err, const char *fmt, va_list ap)
{
	char raw[512];
	char *s;

	vsnprintf(raw, sizeof raw, fmt, ap);
	s = text_sanitize(raw, strlen(raw), display_ascii() ? TEXT_ASCII : 0);
	snprintf(a->msg, sizeof a->msg, "%s", s ? s : raw);
	free(s);
	a->msg_err = err;
}

void app_message(struct app *a, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vmessage(a, 0, fmt, ap);
	va_end(ap);
}

void app_error(struct app *a, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vmessage(a, 1, fmt, ap);
	va_end(ap);
}

void app_db_error(struct app *a, int status)
{
	if (status == COPSE_OK)
		return;
	app_error(a, "%s", db_error(a->db));
}

/* ---- views ---- */

static struct view *current(struct app *a)
{
	if (a->depth > 0)
		return a->stack[a->depth - 1];
	if (!a->panels[a->panel])
		a->panels[a->panel] = view_new_list(panels[a->panel]);
	return a->panels[a->panel];
}

/* Tell every view what changed (activity.h: CHANGE_*, or
 * VIEW_CHANGE_PRESENCE): each marks what it must read again. */
static void tell_views(struct app *a, unsigned what)
{
	for (int i = 0; i < APP_PANELS; i++)
		view_changed(a->panels[i], what);
	for (int i = 0; i < a->depth; i++)
		view_changed(a->stack[i], what);
}

static void mark_all_stale(struct app *a)
{
	tell_views(a, CHANGE_ALL);
}

/* ---- tracing (COPSE_TRACE) ---- */

static FILE *trace_fp;

void app_trace(struct app *a, const char *fmt, ...)
{
	va_list ap;

	(void)a;
	if (!trace_fp)
		return;
	va_start(ap, fmt);
	vfprintf(trace_fp, fmt, ap);
	va_end(ap);
	fputc('\n', trace_fp);
	fflush(trace_fp);
}

static void pop(struct app *a)
{
	if (a->depth > 0)
		view_free(a->stack[--a->depth]);
}

static void pop_all(struct app *a)
{
	while (a->depth > 0)
		pop(a);
}

/* Load the focused view if it is stale; a document whose item is gone
 * closes itself. */
static void ensure_loaded(struct app *a)
{
	for (;;) {
		struct view *v = current(a);
		int st;

		if (!v)
			return;
		if (!v->stale)
			return;
		v->stale = 0;
		st = v->ops->load(a, v);
		/* not while a prompt runs: a key handler below it still
		 * holds the view */
		if (st == COPSE_NOTFOUND && a->depth > 0 && !a->in_prompt) {
			if (!a->msg[0])     /* a message about it may be up */
				app_message(a, "%s", db_error(a->db));
			pop(a);
			continue;
		}
		return;
	}
}

void app_push(struct app *a, struct view *v)
{
	if (!v) {
		app_error(a, "out of memory");
		return;
	}
	if (a->depth >= (int)ARRAY_SIZE(a->stack)) {
		view_free(a->stack[0]);
		memmove(a->stack, a->stack + 1, (ARRAY_SIZE(a->stack) - 1) * sizeof a->stack[0]);
		a->depth--;
	}
	a->stack[a->depth++] = v;
}

void app_open(struct app *a, const struct kind_ops *k, int64_t id)
{
	struct view *v = k->view ? k->view(k, id) : view_new_doc(k, id);

	app_push(a, v);
	if (!v)
		return;
	v->stale = 0;
	if (v->ops->load(a, v) == COPSE_OK && k->opened)
		k->opened(a, id);
}

void app_reselect(struct app *a, const struct kind_ops *k, int64_t id)
{
	a->added_kind = k;
	a->added_id = id;
}

void app_show_end(struct app *a)
{
	if (a->depth > 0)
		view_show_end(a->stack[a->depth - 1]);
}

const struct view *app_view_under(const struct app *a)
{
	if (a->depth >= 2)
		return a->stack[a->depth - 2];
	if (a->depth == 1)
		return a->panels[a->panel];
	return NULL;
}

int app_open_target(struct app *a, const char *target)
{
	char kind[16];
	const struct kind_ops *k;
	long long id;
	int n = 0;

	if (strncmp(target, "copse:", 6) != 0)
		return -1;
	if (sscanf(target + 6, "%15[a-z]/%lld%n", kind, &id, &n) != 2 ||
	    target[6 + n] != '\0' || id <= 0)
		return -1;
	k = kind_by_name(kind);
	if (!k || !k->doc)
		return -1;
	app_open(a, k, id);
	return 0;
}

/* ---- drawing ---- */

static void draw_header(struct app *a)
{
	struct buf right;
	int w = display_cols(), rw;
	const char *dot = display_ascii() ? "-" : "·";

	display_fill(0, 0, w, display_attr(ST_HEADER));
	buf_init(&right);
	buf_puts(&right, db_login(a->db));
	if (a->readonly)
		buf_printf(&right, " %s read-only", dot);
	if (a->online.n) {
		buf_printf(&right, " %s also here: ", dot);
		for (size_t i = 0; i < a->online.n; i++)
			buf_printf(&right, "%s%s", i ? ", " : "", a->online.v[i]);
	}
	buf_putc(&right, ' ');
	{
		char *s = text_sanitize(right.s, right.len, display_ascii() ? TEXT_ASCII : 0);
		char *clip;

		rw = s ? text_width(s, strlen(s)) : 0;
		if (rw > w / 2)
			rw = w / 2;
		clip = s ? text_clip(s, rw, 0, display_ascii()) : NULL;
		if (clip)
			display_text(0, w - rw, rw, clip, display_attr(ST_HEADER));
		free(clip);
		free(s);
	}
	buf_done(&right);
	display_untrusted(0, 1, w - rw - 2, a->community, display_attr(ST_HEADER));
}

static void tab_label(char *out, size_t n, int i, int variant)
{
	/* full " 1 Home ", then " 1 Hom", then " 1" */
	if (variant == 0)
		snprintf(out, n, " %d %s ", i + 1, panels[i]->name);
	else if (variant == 1)
		snprintf(out, n, " %d %.3s", i + 1, panels[i]->name);
	else
		snprintf(out, n, " %d", i + 1);
}

static void draw_tabs(struct app *a)
{
	int w = display_cols();
	char label[32];

	display_fill(1, 0, w, display_attr(ST_TAB));
	for (int variant = 0; variant < 3; variant++) {
		int total = 0, x = 0;

		for (int i = 0; i < APP_PANELS; i++) {
			tab_label(label, sizeof label, i, variant);
			total += (int)strlen(label);
		}
		if (total > w && variant < 2)
			continue;
		for (int i = 0; i < APP_PANELS; i++) {
			tab_label(label, sizeof label, i, variant);
			x += display_text(1, x, w - x, label,
					  display_attr(i == a->panel ? ST_TAB_CUR : ST_TAB));
		}
		break;
	}
}

/* s clipped to cols by cutting its middle: the end of a prompt ("(y/n)",
 * "fix it or Esc:") says what to type, so it stays.  Caller frees. */
static char *clip_middle(const char *s, int cols)
{
	const char *tail = s;
	int keep = cols / 2 < 16 ? cols / 2 : 16;
	char *head, *out;
	size_t hl;

	if (text_width(s, strlen(s)) <= cols)
		return xstrdup(s);
	while (*tail && text_width(tail, strlen(tail)) > keep) {
		uint32_t cp;
		tail += text_decode(tail, strlen(tail), &cp);
	}
	head = xstrdup(s);
	head[tail - s] = '\0';
	out = text_clip(head, cols - text_width(tail, strlen(tail)), 0, display_ascii());
	free(head);
	if (!out)
		return NULL;
	hl = strlen(out);
	head = realloc(out, hl + strlen(tail) + 1);
	if (!head) {
		free(out);
		return NULL;
	}
	memcpy(head + hl, tail, strlen(tail) + 1);
	return head;
}

/* ---- messages wider than their row ---- */

#define WRAP_ROWS 6    /* rows a message or a question may take at most */

struct msg_row {
	size_t off, len;
};

/* Where the last part of s (len bytes) no wider than cols starts: after
 * the first space that leaves such a part, else by characters. */
static size_t tail_start(const char *s, size_t len, int cols)
{
	size_t i = 0;
	uint32_t cp;

	for (size_t j = 0; j < len; j++)
		if (s[j] == ' ' && text_width(s + j + 1, len - j - 1) <= cols)
			return j + 1;
	while (i < len && text_width(s + i, len - i) > cols)
		i += text_decode(s + i, len - i, &cp);
	return i;
}

/* s in rows of w columns broken at spaces (a word wider than a row by
 * characters), the last row at most last columns: their count, or 0
 * when that takes more than max rows (or max is 0). */
static int wrap_rows(const char *s, int w, int last, struct msg_row *rows, int max)
{
	size_t len = strlen(s), off = 0;
	int n = 0;

	if (w < 1 || last < 1)
		return 0;
	while (off < len) {
		int used;
		size_t k = text_fit(s + off, len - off, w, &used);

		if (k == 0)
			k = text_cluster(s + off, len - off, &used);
		if (k == 0)
			k = 1;
		if (off + k < len && s[off + k] != ' ') {
			size_t sp = k;

			while (sp > k / 2 && s[off + sp - 1] != ' ')
				sp--;
			if (sp > k / 2)
				k = sp;
		}
		if (n == max)
			return 0;
		rows[n].off = off;
		rows[n].len = k;
		while (off + k < len && rows[n].len > 0 && s[off + rows[n].len - 1] == ' ')
			rows[n].len--;       /* a row's end, not the text's */
		n++;
		off += k;
		while (off < len && s[off] == ' ')
			off++;
	}
	if (n > 0 && text_width(s + rows[n - 1].off, rows[n - 1].len) > last) {
		struct msg_row *r = &rows[n - 1];
		size_t t = tail_start(s + r->off, r->len, last);

		if (n == max || t == 0)
			return 0;
		rows[n].off = r->off + t;
		rows[n].len = r->len - t;
		r->len = t;
		while (r->len > 0 && s[r->off + r->len - 1] == ' ')
			r->len--;
		n++;
	}
	return n;
}

/* The rows above y a message wrapped to n rows may take (it keeps off
 * the header and tabs, and half the screen to what it is about). */
static int wrap_max(int y)
{
	int max = y - 1 < display_rows() / 2 ? y - 1 : display_rows() / 2;

	return max < WRAP_ROWS ? max : WRAP_ROWS;
}

/* Draw all rows but the last of s wrapped in rows (n of them) on the
 * rows above y, each filled with attr; the last row's text is returned
 * (caller frees). */
static char *draw_rows_above(int y, int x, int w, const char *s, const struct msg_row *rows,
			     int n, int attr, int trusted)
{
	for (int i = 0; i < n - 1; i++) {
		char *t = xstrndup(s + rows[i].off, rows[i].len);

		display_fill(y - (n - 1) + i, x, w, attr);
		if (trusted)
			display_text(y - (n - 1) + i, x, w, t, attr);
		else
			display_untrusted(y - (n - 1) + i, x, w, t, attr);
		free(t);
	}
	return xstrndup(s + rows[n - 1].off, rows[n - 1].len);
}

void app_draw_line(int y, int x, int w, const char *label, struct lineedit *le,
		   int attr, int cursor)
{
	const char *t = le ? lineedit_text(le) : "";
	int tw = text_width(t, strlen(t));
	/* a long label (an error to fix) leaves at least half the row to
	 * the text typed; the rest of it goes on the rows above, or when
	 * there are too few, loses its middle */
	int room = w - 1 - (tw < w / 2 ? tw : w / 2);
	struct msg_row rows[WRAP_ROWS + 1];
	int n = 0;
	char *l;
	int lw;
	size_t start = 0;
	int col = 0;

	if (room > 1 && text_width(label, strlen(label)) > room)
		n = wrap_rows(label, w, room, rows, wrap_max(y));
	if (n > 1)
		l = draw_rows_above(y, x, w, label, rows, n, attr, 0);
	else
		l = clip_middle(label, room > 1 ? room : 1);
	lw = display_untrusted(y, x, w, l ? l : label, attr);
	free(l);
	if (le) {
		lineedit_view(le, w - lw > 1 ? w - lw : 1, &start, &col);
		display_untrusted(y, x + lw, w - lw, t + start, attr);
	}
	if (cursor)
		display_cursor(y, x + lw + col < x + w ? x + lw + col : x + w - 1);
}

static void draw_status(struct app *a, struct view *v)
{
	int y = display_rows() - 1, w = display_cols();
	char hints[256], pos[32];
	int pw;

	display_fill(y, 0, w, display_attr(ST_STATUS));
	if (a->prompt_label) {
		app_draw_line(y, 0, w, a->prompt_label, a->prompt_le,
			      display_attr(ST_STATUS), 1);
		return;
	}
	hints[0] = pos[0] = '\0';
	v->ops->status(a, v, hints, sizeof hints, pos, sizeof pos);
	if (a->readonly)
		keys_drop_writes(v->ops->scope(v), hints);
	pw = pos[0] ? (int)strlen(pos) + 1 : 0;
	if (pw > w / 3)
		pw = 0;
	/* the position changes with every move: in the line's own style
	 * it costs its digits, dim it cost 16 bytes more a key */
	if (pw)
		display_text(y, w - pw, pw, pos, display_attr(ST_STATUS));
	if (a->msg[0]) {
		/* a message too long for the line goes on as many rows above
		 * it as it needs; when there are too few, it loses its middle,
		 * with an ellipsis, so both what failed and why stay readable */
		int room = w - pw - 1 > 1 ? w - pw - 1 : 1;
		int attr = display_attr(a->msg_err ? ST_ERROR : ST_STATUS);
		struct msg_row rows[WRAP_ROWS + 1];
		int n = 0;
		char *m;

		if (text_width(a->msg, strlen(a->msg)) > room)
			n = wrap_rows(a->msg, w, room, rows, wrap_max(y));
		if (n > 1)
			m = draw_rows_above(y, 0, w, a->msg, rows, n, attr, 1);
		else
			m = clip_middle(a->msg, room);
		display_text(y, 0, room, m ? m : a->msg, attr);
		free(m);
	} else {
		/* drop whole hints from the end rather than cut one, but
		 * keep "? help": it says where the rest are */
		char *cut;
		while (text_width(hints, strlen(hints)) > w - pw - 1 &&
		       (cut = strstr(hints, "  ")) != NULL) {
			char *last = cut, *prev;
			while ((cut = strstr(cut + 2, "  ")) != NULL)
				last = cut;
			if (strcmp(last, "  ? help") != 0) {
				*last = '\0';
				continue;
			}
			/* "? help" is last: drop the hint before it */
			prev = NULL;
			for (cut = strstr(hints, "  "); cut && cut < last; cut = strstr(cut + 2, "  "))
				prev = cut;
			if (prev)
				memmove(prev, last, strlen(last) + 1);
			else
				memmove(hints, last + 2, strlen(last + 2) + 1);
		}
		display_text(y, 0, w - pw - 1, hints, display_attr(ST_DIM));
	}
}

static void draw_too_small(void)
{
	int w = display_cols(), h = display_rows();
	char need[64];

	snprintf(need, sizeof need, "need %dx%d, have %dx%d", MIN_COLS, MIN_ROWS, w, h);
	display_text(0, 0, w, "Terminal too small", A_BOLD);
	display_text(1, 0, w, need, A_NORMAL);
	display_text(2, 0, w, "q quits", A_NORMAL);
}

void app_draw(struct app *a)
{
	struct view *v;

	display_erase();
	if (display_cols() < MIN_COLS || display_rows() < MIN_ROWS) {
		draw_too_small();
		display_refresh();
		return;
	}
	ensure_loaded(a);
	v = current(a);
	draw_header(a);
	draw_tabs(a);
	if (v)
		v->ops->draw(a, v, 2, 0, display_rows() - 3, display_cols());
	if (v)
		draw_status(a, v);
	display_refresh();
}

/* ---- live refresh ---- */

int app_editing(const struct app *a, const char *what, char *out, size_t n)
{
	size_t o = 0;

	out[0] = '\0';
	for (size_t i = 0; i < a->nsessions; i++) {
		const struct presence *p = &a->sessions[i];
		char when[32];

		if (p->mine || !p->editing || strcmp(p->editing, what) != 0)
			continue;
		view_time(p->since, when, sizeof when);
		snprintf(out + o, n - o, "%s%s %s, since %s", o ? "; " : "",
			 display_ascii() ? "(editing)" : "✎", p->login,
			 strlen(when) > 11 ? when + 11 : when);
		o = strlen(out);
	}
	return o > 0;
}

/* Read who is here, where and editing what.  1 when any of it changed:
 * the header shows who, a meeting who is in it, a record who edits it. */
static int refresh_presence(struct app *a)
{
	struct presence *v = NULL;
	struct strv online;
	struct buf sig;
	size_t n = 0;
	int changed;

	if (presence_sessions(a->db, &v, &n) != COPSE_OK)
		return 0;
	strv_init(&online);
	buf_init(&sig);
	buf_puts(&sig, "");
	for (size_t i = 0; i < n; i++) {
		if (strcmp(v[i].login, db_login(a->db)) != 0 && !strv_contains(&online, v[i].login))
			strv_push(&online, v[i].login);
		buf_printf(&sig, "%s|%s|%s|%s|%d\n", v[i].login, v[i].place ? v[i].place : "",
			   v[i].editing ? v[i].editing : "", v[i].since ? v[i].since : "",
			   v[i].mine);
	}
	changed = !a->presence_seen || strcmp(a->presence_seen, sig.s ? sig.s : "") != 0;
	free(a->presence_seen);
	a->presence_seen = buf_steal(&sig);
	strv_done(&a->online);
	a->online = online;
	presence_list_free(a->sessions, a->nsessions);
	a->sessions = v;
	a->nsessions = n;
	return changed;
}

/* Between keys and on every timeout: beat presence when it is due, and
 * reload the views when another process committed.  Returns 1 when the
 * screen must be drawn again; an idle poll draws nothing. */
static int poll_changes(struct app *a)
{
	int64_t nv = db_data_version(a->db);
	time_t now = time(NULL);
	int changed = 0, look = 0;

	if (now - a->last_beat >= PRESENCE_BEAT || now < a->last_beat) {
		presence_beat(a->db);
		a->last_beat = now;
		nv = db_data_version(a->db);
	}
	/* once a second: a session killed meanwhile commits nothing, yet
	 * drops out (presence_sessions checks its process) */
	if (now != a->last_look) {
		a->last_look = now;
		look = 1;
	}
	if (nv != a->data_version) {
		/* Someone committed.  Presence beats, visits and reads commit
		 * too, every few seconds per session: a view reads again only
		 * what it shows of what changed, which the activity log says
		 * (a new note leaves the Repertoire alone). */
		unsigned what = 0;

		a->data_version = nv;
		look = 1;
		if (activity_changes(a->db, &a->stamp, &what) != COPSE_OK)
			what = CHANGE_ALL;     /* the views then say what is wrong */
		if (what) {
			app_trace(a, "changed %#x", what);
			tell_views(a, what);
			changed = 1;
		}
	}
	/* who is here is drawn as it is; the meeting floor lays out again */
	if (look && refresh_presence(a)) {
		tell_views(a, VIEW_CHANGE_PRESENCE);
		changed = 1;
	}
	/* the focused view's waiting work (the floor's lines to send) */
	{
		struct view *v = current(a);

		if (v && v->ops->tick && v->ops->tick(a, v))
			changed = 1;
	}
	return changed;
}

void app_set_place(struct app *a, const char *place)
{
	if (!place)
		place = "";
	if (strcmp(a->place, place) == 0)
		return;
	snprintf(a->place, sizeof a->place, "%s", place);
	presence_set(a->db, a->place, NULL);
	a->last_beat = time(NULL);
}

/* ---- prompts ---- */

/* Wait for a key while a prompt is up; other processes' changes still
 * appear (a meeting's notes while you type yours), between keys too.
 * Returns EV_KEY or EV_END. */
static int prompt_getkey(struct app *a, int *key)
{
	for (int draw = 1;; ) {
		int ev;

		a->in_prompt++;
		if (draw)
			app_draw(a);
		ev = display_getkey(POLL_MS, key);
		if (ev != EV_END)
			draw = poll_changes(a) || ev != EV_TIMEOUT;
		a->in_prompt--;
		if (ev == EV_KEY || ev == EV_END)
			return ev;
	}
}

/* After a prompt: a view whose item vanished meanwhile closes now. */
static void prompt_done(struct app *a)
{
	a->prompt_label = NULL;
	a->prompt_le = NULL;
	display_cursor(-1, -1);
	if (a->depth > 0 && view_failed(a->stack[a->depth - 1]))
		a->stack[a->depth - 1]->stale = 1;
}

int app_line_key(struct lineedit *le, int req, int key)
{
	static const struct {
		int req;
		enum lineedit_op op;
	} ops[] = {
		{ REQ_LINE_LEFT, LE_LEFT }, { REQ_LINE_RIGHT, LE_RIGHT },
		{ REQ_LINE_HOME, LE_HOME }, { REQ_LINE_END, LE_END },
		{ REQ_LINE_BACKSPACE, LE_BACKSPACE }, { REQ_LINE_DELETE, LE_DELETE },
		{ REQ_LINE_KILL_WORD, LE_KILL_WORD }, { REQ_LINE_KILL_START, LE_KILL_START },
		{ REQ_LINE_KILL_END, LE_KILL_END },
	};

	for (size_t i = 0; i < ARRAY_SIZE(ops); i++)
		if (ops[i].req == req) {
			lineedit_do(le, ops[i].op);
			return 1;
		}
	if (req != REQ_NONE || KEY_IS_FUNC(key) || key < ' ')
		return 0;
	lineedit_insert(le, (uint32_t)key);   /* a control or no room: ignored */
	return 1;
}

int app_prompt(struct app *a, const char *label, char *text, size_t n,
	       void (*on_change)(struct app *a, const char *text, void *ctx),
	       void *ctx)
{
	struct lineedit le;
	char full[64];
	int result = 0;

	if (n < 1 || lineedit_init(&le, n - 1 < PROMPT_MAX ? n - 1 : PROMPT_MAX) != 0)
		return 0;
	lineedit_set(&le, text);
	a->prompt_label = label;
	a->prompt_le = &le;
	a->msg[0] = '\0';
	for (;;) {
		int key, ev, req;

		ev = prompt_getkey(a, &key);
		if (ev == EV_END) {
			a->quit = 1;
			break;
		}
		key = keys_normalize(key);
		req = keys_lookup(KEYS_INPUT, key);
		if (req == REQ_INPUT_SEND) {
			result = 1;
			break;
		}
		if (req == REQ_INPUT_LEAVE || key == KEY_CTRL('c') || key == KEY_CTRL('g'))
			break;
		/* Backspace on an empty line leaves, as in vi and less */
		if (req == REQ_LINE_BACKSPACE && lineedit_empty(&le))
			break;
		if (req == REQ_REDRAW) {
			display_redraw_all();
			continue;
		}
		size_t len = le.len;
		char u8[4];

		a->prompt_label = label;
		if (!app_line_key(&le, req, key))
			continue;
		/* a character with no room left: said on the line (in the
		 * label's place, till the next key), never silently dropped;
		 * what was typed stays */
		if (req == REQ_NONE && le.len == len && le.max &&
		    len + (size_t)keys_utf8(key, u8) > le.max) {
			snprintf(full, sizeof full, "the line is full (%zu bytes): ", le.max);
			a->prompt_label = full;
			continue;
		}
		snprintf(text, n, "%s", lineedit_text(&le));
		if (on_change)
			on_change(a, text, ctx);
	}
	snprintf(text, n, "%s", lineedit_text(&le));
	lineedit_done(&le);
	prompt_done(a);
	return result;
}

int app_ask_key(struct app *a, const char *question)
{
	int key = 0, ev;

	a->prompt_label = question;
	a->prompt_le = NULL;
	a->msg[0] = '\0';
	ev = prompt_getkey(a, &key);
	if (ev == EV_END) {
		a->quit = 1;
		key = 0;
	}
	if (key == KEY_ESC)
		key = 0;
	prompt_done(a);
	return key;
}

int app_confirm(struct app *a, const char *question)
{
	char label[512];
	int key;

	/* One key answers: y, and only y, says yes.  Any other key (the ':'
	 * of a "d: ..." typed into the wrong place) cancels and is used up,
	 * so the rest of a line typed blind cannot answer a later question. */
	snprintf(label, sizeof label, "%s y/n ", question);
	key = app_ask_key(a, label);
	if (key == 'y')
		return 1;
	if (!a->quit)
		app_message(a, "nothing changed");
	return 0;
}

void app_undo_instead(struct app *a, int (*undo)(struct app *a, int64_t id, const char *arg),
		      int64_t id, const char *arg)
{
	struct app_instead *in;

	if (a->ninstead == (int)ARRAY_SIZE(a->instead)) {   /* the oldest goes */
		free(a->instead[0].arg);
		memmove(a->instead, a->instead + 1, (size_t)--a->ninstead * sizeof *in);
	}
	in = &a->instead[a->ninstead++];
	in->undo = undo;
	in->id = id;
	in->arg = xstrdup(arg ? arg : "");
	in->after = a->ndeleted;
}

int app_undo(struct app *a)
{
	struct trash_item t;
	const struct kind_ops *k;
	int st;

	/* the change made instead of a delete, when no delete came after */
	if (a->ninstead && a->instead[a->ninstead - 1].after >= a->ndeleted) {
		struct app_instead in = a->instead[--a->ninstead];

		st = in.undo(a, in.id, in.arg ? in.arg : "");
		free(in.arg);
		return st;
	}
	st = trash_undo_last(a->db, &t);
	if (st == COPSE_OK && a->ndeleted > 0)
		a->ndeleted--;
	if (st == COPSE_NOTFOUND) {
		app_message(a, "nothing to undo: you deleted nothing in this session");
		return VR_REDRAW;
	}
	if (st != COPSE_OK) {
		app_db_error(a, st);
		return VR_REDRAW;
	}
	{
		/* what came back is named whole; the title gives way (room
		 * is left for the list position at the right) */
		int rest = snprintf(NULL, 0, "restored %s ''%s%s", t.kind, *t.what ? " with " : "",
				    t.what);
		char *title = view_fit(t.title, display_cols() - 10 - rest);

		app_message(a, "restored %s '%s'%s%s", t.kind, title ? title : "",
			    *t.what ? " with " : "", t.what);
		free(title);
	}
	if ((k = kind_by_name(t.kind)) != NULL)
		app_reselect(a, k, t.object_id);
	trash_item_done(&t);
	return VR_RELOAD;
}

/* ---- the editor ---- */

static void ed_suspend(void *ctx)
{
	(void)ctx;
	display_suspend();
}

static void ed_resume(void *ctx)
{
	(void)ctx;
	display_resume();
}

/* While the editor runs: keep presence alive. */
static void ed_tick(void *ctx)
{
	struct app *a = ctx;

	presence_beat(a->db);
	a->last_beat = time(NULL);
}

/* "entry 12" names a record; "new entry" does not. */
static int names_record(const char *context)
{
	const char *sp = context ? strrchr(context, ' ') : NULL;
	int64_t id;

	return sp && sp > context && str_to_id(sp + 1, &id) == 0;
}

int app_edit_text(struct app *a, const char *kind, const char *context,
		  const char *initial, char **out, int *changed, char **draft)
{
	struct draft_meta m = { .kind = kind, .context = context };

	return app_edit_draft(a, &m, initial, out, changed, draft);
}

int app_edit_draft(struct app *a, const struct draft_meta *m, const char *initial,
		   char **out, int *changed, char **draft)
{
	struct editor_opts o;
	struct editor_result r;
	char err[512];
	int st;

	memset(&o, 0, sizeof o);
	o.kind = m->kind;
	o.context = m->context;
	o.db_path = db_path(a->db);
	o.record = m->record;
	o.record_id = m->record_id;
	o.record_created = m->record_created;
	o.title = m->title;
	o.version = m->version;
	o.suspend = ed_suspend;
	o.resume = ed_resume;
	o.tick = ed_tick;
	o.tick_seconds = PRESENCE_BEAT;
	o.ctx = a;
	*out = NULL;
	*changed = 0;
	*draft = NULL;
	err[0] = '\0';
	/* the others see "✎ login, since 10:02" on the record meanwhile */
	if (names_record(m->context))
		presence_set(a->db, a->place, m->context);
	st = editor_run(initial, &o, &r, err, sizeof err);
	if (names_record(m->context))
		presence_set(a->db, a->place, NULL);
	a->last_beat = time(NULL);
	if (st != COPSE_OK) {
		app_error(a, "%s", err[0] ? err : status_message(st));
		editor_result_done(&r);
		return st;
	}
	*out = r.text;
	*changed = r.changed;
	*draft = r.draft;
	r.text = NULL;
	r.draft = NULL;
	editor_result_done(&r);
	if (!*out)
		*out = xstrdup("");
	return COPSE_OK;
}

void app_draft_discard(struct app *a, const char *draft)
{
	char err[256];

	(void)a;
	if (draft)
		draft_discard(draft, err, sizeof err);
}

/* ---- keys ---- */

/* "Read-only for you: <why>". */
static void readonly_message(struct app *a)
{
	const char *why = db_readonly(a->db);

	if (why)
		app_error(a, "%c%s", why[0] == 'r' ? 'R' : why[0], why + 1);
}

static int handle_key(struct app *a, int key)
{
	struct view *v = current(a);
	int scope = v->ops->scope(v);
	int req = keys_lookup(scope, key);
	int r;

	if (a->readonly && keys_writes(req)) {
		readonly_message(a);
		return VR_REDRAW;
	}
	/* Home's / searches everything: it has no list worth filtering */
	if (req == REQ_SEARCH && a->depth == 0 && panels[a->panel] == &panel_home)
		req = REQ_SEARCH_ALL;
	switch (req) {
	case REQ_SEARCH_ALL:
		app_push(a, view_new_search());
		return VR_REDRAW;
	case REQ_PANEL_HOME: case REQ_PANEL_MEMBERS: case REQ_PANEL_MEETINGS:
	case REQ_PANEL_REPERTOIRE: case REQ_PANEL_TOPICS: case REQ_PANEL_HEALTH:
		pop_all(a);
		a->panel = req - REQ_PANEL_HOME;
		return VR_REDRAW;
	case REQ_NEXT_PANEL:
	case REQ_PREV_PANEL:
		pop_all(a);
		a->panel = (a->panel + (req == REQ_NEXT_PANEL ? 1 : APP_PANELS - 1)) % APP_PANELS;
		return VR_REDRAW;
	case REQ_HELP:
		if (view_kind(v) == &kind_help)
			return VR_REDRAW;
		app_open(a, &kind_help, scope);
		return VR_REDRAW;
	case REQ_REDRAW:
		display_redraw_all();
		return VR_REDRAW;
	case REQ_QUIT:
		if (a->depth > 0)
			return VR_BACK;
		return VR_QUIT;
	case REQ_NONE:
		/* a line being typed takes the keys no request names */
		if (!keys_takes_text(scope))
			return VR_NONE;
		break;
	default:
		break;
	}
	r = v->ops->key(a, v, req, key);
	/* u: any view may undo in its own way first (the meeting floor) */
	if (r == VR_UNHANDLED && req == REQ_UNDO)
		r = app_undo(a);
	if (r == VR_UNHANDLED)
		r = VR_NONE;
	return r;
}

/* ---- the loop ---- */

int app_run(struct db *db)
{
	struct app a;
	int status = 0, draw = 1, greeted = 0;

	memset(&a, 0, sizeof a);
	a.db = db;
	strv_init(&a.online);
	a.community = db_community_name(db);
	if (!a.community)
		a.community = xstrdup("copse");
	if (display_init() != 0) {
		free(a.community);
		return 1;
	}
	{
		/* what the views read, and when: for the tests (tests/ui/README) */
		const char *tf = getenv("COPSE_TRACE");

		trace_fp = tf && *tf ? fopen(tf, "a") : NULL;
	}
	/* Someone who may only read is told at once; a new database says
	 * where it is.  The first screen only reads: this visit and this
	 * session's presence are written once it is drawn (the first write
	 * after the log was removed waits for the disk), and they give up
	 * at once while another process writes (activity.h). */
	a.readonly = db_readonly(db) != NULL;
	if (a.readonly)
		readonly_message(&a);
	else if (db_created(db) || db_is_empty(db))
		app_message(&a, "New, empty database: %s", db_path(db));
	visit_last(db, &a.previous_visit);
	refresh_presence(&a);
	a.data_version = db_data_version(db);
	a.stamp = activity_stamp(db);
	/* Texts kept from sessions that ended before they were saved come
	 * first: each can be recovered or discarded (view-drafts.c). */
	if (!a.readonly) {
		struct view *dv = view_new_drafts(&a);

		if (dv)
			a.stack[a.depth++] = dv;
	}

	while (!a.quit) {
		int key, ev, r;

		if (draw) {
			a.keys_waiting = display_keys_waiting();
			app_draw(&a);
			a.keys_waiting = 0;
		}
		if (!greeted) {
			/* the first screen is up: now say we are here */
			greeted = 1;
			visit_touch(db, NULL);
			presence_beat(db);
			a.last_beat = time(NULL);
		}
		draw = 1;
		ev = display_getkey(POLL_MS, &key);
		if (ev == EV_END)
			break;
		if (ev == EV_RESIZE)
			continue;
		/* between keys too: a steady typist still sees the others */
		if (ev == EV_TIMEOUT) {
			draw = poll_changes(&a);
			continue;
		}
		poll_changes(&a);
		a.msg[0] = '\0';
		if (display_cols() < MIN_COLS || display_rows() < MIN_ROWS) {
			if (key == 'q')
				break;
			continue;
		}
		r = handle_key(&a, key);
		switch (r) {
		case VR_QUIT:
			a.quit = 1;
			break;
		case VR_BACK:
			pop(&a);
			break;
		case VR_RELOAD:
			mark_all_stale(&a);
			a.data_version = db_data_version(db);
			a.stamp = activity_stamp(db);
			if (a.added_kind && a.depth == 0) {
				ensure_loaded(&a);
				view_select(current(&a), a.added_kind, a.added_id);
			}
			a.added_kind = NULL;
			break;
		default:
			break;
		}
	}

	/* views close first: an open input line is kept as a draft */
	pop_all(&a);
	for (int i = 0; i < APP_PANELS; i++)
		view_free(a.panels[i]);
	presence_leave(db);
	display_done();
	if (display_gone()) {
		fprintf(stderr, "copse: %s\n", display_gone());
		status = 1;
	}
	if (display_script_error()) {
		fprintf(stderr, "copse: %s\n", display_script_error());
		status = 2;
	}
	if (trace_fp)
		fclose(trace_fp);
	trace_fp = NULL;
	strv_done(&a.online);
	presence_list_free(a.sessions, a.nsessions);
	free(a.presence_seen);
	for (int i = 0; i < a.ninstead; i++)
		free(a.instead[i].arg);
	free(a.community);
	free(a.previous_visit);
	return status;
}
