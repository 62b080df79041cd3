package repl

import (
	"reflect"
	"testing"
)

func TestCheck(t *testing.T) {
	tests := []struct {
		name, src string
		want      Status
	}{
		{"empty", "", Ready},
		{"expression", "1 + 2", Ready},
		{"call", `fmt.Println("x")`, Ready},
		{"open brace", "for i := 0; i < 3; i++ {", More},
		{"open paren", "fmt.Println(1,", More},
		{"open bracket", "xs := []int{1, 2}[", More},
		{"closed block", "for {\n\tbreak\n}", Ready},
		{"trailing plus", "x := 1 +", More},
		{"trailing and", "ok := a &&", More},
		{"trailing comma", "f(a,\n", More},
		{"trailing dot", "env.Model(\"res.partner\").", More},
		{"trailing assign", "x :=", More},
		{"increment", "x++", Ready},
		{"raw string", "s := `line one\n", More},
		{"raw string closed", "s := `line one\nline two`", Ready},
		{"interpreted string cut", "s := \"abc\n", Broken},
		{"brace in string", `s := "{"`, Ready},
		{"brace in comment", "x := 1 // {", Ready},
		{"block comment open", "x := 1 /* more", More},
		{"block comment closed", "x := 1 /* { */", Ready},
		{"else pending", "if x {\n} else", More},
		{"return", "return", Ready},
		{"func keyword", "f := func", More},
		{"close too many", "x)", Ready},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, why := Check(tt.src)
			if got != tt.want {
				t.Errorf("Check(%q) = %v (%s), want %v", tt.src, got, why, tt.want)
			}
			if Complete(tt.src) != (tt.want != More) {
				t.Errorf("Complete(%q) = %v, want %v", tt.src, !(tt.want != More), tt.want != More)
			}
		})
	}
}

func TestParseMeta(t *testing.T) {
	tests := []struct {
		name, line string
		wantName   string
		wantArgs   []string
		wantOK     bool
	}{
		{"not meta", "x := 1", "", nil, false},
		{"bare", ":help", "help", nil, true},
		{"lone colon", ":", "", nil, true},
		{"leading space", "  :q", "q", nil, true},
		{"args", ":fields res.partner name", "fields", []string{"res.partner", "name"}, true},
		{"double quotes", `:sql "select 1" x`, "sql", []string{"select 1", "x"}, true},
		{"single quotes", `:grep 'a "b"'`, "grep", []string{`a "b"`}, true},
		{"escape", `:echo a\ b "c\"d"`, "echo", []string{"a b", `c"d`}, true},
		{"empty quoted", `:set x ""`, "set", []string{"x", ""}, true},
		{"unterminated", `:echo "abc`, "echo", []string{"abc"}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			name, args, ok := ParseMeta(tt.line)
			if name != tt.wantName || !reflect.DeepEqual(args, tt.wantArgs) || ok != tt.wantOK {
				t.Errorf("ParseMeta(%q) = %q, %q, %v; want %q, %q, %v", tt.line, name, args, ok, tt.wantName, tt.wantArgs, tt.wantOK)
			}
		})
	}
}

func FuzzCheck(f *testing.F) {
	for _, s := range []string{"for {", "`a\n", `"a`, "/* x", "x +", ":q 'a"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		Check(s)
		ParseMeta(s)
	})
}
