/* cli-topic.c - the topic commands: topic add, list, show, edit, vote,
 * unvote, link. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "copse/status.h"
#include "copse/topic.h"
#include "cli-cmd.h"
#include "cli-print.h"

int cmd_topic_add(struct cli *c)
{
	struct topic t;
	const char *v;
	int rc = 0;

	memset(&t, 0, sizeof t);
	cli_set_str(&t.title, c->pos[0]);
	if ((v = cli_opt(c, "status")))
		cli_set_str(&t.status, v);
	if ((v = cli_opt(c, "file")))
		rc = cli_read_field(&t.body, v);
	if (rc == 0) {
		int status = topic_add(c->db, &t);
		rc = print_id(c, status, t.id);
	}
	topic_done(&t);
	return rc;
}

int cmd_topic_list(struct cli *c)
{
	struct topic_filter f = { cli_opt(c, "status"), NULL };
	struct topic *v;
	size_t n;
	int status = topic_list(c->db, &f, &v, &n);

	if (status != COPSE_OK)
		return cli_fail(c, status);
	if (cli_flag(c, "json")) {
		struct buf b;
		struct json j;

		print_json_start(&j, &b);
		json_begin_array(&j);
		for (size_t i = 0; i < n; i++) {
			json_begin_object(&j);
			print_json_topic(&j, &v[i]);
			json_end_object(&j);
		}
		json_end_array(&j);
		topic_list_free(v, n);
		return print_json_end(&j, &b);
	}
	struct print_table t;
	print_table_init(&t, NULL, 5, ">ID", ">VOTES", "STATUS", "AUTHOR", "TITLE");
	t.empty = "no topics";
	for (size_t i = 0; i < n; i++)
		print_table_row(&t, print_fmt(c, "%lld", (long long)v[i].id),
				print_fmt(c, "%d%s", v[i].votes, v[i].voted ? "*" : ""),
				print_safe(c, v[i].status), print_safe(c, v[i].author),
				print_safe(c, v[i].title));
	print_table_out(c, &t, 1);
	topic_list_free(v, n);
	return 0;
}

int cmd_topic_vote(struct cli *c)
{
	int64_t id;
	int rc;

	if ((rc = cli_parse_id(c->pos[0], "topic", &id)) != 0)
		return rc;
	return cli_check(c, topic_vote(c->db, id));
}

int cmd_topic_show(struct cli *c)
{
	struct topic t;
	int64_t id, *mids = NULL, *eids = NULL;
	size_t nm = 0, ne = 0;
	int rc, status;

	if ((rc = cli_parse_id(c->pos[0], "topic", &id)) != 0)
		return rc;
	topic_init(&t);
	if ((status = topic_get(c->db, id, &t)) != COPSE_OK ||
	    (status = topic_links(c->db, id, &mids, &nm, &eids, &ne)) != COPSE_OK) {
		topic_done(&t);
		return cli_fail(c, status);
	}
	if (cli_flag(c, "json")) {
		struct buf b;
		struct json j;

		print_json_start(&j, &b);
		json_begin_object(&j);
		print_json_topic(&j, &t);
		json_key(&j, "meeting_ids");
		json_begin_array(&j);
		for (size_t i = 0; i < nm; i++)
			json_int(&j, mids[i]);
		json_end_array(&j);
		json_key(&j, "entry_ids");
		json_begin_array(&j);
		for (size_t i = 0; i < ne; i++)
			json_int(&j, eids[i]);
		json_end_array(&j);
		json_end_object(&j);
		rc = print_json_end(&j, &b);
	} else {
		struct buf ids;

		printf("Topic %lld: %s\n", (long long)t.id, print_safe(c, t.title));
		print_field("Status:", print_safe(c, t.status));
		print_field("Votes:", print_fmt(c, "%d%s", t.votes, t.voted ? " (yours too)" : ""));
		print_field("Raised:", print_fmt(c, "%s by %s", print_time(c, t.created, "%Y-%m-%d"),
						 print_safe(c, t.author)));
		buf_init(&ids);
		for (size_t i = 0; i < nm; i++)
			buf_printf(&ids, "%s%lld", i ? ", " : "", (long long)mids[i]);
		print_field("Meetings:", ids.s);
		buf_reset(&ids);
		for (size_t i = 0; i < ne; i++)
			buf_printf(&ids, "%s%lld", i ? ", " : "", (long long)eids[i]);
		print_field("Entries:", ids.s);
		buf_done(&ids);
		if (!str_empty(t.body)) {
			putchar('\n');
			rc = print_markdown(c, t.body);
		}
	}
	free(mids);
	free(eids);
	topic_done(&t);
	return rc;
}

static void snap_topic(struct json *j, const void *t)
{
	json_begin_object(j);
	print_json_topic(j, t);
	json_end_object(j);
}

int cmd_topic_edit(struct cli *c)
{
	struct cli_edit ed;
	struct topic t;
	const char *v;
	int64_t id;
	int rc;

	if ((rc = cli_parse_id(c->pos[0], "topic", &id)) != 0)
		return rc;
	topic_init(&t);
	if ((rc = cli_check(c, topic_get(c->db, id, &t))) == 0) {
		cli_edit_start(&ed, "topic", t.id, print_snapshot(snap_topic, &t), t.body);
		if ((v = cli_opt(c, "title")))
			cli_set_str(&t.title, v);
		if ((v = cli_opt(c, "status")))
			cli_set_str(&t.status, v);
		if ((v = cli_opt(c, "file")))
			rc = cli_read_field(&t.body, v);
		if (rc == 0 &&
		    cli_edit_save(c, &ed, print_snapshot(snap_topic, &t), t.body, "file", &rc))
			rc = cli_check(c, topic_update(c->db, &t));
		cli_edit_done(&ed);
	}
	topic_done(&t);
	return rc;
}

int cmd_topic_unvote(struct cli *c)
{
	int64_t id;
	int rc;

	if ((rc = cli_parse_id(c->pos[0], "topic", &id)) != 0)
		return rc;
	return cli_check(c, topic_unvote(c->db, id));
}

int cmd_topic_link(struct cli *c)
{
	const char *m = cli_opt(c, "meeting"), *e = cli_opt(c, "entry");
	int64_t id, other;
	int rc;

	if ((m != NULL) == (e != NULL))
		return cli_usage("topic link: give --meeting M or --entry E");
	if ((rc = cli_parse_id(c->pos[0], "topic", &id)) != 0 ||
	    (rc = cli_parse_id(m ? m : e, m ? "meeting" : "entry", &other)) != 0)
		return rc;
	return cli_check(c, m ? topic_link_meeting(c->db, id, other)
			 : topic_link_entry(c->db, id, other));
}
