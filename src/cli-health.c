/* cli-health.c - the commands about the community's health and its
 * people: health, assess, suggest, suggest dismiss, brief. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "copse/assessment.h"
#include "copse/health.h"
#include "copse/md.h"
#include "copse/meeting.h"
#include "copse/member.h"
#include "copse/status.h"
#include "copse/suggest.h"
#include "cli-cmd.h"
#include "cli-print.h"

/* Members listed under each level by `copse health` (--json lists all). */
#define HEALTH_PER_LEVEL 20
/* Suggestions `copse suggest` prints without --limit. */
#define SUGGEST_DEFAULT 20

/* ---- health ---- */

/* --at DATE: a date means the end of that day (local), never later than
 * now; any other form time_parse reads is that moment.  A moment after
 * now is refused: nothing is known about it yet.  Returns an exit
 * status. */
static int parse_at(const char *v, char out[ISO_LEN])
{
	char day[11], today[11];
	time_t t, now = copse_now();

	if (time_parse(v, &t) != 0)
		return cli_fail_msg(COPSE_INVALID, "--at '%s': not a date (use YYYY-MM-DD)", v);
	if (t > now) {
		time_iso(now, out);
		time_local(out, "%Y-%m-%d", today, sizeof today);
		return cli_fail_msg(COPSE_INVALID, "--at '%s': in the future (health is known up"
				    " to now, %s)", v, today);
	}
	if (strlen(v) == 10 && date_parse(v, day) == 0)
		t += 86400 - 1;
	if (t > now)
		t = now;
	time_iso(t, out);
	return 0;
}

static void json_assessment(struct json *j, const char *key, const struct assessment *a)
{
	json_key(j, key);
	if (!a->id) {
		json_null(j);
		return;
	}
	json_begin_object(j);
	json_kv_int(j, "id", a->id);
	json_kv_str(j, "day", a->day);
	json_kv_int(j, "domain", a->domain);
	json_kv_int(j, "community", a->community);
	json_kv_int(j, "practice", a->practice);
	json_kv_str(j, "summary", a->summary);
	json_kv_str(j, "stories", a->stories);
	json_key(j, "value_stories");
	json_begin_array(j);
	for (size_t i = 0; i < a->nvs; i++) {
		json_begin_object(j);
		json_kv_str(j, "cycle", a->vs[i].cycle);
		json_kv_str(j, "body", a->vs[i].body);
		json_end_object(j);
	}
	json_end_array(j);
	json_kv_str(j, "author", a->author);
	json_kv_str(j, "created", a->created);
	json_key(j, "metrics");
	if (!a->m.valid) {
		json_null(j);
	} else {
		json_begin_object(j);
		json_kv_int(j, "window", a->m.window);
		json_kv_int(j, "members", a->m.members);
		json_kv_int(j, "core", a->m.core);
		json_kv_int(j, "active", a->m.active);
		json_kv_int(j, "peripheral", a->m.peripheral);
		json_kv_int(j, "inactive", a->m.inactive);
		json_kv_int(j, "held", a->m.held);
		json_kv_int(j, "entries", a->m.entries);
		json_kv_int(j, "open_actions", a->m.open_actions);
		json_kv_int(j, "overdue", a->m.overdue);
		json_kv_int(j, "waiting", a->m.waiting);
		json_end_object(j);
	}
	json_end_object(j);
}

