// Command kbgen compiles rasd's knowledge base: the readable files under
// internal/kb/data and the public datasets in ../shared/data become the
// embedded files under internal/kb/embedded. Run it through go generate:
//
//	go generate ./internal/kb/embedded
//
// Without ../shared/data it compiles the repository's own files only and
// says so; the committed gen/ files are built with it.
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/rasd-project/rasd/internal/kb/compile"
)

func main() {
	data := flag.String("data", "internal/kb/data", "source `DIR` of readable knowledge-base files")
	shared := flag.String("shared", "../shared/data", "public datasets `DIR` (GeoNames, Open-Syria)")
	out := flag.String("out", "internal/kb/embedded", "output `DIR`")
	flag.Parse()
	err := compile.Run(compile.Options{DataDir: *data, SharedDir: *shared, OutDir: *out,
		Logf: func(f string, a ...any) { fmt.Fprintf(os.Stderr, "kbgen: "+f+"\n", a...) }})
	if err != nil {
		fmt.Fprintf(os.Stderr, "kbgen: %v\n", err)
		os.Exit(1)
	}
}
