package geo_test

import (
	"strings"
	"sync"
	"testing"

	"github.com/rasd-project/rasd/internal/doc"
	"github.com/rasd-project/rasd/internal/kb"
	"github.com/rasd-project/rasd/internal/kb/embedded"
	"github.com/rasd-project/rasd/internal/pipeline"
)

var (
	once sync.Once
	pipe *pipeline.Pipeline
	err0 error
)

func standard(t testing.TB) *pipeline.Pipeline {
	once.Do(func() {
		k, err := embedded.Load(kb.Options{})
		if err != nil {
			err0 = err
			return
		}
		pipe = pipeline.New(pipeline.Options{}, pipeline.Standard(k, pipeline.StandardOptions{})...)
	})
	if err0 != nil {
		t.Fatal(err0)
	}
	return pipe
}

// TestAmbiguousNames resolves names that the gazetteer holds in two or more
// governorates or countries, each in a context that decides it. The
// sentences are the rasd team's own.
func TestAmbiguousNames(t *testing.T) {
	tests := []struct {
		text, mention, country, admin1 string
	}{
		{"قصفت قوات النظام قرية صور بريف دير الزور الشمالي.", "صور", "SY", "Deir ez-Zor"},
		{"قتل ثلاثة مدنيين في غارة إسرائيلية على مدينة صور في جنوب لبنان.", "صور", "LB", "South"},
		{"سيطرت قوات سوريا الديمقراطية على بلدة الناصرة جنوب الحسكة.", "الناصرة", "SY", "Al-Hasakah"},
		{"سقطت قذائف على قرية الناصرة في ريف حمص الغربي.", "الناصرة", "SY", "Homs"},
		{"تظاهر المئات في مدينة الناصرة شمال إسرائيل.", "الناصرة", "IL", "HaZafon"},
		{"اندلعت اشتباكات بين قوات الردع وقوات حكومة الوحدة الوطنية في العاصمة الليبية طرابلس.", "طرابلس", "LY", "Tripoli"},
		{"شهدت مدينة طرابلس شمال لبنان أعمال شغب ليلية.", "طرابلس", "LB", "North"},
		{"دارت اشتباكات في حي الحمدانية بمدينة حلب.", "الحمدانية", "SY", "Aleppo"},
		{"عاد مئات النازحين إلى قضاء الحمدانية في محافظة نينوى.", "الحمدانية", "IQ", "Nineveh"},
		{"شن تنظيم داعش هجوما في محافظة صلاح الدين شمال بغداد.", "صلاح الدين", "IQ", "Salah al-Din"},
		{"سقطت قذائف على حي صلاح الدين في مدينة حلب.", "صلاح الدين", "SY", "Aleppo"},
		{"استهدفت طائرة مسيرة تركية سيارة في قضاء سنجار غرب الموصل.", "سنجار", "IQ", "Nineveh"},
		{"دارت معارك قرب بلدة سنجار في ريف إدلب الشرقي.", "سنجار", "SY", "Idlib"},
		{"اقتحمت قوات الاحتلال مدينة أريحا في الضفة الغربية.", "أريحا", "PS", "West Bank"},
		{"شنت طائرات روسية غارات على مدينة أريحا جنوب إدلب.", "أريحا", "SY", "Idlib"},
		{"قصفت قوات النظام مدينة دوما في الغوطة الشرقية بريف دمشق.", "دوما", "SY", "Rural Damascus"},
		{"هاجم مستوطنون قرية دوما جنوب نابلس.", "دوما", "PS", "West Bank"},
		{"سيطر حزب الله على مدينة يبرود في منطقة القلمون بريف دمشق.", "يبرود", "SY", "Rural Damascus"},
		{"اعتقلت قوات الاحتلال ثلاثة شبان من قرية يبرود شرق رام الله.", "يبرود", "PS", "West Bank"},
		{"اندلعت اشتباكات في مدينة جبلة بريف اللاذقية.", "جبلة", "SY", "Latakia"},
		{"قصف الحوثيون مديرية جبلة في محافظة إب.", "جبلة", "YE", "Ibb"},
		{"دارت معارك مع تنظيم داعش قرب بلدة السخنة في بادية حمص.", "السخنة", "SY", "Homs"},
		{"استهدفت غارة مديرية السخنة في محافظة الحديدة.", "السخنة", "YE", "Al Hudaydah"},
		{"سيطر حزب الله على مدينة القصير في ريف حمص.", "القصير", "SY", "Homs"},
		{"وقع انفجار في مدينة القصير المصرية على ساحل البحر الأحمر.", "القصير", "EG", "Red Sea"},
		{"اندلعت اشتباكات في بلدة الكرامة شرق الرقة.", "الكرامة", "SY", "Raqqa"},
		{"نظم العشرات وقفة احتجاجية في بلدة الكرامة بمحافظة البلقاء الأردنية.", "الكرامة", "JO", "Balqa"},
		{"انفجرت سيارة مفخخة في منطقة الرصافة ببغداد.", "الرصافة", "IQ", "Baghdad"},
		{"سقطت قذائف على قرية الرصافة جنوب الرقة.", "الرصافة", "SY", "Raqqa"},
		{"داهمت قوات سوريا الديمقراطية بلدة ذيبان بريف دير الزور الشرقي.", "ذيبان", "SY", "Deir ez-Zor"},
		{"تظاهر العشرات في بلدة ذيبان بمحافظة مادبا الأردنية.", "ذيبان", "JO", "Madaba"},
		{"هاجم مسلحون من داعش نقطة عسكرية في ناحية الكرمة شرق الفلوجة.", "الكرمة", "IQ", "Anbar"},
		{"احتدمت المعارك بين الحوثيين والقوات الحكومية في محافظة البيضاء وسط اليمن.", "البيضاء", "YE", "Al Bayda"},
		{"اندلعت اشتباكات في مدينة البيضاء شرق ليبيا.", "البيضاء", "LY", "Al Jabal al Akhdar"},
		{"شن طيران التحالف غارات على محافظة الجوف شمال اليمن.", "الجوف", "YE", "Al Jawf"},
		{"هاجم مسلح فندقا في مدينة سوسة التونسية.", "سوسة", "TN", "Sousse"},
	}
	p := standard(t)
	for _, tc := range tests {
		t.Run(tc.mention+"/"+tc.country, func(t *testing.T) {
			d, err := p.Process(pipeline.Input{Text: tc.text, Format: pipeline.Text, Published: doc.Date{Year: 2024, Month: 5, Day: 1}})
			if err != nil {
				t.Fatal(err)
			}
			for _, pl := range d.Places {
				if d.SpanText(pl.Mention) != tc.mention {
					continue
				}
				if pl.Country != tc.country || pl.Admin1 != tc.admin1 {
					t.Errorf("%s in %q resolved to %s/%s (%s); want %s/%s\nreason: %s",
						tc.mention, tc.text, pl.Country, pl.Admin1, pl.Name, tc.country, tc.admin1, pl.Reason)
				}
				return
			}
			var got []string
			for _, pl := range d.Places {
				got = append(got, d.SpanText(pl.Mention))
			}
			t.Errorf("%q: no place mention %q; places: %s", tc.text, tc.mention, strings.Join(got, ", "))
		})
	}
	if len(tests) < 30 {
		t.Errorf("only %d cases", len(tests))
	}
}

