package repl

import (
	"strings"
	"unicode"
)

// ParseMeta splits a meta-command line such as `:help model "res partner"`
// into its name ("help") and arguments. Arguments are separated by spaces;
// single quotes keep text as is, double quotes allow backslash escapes, and
// a backslash outside quotes escapes the next character. An unterminated
// quote runs to the end of the line. ok is false when line (ignoring leading
// space) does not start with ':'; name is empty for a lone ':'.
func ParseMeta(line string) (name string, args []string, ok bool) {
	line = strings.TrimLeftFunc(line, unicode.IsSpace)
	if !strings.HasPrefix(line, ":") {
		return "", nil, false
	}
	words := splitWords(line[1:])
	switch len(words) {
	case 0:
		return "", nil, true
	case 1:
		return words[0], nil, true
	}
	return words[0], words[1:], true
}

// splitWords splits s into shell-like words (see ParseMeta).
func splitWords(s string) []string {
	var words []string
	var cur strings.Builder
	inWord := false
	var quote rune
	rs := []rune(s)
	for i := 0; i < len(rs); i++ {
		r := rs[i]
		switch {
		case quote == '\'' && r == '\'', quote == '"' && r == '"':
			quote = 0
		case quote == '\'':
			cur.WriteRune(r)
		case r == '\\' && i+1 < len(rs) && quote != '\'':
			i++
			cur.WriteRune(rs[i])
			inWord = true
		case quote == '"':
			cur.WriteRune(r)
		case r == '\'' || r == '"':
			quote, inWord = r, true
		case unicode.IsSpace(r):
			if inWord {
				words = append(words, cur.String())
				cur.Reset()
				inWord = false
			}
		default:
			cur.WriteRune(r)
			inWord = true
		}
	}
	if inWord {
		words = append(words, cur.String())
	}
	return words
}
