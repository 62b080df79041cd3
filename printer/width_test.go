package printer

import (
	"os"
	"testing"
)

func TestDisplayWidth(t *testing.T) {
	tests := []struct {
		name string
		s    string
		want int
	}{
		{"ascii", "hello", 5},
		{"empty", "", 0},
		{"cjk", "日本語", 6},
		{"emoji", "🚀", 2},
		{"accented", "Café", 4},
		{"combining mark", "e\u0301", 1},
		{"ellipsis", Ellipsis, 1},
		{"ansi ignored", "\x1b[1mbold\x1b[0m", 4},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := DisplayWidth(tt.s); got != tt.want {
				t.Errorf("DisplayWidth(%q) = %d, want %d", tt.s, got, tt.want)
			}
		})
	}
}

func TestTruncate(t *testing.T) {
	tests := []struct {
		name  string
		s     string
		width int
		want  string
	}{
		{"fits", "hello", 5, "hello"},
		{"cut", "hello world", 8, "hello w…"},
		{"one cell", "hello", 1, "…"},
		{"zero", "hello", 0, ""},
		{"negative", "hello", -3, ""},
		{"cjk even", "日本語テスト", 7, "日本語…"},
		{"cjk straddles", "日本語テスト", 6, "日本…"},
		{"emoji", "🚀🚀🚀", 4, "🚀…"},
		{"combining stays", "e\u0301e\u0301e\u0301", 2, "e\u0301…"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Truncate(tt.s, tt.width)
			if got != tt.want {
				t.Errorf("Truncate(%q, %d) = %q, want %q", tt.s, tt.width, got, tt.want)
			}
			if w := DisplayWidth(got); w > max(tt.width, 0) {
				t.Errorf("Truncate(%q, %d) is %d cells wide", tt.s, tt.width, w)
			}
		})
	}
}

func TestOneLine(t *testing.T) {
	tests := []struct {
		name, s, want string
	}{
		{"plain", "plain", "plain"},
		{"newline", "a\nb", `a\nb`},
		{"crlf", "a\r\nb", `a\r\nb`},
		{"tab", "a\tb", `a\tb`},
		{"nul", "a\x00b", `a\x00b`},
		{"del", "a\x7fb", `a\x7fb`},
		{"c1", "a\u0085b", `a\u0085b`},
		{"line separator", "a\u2028b", `a\u2028b`},
		{"bidi isolate", "a\u2066b", `a\u2066b`},
		{"zwj emoji kept", "👩\u200d💻", "👩\u200d💻"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := OneLine(tt.s); got != tt.want {
				t.Errorf("OneLine(%q) = %q, want %q", tt.s, got, tt.want)
			}
		})
	}
}

func TestTerminalWidthFallback(t *testing.T) {
	f, err := os.CreateTemp(t.TempDir(), "notatty")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	tests := []struct {
		name, columns string
		want          int
	}{
		{"columns", "132", 132},
		{"no columns", "", DefaultWidth},
		{"bad columns", "wide", DefaultWidth},
		{"zero columns", "0", DefaultWidth},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Setenv("COLUMNS", tt.columns)
			if got := TerminalWidth(f.Fd()); got != tt.want {
				t.Errorf("TerminalWidth(file) with COLUMNS=%q = %d, want %d", tt.columns, got, tt.want)
			}
		})
	}
}

func TestOptionsDefaults(t *testing.T) {
	tests := []struct {
		name           string
		o              Options
		width, maxRows int
	}{
		{"zero", Options{}, DefaultWidth, DefaultMaxRows},
		{"too narrow", Options{Width: 3}, MinWidth, DefaultMaxRows},
		{"negative width", Options{Width: -1}, MinWidth, DefaultMaxRows},
		{"given", Options{Width: 120, MaxRows: 7}, 120, 7},
		{"all rows", Options{MaxRows: -1}, DefaultWidth, -1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.o.width(); got != tt.width {
				t.Errorf("width() = %d, want %d", got, tt.width)
			}
			if got := tt.o.maxRows(); got != tt.maxRows {
				t.Errorf("maxRows() = %d, want %d", got, tt.maxRows)
			}
		})
	}
}
