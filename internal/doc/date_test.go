package doc

import (
	"testing"
	"time"
)

func TestParseDate(t *testing.T) {
	tests := []struct {
		name    string
		in      string
		want    Date
		wantErr bool
	}{
		{"full date", "2018-09-10", Date{2018, 9, 10}, false},
		{"leap day", "2020-02-29", Date{2020, 2, 29}, false},
		{"year and month", "2019-03", Date{2019, 3, 0}, false},
		{"year", "2014", Date{2014, 0, 0}, false},
		{"no leap day", "2019-02-29", Date{}, true},
		{"day out of range", "2018-04-31", Date{}, true},
		{"month out of range", "2018-13", Date{}, true},
		{"year zero", "0000", Date{}, true},
		{"year zero with month", "0000-01-01", Date{}, true},
		{"unpadded month", "2018-9-10", Date{}, true},
		{"day first", "10-09-2018", Date{}, true},
		{"slashes", "2018/09/10", Date{}, true},
		{"arabic digits", "٢٠١٨", Date{}, true},
		{"two-digit year", "18", Date{}, true},
		{"empty", "", Date{}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ParseDate(tt.in)
			if (err != nil) != tt.wantErr || got != tt.want {
				t.Errorf("ParseDate(%q) = %v, %v; want %v, error %v", tt.in, got, err, tt.want, tt.wantErr)
			}
		})
	}
}

func TestDateString(t *testing.T) {
	tests := []struct {
		name string
		d    Date
		want string
	}{
		{"full", Date{2018, 9, 10}, "2018-09-10"},
		{"month", Date{2019, 3, 0}, "2019-03"},
		{"year", Date{2014, 0, 0}, "2014"},
		{"early year padded", Date{632, 6, 8}, "0632-06-08"},
		{"zero", Date{}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.d.String(); got != tt.want {
				t.Errorf("%#v.String() = %q; want %q", tt.d, got, tt.want)
			}
			if tt.want == "" {
				return
			}
			if back, err := ParseDate(tt.want); err != nil || back != tt.d {
				t.Errorf("ParseDate(%q) = %v, %v; want %v", tt.want, back, err, tt.d)
			}
		})
	}
}

func TestDateValid(t *testing.T) {
	tests := []struct {
		name string
		d    Date
		want bool
	}{
		{"full", Date{2018, 9, 10}, true},
		{"leap day", Date{2024, 2, 29}, true},
		{"no leap day", Date{2023, 2, 29}, false},
		{"century not leap", Date{1900, 2, 29}, false},
		{"31 april", Date{2018, 4, 31}, false},
		{"month only", Date{2018, 4, 0}, true},
		{"year only", Date{2018, 0, 0}, true},
		{"day without month", Date{2018, 0, 5}, false},
		{"month 13", Date{2018, 13, 1}, false},
		{"negative day", Date{2018, 1, -1}, false},
		{"year zero", Date{0, 1, 1}, false},
		{"year 10000", Date{10000, 1, 1}, false},
		{"zero", Date{}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.d.Valid(); got != tt.want {
				t.Errorf("%#v.Valid() = %v; want %v", tt.d, got, tt.want)
			}
		})
	}
}

func TestDateParts(t *testing.T) {
	tests := []struct {
		name         string
		d            Date
		isZero, full bool
	}{
		{"zero", Date{}, true, false},
		{"year", Date{2018, 0, 0}, false, false},
		{"month", Date{2018, 5, 0}, false, false},
		{"full", Date{2018, 5, 1}, false, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.d.IsZero(); got != tt.isZero {
				t.Errorf("%#v.IsZero() = %v; want %v", tt.d, got, tt.isZero)
			}
			if got := tt.d.Full(); got != tt.full {
				t.Errorf("%#v.Full() = %v; want %v", tt.d, got, tt.full)
			}
		})
	}
}

func TestDateArithmetic(t *testing.T) {
	tests := []struct {
		name string
		d    Date
		n    int
		want Date
	}{
		{"next day", Date{2018, 9, 10}, 1, Date{2018, 9, 11}},
		{"yesterday across a month", Date{2018, 10, 1}, -1, Date{2018, 9, 30}},
		{"across a leap day", Date{2020, 2, 28}, 2, Date{2020, 3, 1}},
		{"across a year", Date{2018, 12, 31}, 1, Date{2019, 1, 1}},
		{"a week back", Date{2019, 1, 3}, -7, Date{2018, 12, 27}},
		{"zero days", Date{2018, 9, 10}, 0, Date{2018, 9, 10}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.d.AddDays(tt.n); got != tt.want {
				t.Errorf("%v.AddDays(%d) = %v; want %v", tt.d, tt.n, got, tt.want)
			}
		})
	}
	if got := (Date{2018, 9, 13}).Weekday(); got != time.Thursday {
		t.Errorf("2018-09-13 Weekday() = %v; want Thursday", got)
	}
}

func TestDateBefore(t *testing.T) {
	tests := []struct {
		name string
		d, e Date
		want bool
	}{
		{"earlier day", Date{2018, 9, 9}, Date{2018, 9, 10}, true},
		{"same day", Date{2018, 9, 10}, Date{2018, 9, 10}, false},
		{"later day", Date{2018, 9, 11}, Date{2018, 9, 10}, false},
		{"month before its first day", Date{2018, 9, 0}, Date{2018, 9, 1}, false},
		{"month before a later day", Date{2018, 9, 0}, Date{2018, 9, 2}, true},
		{"year before a later month", Date{2018, 0, 0}, Date{2018, 2, 0}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.d.Before(tt.e); got != tt.want {
				t.Errorf("%v.Before(%v) = %v; want %v", tt.d, tt.e, got, tt.want)
			}
		})
	}
}

func TestDateOf(t *testing.T) {
	beirut := time.FixedZone("EET", 3*3600)
	utc := time.Date(2018, 9, 10, 22, 30, 0, 0, time.UTC)
	if got, want := DateOf(utc), (Date{2018, 9, 10}); got != want {
		t.Errorf("DateOf(%v) = %v; want %v", utc, got, want)
	}
	if got, want := DateOf(utc.In(beirut)), (Date{2018, 9, 11}); got != want {
		t.Errorf("DateOf(%v) = %v; want %v (the date where the time is)", utc.In(beirut), got, want)
	}
	if got, want := (Date{2018, 9, 0}).Time(), time.Date(2018, 9, 1, 0, 0, 0, 0, time.UTC); !got.Equal(want) {
		t.Errorf("Date{2018, 9, 0}.Time() = %v; want %v", got, want)
	}
	if got, want := (Date{2018, 0, 0}).Time(), time.Date(2018, 1, 1, 0, 0, 0, 0, time.UTC); !got.Equal(want) {
		t.Errorf("Date{2018, 0, 0}.Time() = %v; want %v", got, want)
	}
}

func TestPrecisionACLED(t *testing.T) {
	tests := []struct {
		p    Precision
		want int
	}{
		{NoPrecision, 0}, {Day, 1}, {Week, 2}, {Month, 3}, {Year, 3},
	}
	for _, tt := range tests {
		if got := tt.p.ACLED(); got != tt.want {
			t.Errorf("Precision(%d).ACLED() = %d; want %d", tt.p, got, tt.want)
		}
	}
}
