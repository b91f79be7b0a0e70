/* test_query.c - copse's search language: each operator, each piece of
 * text that must stay literal, half-typed queries, and the one-line
 * reasons for malformed ones.  What FTS5 then finds is test_search.c. */
#include <stdlib.h>
#include <string.h>

#include "copse/query.h"
#include "copse/status.h"
#include "copse/util.h"
#include "harness.h"

/* The FTS5 expression for text, "ERR: reason", or "NONE" when nothing
 * is left to match. */
static char out[2048];

static const char *fts(const char *text, int flags)
{
	struct query q;
	struct buf b;
	char err[200];
	int st, r;

	query_init(&q);
	st = query_parse(text, flags, &q, err, sizeof err);
	if (st != COPSE_OK) {
		snprintf(out, sizeof out, "ERR: %s", err);
		query_done(&q);
		return out;
	}
	buf_init(&b);
	r = query_fts(&q, &b, NULL);
	snprintf(out, sizeof out, "%s", r > 0 ? b.s : r == 0 ? "NONE" : "NOMEM");
	buf_done(&b);
	query_done(&q);
	return out;
}

TEST(words_are_quoted_and_all_must_match)
{
	CHECK_STR(fts("listening", 0), "(\"listening\")");
	CHECK_STR(fts("  listening   before\tfixing ", 0),
		  "(\"listening\") AND (\"before\") AND (\"fixing\")");
	CHECK_STR(fts("", 0), "NONE");
	CHECK_STR(fts("   ", 0), "NONE");
}

TEST(phrases)
{
	CHECK_STR(fts("\"before fixing\" listening", 0),
		  "(\"before fixing\") AND (\"listening\")");
	/* an open quote runs to the end: never an error */
	CHECK_STR(fts("listening \"before fix", 0), "(\"listening\") AND (\"before fix\")");
	CHECK_STR(fts("\"", 0), "(\"\")");
	/* a phrase next to a word */
	CHECK_STR(fts("\"a b\"c", 0), "(\"a b\") AND (\"c\")");
}

TEST(prefixes)
{
	CHECK_STR(fts("medic*", 0), "(\"medic\"*)");
	CHECK_STR(fts("medic** x", 0), "(\"medic\"*) AND (\"x\")");
	CHECK_STR(fts("\"before fix\"*", 0), "(\"before fix\"*)");
	/* a star inside a word is text */
	CHECK_STR(fts("a*b", 0), "(\"a*b\")");
}

TEST(or_binds_tighter_than_the_space)
{
	CHECK_STR(fts("calm OR quiet room", 0), "(\"calm\" OR \"quiet\") AND (\"room\")");
	CHECK_STR(fts("room calm OR quiet OR still", 0),
		  "(\"room\") AND (\"calm\" OR \"quiet\" OR \"still\")");
	CHECK_STR(fts("\"deep breath\" OR pause", 0), "(\"deep breath\" OR \"pause\")");
	/* only upper case is an operator */
	CHECK_STR(fts("calm or quiet", 0), "(\"calm\") AND (\"or\") AND (\"quiet\")");
}

TEST(not_leaves_out_the_next_word_or_group)
{
	CHECK_STR(fts("listening NOT anger", 0), "(\"listening\") NOT ((\"anger\"))");
	CHECK_STR(fts("NOT anger listening", 0), "(\"listening\") NOT ((\"anger\"))");
	CHECK_STR(fts("listening NOT anger OR fear calm", 0),
		  "(\"listening\") AND (\"calm\") NOT ((\"anger\" OR \"fear\"))");
	CHECK_STR(fts("listening NOT anger NOT \"raised voice\"", 0),
		  "(\"listening\") NOT ((\"anger\") OR (\"raised voice\"))");
	CHECK_STR(fts("listening not anger", 0),
		  "(\"listening\") AND (\"not\") AND (\"anger\")");
}

