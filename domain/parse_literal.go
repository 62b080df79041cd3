package domain

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// number reads a Python int or float literal.
func (p *parser) number() (*node, error) {
	start := p.pos
	for !p.eof() {
		c := p.src[p.pos]
		signAfterExp := (c == '+' || c == '-') && p.pos > start &&
			(p.src[p.pos-1] == 'e' || p.src[p.pos-1] == 'E') && !isHexLiteral(p.src[start:p.pos])
		if !isDigit(c) && !isIdentStart(c) && c != '.' && !signAfterExp {
			break
		}
		p.pos++
	}
	v, err := parseNumber(p.src[start:p.pos])
	if err != nil {
		return nil, syntaxErrorf(start, "invalid number %q: %s", p.src[start:p.pos], err)
	}
	return &node{pos: start, val: v}, nil
}

func isHexLiteral(s string) bool {
	return len(s) > 1 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X')
}

// parseNumber converts a Python number literal to int64 or float64.
func parseNumber(lit string) (any, error) {
	s, err := stripUnderscores(lit)
	if err != nil {
		return nil, err
	}
	lower := strings.ToLower(s)
	isFloat := !strings.HasPrefix(lower, "0x") && strings.ContainsAny(lower, ".e")
	if isFloat {
		f, err := strconv.ParseFloat(s, 64)
		if err != nil {
			return nil, errShort(err)
		}
		return f, nil
	}
	if len(s) > 1 && s[0] == '0' && isDigit(s[1]) && strings.Trim(s, "0") != "" {
		return nil, errorString("leading zeros are not allowed")
	}
	i, err := strconv.ParseInt(s, 0, 64)
	if err != nil {
		return nil, errShort(err)
	}
	return i, nil
}

// stripUnderscores removes Python digit separators, which must sit between
// two digits (or after a base prefix).
func stripUnderscores(s string) (string, error) {
	if !strings.Contains(s, "_") {
		return s, nil
	}
	for i := 0; i < len(s); i++ {
		if s[i] != '_' {
			continue
		}
		if i == 0 || i == len(s)-1 || !isAlnum(s[i-1]) || !isAlnum(s[i+1]) {
			return "", errorString("misplaced '_'")
		}
	}
	return strings.ReplaceAll(s, "_", ""), nil
}

func isAlnum(c byte) bool { return isDigit(c) || isIdentStart(c) && c != '_' }

type errorString string

func (e errorString) Error() string { return string(e) }

// errShort strips strconv's "strconv.ParseInt: parsing …:" prefix.
func errShort(err error) error {
	if ne, ok := err.(*strconv.NumError); ok {
		if ne.Err == strconv.ErrRange {
			return errorString("out of range")
		}
		return errorString("bad syntax")
	}
	return err
}

// strings reads one string literal, or several adjacent ones (which Python
// concatenates). prefix is the r/u prefix already consumed, if any.
func (p *parser) strings(prefix string) (*node, error) {
	start := p.pos - len(prefix)
	var b strings.Builder
	for {
		raw := strings.EqualFold(prefix, "r")
		if err := p.stringBody(&b, raw); err != nil {
			return nil, err
		}
		save := p.pos
		p.skipSpace()
		if !p.nextIsString() {
			p.pos = save
			return &node{pos: start, val: b.String()}, nil
		}
		prefix = ""
		if isIdentStart(p.peek()) {
			prefix = p.ident()
		}
	}
}

// nextIsString reports whether a string literal (maybe prefixed) follows.
func (p *parser) nextIsString() bool {
	rest := p.src[p.pos:]
	if len(rest) >= 2 && isStringPrefix(rest[:1]) {
		rest = rest[1:]
	}
	return len(rest) > 0 && (rest[0] == '\'' || rest[0] == '"')
}

// stringBody reads a quoted literal at p.pos into b.
func (p *parser) stringBody(b *strings.Builder, raw bool) error {
	start := p.pos
	q := p.src[p.pos : p.pos+1]
	if strings.HasPrefix(p.src[p.pos:], q+q+q) {
		q = q + q + q
	}
	p.pos += len(q)
	for {
		if p.eof() || (len(q) == 1 && p.src[p.pos] == '\n') {
			return syntaxErrorf(start, "unterminated string")
		}
		if strings.HasPrefix(p.src[p.pos:], q) {
			p.pos += len(q)
			return nil
		}
		if p.src[p.pos] != '\\' {
			b.WriteByte(p.src[p.pos])
			p.pos++
			continue
		}
		if err := p.escape(b, raw); err != nil {
			return err
		}
	}
}

// escape reads the backslash sequence at p.pos into b.
func (p *parser) escape(b *strings.Builder, raw bool) error {
	start := p.pos
	p.pos++
	if p.eof() {
		return syntaxErrorf(start, "unterminated string")
	}
	c := p.src[p.pos]
	if raw {
		b.WriteByte('\\')
		b.WriteByte(c)
		p.pos++
		return nil
	}
	if s, ok := simpleEscapes[c]; ok {
		b.WriteString(s)
		p.pos++
		return nil
	}
	switch {
	case c >= '0' && c <= '7':
		p.octalEscape(b)
		return nil
	case c == 'x' || c == 'u' || c == 'U':
		return p.hexEscape(b, start)
	case c == 'N':
		return syntaxErrorf(start, "\\N{...} escapes are not supported")
	}
	b.WriteByte('\\') // Python keeps unknown escapes as they are
	return nil
}

var simpleEscapes = map[byte]string{
	'\n': "", '\\': "\\", '\'': "'", '"': "\"", 'a': "\a", 'b': "\b",
	'f': "\f", 'n': "\n", 'r': "\r", 't': "\t", 'v': "\v",
}

func (p *parser) octalEscape(b *strings.Builder) {
	v := 0
	for i := 0; i < 3 && !p.eof() && p.src[p.pos] >= '0' && p.src[p.pos] <= '7'; i++ {
		v = v*8 + int(p.src[p.pos]-'0')
		p.pos++
	}
	b.WriteRune(rune(v))
}

func (p *parser) hexEscape(b *strings.Builder, start int) error {
	width := map[byte]int{'x': 2, 'u': 4, 'U': 8}[p.src[p.pos]]
	p.pos++
	if p.pos+width > len(p.src) {
		return syntaxErrorf(start, "truncated escape")
	}
	v, err := strconv.ParseUint(p.src[p.pos:p.pos+width], 16, 32)
	if err != nil || strings.ContainsAny(p.src[p.pos:p.pos+width], "+-_") || v > utf8.MaxRune {
		return syntaxErrorf(start, "invalid escape %q", p.src[start:p.pos+width])
	}
	p.pos += width
	b.WriteRune(rune(v))
	return nil
}
