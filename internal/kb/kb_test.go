package kb

import (
	"testing"
)

func TestKey(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want string
	}{
		{"plain", "قسد", "قسد"},
		{"guillemets dropped", "«قسد»", "قسد"},
		{"double quotes dropped", `"داعش"`, "داعش"},
		{"brackets dropped", "(الجيش)", "الجيش"},
		{"article kept", "الحسكة", "الحسكه"},
		{"bare form differs from the article form", "حسكة", "حسكه"},
		{"ta marbuta", "محافظة", "محافظه"},
		{"alif hamza above", "أبو كمال", "ابو كمال"},
		{"alif hamza below", "إدلب", "ادلب"},
		{"alif madda", "آمرلي", "امرلي"},
		{"waw hamza", "مؤتة", "موته"},
		{"ya hamza", "هيئة تحرير الشام", "هييه تحرير الشام"},
		{"alif maqsura", "رمى", "رمي"},
		{"diacritics", "دَيْرُ الزُّورِ", "دير الزور"},
		{"tatweel", "قـــسد", "قسد"},
		{"runs of spaces collapse", "قوات   النظام", "قوات النظام"},
		{"Latin lowercased", "SDF", "sdf"},
		{"Latin words", "Islamic State", "islamic state"},
		{"Latin hyphen kept", "ISIS-K", "isis-k"},
		{"spaced acronym keeps its letters", "ي ب ك", "ي ب ك"},
		{"dotted acronym spaced", "ي.ب.ك", "ي ب ك"},
		{"another spaced acronym", "ب ي د", "ب ي د"},
		{"Arabic-Indic digits", "١٢٣", "123"},
		{"hashtag kept", "#قسد", "#قسد"},
		{"punctuation only", "،.؟", ""},
		{"empty", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Key(tt.in); got != tt.want {
				t.Errorf("Key(%q) = %q; want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestFeatureRankOrder(t *testing.T) {
	// each feature ranks strictly above the next
	order := []string{"country", "admin1", "city", "region", "admin2", "town", "airport", "mountain", "village", "landmark", "unknown"}
	for i := 1; i < len(order); i++ {
		if a, b := FeatureRank(order[i-1]), FeatureRank(order[i]); a <= b {
			t.Errorf("FeatureRank(%q) = %v <= FeatureRank(%q) = %v; want greater", order[i-1], a, order[i], b)
		}
	}
	for _, f := range Features {
		if FeatureRank(f) == FeatureRank("unknown") {
			t.Errorf("FeatureRank(%q) = the unknown rank; want a rank of its own", f)
		}
	}
}

func TestPlacePrior(t *testing.T) {
	tests := []struct {
		name string
		a, b Place // a must rank above b
	}{
		{"feature beats population", Place{Feature: "city", Pop: 1000}, Place{Feature: "village", Pop: 900000}},
		{"population breaks ties", Place{Feature: "town", Pop: 20000}, Place{Feature: "town", Pop: 5000}},
		{"huge populations are capped below the next rank", Place{Feature: "admin1"}, Place{Feature: "city", Pop: 5e9}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if pa, pb := PlacePrior(&tt.a), PlacePrior(&tt.b); pa <= pb {
				t.Errorf("PlacePrior(%+v) = %v <= PlacePrior(%+v) = %v; want greater", tt.a, pa, tt.b, pb)
			}
		})
	}
}
