package repl

import (
	"fmt"
	"reflect"
	"slices"
	"strings"
	"unicode/utf8"
)

// The verbs of a print format and the arguments they print, for the shims
// (printable.go): an argument printed by %T is given by its type's name
// when yaegi hides it, one printed by %p is left as it is (a copy would
// change the address), the others are converted.

// verbUse is one directive of a format: the argument it prints, its verb
// and where the verb is in the format.
type verbUse struct {
	arg  int
	verb rune
	pos  int
}

// formatVerbs parses format as fmt's Printf does (flags, [n] argument
// indexes, * widths and precisions, which take an argument too) and
// returns its directives that print an argument of the n given. ok is
// false for a format whose argument indexes fmt would reject: the caller
// then keeps to what holds for any format.
func formatVerbs(format string, n int) (uses []verbUse, ok bool) {
	arg := 0
	index := func(i int) (int, bool) {
		// an argument index [k] at format[i]; i is past it after
		if i >= len(format) || format[i] != '[' {
			return i, true
		}
		end := strings.IndexByte(format[i:], ']')
		if end < 2 {
			return i, false
		}
		k := 0
		for _, c := range format[i+1 : i+end] {
			if c < '0' || c > '9' {
				return i, false
			}
			k = k*10 + int(c-'0')
			if k > n {
				return i, false
			}
		}
		if k < 1 {
			return i, false
		}
		arg = k - 1
		return i + end + 1, true
	}
	for i := 0; i < len(format); {
		if format[i] != '%' {
			i++
			continue
		}
		i++
		for i < len(format) && strings.IndexByte("+-# 0", format[i]) >= 0 {
			i++
		}
		var good bool
		if i, good = index(i); !good {
			return nil, false
		}
		if i < len(format) && format[i] == '*' {
			if arg < n {
				uses = append(uses, verbUse{arg: arg, verb: '*', pos: i})
			}
			i++
			arg++
			if i, good = index(i); !good {
				return nil, false
			}
		} else {
			for i < len(format) && '0' <= format[i] && format[i] <= '9' {
				i++
			}
		}
		if i < len(format) && format[i] == '.' {
			i++
			if i, good = index(i); !good {
				return nil, false
			}
			if i < len(format) && format[i] == '*' {
				if arg < n {
					uses = append(uses, verbUse{arg: arg, verb: '*', pos: i})
				}
				i++
				arg++
			} else {
				for i < len(format) && '0' <= format[i] && format[i] <= '9' {
					i++
				}
			}
		}
		if i, good = index(i); !good {
			return nil, false
		}
		if i >= len(format) {
			break
		}
		verb, size := utf8.DecodeRuneInString(format[i:])
		if verb != '%' {
			if arg < n {
				uses = append(uses, verbUse{arg: arg, verb: verb, pos: i})
			}
			arg++
		}
		i += size
	}
	return uses, true
}

// argsf returns the format and the arguments of a formatting print
// function as fmt should see them: converted as args does, except that an
// argument printed by %p is passed as it is, and one printed by %T, which
// fmt would name by yaegi's or the shim's type, is given as the name of
// its declared type, printed by %s: in its place when %T is its only use,
// else added after the others, every directive then given its argument's
// index (not for a format without indexes that leaves arguments over,
// which fmt reports only when there are none). a is not modified.
func (p *fmtConv) argsf(format string, a []any) (string, []any) {
	if !hasVerb(format, "pT") {
		return format, p.convertArgs(a, true)
	}
	uses, ok := formatVerbs(format, len(a))
	if !ok {
		return format, p.convertArgs(a, false)
	}
	count := make([]int, len(a))
	raw := make([]bool, len(a))
	for _, u := range uses {
		count[u.arg]++
		raw[u.arg] = raw[u.arg] || u.verb == 'p' || u.verb == 'T'
	}
	out := make([]any, len(a))
	names := map[int]string{} // by directive
	shared := false
	for i, x := range a {
		if !raw[i] {
			out[i] = p.value(x)
			continue
		}
		out[i], _ = p.topValue(x, false, forFmt)
		for k, u := range uses {
			if u.arg != i || u.verb != 'T' {
				continue
			}
			names[k] = p.typeName(x)
			shared = shared || count[i] > 1
		}
	}
	if len(names) == 0 {
		return format, out
	}
	if !shared {
		b := []byte(format)
		for k, name := range names {
			b[uses[k].pos] = 's'
			out[uses[k].arg] = name
		}
		return string(b), out
	}
	if strings.IndexByte(format, '[') < 0 && !allConsumed(uses, len(a)) {
		return format, out
	}
	var b strings.Builder
	last := 0
	for k, u := range uses {
		start := u.pos
		if start > 0 && format[start-1] == ']' {
			start = strings.LastIndexByte(format[:start], '[') // its own index, replaced
		}
		b.WriteString(format[last:start])
		arg := u.arg
		if name, ok := names[k]; ok {
			out = append(out, name)
			arg = len(out) - 1
		}
		fmt.Fprintf(&b, "[%d]", arg+1)
		if _, ok := names[k]; ok {
			b.WriteByte('s')
			last = u.pos + 1
		} else {
			last = u.pos
		}
	}
	b.WriteString(format[last:])
	return b.String(), out
}

// allConsumed reports whether the directives print every one of the n
// arguments.
func allConsumed(uses []verbUse, n int) bool {
	seen := make([]bool, n)
	for _, u := range uses {
		seen[u.arg] = true
	}
	return !slices.Contains(seen, false)
}

// declaredTypeName returns the name Go's %T gives x when x is how yaegi
// passes a value of a type declared in the shell, in an interface (an
// interp.valueInterface), or an error keeping such a value (keepError).
func declaredTypeName(x any) (string, bool) {
	if n := heldName(x); n != "" {
		return n, true
	}
	v := reflect.ValueOf(x)
	if !v.IsValid() || !isYaegiInterface(v.Type()) {
		return "", false
	}
	return yaegiTypeName(v)
}
