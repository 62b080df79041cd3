package domain

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// String prints the condition as a one-leaf domain: [('name', '=', 'x')].
func (c Condition) String() string { return topString(c) }

// String prints the conjunction as juxtaposed terms: [A, B, C].
func (a And) String() string { return topString(a) }

// String prints the disjunction with prefix operators: ['|', A, B].
func (o Or) String() string { return topString(o) }

// String prints the negation with a prefix operator: ['!', A].
func (n Not) String() string { return topString(n) }

// String prints TRUE as [] and FALSE as [(0, '=', 1)].
func (b Bool) String() string { return topString(b) }

// topString prints d as a whole domain, the top-level AND juxtaposed.
func topString(d Domain) string {
	var terms []string
	appendTopTerms(&terms, d)
	return "[" + strings.Join(terms, ", ") + "]"
}

func appendTopTerms(terms *[]string, d Domain) {
	switch x := d.(type) {
	case And:
		for _, k := range x {
			appendTopTerms(terms, k)
		}
	case Bool:
		if !x {
			*terms = append(*terms, termString(x))
		}
	case nil:
	default:
		*terms = append(*terms, termString(d))
	}
}

// termString prints d as one term in prefix notation.
func termString(d Domain) string {
	var b strings.Builder
	writeTerm(&b, d)
	return b.String()
}

func writeTerm(b *strings.Builder, d Domain) {
	switch x := d.(type) {
	case nil:
		b.WriteString("(1, '=', 1)")
	case Bool:
		b.WriteString(map[Bool]string{true: "(1, '=', 1)", false: "(0, '=', 1)"}[x])
	case Not:
		b.WriteString("'!', ")
		writeTerm(b, x.Domain)
	case And:
		writeNary(b, "'&', ", x, TRUE)
	case Or:
		writeNary(b, "'|', ", x, FALSE)
	case Condition:
		fmt.Fprintf(b, "(%s, %s, %s)", quote(x.Path), quote(string(x.Operator)), repr(x.Value))
	}
}

// writeNary prints n children as n-1 prefix operators followed by the
// children; no children print as the unit.
func writeNary(b *strings.Builder, op string, kids []Domain, unit Bool) {
	if len(kids) == 0 {
		writeTerm(b, unit)
		return
	}
	b.WriteString(strings.Repeat(op, len(kids)-1))
	for i, k := range kids {
		if i > 0 {
			b.WriteString(", ")
		}
		writeTerm(b, k)
	}
}

// repr prints a value as a Python literal.
func repr(v any) string {
	switch x := v.(type) {
	case nil:
		return "None"
	case bool:
		return map[bool]string{true: "True", false: "False"}[x]
	case int64:
		return strconv.FormatInt(x, 10)
	case float64:
		return formatFloat(x)
	case string:
		return quote(x)
	case []any:
		return reprList(x)
	case Domain:
		return x.String()
	case time.Time:
		return quote(formatTime(x))
	}
	if n := normValue(v); fmt.Sprintf("%T", n) != fmt.Sprintf("%T", v) {
		return repr(n)
	}
	return quote(fmt.Sprint(v))
}

func reprList(list []any) string {
	parts := make([]string, len(list))
	for i, x := range list {
		parts[i] = repr(x)
	}
	return "[" + strings.Join(parts, ", ") + "]"
}

// formatTime prints a time as Odoo's naive UTC datetime string.
func formatTime(t time.Time) string {
	return t.UTC().Format(time.DateTime)
}

// formatFloat prints f as Python's repr does, so it reads back as a float.
func formatFloat(f float64) string {
	switch {
	case math.IsNaN(f):
		return "float('nan')"
	case math.IsInf(f, 1):
		return "float('inf')"
	case math.IsInf(f, -1):
		return "-float('inf')"
	}
	s := strconv.FormatFloat(f, 'g', -1, 64)
	if !strings.ContainsAny(s, ".e") {
		s += ".0"
	}
	return s
}

// quote prints s as Python's repr does: single quotes unless s holds a
// single quote and no double quote. Bytes that are not UTF-8 are copied as
// they are, so Parse reads back the same bytes.
func quote(s string) string {
	q := byte('\'')
	if strings.IndexByte(s, '\'') >= 0 && strings.IndexByte(s, '"') < 0 {
		q = '"'
	}
	var b strings.Builder
	b.WriteByte(q)
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			b.WriteByte(s[i])
		} else {
			writeRune(&b, r, q)
		}
		i += size
	}
	b.WriteByte(q)
	return b.String()
}

func writeRune(b *strings.Builder, r rune, q byte) {
	switch {
	case r == rune(q) || r == '\\':
		b.WriteByte('\\')
		b.WriteRune(r)
	case r == '\n':
		b.WriteString(`\n`)
	case r == '\r':
		b.WriteString(`\r`)
	case r == '\t':
		b.WriteString(`\t`)
	case unicode.IsPrint(r) || r == ' ':
		b.WriteRune(r)
	case r < 0x100:
		fmt.Fprintf(b, `\x%02x`, r)
	case r < 0x10000:
		fmt.Fprintf(b, `\u%04x`, r)
	default:
		fmt.Fprintf(b, `\U%08x`, r)
	}
}
