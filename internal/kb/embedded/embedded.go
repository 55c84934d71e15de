// Package embedded holds rasd's compiled knowledge base — the files
// cmd/kbgen writes here from internal/kb/data and ../shared/data — embedded
// in the binary, so a fresh clone needs nothing else.
package embedded

import (
	"embed"

	"github.com/rasd-project/rasd/internal/kb"
)

//go:generate go run ../../../cmd/kbgen -data ../data -shared ../../../../shared/data -out .

//go:embed *.tsv
var files embed.FS

// Load returns the embedded knowledge base with the user directory of opt
// on top.
func Load(opt kb.Options) (*kb.KB, error) { return kb.LoadFS(files, opt) }
