/* words.h - the word lists of the bench generator (gen.c): names,
 * places, tags, title parts and the vocabulary the text is drawn from.
 *
 * The marker words whose share of entries and notes the generator
 * controls exactly ("medication", "boundary", "practice") are in none
 * of these lists, so they occur only where gen.c puts them.
 */
#ifndef COPSE_BENCH_WORDS_H
#define COPSE_BENCH_WORDS_H

/* First names with an ASCII spelling for handles. */
static const char *const first_names[][2] = {
	{ "Amara", "amara" }, { "Jonas", "jonas" }, { "Zoë", "zoe" },
	{ "Maren", "maren" }, { "Łukasz", "lukasz" }, { "Deepa", "deepa" },
	{ "Sam", "sam" }, { "Ines", "ines" }, { "Kofi", "kofi" },
	{ "Naoko", "naoko" }, { "Pedro", "pedro" }, { "Hana", "hana" },
	{ "Olu", "olu" }, { "Mirela", "mirela" }, { "Tomás", "tomas" },
	{ "Greta", "greta" }, { "Yusuf", "yusuf" }, { "Lena", "lena" },
	{ "Chidi", "chidi" }, { "Astrid", "astrid" }, { "Ravi", "ravi" },
	{ "Sofia", "sofia" }, { "Mateo", "mateo" }, { "Aiko", "aiko" },
	{ "Björn", "bjorn" }, { "Fatima", "fatima" }, { "Noah", "noah" },
	{ "Chloé", "chloe" }, { "Emeka", "emeka" }, { "Ingrid", "ingrid" },
	{ "Kwame", "kwame" }, { "Lucía", "lucia" }, { "Marek", "marek" },
	{ "Nadia", "nadia" }, { "Oskar", "oskar" }, { "Priya", "priya" },
	{ "Quentin", "quentin" }, { "Rosa", "rosa" }, { "Søren", "soren" },
	{ "Tariq", "tariq" }, { "Ulla", "ulla" }, { "Vera", "vera" },
	{ "Wen", "wen" }, { "Ximena", "ximena" }, { "Yara", "yara" },
	{ "Zeynep", "zeynep" }, { "Ada", "ada" }, { "Bruno", "bruno" },
	{ "Carmen", "carmen" }, { "Dmitri", "dmitri" }, { "Elif", "elif" },
	{ "Farid", "farid" }, { "Gabriel", "gabriel" }, { "Helga", "helga" },
	{ "Imani", "imani" }, { "Jae", "jae" }, { "Kirsten", "kirsten" },
	{ "Leila", "leila" }, { "Moritz", "moritz" }, { "Nia", "nia" },
	{ "Otto", "otto" }, { "Paula", "paula" }, { "Rahel", "rahel" },
	{ "Sipho", "sipho" }, { "Thea", "thea" }, { "Umar", "umar" },
	{ "Valentina", "valentina" }, { "William", "william" },
	{ "Xavier", "xavier" }, { "Yosef", "yosef" }, { "Zara", "zara" },
	{ "Anouk", "anouk" }, { "Ben", "ben" }, { "Clara", "clara" },
	{ "David", "david" }, { "Esra", "esra" }, { "Finn", "finn" },
	{ "Gül", "gul" }, { "Hugo", "hugo" }, { "Ilse", "ilse" },
};

static const char *const last_names[][2] = {
	{ "Okafor", "okafor" }, { "Lindqvist", "lindqvist" }, { "Nowak", "nowak" },
	{ "Holt", "holt" }, { "Ramanathan", "ramanathan" }, { "García", "garcia" },
	{ "Müller", "muller" }, { "Tanaka", "tanaka" }, { "Mensah", "mensah" },
	{ "Kowalski", "kowalski" }, { "Dubois", "dubois" }, { "Rossi", "rossi" },
	{ "Nguyen", "nguyen" }, { "Haddad", "haddad" }, { "Petrov", "petrov" },
	{ "Silva", "silva" }, { "Andersen", "andersen" }, { "Yilmaz", "yilmaz" },
	{ "O'Brien", "obrien" }, { "Schmidt", "schmidt" }, { "Adeyemi", "adeyemi" },
	{ "Kim", "kim" }, { "Fischer", "fischer" }, { "Moreau", "moreau" },
	{ "Costa", "costa" }, { "Jansen", "jansen" }, { "Novák", "novak" },
	{ "Sato", "sato" }, { "Bauer", "bauer" }, { "Eriksen", "eriksen" },
	{ "Chen", "chen" }, { "Patel", "patel" }, { "Ivanova", "ivanova" },
	{ "Hughes", "hughes" }, { "Santos", "santos" }, { "Weber", "weber" },
	{ "Nakamura", "nakamura" }, { "Diallo", "diallo" }, { "Berg", "berg" },
	{ "Lefèvre", "lefevre" }, { "Mwangi", "mwangi" }, { "Horváth", "horvath" },
	{ "Kaur", "kaur" }, { "Lund", "lund" }, { "Ortiz", "ortiz" },
	{ "Popescu", "popescu" }, { "Quinn", "quinn" }, { "Richter", "richter" },
	{ "Suzuki", "suzuki" }, { "Torres", "torres" }, { "Ueda", "ueda" },
	{ "Virtanen", "virtanen" }, { "Walsh", "walsh" }, { "Xu", "xu" },
	{ "Young", "young" }, { "Zielińska", "zielinska" },
};