static int health_json(const struct health_report *r, const struct health_level *lv, size_t n)
{
	static const char *const stages[] = { MEMBER_STATUSES };
	struct buf b;
	struct json j;

	print_json_start(&j, &b);
	json_begin_object(&j);
	json_kv_str(&j, "at", r->at);
	json_kv_int(&j, "window", r->window);
	json_key(&j, "members");
	json_begin_array(&j);
	for (size_t i = 0; i < n; i++) {
		char why[256];

		health_explain(&lv[i], r->window, r->at, why, sizeof why);
		json_begin_object(&j);
		json_kv_int(&j, "id", lv[i].id);
		json_kv_str(&j, "name", lv[i].name);
		json_kv_str(&j, "handle", lv[i].handle);
		json_kv_str(&j, "status", lv[i].status);
		json_kv_str(&j, "role", lv[i].role);
		json_kv_str(&j, "level", health_level_name(lv[i].level));
		json_kv_str(&j, "explanation", why);
		json_end_object(&j);
	}
	json_end_array(&j);
	json_key(&j, "mix");
	json_begin_object(&j);
	for (int i = 0; i < LEVEL_COUNT; i++)
		json_kv_int(&j, health_level_name(i), r->mix[i]);
	json_end_object(&j);
	json_key(&j, "usual");
	json_begin_object(&j);
	json_key(&j, "core");
	json_begin_array(&j);
	json_int(&j, HEALTH_CORE_LO);
	json_int(&j, HEALTH_CORE_HI);
	json_end_array(&j);
	json_key(&j, "active");
	json_begin_array(&j);
	json_int(&j, HEALTH_ACTIVE_LO);
	json_int(&j, HEALTH_ACTIVE_HI);
	json_end_array(&j);
	json_end_object(&j);
	json_key(&j, "trends");
	json_begin_object(&j);
	json_key(&j, "attendance");
	json_begin_array(&j);
	for (int i = 0; i < r->nmeet; i++) {
		json_begin_object(&j);
		json_kv_str(&j, "day", r->meet_day[i]);
		json_kv_int(&j, "attended", r->attend[i]);
		json_end_object(&j);
	}
	json_end_array(&j);
	json_key(&j, "months");
	json_begin_array(&j);
	for (int i = 0; i < HEALTH_SPARK; i++) {
		json_begin_object(&j);
		json_kv_str(&j, "month", r->month[i]);
		json_kv_int(&j, "active", r->active_month[i]);
		json_kv_int(&j, "new_entries", r->entries_month[i]);
		json_end_object(&j);
	}
	json_end_array(&j);
	json_end_object(&j);
	json_key(&j, "funnel");
	json_begin_object(&j);
	for (size_t i = 0; i < ARRAY_SIZE(stages); i++) {
		json_key(&j, stages[i]);
		json_begin_object(&j);
		json_kv_int(&j, "reached", r->reached[i]);
		json_kv_int(&j, "reached_in_window", r->reached_window[i]);
		json_kv_int(&j, "now", r->at_stage[i]);
		json_end_object(&j);
	}
	json_end_object(&j);
	json_key(&j, "meetings");
	json_begin_object(&j);
	json_kv_int(&j, "held_in_window", r->held_window);
	json_key(&j, "average_gap_days");
	if (r->gap_days < 0)
		json_null(&j);
	else
		json_int(&j, r->gap_days);
	json_key(&j, "days_since_last");
	if (r->last_days < 0)
		json_null(&j);
	else
		json_int(&j, r->last_days);
	json_key(&j, "next");
	if (!r->next_id) {
		json_null(&j);
	} else {
		json_begin_object(&j);
		json_kv_int(&j, "id", r->next_id);
		json_kv_str(&j, "title", r->next_title);
		json_kv_str(&j, "starts", r->next_starts);
		json_end_object(&j);
	}
	json_end_object(&j);
	json_key(&j, "actions");
	json_begin_object(&j);
	json_kv_int(&j, "open", r->open_actions);
	json_kv_int(&j, "overdue", r->overdue);
	json_end_object(&j);
	json_kv_int(&j, "entries", r->entries);
	json_key(&j, "waiting_topics");
	json_begin_object(&j);
	json_kv_int(&j, "count", r->nwaiting_total);
	json_key(&j, "topics");
	json_begin_array(&j);
	for (size_t i = 0; i < r->nwaiting; i++) {
		json_begin_object(&j);
		json_kv_int(&j, "id", r->waiting[i].id);
		json_kv_str(&j, "title", r->waiting[i].title);
		json_kv_int(&j, "days", r->waiting[i].days);
		json_kv_int(&j, "votes", r->waiting[i].votes);
		json_end_object(&j);
	}
	json_end_array(&j);
	json_end_object(&j);
	json_key(&j, "moves");
	json_begin_object(&j);
	json_kv_str(&j, "since_assessment", r->since[0] ? r->since : NULL);
	json_kv_int(&j, "count", r->moved_total);
	json_key(&j, "members");
	json_begin_array(&j);
	for (size_t i = 0; i < r->nmoves; i++) {
		json_begin_object(&j);
		json_kv_int(&j, "id", r->moves[i].id);
		json_kv_str(&j, "name", r->moves[i].name);
		json_kv_str(&j, "from", r->moves[i].from < 0 ? NULL : health_level_name(r->moves[i].from));
		json_kv_str(&j, "to", r->moves[i].to < 0 ? NULL : health_level_name(r->moves[i].to));
		json_end_object(&j);
	}
	json_end_array(&j);
	json_end_object(&j);
	json_assessment(&j, "assessment", &r->last);
	json_assessment(&j, "previous_assessment", &r->previous);
	json_end_object(&j);
	return print_json_end(&j, &b);
}

