package printer

import (
	"errors"
	"math"
	"testing"
	"time"
)

type stringer struct{}

func (stringer) String() string { return "line one\nline two" }

func TestFormatValue(t *testing.T) {
	paris := time.FixedZone("CET", 3600)
	tests := []struct {
		name string
		v    any
		hint Hint
		want string
	}{
		{"nil", nil, Hint{}, Null},
		{"true", true, Hint{}, "true"},
		{"false", false, Hint{}, "false"},
		{"int", 42, Hint{}, "42"},
		{"int64 negative", int64(-7), Hint{}, "-7"},
		{"int8", int8(3), Hint{}, "3"},
		{"uint16", uint16(65535), Hint{}, "65535"},
		{"int in float field", 12, Digits(2), "12.00"},
		{"float shortest", 12.5, Hint{}, "12.5"},
		{"float digits 2", 12.5, Digits(2), "12.50"},
		{"float digits 0", 12.5, Digits(0), "12"},
		{"float rounding", 2.675, Digits(2), "2.67"},
		{"float large as go", 1e21, Hint{}, "1e+21"},
		{"float 1e8 as go", 123456789.5, Hint{}, "1.234567895e+08"},
		{"float tiny as go", 1e-13, Hint{}, "1e-13"},
		{"float32", float32(0.25), Hint{}, "0.25"},
		{"float32 shortest", float32(0.1), Hint{}, "0.1"},
		{"float large with digits", 1e21, Digits(0), "1000000000000000000000"},
		{"NaN", math.NaN(), Digits(2), "NaN"},
		{"+Inf", math.Inf(1), Hint{}, "+Inf"},
		{"-Inf", math.Inf(-1), Digits(2), "-Inf"},
		{"date auto", time.Date(2026, 11, 22, 0, 0, 0, 0, time.UTC), Hint{}, "2026-11-22"},
		{"datetime auto", time.Date(2026, 11, 22, 14, 3, 5, 0, time.UTC), Hint{}, "2026-11-22 14:03:05"},
		{"midnight datetime", time.Date(2026, 11, 22, 0, 0, 0, 0, time.UTC), Hint{Kind: KindDatetime}, "2026-11-22 00:00:00"},
		{"date kind drops clock", time.Date(2026, 11, 22, 14, 3, 5, 0, time.UTC), Hint{Kind: KindDate}, "2026-11-22"},
		{"midnight elsewhere is a datetime", time.Date(2026, 11, 22, 0, 0, 0, 0, paris), Hint{}, "2026-11-22 00:00:00"},
		{"zero time", time.Time{}, Hint{}, Null},
		{"string", "Azure Interior", Hint{}, "Azure Interior"},
		{"empty string", "", Hint{}, ""},
		{"newline and tab", "a\nb\tc\r", Hint{}, `a\nb\tc\r`},
		{"escape sequence", "\x1b[31mred", Hint{}, `\x1b[31mred`},
		{"bidi override", "abc\u202edef", Hint{}, `abc\u202edef`},
		{"wide kept", "日本 🚀", Hint{}, "日本 🚀"},
		{"bytes", []byte("hello"), Hint{}, "<5 bytes>"},
		{"ids", []int64{1, 2, 3}, Hint{}, "[1, 2, 3]"},
		{"many ids", []int{1, 2, 3, 4, 5}, Hint{}, "[1, 2, 3, … 5 in all]"},
		{"no ids", []int64{}, Hint{}, "[]"},
		{"stringer", stringer{}, Hint{}, `line one\nline two`},
		{"error", errors.New("boom\n"), Hint{}, `boom\n`},
		{"other", struct{ A int }{1}, Hint{}, "{1}"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := FormatValue(tt.v, tt.hint); got != tt.want {
				t.Errorf("FormatValue(%#v, %+v) = %q, want %q", tt.v, tt.hint, got, tt.want)
			}
		})
	}
}

func TestFormatX2many(t *testing.T) {
	tests := []struct {
		name string
		ids  []int64
		want string
	}{
		{"empty", nil, "demo.order.line()"},
		{"one", []int64{7}, "demo.order.line(7)"},
		{"three", []int64{1, 2, 3}, "demo.order.line(1, 2, 3)"},
		{"many", []int64{1, 2, 3, 4}, "demo.order.line(4 records)"},
		{"thousands", make([]int64, 12345), "demo.order.line(12,345 records)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := FormatX2many("demo.order.line", tt.ids); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestKindString(t *testing.T) {
	for k, want := range map[Kind]string{KindAuto: "auto", KindFloat: "float", KindDate: "date", KindDatetime: "datetime", Kind(9): "Kind(9)"} {
		if got := k.String(); got != want {
			t.Errorf("Kind(%d).String() = %q, want %q", int(k), got, want)
		}
	}
}