static const char *const places[] = {
	"Linden Library, room 2", "Community centre, hall B", "Online (video call)",
	"Riverside café", "Northfield Academy, staff room", "Town hall annex",
	"The old school, room 4", "Quaker meeting house", "Health centre, first floor",
	"Online (phone bridge)", "Union office", "Garden pavilion",
};

/* Meeting series: each has its regulars (gen.c). */
static const char *const series[] = {
	"Listening circle", "Practice evening", "Repair circle", "Parents' group",
	"Workplace peer group", "Newcomers' session", "Facilitators' round",
	"Story night", "Teachers' circle", "Mediation lab", "Online drop-in",
	"Coordinators' check-in",
};

/* Tags: expertise and interest of members, tags of entries.  Earlier
 * ones are used more (Zipf). */
static const char *const tags[] = {
	"listening", "empathy", "conflict", "repair", "needs", "requests",
	"feelings", "mediation", "facilitation", "parenting", "workplace",
	"schools", "apologies", "anger", "self-empathy", "restorative",
	"circles", "feedback", "teams", "meetings", "teaching", "children",
	"couples", "neighbours", "healthcare", "grief", "boundaries-at-work",
	"de-escalation", "gratitude", "observation", "judgement", "language",
	"trust", "power", "privilege", "inclusion", "online", "newcomers",
	"coaching", "supervision", "burnout", "care", "elders", "youth",
	"prison", "police", "community", "housing", "money", "decisions",
	"consent", "sociocracy", "storytelling", "role-play", "journaling",
	"mindfulness", "body", "shame", "fear", "hope", "humour", "music",
	"writing", "translation", "multilingual", "disability", "nursing",
	"social-work", "volunteers", "fundraising", "governance", "research",
	"evaluation", "training", "curriculum", "games", "exercises", "tools",
	"templates", "checklists", "handouts", "videos", "books", "podcasts",
	"history", "theory", "study-groups", "peer-support", "retreats",
};

/* Title parts: a title is one of each, picked by a bijection of the
 * entry's number, so titles never repeat. */
static const char *const title_a[] = {
	"Listening", "Naming", "Guessing", "Asking", "Pausing", "Repairing",
	"Translating", "Holding", "Noticing", "Reframing", "Slowing", "Opening",
	"Closing", "Hearing", "Welcoming", "Answering", "Mapping", "Sharing",
	"Receiving", "Offering", "Checking", "Breathing", "Waiting", "Starting",
	"Ending", "Returning", "Staying", "Leaving", "Meeting", "Mirroring",
	"Pacing", "Trusting", "Choosing", "Saying", "Writing", "Thanking",
	"Celebrating", "Mourning", "Grounding", "Hosting",
};
static const char *const title_b[] = {
	"Anger", "Silence", "Requests", "Needs", "Feelings", "Blame", "Praise",
	"Apologies", "Boundaries", "Questions", "Complaints", "Stories",
	"Judgements", "Demands", "Thanks", "Feedback", "Criticism", "Tears",
	"Jokes", "Interruptions", "Deadlines", "Promises", "Mistakes", "Rumours",
	"Grief", "Fear", "Shame", "Hope", "Doubt", "Power", "Money", "Rules",
	"Consequences", "Agreements", "Decisions", "Rituals", "Check-ins",
	"Goodbyes", "Welcomes", "Conflicts", "Refusals", "Invitations",
	"Emails", "Phone Calls", "Handovers", "Rotas", "Minutes", "Reviews",
	"Appraisals", "Tantrums",
};
static const char *const title_c[] = {
	"at Work", "at Home", "in Class", "on the Ward", "in a Circle",
	"at Bedtime", "Online", "in the Staff Room", "with Teenagers",
	"with Neighbours", "with a Partner", "in a New Team", "Under Pressure",
	"After a Row", "Before a Meeting", "on the Night Shift", "in Two Languages",
	"with Strangers", "in Public", "with Elders", "in the Car",
	"at the Door", "on the Phone", "in Writing", "with Children",
	"with a Manager", "in a Queue", "at the Table", "in Mediation",
	"at a Funeral", "on the Bus", "in the Garden", "at the Clinic",
	"in Committee", "on a Retreat", "at the Market", "in Court",
	"at the Reception", "in a Crisis", "Years Later",
};

