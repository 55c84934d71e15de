package match_test

import (
	"os"
	"strings"
	"testing"

	"github.com/rasd-project/rasd/internal/arabic"
	"github.com/rasd-project/rasd/internal/doc"
	"github.com/rasd-project/rasd/internal/kb"
	"github.com/rasd-project/rasd/internal/kb/embedded"
	"github.com/rasd-project/rasd/internal/match"
)

// BenchmarkMatch measures knowledge-base matching (the matcher stage alone,
// over analyzed documents) on realistic news text: the text core's own
// benchmark corpus, written by the rasd team.
func BenchmarkMatch(b *testing.B) {
	data, err := os.ReadFile("../arabic/testdata/news.txt")
	if err != nil {
		b.Skip("no corpus: ", err)
	}
	k, err := embedded.Load(kb.Options{})
	if err != nil {
		b.Fatal(err)
	}
	m := match.New(k)
	var docs []*doc.Doc
	size := 0
	for _, para := range strings.Split(string(data), "\n\n") {
		if strings.TrimSpace(para) == "" {
			continue
		}
		d := &doc.Doc{Text: para}
		arabic.Analyze(d)
		docs = append(docs, d)
		size += len(para)
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, d := range docs {
			d.Mentions = d.Mentions[:0]
			m.Run(d)
		}
	}
}
