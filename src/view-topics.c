/* view-topics.c - the Topics panel and a topic's page. */
#include <stdlib.h>
#include <string.h>

#include "copse/entry.h"
#include "copse/keys.h"
#include "copse/meeting.h"
#include "copse/template.h"
#include "copse/topic.h"
#include "copse/view.h"

static void r_init(void *r) { memset(r, 0, sizeof(struct topic)); }
static void r_done(void *r) { topic_done(r); }
static int r_get(struct db *db, int64_t id, void *r) { topic_done(r); return topic_get(db, id, r); }
static int r_format(const void *r, int hints, struct buf *b) { return template_format_topic(r, hints, b); }
static int r_parse(const char *t, void *r, char *e, size_t n) { return template_parse_topic(t, r, e, n); }
static int r_add(struct db *db, void *r) { return topic_add(db, r); }
static int r_update(struct db *db, void *r) { return topic_update(db, r); }
static int64_t r_id(const void *r) { return ((const struct topic *)r)->id; }
static int r_version(const void *r) { return ((const struct topic *)r)->version; }
static void r_about(const void *r, const char **title, const char **created)
{
	*title = ((const struct topic *)r)->title;
	*created = ((const struct topic *)r)->created;
}

static const char *r_body(const void *r) { return ((const struct topic *)r)->body; }

static const struct rec_ops topic_rec = {
	sizeof(struct topic), r_init, r_done, r_get, r_format,
	r_parse, r_add, r_update, r_id, r_version, r_about, NULL, r_body,
};

static int topic_doc(struct app *a, int64_t id, struct buf *md)
{
	struct topic t;
	int64_t *mids = NULL, *eids = NULL;
	size_t nm = 0, ne = 0;
	char when[32];
	int st;

	memset(&t, 0, sizeof t);
	st = topic_get(a->db, id, &t);
	if (st != COPSE_OK)
		return st;
	view_time(t.created, when, sizeof when);
	buf_puts(md, "# ");
	md_put_text(md, t.title);
	buf_puts(md, "\n\n");
	md_put_text(md, t.status);
	buf_puts(md, view_sep());
	buf_printf(md, "%d vote%s%s", t.votes, t.votes == 1 ? "" : "s",
		   t.voted ? " (yours too)" : "");
	buf_puts(md, view_sep());
	buf_puts(md, "raised by ");
	md_put_text(md, t.author);
	buf_printf(md, " on %.10s\n\n", when);
	if (!str_empty(t.body)) {
		buf_puts(md, t.body);
		buf_puts(md, "\n\n");
	}
	if (topic_links(a->db, id, &mids, &nm, &eids, &ne) == COPSE_OK) {
		if (nm) {
			buf_puts(md, "## Meetings\n\n");
			for (size_t i = 0; i < nm; i++) {
				struct meeting m;

				memset(&m, 0, sizeof m);
				if (meeting_get(a->db, mids[i], &m) == COPSE_OK) {
					buf_puts(md, "- ");
					md_put_link(md, m.title, "meeting", m.id);
					buf_putc(md, '\n');
				}
				meeting_done(&m);
			}
			buf_putc(md, '\n');
		}
		if (ne) {
			buf_puts(md, "## Entries\n\n");
			for (size_t i = 0; i < ne; i++) {
				struct entry e;

				entry_init(&e);
				if (entry_get(a->db, eids[i], &e) == COPSE_OK) {
					buf_puts(md, "- ");
					md_put_wiki(md, e.title);
					if (strcmp(e.status, "published") != 0)
						buf_printf(md, " (%s)", e.status);
					buf_putc(md, '\n');
				}
				entry_done(&e);
			}
		}
	}
	free(mids);
	free(eids);
	topic_done(&t);
	return COPSE_OK;
}

static int topic_add_ui(struct app *a)
{
	char title[256];
	struct topic *t;

	if (!view_ask_title(a, "New topic: ", "topic", title, sizeof title))
		return VR_REDRAW;
	t = calloc(1, sizeof *t);
	if (!t)
		return VR_REDRAW;
	t->title = xstrdup(title);
	t->status = xstrdup("open");
	t->body = xstrdup("");
	return view_rec_add(a, &kind_topic, t);
}

static int topic_edit_ui(struct app *a, int64_t id)
{
	return view_rec_edit(a, &kind_topic, id);
}

static int topic_del_ui(struct app *a, int64_t id)
{
	return view_confirm_trash(a, "topic", id, topic_delete);
}

const struct kind_ops kind_topic = {
	.name = "topic",
	.scope = KEYS_READER,
	.doc = topic_doc,
	.add = topic_add_ui,
	.edit = topic_edit_ui,
	.del = topic_del_ui,
	.del_help = "trash the topic with its votes",
	.rec = &topic_rec,
	/* the topic, its votes, the meetings and entries linked */
	.shows = CHANGE_TOPICS | CHANGE_MEETINGS | CHANGE_ENTRIES,
};