static const char *const headings[] = {
	"Context", "What happened", "What we tried", "What we learned", "Steps",
	"Why it works", "Pitfalls", "Variations", "Questions we still have",
	"When not to use it", "Materials", "Background", "An example",
	"Follow-up", "Notes from the circle",
};

/* The vocabulary, most frequent first: function words, then words of
 * the domain; gen.c adds a long tail of made-up words after them. */
static const char *const vocab_common[] = {
	"the", "of", "and", "to", "a", "in", "is", "that", "it", "we", "for",
	"was", "on", "with", "as", "i", "you", "they", "be", "this", "at",
	"but", "not", "have", "are", "what", "when", "from", "or", "by", "one",
	"had", "she", "he", "all", "their", "there", "about", "so", "can",
	"if", "out", "them", "more", "our", "some", "would", "how", "into",
	"then", "who", "other", "time", "could", "no", "my", "than", "first",
	"been", "its", "people", "also", "after", "back", "only", "how",
	"because", "each", "said", "before", "again", "us", "very", "even",
	"what", "much", "still", "too", "here", "just", "where", "why",
	"together", "without", "next", "while", "once", "every", "between",
};

static const char *const vocab_domain[] = {
	"listening", "empathy", "conflict", "repair", "circle", "needs",
	"request", "feelings", "mediation", "trust", "dialogue", "children",
	"workplace", "apology", "anger", "calm", "meeting", "group", "story",
	"lesson", "question", "answer", "silence", "voice", "room", "chair",
	"partner", "colleague", "manager", "teacher", "parent", "nurse",
	"neighbour", "friend", "stranger", "team", "family", "school", "ward",
	"office", "shift", "week", "evening", "morning", "minute", "hour",
	"feeling", "need", "strategy", "observation", "evaluation", "judgement",
	"blame", "shame", "guilt", "fear", "hope", "grief", "joy", "relief",
	"tension", "pause", "breath", "body", "heart", "hands", "eyes", "words",
	"sentence", "phrase", "guess", "check", "reflect", "mirror", "repeat",
	"summarise", "ask", "offer", "receive", "hear", "say", "tell", "speak",
	"notice", "name", "wait", "slow", "open", "close", "start", "end",
	"agree", "refuse", "decide", "choose", "promise", "forgive", "thank",
	"celebrate", "mourn", "laugh", "cry", "shout", "whisper", "interrupt",
	"explain", "defend", "attack", "withdraw", "return", "stay", "leave",
	"welcome", "invite", "include", "exclude", "support", "care", "help",
	"learn", "teach", "coach", "practise", "try", "fail", "succeed",
	"mistake", "feedback", "praise", "criticism", "demand", "threat",
	"reward", "punishment", "consequence", "agreement", "rule", "habit",
	"ritual", "role", "power", "safety", "respect", "dignity", "fairness",
	"honesty", "kindness", "curiosity", "patience", "clarity", "courage",
	"vulnerability", "connection", "distance", "closeness", "understanding",
	"misunderstanding", "translation", "language", "tone", "email", "phone",
	"message", "note", "letter", "handover", "rota", "deadline", "budget",
	"plan", "goal", "result", "outcome", "progress", "change", "growth",
	"experience", "example", "exercise", "role-play", "handout", "card",
	"list", "step", "round", "pair", "trio", "facilitator", "participant",
	"newcomer", "member", "elder", "child", "teenager", "toddler",
	"bedtime", "dinner", "homework", "screen", "game", "toy", "car",
	"bus", "queue", "market", "clinic", "patient", "doctor", "family",
	"client", "customer", "tenant", "landlord", "neighbourhood", "garden",
	"hedge", "fence", "noise", "door", "kitchen", "table", "coffee", "tea",
	"rain", "winter", "summer", "holiday", "weekend", "monday", "friday",
	"yesterday", "today", "tomorrow", "later", "earlier", "often", "rarely",
	"always", "never", "sometimes", "usually", "suddenly", "gently",
	"clearly", "quietly", "loudly", "slowly", "quickly", "carefully",
	"honestly", "really", "maybe", "perhaps", "probably", "certainly",
	"difficult", "easy", "hard", "soft", "warm", "cold", "tired", "angry",
	"sad", "happy", "scared", "hurt", "lonely", "grateful", "curious",
	"confused", "frustrated", "relieved", "hopeful", "anxious", "calm",
	"safe", "seen", "heard", "respected", "ignored", "rushed", "stuck",
	"open-hearted", "defensive", "honest", "clear", "vague", "specific",
	"concrete", "abstract", "small", "big", "short", "long", "new", "old",
	"first", "second", "third", "last", "whole", "half", "part", "moment",
	"situation", "context", "problem", "solution", "idea", "thought",
	"belief", "value", "intention", "impact", "effect", "cause", "reason",
	"pattern", "cycle", "loop", "trigger", "response", "reaction", "choice",
};

#endif
