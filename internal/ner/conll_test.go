package ner

import (
	"bytes"
	"reflect"
	"strings"
	"testing"
)

func TestReadCoNLL(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []Sentence
	}{
		{"empty", "", nil},
		{"blank lines only", "\n\n  \n", nil},
		{
			"two sentences, tabs",
			"قال\tO\nسمير\tB-PERS\nحداد\tI-PERS\n\nحلب\tB-LOC\n",
			[]Sentence{
				{Words: []string{"قال", "سمير", "حداد"}, Tags: []string{"O", "B-PERS", "I-PERS"}},
				{Words: []string{"حلب"}, Tags: []string{"B-LOC"}},
			},
		},
		{
			"BOM, CRLF, spaces and middle columns",
			"\uFEFFEU NNP B-NP B-ORG\r\nrejects VBZ B-VP O\r\n\r\n",
			[]Sentence{{Words: []string{"EU", "rejects"}, Tags: []string{"B-ORG", "O"}}},
		},
		{
			"DOCSTART ends a sentence",
			"a O\n-DOCSTART- -X- O O\nb B-MISC\n",
			[]Sentence{
				{Words: []string{"a"}, Tags: []string{"O"}},
				{Words: []string{"b"}, Tags: []string{"B-MISC"}},
			},
		},
		{
			"no final newline",
			"دمشق\tB-LOC",
			[]Sentence{{Words: []string{"دمشق"}, Tags: []string{"B-LOC"}}},
		},
	}
	for _, tt := range tests {
		got, err := ReadCoNLL(strings.NewReader(tt.in))
		if err != nil {
			t.Errorf("%s: ReadCoNLL: %v", tt.name, err)
			continue
		}
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%s: ReadCoNLL = %q; want %q", tt.name, got, tt.want)
		}
	}
}

func TestReadCoNLLErrors(t *testing.T) {
	tests := []struct {
		in, want string
	}{
		{"word\n", "line 1: want a word and a tag"},
		{"a O\nb X-PERS\n", "line 2: bad tag \"X-PERS\""},
		{"a O\nb B-\n", "line 2: bad tag"},
		{"a B-PE$RS\n", "the type must be"},
		{"\xff\xfe O\n", "not valid UTF-8"},
		{"a O\n" + strings.Repeat("x", maxLine+1) + " O\n", "line 2: line longer than"},
	}
	for _, tt := range tests {
		_, err := ReadCoNLL(strings.NewReader(tt.in))
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("ReadCoNLL(%.20q) error = %v; want it to contain %q", tt.in, err, tt.want)
		}
	}
}

func TestWriteCoNLLRoundTrip(t *testing.T) {
	sents := readFixture(t)
	var b bytes.Buffer
	if err := WriteCoNLL(&b, sents); err != nil {
		t.Fatal(err)
	}
	got, err := ReadCoNLL(&b)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, sents) {
		t.Errorf("ReadCoNLL(WriteCoNLL(s)) differs from s")
	}
	// untagged sentences are written with O
	b.Reset()
	if err := WriteCoNLL(&b, []Sentence{{Words: []string{"a", "b"}}}); err != nil {
		t.Fatal(err)
	}
	if want := "a\tO\nb\tO\n\n"; b.String() != want {
		t.Errorf("WriteCoNLL(untagged) = %q; want %q", b.String(), want)
	}
}

// FuzzReadCoNLL checks that ReadCoNLL never panics, that what it accepts
// is well formed, and that writing it back reads back the same.
func FuzzReadCoNLL(f *testing.F) {
	f.Add("قال\tO\nسمير\tB-PERS\nحداد\tI-PERS\n\nحلب\tB-LOC\n")
	f.Add("\uFEFFEU NNP B-NP B-ORG\r\nrejects VBZ B-VP O\r\n\r\n")
	f.Add("-DOCSTART- -X- O O\n\na I-MISC\n")
	f.Add("a\n")
	f.Add("a B-\xff\n")
	f.Fuzz(func(t *testing.T, in string) {
		sents, err := ReadCoNLL(strings.NewReader(in))
		if err != nil {
			return
		}
		for _, s := range sents {
			if len(s.Words) == 0 || len(s.Words) != len(s.Tags) {
				t.Fatalf("sentence with %d words and %d tags", len(s.Words), len(s.Tags))
			}
			for _, tag := range s.Tags {
				if err := checkTag(tag); err != nil {
					t.Fatalf("accepted tag: %v", err)
				}
			}
		}
		if len(sents) > 0 && strings.HasPrefix(sents[0].Words[0], "\uFEFF") {
			return // written first, it would read as a byte order mark
		}
		var b bytes.Buffer
		if err := WriteCoNLL(&b, sents); err != nil {
			t.Fatal(err)
		}
		again, err := ReadCoNLL(&b)
		if err != nil {
			t.Fatalf("reading back: %v", err)
		}
		if !reflect.DeepEqual(again, sents) {
			t.Fatalf("round trip: %q; want %q", again, sents)
		}
	})
}
