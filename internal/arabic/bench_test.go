package arabic

import (
	"os"
	"strings"
	"testing"

	"github.com/rasd-project/rasd/internal/doc"
)

// readNews returns testdata/news.txt: news-style paragraphs written for
// these tests (not copied from any outlet).
func readNews(tb testing.TB) string {
	tb.Helper()
	data, err := os.ReadFile("testdata/news.txt")
	if err != nil {
		tb.Fatal(err)
	}
	return string(data)
}

// benchCorpus returns the news sample repeated to about 1 MB, paragraphs
// separated by blank lines.
func benchCorpus(b *testing.B) string {
	para := strings.TrimSpace(readNews(b)) + "\n\n"
	return strings.Repeat(para, (1<<20)/len(para)+1)
}

func BenchmarkNormalize(b *testing.B) {
	text := benchCorpus(b)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		Normalize(text)
	}
}

func BenchmarkNormalizeMap(b *testing.B) {
	text := benchCorpus(b)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		NormalizeMap(text)
	}
}

func BenchmarkTokenize(b *testing.B) {
	text := benchCorpus(b)
	norm, nmap := NormalizeMap(text)
	var toks []doc.Token
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		toks = Tokenize(text, norm, nmap, toks[:0])
	}
}

// BenchmarkAnalyze times the whole text core (normalize, tokenize, split
// sentences) on a fresh Doc each time, as the pipeline runs it.
func BenchmarkAnalyze(b *testing.B) {
	text := benchCorpus(b)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		d := &doc.Doc{Text: text}
		Analyze(d)
	}
}

func BenchmarkClitics(b *testing.B) {
	text := benchCorpus(b)
	d := &doc.Doc{Text: text}
	Analyze(d)
	var words []string
	for i, t := range d.Tokens {
		if t.Kind == doc.Word {
			words = append(words, d.TokNorm(i))
		}
	}
	var splits []Split
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		for _, w := range words {
			splits = Clitics(w, splits[:0])
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(words)), "ns/word")
}
