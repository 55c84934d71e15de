package kb

import (
	"errors"
	"fmt"
	"strings"
	"testing"
	"testing/iotest"
)

// rowsText renders rows as "line:cell|cell" for comparison.
func rowsText(rows []Row) []string {
	var out []string
	for _, r := range rows {
		out = append(out, fmt.Sprintf("%d:%s", r.Line, strings.Join(r.vals, "|")))
	}
	return out
}

func errsText(errs ErrorList) []string {
	var out []string
	for _, e := range errs {
		out = append(out, e.Error())
	}
	return out
}

func TestReadTSV(t *testing.T) {
	tests := []struct {
		name     string
		in       string
		required []string
		want     []string // rows as line:cells
		wantErrs []string
	}{
		{
			name: "header and rows",
			in:   "a\tb\n1\t2\n3\t4\n",
			want: []string{"2:1|2", "3:3|4"},
		},
		{
			name: "comments and blank lines keep line numbers",
			in:   "# comment\n\na\tb\n# another\n1\t2\n\n   \n3\t4",
			want: []string{"5:1|2", "8:3|4"},
		},
		{
			name: "CRLF line ends",
			in:   "a\tb\r\n1\t2\r\n",
			want: []string{"2:1|2"},
		},
		{
			name:     "byte-order mark before the header",
			in:       "\ufeffa\tb\n1\t2\n",
			required: []string{"a", "b"},
			want:     []string{"2:1|2"},
		},
		{
			name:     "byte-order mark before a comment",
			in:       "\ufeff# c\na\tb\n1\t2\n",
			required: []string{"a"},
			want:     []string{"3:1|2"},
		},
		{
			name: "empty cells are values",
			in:   "a\tb\tc\n\t\tx\n",
			want: []string{"2:||x"},
		},
		{
			name:     "too few cells",
			in:       "a\tb\tc\n1\t2\n4\t5\t6\n",
			want:     []string{"3:4|5|6"},
			wantErrs: []string{"t.tsv:2: 2 cells, header has 3"},
		},
		{
			name:     "too many cells",
			in:       "a\tb\n1\t2\t3\n",
			wantErrs: []string{"t.tsv:2: 3 cells, header has 2"},
		},
		{
			name:     "leading space",
			in:       "a\tb\n 1\t2\n",
			wantErrs: []string{"t.tsv:2: column 1 has leading or trailing spaces"},
		},
		{
			name:     "trailing space",
			in:       "a\tb\n1\t2 \n",
			wantErrs: []string{"t.tsv:2: column 2 has leading or trailing spaces"},
		},
		{
			name:     "spaces in two cells give two errors",
			in:       "a\tb\n 1\t 2\n",
			wantErrs: []string{"t.tsv:2: column 1 has leading or trailing spaces", "t.tsv:2: column 2 has leading or trailing spaces"},
		},
		{
			name:     "presentation forms rejected",
			in:       "a\tb\nx\t\ufecb\ufeb8\ufeae\ufe93\n", // عشرة in presentation forms
			wantErrs: []string{"t.tsv:2: column 2 uses Arabic presentation forms (write plain letters)"},
		},
		{
			name:     "presentation form A block rejected",
			in:       "a\n\ufb50\n",
			wantErrs: []string{"t.tsv:2: column 1 uses Arabic presentation forms (write plain letters)"},
		},
		{
			name: "plain Arabic letters accepted",
			in:   "a\nعشرة\n",
			want: []string{"2:عشرة"},
		},
		{
			name:     "header lacks a required column",
			in:       "a\tb\n1\t2\n",
			required: []string{"a", "c"},
			want:     []string{"2:1|2"},
			wantErrs: []string{`t.tsv:1: header lacks column "c"`},
		},
		{
			name:     "header after comments is located",
			in:       "# c\n\nb\n1\n",
			required: []string{"a"},
			want:     []string{"4:1"},
			wantErrs: []string{`t.tsv:3: header lacks column "a"`},
		},
		{
			name:     "header names a column twice",
			in:       "a\tb\ta\n1\t2\t3\n",
			want:     []string{"2:1|2|3"},
			wantErrs: []string{`t.tsv:1: header names column "a" twice`},
		},
		{
			name:     "empty file",
			in:       "",
			wantErrs: []string{"t.tsv:0: no header line"},
		},
		{
			name:     "comments only",
			in:       "# one\n# two\n",
			wantErrs: []string{"t.tsv:2: no header line"},
		},
		{
			name: "a cell may hold a hash",
			in:   "a\tb\n1\t#2\n",
			want: []string{"2:1|#2"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var errs ErrorList
			rows := ReadTSV(strings.NewReader(tt.in), "t.tsv", tt.required, &errs)
			if got := rowsText(rows); strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("ReadTSV(%q) rows = %q; want %q", tt.in, got, tt.want)
			}
			if got := errsText(errs); strings.Join(got, "\n") != strings.Join(tt.wantErrs, "\n") {
				t.Errorf("ReadTSV(%q) errors = %q; want %q", tt.in, got, tt.wantErrs)
			}
		})
	}
}

