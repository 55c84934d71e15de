package ner

import (
	"bytes"
	"compress/gzip"
	"encoding/binary"
	"errors"
	"hash/crc32"
	"os"
	"reflect"
	"strings"
	"testing"
)

func readFixture(t testing.TB) []Sentence {
	t.Helper()
	f, err := os.Open("testdata/tiny.conll")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	s, err := ReadCoNLL(f)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// testLexicon is a small Lexicon for the fixture.
type testLexicon map[string]uint16

func (l testLexicon) Classes(norm string) uint16 { return l[norm] }

var fixtureLex = testLexicon{
	"حلب": LexPlace, "بغداد": LexPlace, "دمشق": LexPlace, "الموصل": LexPlace,
	"وزاره الدفاع": LexOrg, "الامم المتحده": LexOrg,
}

func trainFixture(t testing.TB, lex Lexicon, workers int) *Model {
	t.Helper()
	m, err := Train(readFixture(t), TrainOptions{Iterations: 6, Members: 3, Seed: 7, Workers: workers, Lexicon: lex})
	if err != nil {
		t.Fatal(err)
	}
	return m
}

func modelBytes(t testing.TB, m *Model) []byte {
	t.Helper()
	var b bytes.Buffer
	n, err := m.WriteTo(&b)
	if err != nil {
		t.Fatal(err)
	}
	if n != int64(b.Len()) {
		t.Errorf("WriteTo returned %d; wrote %d bytes", n, b.Len())
	}
	return b.Bytes()
}

func TestTrainFitsFixture(t *testing.T) {
	for _, lex := range []Lexicon{nil, fixtureLex} {
		m := trainFixture(t, lex, 0)
		if got := m.Info().Lexicon; got != (lex != nil) {
			t.Errorf("Info().Lexicon = %v; want %v", got, lex != nil)
		}
		r := Evaluate(m, readFixture(t), lex)
		if r.Overall.F1() != 1 {
			t.Errorf("lexicon %v: training sentences tagged with F1 %.3f; want 1:\n%s", lex != nil, r.Overall.F1(), r)
		}
		if got, want := m.Labels(), []Label{Place, Org, Person}; !reflect.DeepEqual(got, want) {
			t.Errorf("Labels() = %v; want %v", got, want)
		}
	}
}

func TestTrainDeterministic(t *testing.T) {
	a := modelBytes(t, trainFixture(t, fixtureLex, 1))
	b := modelBytes(t, trainFixture(t, fixtureLex, 3))
	if !bytes.Equal(a, b) {
		t.Error("two trainings with the same seed and data wrote different models")
	}
}

func TestTrainErrors(t *testing.T) {
	if _, err := Train(nil, TrainOptions{}); !errors.Is(err, ErrNoData) {
		t.Errorf("Train(nil) error = %v; want ErrNoData", err)
	}
	bad := []Sentence{{Words: []string{"a", "b"}, Tags: []string{"O"}}}
	if _, err := Train(bad, TrainOptions{}); err == nil {
		t.Error("Train(words and tags of different lengths): want an error")
	}
}

// roundTrip loads data, the file written from m, and checks the loaded
// model encodes and describes itself as m does.
func roundTrip(t *testing.T, m *Model, data []byte) *Model {
	t.Helper()
	m2, err := Load(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(m2.encode(), m.encode()) {
		t.Error("Load(WriteTo(m)) encodes differently from m")
	}
	if !reflect.DeepEqual(m2.Info(), m.Info()) {
		t.Errorf("Info after round trip = %+v; want %+v", m2.Info(), m.Info())
	}
	return m2
}

func TestModelRoundTrip(t *testing.T) {
	m := trainFixture(t, fixtureLex, 0)
	data := modelBytes(t, m)
	m2 := roundTrip(t, m, data)
	// uncompressed files load as well
	m3, err := Load(bytes.NewReader(m.encode()))
	if err != nil {
		t.Fatal(err)
	}
	words := strings.Fields("التقى الوزير كريم ناصر بوفد من الأمم المتحدة في دمشق")
	want := m.TagWords(words, fixtureLex)
	for _, mm := range []*Model{m2, m3} {
		if got := mm.TagWords(words, fixtureLex); !reflect.DeepEqual(got, want) {
			t.Errorf("TagWords after round trip = %v; want %v", got, want)
		}
	}
}

// reencode returns the uncompressed model data with f applied to its body
// (without the checksum) and a fresh checksum.
func reencode(data []byte, f func([]byte) []byte) []byte {
	body := f(append([]byte(nil), data[:len(data)-4]...))
	return binary.LittleEndian.AppendUint32(body, crc32.ChecksumIEEE(body))
}

func TestLoadRejects(t *testing.T) {
	m := trainFixture(t, nil, 0)
	raw := m.encode()
	var gz bytes.Buffer
	zw := gzip.NewWriter(&gz)
	zw.Write([]byte("not a model at all"))
	zw.Close()
	flipped := append([]byte(nil), raw...)
	flipped[len(flipped)/2] ^= 0x40
	tests := []struct {
		name string
		data []byte
		want error
	}{
		{"empty", nil, ErrFormat},
		{"text", []byte("hello, world"), ErrFormat},
		{"gzip header only", []byte{0x1f, 0x8b, 0, 0}, ErrFormat},
		{"gzipped text", gz.Bytes(), ErrFormat},
		{"truncated", raw[:len(raw)/2], ErrFormat},
		{"damaged", flipped, ErrFormat},
		{"trailing data", reencode(raw, func(b []byte) []byte { return append(b, 0) }), ErrFormat},
		{"version", reencode(raw, func(b []byte) []byte { b[len(modelMagic)] = formatVersion + 1; return b }), ErrVersion},
		{"feature set", reencode(raw, func(b []byte) []byte { b[len(modelMagic)+1] ^= 1; return b }), ErrFeatureSet},
	}
	for _, tt := range tests {
		_, err := Load(bytes.NewReader(tt.data))
		if !errors.Is(err, tt.want) {
			t.Errorf("%s: Load error = %v; want %v", tt.name, err, tt.want)
		}
	}
}

func TestLoadGarbageNeverPanics(t *testing.T) {
	raw := trainFixture(t, nil, 0).encode()
	// every truncation and every single-byte damage (with a valid
	// checksum) must fail cleanly or load
	for n := 0; n < len(raw); n += 1 + n/64 {
		if _, err := Load(bytes.NewReader(raw[:n])); err == nil {
			t.Fatalf("Load(first %d of %d bytes) succeeded", n, len(raw))
		}
	}
	for i := len(modelMagic); i < len(raw)-4; i += 1 + i/32 {
		data := reencode(raw, func(b []byte) []byte { b[i] ^= 0xff; return b })
		Load(bytes.NewReader(data))
	}
}
