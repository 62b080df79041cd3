package domain

import (
	"errors"
	"unicode"
)

// matchLike reports whether text matches an SQL LIKE pattern: % matches any
// sequence, _ one character, a backslash makes the next character literal.
// With insensitive, both sides are lower-cased first (ILIKE).
func matchLike(text, pattern string, insensitive bool) (bool, error) {
	toks, err := likeTokens(pattern, insensitive)
	if err != nil {
		return false, err
	}
	runes := []rune(text)
	if insensitive {
		for i, r := range runes {
			runes[i] = unicode.ToLower(r)
		}
	}
	return matchTokens(runes, toks), nil
}

// likeToken is one element of a LIKE pattern: a literal rune, or a
// wildcard (any: %, one: _).
type likeToken struct {
	r        rune
	any, one bool
}

func likeTokens(pattern string, insensitive bool) ([]likeToken, error) {
	var toks []likeToken
	escaped := false
	for _, r := range pattern {
		switch {
		case escaped:
			escaped = false
		case r == '\\':
			escaped = true
			continue
		case r == '%':
			toks = append(toks, likeToken{any: true})
			continue
		case r == '_':
			toks = append(toks, likeToken{one: true})
			continue
		}
		if insensitive {
			r = unicode.ToLower(r)
		}
		toks = append(toks, likeToken{r: r})
	}
	if escaped {
		return nil, errors.New("domain: LIKE pattern must not end with escape character")
	}
	return toks, nil
}

// matchTokens is the classic wildcard match with backtracking to the last %.
func matchTokens(text []rune, toks []likeToken) bool {
	ti, pi := 0, 0
	star, starText := -1, 0
	for ti < len(text) {
		switch {
		case pi < len(toks) && toks[pi].any:
			star, starText = pi, ti
			pi++
		case pi < len(toks) && (toks[pi].one || toks[pi].r == text[ti]):
			ti++
			pi++
		case star >= 0:
			starText++
			ti, pi = starText, star+1
		default:
			return false
		}
	}
	for pi < len(toks) && toks[pi].any {
		pi++
	}
	return pi == len(toks)
}
