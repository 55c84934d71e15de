package ner

import (
	"strings"
	"testing"

	"github.com/rasd-project/rasd/internal/arabic"
	"github.com/rasd-project/rasd/internal/doc"
)

// benchText is a news report written for this benchmark (not from any
// corpus): names of people, places and organisations, clitics, numbers
// and punctuation, as the tagger meets them.
const benchText = `دمشق - قال مصدر عسكري في الجيش السوري يوم الثلاثاء إن اشتباكات عنيفة اندلعت في ريف حلب الشمالي بين القوات الحكومية ومسلحين من هيئة تحرير الشام، أسفرت عن مقتل 12 مسلحا وإصابة خمسة جنود.
وأضاف المصدر لوكالة الأنباء السورية (سانا) أن وحدات من الفرقة الرابعة استعادت السيطرة على قرية الشيخ عقيل قرب مدينة الأتارب بعد معارك استمرت يومين.
من جهته، أعلن المرصد السوري لحقوق الإنسان ومقره لندن أن طائرات حربية روسية شنت غارات على بلدات في جبل الزاوية جنوبي إدلب، ما أدى إلى نزوح مئات العائلات نحو الحدود التركية.
وفي بغداد، قال المتحدث باسم قيادة العمليات المشتركة اللواء تحسين الخفاجي إن القوات العراقية أحبطت هجوما لتنظيم داعش على نقطة تفتيش في قضاء الطارمية شمالي العاصمة.
وأكد وزير الخارجية الأردني أيمن الصفدي خلال مؤتمر صحفي مع نظيره الفرنسي في عمان أن بلاده تدعم جهود الأمم المتحدة للتوصل إلى حل سياسي في سوريا.
وفي اليمن، ذكرت مصادر محلية أن جماعة الحوثيين قصفت مواقع للقوات الحكومية في مديرية حيس بمحافظة الحديدة، فيما أعلن التحالف بقيادة السعودية اعتراض طائرة مسيرة أطلقت باتجاه مدينة جازان.
وقال الرئيس الأمريكي في بيان نشره البيت الأبيض إن واشنطن ستواصل دعم شركائها في المنطقة، بينما دعت منظمة العفو الدولية إلى تحقيق مستقل في مقتل المدنيين.`

func BenchmarkTag(b *testing.B) {
	m, lex := loadDefault(b)
	// a longer document: the report several times over, as one article
	text := strings.Repeat(benchText+"\n", 4)
	d := &doc.Doc{Text: text}
	arabic.Analyze(d)
	b.ResetTimer()
	for range b.N {
		m.Tag(d, lex)
	}
	b.ReportMetric(float64(len(d.Tokens))*float64(b.N)/b.Elapsed().Seconds(), "tokens/s")
}

func BenchmarkKBLexicon(b *testing.B) {
	lex := loadLexicon(b)
	words := strings.Fields(arabic.Normalize(benchText))
	b.ResetTimer()
	for range b.N {
		for _, w := range words {
			lex.Classes(w)
		}
	}
}