/* Votes, and the status when it is not open ("3 votes", "parked"). */
static void topic_right(const struct topic *t, char *out, size_t n)
{
	if (strcmp(t->status, "open") == 0)
		snprintf(out, n, "%d vote%s", t->votes, t->votes == 1 ? "" : "s");
	else
		snprintf(out, n, "%d %s", t->votes, t->status);
}

static int topics_rows(struct app *a, struct view *v, const char *filter,
		       const struct page_req *r)
{
	struct topic *t = NULL;
	size_t n = 0;
	int st = topic_page(a->db, filter, r, &t, &n);

	for (size_t i = 0; i < n; i++) {
		struct page_key k;
		char right[64];

		topic_right(&t[i], right, sizeof right);
		page_key_init(&k);
		if (topic_key(&t[i], &k) == 0)
			view_add_keyed(v, t[i].title, right, t[i].id, &k);
		page_key_done(&k);
	}
	topic_list_free(t, n);
	return st;
}

static int topics_count(struct app *a, const char *filter, const struct page_key *k,
			int64_t *n)
{
	return topic_count(a->db, filter, k, n);
}

static int topics_key(struct app *a, int64_t id, struct page_key *k)
{
	struct topic t;
	int st;

	memset(&t, 0, sizeof t);
	st = topic_get(a->db, id, &t);
	if (st == COPSE_OK && topic_key(&t, k) != 0)
		st = COPSE_NOMEM;
	topic_done(&t);
	return st;
}

static const struct list_part topics_parts[] = {
	{ NULL, &kind_topic, topics_rows, topics_count, topics_key },
};

/* v: one vote per login; a second v takes it back. */
static int vote_ui(struct app *a, int64_t id)
{
	struct topic t;
	int st, voted;

	topic_init(&t);
	if ((st = topic_get(a->db, id, &t)) == COPSE_OK) {
		voted = t.voted;
		st = voted ? topic_unvote(a->db, id) : topic_vote(a->db, id);
		if (st == COPSE_OK)
			app_message(a, voted ? "your vote is taken back (%d left)"
				    : "voted (%d votes now)", t.votes + (voted ? -1 : 1));
	}
	topic_done(&t);
	if (st != COPSE_OK) {
		app_db_error(a, st);
		return VR_REDRAW;
	}
	/* its place in the list moves with its votes: it stays selected */
	app_reselect(a, &kind_topic, id);
	return VR_RELOAD;
}

/* L: link to a meeting (by id) or an entry (by id or title). */
static int link_ui(struct app *a, int64_t id)
{
	char text[256];
	int64_t other = 0;
	int key, st;

	key = app_ask_key(a, "Link the topic to: m a meeting, e an entry");
	if (key != 'm' && key != 'e') {
		if (key && !a->quit)
			app_message(a, "nothing linked");
		return VR_REDRAW;
	}
	text[0] = '\0';
	if (!app_prompt(a, key == 'm' ? "Meeting id: " : "Entry (id, title or its start): ", text,
			sizeof text, NULL, NULL) || str_empty(text)) {
		if (!a->quit)
			app_message(a, "nothing linked");
		return VR_REDRAW;
	}
	str_trim(text);
	if (str_to_id(text, &other) != 0) {
		struct entry e;

		if (key == 'm') {
			app_error(a, "meeting '%s': not an id", text);
			return VR_REDRAW;
		}
		entry_init(&e);
		st = entry_find_start(a->db, text, &e);
		other = e.id;
		/* "Apolog" named it: say which it was */
		snprintf(text, sizeof text, ", %s", e.title ? e.title : "");
		entry_done(&e);
		if (st != COPSE_OK) {
			app_db_error(a, st);
			return VR_REDRAW;
		}
	}
	st = key == 'm' ? topic_link_meeting(a->db, id, other) : topic_link_entry(a->db, id, other);
	if (st != COPSE_OK) {
		app_db_error(a, st);
		return VR_REDRAW;
	}
	app_message(a, "topic %lld linked to %s %lld%s", (long long)id,
		    key == 'm' ? "meeting" : "entry", (long long)other,
		    text[0] == ',' ? text : "");
	return VR_RELOAD;
}

static int topics_request(struct app *a, struct view *v, int req)
{
	const struct row *r = view_selected(v);

	if (req != REQ_VOTE && req != REQ_LINK_TOPIC)
		return VR_UNHANDLED;
	if (!r || r->kind != &kind_topic) {
		app_message(a, "select a topic first");
		return VR_REDRAW;
	}
	return req == REQ_VOTE ? vote_ui(a, r->id) : link_ui(a, r->id);
}

const struct panel_ops panel_topics = {
	.name = "Topics",
	.parts = topics_parts,
	.nparts = ARRAY_SIZE(topics_parts),
	.add_kind = &kind_topic,
	.empty = "No topics yet: press a to raise one.",
	.shows = CHANGE_TOPICS,
	.scope = KEYS_TOPICS,
	.key = topics_request,
	.hints = "v vote  L link",
};