int cmd_health(struct cli *c)
{
	struct health_report r;
	struct health_level_filter f = { NULL, 0, LEVEL_NONE, 0, 0 };
	struct health_level *lv = NULL;
	size_t n = 0;
	char at[ISO_LEN], when[32], *name;
	int status, rc = 0;

	if (cli_flag(c, "json") && cli_flag(c, "markdown"))
		return cli_usage("health: --json or --markdown, not both");
	if (cli_opt(c, "at") && (rc = parse_at(cli_opt(c, "at"), at)) != 0)
		return rc;
	f.at = cli_opt(c, "at") ? at : NULL;
	/* the report lists the first of each level, --json everyone */
	if (!cli_flag(c, "json"))
		f.per_level = HEALTH_PER_LEVEL;
	status = health_report(c->db, f.at, &r);
	if (status == COPSE_OK)
		status = health_levels(c->db, &f, &lv, &n);
	if (status != COPSE_OK) {
		health_report_done(&r);
		return cli_fail(c, status);
	}
	if (cli_flag(c, "json")) {
		rc = health_json(&r, lv, n);
	} else {
		struct buf md;

		/* sparklines, dashes and bullets follow the locale, as in the
		 * app, also into a pipe: ASCII when it is not UTF-8 (the
		 * report's names as written, the text's folded like a
		 * terminal's) */
		if (c->locale_ascii)
			c->ascii = 1;

		buf_init(&md);
		name = db_community_name(c->db);
		time_local(r.at, "%Y-%m-%d %H:%M", when, sizeof when);
		buf_puts(&md, "# Community health: ");
		md_put_text(&md, name ? name : "copse");
		buf_printf(&md, "\n\nAs of %s.\n\n", when);
		free(name);
		if (health_markdown(&r, HEALTH_PART_ALL, c->ascii ? HEALTH_MD_ASCII : 0, lv, n,
				    &md) != 0)
			cli_nomem();
		if (cli_flag(c, "markdown"))
			fputs(md.s, stdout);
		else
			rc = print_markdown(c, md.s);
		buf_done(&md);
	}
	health_level_list_free(lv, n);
	health_report_done(&r);
	return rc;
}

/* ---- assess ---- */

/* The score option name: a whole number.  Returns an exit status. */
static int parse_score(struct cli *c, const char *name, int *out)
{
	const char *v = cli_opt(c, name);
	char *end;
	long n;

	if (!v)
		return cli_usage("assess: --%s N is required", name);
	errno = 0;
	n = strtol(v, &end, 10);
	if (end == v || *end || errno || n < -1000 || n > 1000)
		return cli_fail_msg(COPSE_INVALID, "--%s '%s': not a number (%d to %d)", name, v,
				    ASSESS_SCORE_MIN, ASSESS_SCORE_MAX);
	*out = (int)n;
	return 0;
}