func TestReadTSVReadError(t *testing.T) {
	var errs ErrorList
	r := iotest.TimeoutReader(strings.NewReader("a\tb\n1\t2\n"))
	ReadTSV(iotest.OneByteReader(r), "t.tsv", nil, &errs)
	if len(errs) == 0 || !strings.Contains(errs[0].Error(), iotest.ErrTimeout.Error()) {
		t.Errorf("ReadTSV(failing reader) errors = %q; want the read error", errsText(errs))
	}
}

func TestRowGetAndList(t *testing.T) {
	var errs ErrorList
	rows := ReadTSV(strings.NewReader("name\taliases\nx\ta| b |c||\ny\t\n"), "t.tsv", nil, &errs)
	if err := errs.Err(); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		row  int
		col  string
		want string // List joined by "/"
	}{
		{"three values, spaces trimmed, empties dropped", 0, "aliases", "a/b/c"},
		{"empty cell", 1, "aliases", ""},
		{"absent column", 0, "nope", ""},
		{"single value", 0, "name", "x"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := strings.Join(rows[tt.row].List(tt.col), "/"); got != tt.want {
				t.Errorf("List(%q) = %q; want %q", tt.col, got, tt.want)
			}
		})
	}
	if got := rows[0].Get("missing"); got != "" {
		t.Errorf("Get(missing) = %q; want empty", got)
	}
	if got := rows[1].List("aliases"); got != nil {
		t.Errorf("List(empty) = %q; want nil", got)
	}
}

func TestRowFloatInt(t *testing.T) {
	tests := []struct {
		name    string
		in      string
		want    float64
		wantOK  bool
		wantErr string
	}{
		{"number", "36.5", 36.5, true, ""},
		{"negative", "-77.03", -77.03, true, ""},
		{"empty", "", 0, false, ""},
		{"not a number", "3,5", 0, false, `t.tsv:2: v: "3,5" is not a number`},
		{"NaN", "NaN", 0, false, `t.tsv:2: v: "NaN" is not a number`},
		{"infinity", "+Inf", 0, false, `t.tsv:2: v: "+Inf" is not a number`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var errs ErrorList
			rows := ReadTSV(strings.NewReader("k\tv\nx\t"+tt.in+"\n"), "t.tsv", nil, &errs)
			got, ok := rows[0].Float("v", &errs)
			if got != tt.want || ok != tt.wantOK {
				t.Errorf("Float(%q) = %v, %v; want %v, %v", tt.in, got, ok, tt.want, tt.wantOK)
			}
			if gotErr := strings.Join(errsText(errs), "\n"); gotErr != tt.wantErr {
				t.Errorf("Float(%q) error = %q; want %q", tt.in, gotErr, tt.wantErr)
			}
		})
	}
	var errs ErrorList
	rows := ReadTSV(strings.NewReader("a\tb\tc\n12\t\tx\n"), "t.tsv", nil, &errs)
	if got := rows[0].Int("a", &errs); got != 12 {
		t.Errorf("Int(12) = %d; want 12", got)
	}
	if got := rows[0].Int("b", &errs); got != 0 || len(errs) != 0 {
		t.Errorf("Int(empty) = %d, errors %q; want 0, none", got, errsText(errs))
	}
	if got := rows[0].Int("c", &errs); got != 0 || len(errs) != 1 || errs[0].Error() != `t.tsv:2: c: "x" is not an integer` {
		t.Errorf("Int(x) = %d, errors %q; want 0 and one error", got, errsText(errs))
	}
}

