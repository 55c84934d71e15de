package doc

// MentionKind says what a mention refers to.
type MentionKind uint8

// Mention kinds.
const (
	MActor   MentionKind = iota + 1 // an armed or political actor
	MPlace                          // a toponym
	MPerson                         // a named person
	MOrg                            // an organisation the KB does not know (from NER)
	MDate                           // a date expression (Date is set)
	MNumber                         // a number or quantity (Num is set)
	MTrigger                        // an event trigger (Ref is the lexicon entry)
	MCue                            // a cue word (place head nouns, speech verbs, negation)
)

var mentionKindNames = [...]string{"?", "actor", "place", "person", "org", "date", "number", "trigger", "cue"}

// String returns the kind's lower-case name.
func (k MentionKind) String() string {
	if int(k) < len(mentionKindNames) {
		return mentionKindNames[k]
	}
	return "?"
}

// Source says which component produced a mention.
type Source uint8

// Mention sources.
const (
	FromRule Source = iota + 1 // a hand-written pattern (numbers, dates, cue patterns)
	FromKB                     // the knowledge-base matcher
	FromNER                    // the learned tagger
)

var sourceNames = [...]string{"?", "rule", "kb", "ner"}

// String returns the source's lower-case name.
func (s Source) String() string {
	if int(s) < len(sourceNames) {
		return sourceNames[s]
	}
	return "?"
}

// Mention is one recognized item: a span plus what it is. Candidates from
// different sources may overlap; resolution picks among them.
type Mention struct {
	Span
	Kind   MentionKind
	Source Source
	// Ref is the chosen knowledge-base id (actor, place or trigger entry);
	// "" when unresolved.
	Ref string
	// Refs are all knowledge-base candidates for the surface form, best
	// prior first (same-name places, context-dependent actor aliases).
	Refs []string
	// Label is a source-specific tag: the NER label, the rule that fired,
	// the cue class.
	Label string
	// Score is the source's confidence in [0,1].
	Score float32
	// Num is set for MNumber mentions.
	Num *Quantity
	// Date is set for MDate mentions.
	Date *DateValue
}

// Qualifier says how a quantity is bounded or approximated.
type Qualifier uint8

// Quantity qualifiers.
const (
	Exact     Qualifier = iota // 17
	Approx                     // نحو، حوالي، قرابة، زهاء، ما يقارب
	MoreThan                   // أكثر من، ما يزيد عن، أزيد من
	AtLeast                    // ما لا يقل عن، على الأقل
	LessThan                   // أقل من، دون
	AtMost                     // على الأكثر، ما لا يزيد عن
	Range                      // ما بين شهرين إلى ثلاثة أشهر، 3-5
	Several                    // بضعة، عدة، عدد من
	Dozens                     // عشرات
	Hundreds                   // مئات
	Thousands                  // آلاف
	Millions                   // ملايين
)

var qualifierNames = [...]string{"exact", "approx", "more_than", "at_least", "less_than", "at_most", "range", "several", "dozens", "hundreds", "thousands", "millions"}

// String returns the qualifier's snake_case name.
func (q Qualifier) String() string {
	if int(q) < len(qualifierNames) {
		return qualifierNames[q]
	}
	return "?"
}

// Quantity is the value of a number expression.
type Quantity struct {
	// Value is the stated figure; for ranges the lower bound; for vague
	// plurals (عشرات) the conventional ACLED lower figure (12, 100, ...).
	Value float64
	// Max is the upper bound of a range, 0 when there is none.
	Max float64
	// Qual says how the figure is bounded or approximated.
	Qual Qualifier
	// Percent is set for percentages (98 %, ٩٨٪, في المئة).
	Percent bool
	// Ordinal is set for ordinals (الثالث، الثالثة والأخيرة).
	Ordinal bool
	// Noun is the counted noun's span (قتيلا، مدنيين، غارة), empty if none.
	Noun Span
	// NounNorm is the counted noun in matching form, singular where the
	// parser knows it (غارتين → غاره, أشهر → شهر), "" if none.
	NounNorm string
}

// DateValue is the value of a date expression.
type DateValue struct {
	Date      Date      // resolved calendar date; Day 0 for month precision, Month 0 for year
	Precision Precision // ACLED time precision
	Relative  bool      // resolved against the publication date (أمس، اليوم الخميس)
	Hijri     bool      // converted from the Hijri calendar
	// End is the last day of an interval expression (الأسبوع الماضي), zero
	// for single dates.
	End Date
	// Rule names the pattern that produced it, for the explain view.
	Rule string
}

// Place is a resolved toponym: a place mention with its gazetteer entry.
type Place struct {
	Mention      Span
	ID           string // gazetteer id, "" when unresolved
	Name         string // English
	NameAr       string
	Country      string // ISO 3166-1 alpha-2
	Admin1       string
	Admin2       string
	Lat, Lon     float64
	HasCoord     bool
	Feature      string
	GeoPrecision int // ACLED 1..3, 0 unknown
	// Reason is a short explanation of the choice, for the explain view.
	Reason string
}

// ActorRef points at a canonical actor from a place in the text.
type ActorRef struct {
	ID      string // KB id, "" for actors the KB does not know
	Name    string // canonical English name
	NameAr  string
	Inter   int    // ACLED inter code 1..8, 0 unknown
	Country string // ISO2 of the actor's home state
	Span    Span   // the mention it was read from (zero span when inferred)
}

// ActorMention is a resolved actor mention (one per mention in the text).
type ActorMention struct {
	ActorRef
	// Generic is set when the mention was a context-resolved generic phrase
	// (الجيش, قوات النظام).
	Generic bool
}

// Names of actors that have no knowledge-base entry.
const (
	UnidentifiedActor = "Unidentified Armed Group"
	CiviliansActor    = "Civilians"
)

// Person is a person mention, linked to an organisation when the text says
// so (المتحدث باسم البنتاغون شون روبرتسون).
type Person struct {
	Span Span
	Role string    // المتحدث باسم، قائد، الرئيس … as written, "" if none
	Org  *ActorRef // the organisation the person speaks for or leads
}

// Status is an event's factual status.
type Status string

// Event statuses.
const (
	Occurred Status = "occurred"
	Ongoing  Status = "ongoing"
	Planned  Status = "planned"
	Claimed  Status = "claimed"
	Denied   Status = "denied"
	Negated  Status = "negated"
)

// Event is one coded event (ACLED typology).
type Event struct {
	EventType    string // ACLED event type, exact spelling
	SubEventType string // ACLED sub-event type, exact spelling
	CAMEO        string // CAMEO code
	Actor1       *ActorRef
	Assoc1       []ActorRef
	Actor2       *ActorRef
	Assoc2       []ActorRef
	Location     *Place
	Date         Date
	Precision    Precision
	Fatalities   *int // nil where not applicable (strategic developments)
	Status       Status
	ReportedBy   *ActorRef // the source the text attributes it to
	ReportedSpan Span      // the attribution phrase
	Trigger      Span      // the trigger word(s)
	Evidence     Span      // the sentence or clause coded from
	Confidence   float64
	// Why lists the rules that fired, for the explain view.
	Why []string
}