int cmd_assess(struct cli *c)
{
	struct assessment a;
	const char *kind, *text, *v;
	int rc, status;

	assessment_init(&a);
	if ((rc = parse_score(c, "domain", &a.domain)) != 0 ||
	    (rc = parse_score(c, "community", &a.community)) != 0 ||
	    (rc = parse_score(c, "practice", &a.practice)) != 0)
		return rc;
	if ((v = cli_opt(c, "summary")))
		cli_set_str(&a.summary, v);
	if ((v = cli_opt(c, "file")) && (rc = cli_read_field(&a.stories, v)) != 0) {
		assessment_done(&a);
		return rc;
	}
	for (int k = 0; cli_opt_pair(c, "story", k, &kind, &text); k++)
		if (assessment_add_story(&a, kind, text) != 0)
			cli_nomem();
	status = assessment_add(c->db, &a);
	rc = print_id(c, status, a.id);
	assessment_done(&a);
	return rc;
}

/* ---- suggest ---- */

int cmd_suggest(struct cli *c)
{
	struct suggest_filter f = { 0, SUGGEST_DEFAULT, 0 };
	struct suggestion *v = NULL;
	const char *lim = cli_opt(c, "limit");
	size_t n = 0;
	int status;

	if (lim) {
		char *end;
		long k = strtol(lim, &end, 10);

		if (end == lim || *end || k < 1 || k > 100000)
			return cli_usage("suggest: --limit '%s': not a positive number", lim);
		f.limit = (int)k;
	}
	if (cli_opt(c, "member") &&
	    (status = cli_member_id(c, cli_opt(c, "member"), &f.member_id)) != COPSE_OK)
		return cli_fail(c, status);
	if ((status = suggest_list(c->db, &f, &v, &n)) != COPSE_OK)
		return cli_fail(c, status);
	if (cli_flag(c, "json")) {
		struct buf b;
		struct json j;

		print_json_start(&j, &b);
		json_begin_array(&j);
		for (size_t i = 0; i < n; i++) {
			json_begin_object(&j);
			json_kv_int(&j, "a", v[i].a);
			json_kv_str(&j, "a_name", v[i].a_name);
			json_kv_int(&j, "b", v[i].b);
			json_kv_str(&j, "b_name", v[i].b_name);
			json_kv_int(&j, "score", v[i].score);
			json_kv_str(&j, "reason", v[i].reason);
			json_end_object(&j);
		}
		json_end_array(&j);
		suggestion_list_free(v, n);
		return print_json_end(&j, &b);
	}
	if (!n) {
		printf("no suggestions\n");
		return 0;
	}
	struct print_table t;
	print_table_init(&t, NULL, 5, ">A", "NAME", ">B", "NAME", "WHY");
	t.maxw[1] = t.maxw[3] = 24;
	for (size_t i = 0; i < n; i++)
		print_table_row(&t, print_fmt(c, "%lld", (long long)v[i].a), print_safe(c, v[i].a_name),
				print_fmt(c, "%lld", (long long)v[i].b), print_safe(c, v[i].b_name),
				print_safe(c, v[i].reason));
	print_table_out(c, &t, 1);
	suggestion_list_free(v, n);
	return 0;
}