// TestSeedPlaces checks the resolutions the seed article needs, on a
// passage of the same shape written for the test.
func TestSeedPlaces(t *testing.T) {
	text := "يحشد التحالف الدولي لمعركة في منطقة “هجين” شرق دير الزور، فيما كشفت قسد حصيلة العمليات في “الدشيشة” جنوب الحسكة، " +
		"ومن ضمنها القرى التابعة لبلدتي صور ومركدة، ومعبر الصفوك."
	p := standard(t)
	d, err := p.Process(pipeline.Input{Text: text, Format: pipeline.Text, Published: doc.Date{Year: 2018, Month: 6, Day: 21}})
	if err != nil {
		t.Fatal(err)
	}
	// الدشيشة and الصفوك have no coordinates in the gazetteer: they take
	// their district's, at geo_precision 2
	want := map[string][3]string{
		"هجين":    {"SY", "Deir ez-Zor", "1"},
		"الدشيشة": {"SY", "Al-Hasakah", "2"},
		"مركدة":   {"SY", "Al-Hasakah", "1"},
		"صور":     {"SY", "Deir ez-Zor", "1"},
		"الصفوك":  {"SY", "Al-Hasakah", "2"},
	}
	for _, pl := range d.Places {
		w, ok := want[d.SpanText(pl.Mention)]
		if !ok {
			continue
		}
		delete(want, d.SpanText(pl.Mention))
		if !pl.HasCoord {
			t.Errorf("%s has no coordinates", d.SpanText(pl.Mention))
		}
		if pl.Country != w[0] || pl.Admin1 != w[1] || string(rune('0'+pl.GeoPrecision)) != w[2] {
			t.Errorf("%s → %s/%s precision %d; want %s/%s precision %s (%s)", d.SpanText(pl.Mention), pl.Country, pl.Admin1, pl.GeoPrecision, w[0], w[1], w[2], pl.Reason)
		}
	}
	for m := range want {
		t.Errorf("no place mention %s", m)
	}
}

// BenchmarkResolve measures toponym resolution per article: the geo stage
// alone, over documents prepared and matched once.
func BenchmarkResolve(b *testing.B) {
	k, err := embedded.Load(kb.Options{})
	if err != nil {
		b.Fatal(err)
	}
	stages := pipeline.Standard(k, pipeline.StandardOptions{})
	prep := pipeline.New(pipeline.Options{}, stages[0]) // matching only
	var docs []*doc.Doc
	texts := []string{
		"سيطرت قوات سوريا الديمقراطية على بلدة الناصرة جنوب الحسكة بعد معارك مع تنظيم داعش، فيما قصفت طائرات التحالف مواقع في هجين والسوسة شرق دير الزور.",
		"قتل ثلاثة مدنيين في غارة إسرائيلية على مدينة صور في جنوب لبنان، وقصفت المدفعية أطراف بلدتي عيتا الشعب ورامية.",
		"اندلعت اشتباكات بين قوات الردع وقوات حكومة الوحدة الوطنية في طرابلس، وامتدت إلى أحياء أبو سليم وباب بن غشير.",
	}
	for _, s := range texts {
		d, err := prep.Process(pipeline.Input{Text: s, Format: pipeline.Text})
		if err != nil {
			b.Fatal(err)
		}
		docs = append(docs, d)
	}
	geoStage := stages[1]
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		d := *docs[i%len(docs)]
		d.Places, d.Focus = nil, nil
		geoStage.Run(&d)
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/1e3, "µs/article")
}