TEST(everything_else_is_literal)
{
	/* FTS5 syntax, SQL and the shell's favourites: all inside quotes */
	CHECK_STR(fts("don't", 0), "(\"don't\")");
	CHECK_STR(fts("C++", 0), "(\"C++\")");
	CHECK_STR(fts("e-mail", 0), "(\"e-mail\")");
	CHECK_STR(fts("-anger", 0), "(\"-anger\")");
	CHECK_STR(fts("+1", 0), "(\"+1\")");
	CHECK_STR(fts("2024-07-02", 0), "(\"2024-07-02\")");
	CHECK_STR(fts("@sam", 0), "(\"@sam\")");
	CHECK_STR(fts("#tag", 0), "(\"#tag\")");
	CHECK_STR(fts("AND", 0), "(\"AND\")");
	CHECK_STR(fts("a AND b NEAR c", 0),
		  "(\"a\") AND (\"AND\") AND (\"b\") AND (\"NEAR\") AND (\"c\")");
	CHECK_STR(fts("title:x ^y (z)", 0), "(\"title:x\") AND (\"^y\") AND (\"(z)\")");
	CHECK_STR(fts("'); DROP TABLE entry; --", 0),
		  "(\"');\") AND (\"DROP\") AND (\"TABLE\") AND (\"entry;\") AND (\"--\")");
	/* a quote inside a word is doubled, so it cannot end the string */
	CHECK_STR(fts("say\"hi", 0), "(\"say\"\"hi\")");
	CHECK_STR(fts("Zoë 山田", 0), "(\"Zoë\") AND (\"山田\")");
}

TEST(malformed_queries_say_why_in_one_line)
{
	CHECK_STR(fts("OR calm", 0), "ERR: OR needs a word on each side");
	CHECK_STR(fts("calm OR", 0), "ERR: OR needs a word on each side");
	CHECK_STR(fts("calm OR OR quiet", 0), "ERR: OR needs a word on each side");
	CHECK_STR(fts("calm NOT", 0), "ERR: NOT needs a word after it");
	CHECK_STR(fts("calm NOT NOT x", 0), "ERR: NOT needs a word after it");
	CHECK_STR(fts("calm OR NOT x", 0), "ERR: NOT cannot follow OR: put NOT x on its own");
	CHECK_STR(fts("NOT anger", 0), "ERR: NOT only leaves out: add a word to search for");
	CHECK_STR(fts("NOT OR", 0), "ERR: OR needs a word on each side");
	{
		struct buf b;

		buf_init(&b);
		for (int i = 0; i <= QUERY_MAX_TERMS; i++)
			buf_puts(&b, "w ");
		CHECK_STR(fts(b.s, 0), "ERR: too many words: at most 32");
		buf_done(&b);
	}
}

/* The word being typed (QUERY_TYPING): what query_fts says of it. */
static int typing_term(const char *text, const char **word, int *prefix)
{
	static char w[64];
	struct query q;
	char err[200];
	int typing = -1;

	query_init(&q);
	*prefix = 0;
	w[0] = '\0';
	if (query_parse(text, QUERY_TYPING, &q, err, sizeof err) == COPSE_OK)
		for (size_t i = 0; i < q.n; i++) {
			if (q.terms[i].typing) {
				typing = (int)i;
				snprintf(w, sizeof w, "%s", q.terms[i].text);
			}
			*prefix |= q.terms[i].prefix;
		}
	query_done(&q);
	*word = w;
	return typing;
}

TEST(while_typing_the_last_word_is_being_typed)
{
	const char *w;
	int prefix;

	CHECK_INT(typing_term("listening bef", &w, &prefix), 1);
	CHECK_STR(w, "bef");
	CHECK_INT(prefix, 0);
	/* a space after it: a whole word */
	CHECK_INT(typing_term("listening bef ", &w, &prefix), -1);
	/* a phrase still open: its last word a prefix */
	CHECK_INT(typing_term("\"before fi", &w, &prefix), -1);
	CHECK_INT(prefix, 1);
	CHECK_INT(typing_term("\"before fixing\"", &w, &prefix), -1);
	CHECK_INT(prefix, 0);
	/* a word after NOT is left out whole, never as a prefix */
	CHECK_INT(typing_term("calm NOT ang", &w, &prefix), -1);
	CHECK_INT(typing_term("calm OR qui", &w, &prefix), 1);
	CHECK_STR(w, "qui");
	CHECK_INT(typing_term("medic*", &w, &prefix), -1);
	CHECK_INT(prefix, 1);
	/* not typing (the command line): no word is being typed */
	{
		struct query q;
		char err[200];

		query_init(&q);
		CHECK_INT(query_parse("listening bef", 0, &q, err, sizeof err), COPSE_OK);
		CHECK_INT(q.terms[1].typing, 0);
		query_done(&q);
	}
}