func TestErrorList(t *testing.T) {
	var l ErrorList
	if l.Err() != nil {
		t.Errorf("empty ErrorList.Err() = %v; want nil", l.Err())
	}
	for i := 1; i <= 12; i++ {
		l.Add("f.tsv", i, "bad %d", i)
	}
	err := l.Err()
	var got ErrorList
	if !errors.As(err, &got) || len(got) != 12 {
		t.Fatalf("Err() = %v; want the 12-error list", err)
	}
	lines := strings.Split(err.Error(), "\n")
	if len(lines) != 11 || lines[0] != "f.tsv:1: bad 1" || lines[9] != "f.tsv:10: bad 10" || lines[10] != "(and 2 more errors)" {
		t.Errorf("Error() = %q; want 10 messages and a count", lines)
	}
}

func TestWriteTSVRoundTrip(t *testing.T) {
	var b strings.Builder
	rows := [][]string{{"1", "قسد"}, {"2", ""}}
	if err := writeTSV(&b, []string{"id", "name"}, rows); err != nil {
		t.Fatal(err)
	}
	if want := "id\tname\n1\tقسد\n2\t\n"; b.String() != want {
		t.Errorf("writeTSV = %q; want %q", b.String(), want)
	}
	var errs ErrorList
	back := ReadTSV(strings.NewReader(b.String()), "t.tsv", []string{"id", "name"}, &errs)
	if got := rowsText(back); strings.Join(got, ",") != "2:1|قسد,3:2|" || len(errs) != 0 {
		t.Errorf("ReadTSV(writeTSV) = %q, %q; want the rows back", got, errsText(errs))
	}
}

// FuzzReadTSV checks that ReadTSV never panics, that every row it returns
// has as many cells as the header and that its cells obey the file rules.
func FuzzReadTSV(f *testing.F) {
	for _, s := range []string{
		"",
		"a\tb\n1\t2\n",
		"\ufeffid\tname\n# c\n\nx\tقسد\n",
		"a\tb\r\n1\r\n1\t2\t3\n",
		"a\n \n\t\n#\n\ufecb\n",
		"a\ta\n1\t2\n",
		"id\tname\tname_ar\tinter\tcountry\tkind\tparent\tfrom\tto\ttheatres\taliases\nsy.sdf\tSyrian Democratic Forces\tقوات سوريا الديمقراطية\t2\tSY\tarmed_group\t\t2015\t\tSY\tقسد|SDF\n",
		"\n\n\n",
		"\xff\xfe\t\x00\n\x80\n",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		var errs ErrorList
		rows := ReadTSV(strings.NewReader(in), "f.tsv", []string{"id"}, &errs)
		ncol := headerCells(in)
		if ncol < 0 && len(rows) > 0 {
			t.Fatalf("ReadTSV(%q) returned %d rows without a header", in, len(rows))
		}
		last := 0
		for _, r := range rows {
			if len(r.vals) != ncol {
				t.Fatalf("ReadTSV(%q): line %d has %d cells; header has %d", in, r.Line, len(r.vals), ncol)
			}
			if r.Line <= last || r.File != "f.tsv" {
				t.Fatalf("ReadTSV(%q): row at %s:%d after line %d", in, r.File, r.Line, last)
			}
			last = r.Line
			for _, c := range r.vals {
				if c != strings.TrimSpace(c) || hasPresentationForms(c) {
					t.Fatalf("ReadTSV(%q): line %d cell %q breaks the file rules", in, r.Line, c)
				}
			}
			_ = r.Get("id")
			_ = r.List("id")
		}
		for _, e := range errs {
			if !strings.HasPrefix(e.Error(), "f.tsv:") {
				t.Fatalf("ReadTSV(%q): error %q lacks its position", in, e)
			}
		}
	})
}

// headerCells finds the header line of a TSV text the way the format
// defines it and returns its cell count, -1 when there is none.
func headerCells(in string) int {
	for i, line := range strings.Split(in, "\n") {
		line = strings.TrimSuffix(line, "\r")
		if i == 0 {
			line = strings.TrimPrefix(line, "\ufeff")
		}
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		return strings.Count(line, "\t") + 1
	}
	return -1
}