int cmd_suggest_dismiss(struct cli *c)
{
	struct suggest_filter f = { .member_id = 0 };
	struct suggestion *v = NULL;
	int64_t a = 0, b = 0;
	size_t n = 0;
	int status, found = 0, dismissed = 0;

	status = cli_member_id(c, c->pos[0], &a);
	if (status == COPSE_OK)
		status = cli_member_id(c, c->pos[1], &b);
	if (status == COPSE_OK && a == b)
		return cli_check(c, suggest_dismiss(c->db, a, b));
	/* only a pair that is suggested now can be dismissed */
	f.member_id = a;
	if (status == COPSE_OK)
		status = suggest_list(c->db, &f, &v, &n);
	for (size_t i = 0; status == COPSE_OK && i < n; i++)
		if (v[i].a == b || v[i].b == b)
			found = 1;
	suggestion_list_free(v, n);
	if (status == COPSE_OK && !found)
		status = suggest_is_dismissed(c->db, a, b, &dismissed);
	if (status != COPSE_OK)
		return cli_fail(c, status);
	if (dismissed) {
		printf("members %lld and %lld: already dismissed\n", (long long)a, (long long)b);
		return 0;
	}
	if (!found)
		return cli_fail_msg(COPSE_INVALID, "members %lld and %lld: not suggested to each"
				    " other (copse suggest lists who is)", (long long)a, (long long)b);
	return cli_check(c, suggest_dismiss(c->db, a, b));
}

/* ---- brief ---- */

/* A login banner: a few lines, each only when it says something.  The
 * database was opened read-only (cli.c); nothing here writes. */
int cmd_brief(struct cli *c)
{
	struct meeting m;
	struct member me;
	struct strv titles;
	char *name = db_community_name(c->db), *looked = NULL, when[32];
	int status, count = 0;

	printf("%s\n", print_safe(c, name ? name : "copse"));
	free(name);
	meeting_init(&m);
	if ((status = meeting_next(c->db, &m)) == COPSE_OK) {
		time_local(m.starts, "%a %Y-%m-%d %H:%M", when, sizeof when);
		printf("Next meeting: %s, %s%s%s\n", print_safe(c, m.title), when,
		       str_empty(m.location) ? "" : ", ", print_safe(c, m.location));
	} else if (status == COPSE_NOTFOUND) {
		printf("Next meeting: none planned\n");
	}
	meeting_done(&m);
	member_init(&me);
	if (member_find(c->db, "me", &me) == COPSE_OK) {
		struct action *act = NULL;
		struct action_filter af = { .open_only = 1, .owner_id = me.id };
		struct suggestion *s = NULL;
		struct suggest_filter sf = { me.id, 1, 0 };
		char today[ISO_LEN];
		size_t na = 0, ns = 0, overdue = 0, first = 0;

		time_now_iso(today);
		if (action_list(c->db, &af, &act, &na) == COPSE_OK) {
			for (size_t i = 0; i < na; i++)
				if (!str_empty(act[i].due) && strncmp(act[i].due, today, 10) < 0 &&
				    !overdue++)
					first = i;
			if (!na)
				printf("Your actions: none open\n");
			else if (!overdue)
				printf("Your actions: %zu open\n", na);
			else
				printf("Your actions: %zu open, %zu overdue (%s, due %s)\n", na, overdue,
				       print_safe(c, act[first].title), print_safe(c, act[first].due));
		}
		action_list_free(act, na);
		if (suggest_list(c->db, &sf, &s, &ns) == COPSE_OK && ns)
			printf("Suggestion: meet %s: %s\n",
			       print_safe(c, s[0].a == me.id ? s[0].b_name : s[0].a_name),
			       print_safe(c, s[0].reason));
		suggestion_list_free(s, ns);
	}
	member_done(&me);
	strv_init(&titles);
	if (health_new_entries(c->db, 3, &looked, &count, &titles) == COPSE_OK) {
		if (looked)
			printf("New entries since you last looked (%s): ",
			       print_time(c, looked, "%Y-%m-%d"));
		else
			printf("New entries in the last 7 days: ");
		if (!count)
			printf("none\n");
		else
			printf("%d (%s%s)\n", count, print_safe(c, cli_keep(c, strv_join(&titles, "; "))),
			       (size_t)count > titles.n ? "; ..." : "");
	}
	strv_done(&titles);
	free(looked);
	return 0;
}