TEST(half_typed_operators_wait)
{
	CHECK_STR(fts("calm OR", QUERY_TYPING), "(\"calm\")");
	CHECK_STR(fts("calm NOT", QUERY_TYPING), "(\"calm\")");
	CHECK_STR(fts("calm NOT ", QUERY_TYPING), "(\"calm\")");
	CHECK_STR(fts("\"open phrase", QUERY_TYPING), "(\"open phrase\"*)");
	CHECK_STR(fts("\"", QUERY_TYPING), "(\"\"*)");
	/* what is wrong whatever comes next is still said */
	CHECK_STR(fts("OR calm", QUERY_TYPING), "ERR: OR needs a word on each side");
	CHECK_STR(fts("NOT anger", QUERY_TYPING),
		  "ERR: NOT only leaves out: add a word to search for");
}

TEST(the_typed_word_comes_whole_then_as_longer_words)
{
	struct query q;
	struct buf b;
	char err[200];
	int whole;

	query_init(&q);
	CHECK_INT(query_parse("calm medic", QUERY_TYPING, &q, err, sizeof err), COPSE_OK);
	strv_push(&q.terms[1].more, "medical");
	strv_push(&q.terms[1].more, "medication");
	buf_init(&b);
	CHECK_INT(query_fts(&q, &b, &whole), 1);
	CHECK_STR(b.s, "(\"calm\") AND (\"medic\" OR \"medical\" OR \"medication\")");
	CHECK_INT(whole, 1);          /* the second phrase */
	query_done(&q);
	buf_done(&b);
}

TEST(terms_without_words_are_left_out)
{
	struct query q;
	struct buf b;
	char err[200];

	/* the store marks the terms its tokenizer finds no word in */
	query_init(&q);
	CHECK_INT(query_parse("' listening NOT - OR anger", 0, &q, err, sizeof err), COPSE_OK);
	q.terms[0].empty = 1;
	q.terms[2].empty = 1;
	buf_init(&b);
	CHECK_INT(query_fts(&q, &b, NULL), 1);
	CHECK_STR(b.s, "(\"listening\") NOT ((\"anger\"))");
	buf_reset(&b);
	CHECK_INT(query_fts_not(&q, &b), 1);
	CHECK_STR(b.s, "(\"anger\")");
	q.terms[1].empty = 1;
	buf_reset(&b);
	CHECK_INT(query_fts(&q, &b, NULL), 0);     /* nothing to look for: no matches */
	query_done(&q);
	query_init(&q);
	CHECK_INT(query_parse("listening", 0, &q, err, sizeof err), COPSE_OK);
	buf_reset(&b);
	CHECK_INT(query_fts_not(&q, &b), 0);
	CHECK_INT(query_has_not(&q), 0);
	query_done(&q);
	buf_done(&b);
}

int main(void)
{
	harness_init();
	RUN(words_are_quoted_and_all_must_match);
	RUN(phrases);
	RUN(prefixes);
	RUN(or_binds_tighter_than_the_space);
	RUN(not_leaves_out_the_next_word_or_group);
	RUN(everything_else_is_literal);
	RUN(malformed_queries_say_why_in_one_line);
	RUN(while_typing_the_last_word_is_being_typed);
	RUN(half_typed_operators_wait);
	RUN(the_typed_word_comes_whole_then_as_longer_words);
	RUN(terms_without_words_are_left_out);
	return harness_done();
}
