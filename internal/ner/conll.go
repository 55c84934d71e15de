package ner

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"
)

// maxLine is the longest CoNLL line ReadCoNLL accepts, in bytes.
const maxLine = 64 << 10

// ReadCoNLL reads sentences in the CoNLL format of ANERcorp: one token per
// line, the word first and the BIO tag last, separated by tabs or spaces
// (columns between them, as in CoNLL-2003, are ignored); a blank line ends
// a sentence. "-DOCSTART-" lines are skipped, a UTF-8 byte order mark and
// "\r\n" line ends are accepted. A tag is "O", "B-TYPE" or "I-TYPE". Errors
// name the line.
func ReadCoNLL(r io.Reader) ([]Sentence, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 4096), maxLine)
	var out []Sentence
	var cur Sentence
	flush := func() {
		if len(cur.Words) > 0 {
			out = append(out, cur)
		}
		cur = Sentence{}
	}
	line := 0
	for sc.Scan() {
		line++
		text := sc.Text()
		if line == 1 {
			text = strings.TrimPrefix(text, "\uFEFF")
		}
		text = strings.TrimRight(text, "\r")
		f := strings.Fields(text)
		switch {
		case len(f) == 0:
			flush()
			continue
		case f[0] == "-DOCSTART-":
			flush()
			continue
		case len(f) == 1:
			return nil, fmt.Errorf("conll line %d: want a word and a tag, got %q", line, text)
		case !utf8.ValidString(f[0]):
			return nil, fmt.Errorf("conll line %d: word is not valid UTF-8", line)
		}
		tag := f[len(f)-1]
		if err := checkTag(tag); err != nil {
			return nil, fmt.Errorf("conll line %d: %w", line, err)
		}
		cur.Words = append(cur.Words, f[0])
		cur.Tags = append(cur.Tags, tag)
	}
	if err := sc.Err(); err != nil {
		if errors.Is(err, bufio.ErrTooLong) {
			return nil, fmt.Errorf("conll line %d: line longer than %d bytes", line+1, maxLine)
		}
		return nil, fmt.Errorf("conll line %d: %w", line+1, err)
	}
	flush()
	return out, nil
}

// checkTag reports whether tag is a BIO tag: "O", "B-TYPE" or "I-TYPE"
// with a type of ASCII letters, digits and '_'.
func checkTag(tag string) error {
	if tag == "O" {
		return nil
	}
	if len(tag) < 3 || (tag[0] != 'B' && tag[0] != 'I') || tag[1] != '-' {
		return fmt.Errorf("bad tag %q: want O, B-TYPE or I-TYPE", tag)
	}
	for i := 2; i < len(tag); i++ {
		c := tag[i]
		if !('A' <= c && c <= 'Z' || 'a' <= c && c <= 'z' || '0' <= c && c <= '9' || c == '_') {
			return fmt.Errorf("bad tag %q: the type must be letters, digits and '_'", tag)
		}
	}
	return nil
}

// WriteCoNLL writes sentences in the format ReadCoNLL reads: "word TAB tag"
// lines, a blank line after each sentence. Sentences without tags are
// written with "O".
func WriteCoNLL(w io.Writer, sents []Sentence) error {
	bw := bufio.NewWriter(w)
	for _, s := range sents {
		for i, word := range s.Words {
			tag := "O"
			if i < len(s.Tags) {
				tag = s.Tags[i]
			}
			bw.WriteString(word)
			bw.WriteByte('\t')
			bw.WriteString(tag)
			bw.WriteByte('\n')
		}
		bw.WriteByte('\n')
	}
	return bw.Flush()
}
