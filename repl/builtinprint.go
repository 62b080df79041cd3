package repl

import (
	"go/ast"
	"io"
	"math"
	"reflect"
	"strconv"
	"strings"
	"unicode/utf8"
)

// The builtins print and println write to standard error, as Go's do, and
// format as Go's runtime does: print puts nothing between its operands,
// println a space; a float prints as strconv's shortest form, a pointer,
// map, channel or function as its address (0x0 for nil), a slice as
// [len/cap]address. yaegi wrote them to standard output with spaces
// between the operands of print too (print("x", 1, "\n") printed "x 1 \n").
// Calls of the builtins are rewritten to these hooks (callPass.builtinPrint).
const (
	printHook   = bindAlias + ".Print"
	printlnHook = bindAlias + ".Println"
)

func runtimePrint(w io.Writer, ln bool, args []any) {
	var b strings.Builder
	for i, a := range args {
		if ln && i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(runtimeFormat(a))
	}
	if ln {
		b.WriteByte('\n')
	}
	io.WriteString(w, b.String())
}

func runtimeFormat(a any) string {
	if a == nil {
		return "(0x0,0x0)" // a nil interface
	}
	v := reflect.ValueOf(a)
	if isYaegiInterface(v.Type()) {
		if w, ok := valueInside(v); ok && w.IsValid() {
			v = w
		}
	}
	switch v.Kind() {
	case reflect.Bool:
		return strconv.FormatBool(v.Bool())
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return strconv.FormatInt(v.Int(), 10)
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return strconv.FormatUint(v.Uint(), 10)
	case reflect.Float32:
		return formatRuntimeFloat(v.Float(), 32)
	case reflect.Float64:
		return formatRuntimeFloat(v.Float(), 64)
	case reflect.Complex64, reflect.Complex128:
		bits := 64
		if v.Kind() == reflect.Complex64 {
			bits = 32
		}
		c := v.Complex()
		im := formatRuntimeFloat(imag(c), bits)
		if !strings.HasPrefix(im, "-") && !strings.HasPrefix(im, "+") {
			im = "+" + im
		}
		return "(" + formatRuntimeFloat(real(c), bits) + im + "i)"
	case reflect.String:
		return v.String()
	case reflect.Pointer, reflect.Map, reflect.Chan, reflect.Func, reflect.UnsafePointer:
		return "0x" + strconv.FormatUint(uint64(v.Pointer()), 16)
	case reflect.Slice:
		return "[" + strconv.Itoa(v.Len()) + "/" + strconv.Itoa(v.Cap()) + "]0x" + strconv.FormatUint(uint64(v.Pointer()), 16)
	case reflect.Interface:
		if v.IsNil() {
			return "(0x0,0x0)"
		}
		return runtimeFormat(v.Elem().Interface())
	}
	return "(" + v.Type().String() + ")"
}

func formatRuntimeFloat(f float64, bits int) string {
	switch {
	case math.IsNaN(f):
		return "NaN"
	case math.IsInf(f, 1):
		return "+Inf"
	case math.IsInf(f, -1):
		return "-Inf"
	}
	return strconv.FormatFloat(f, 'g', -1, bits)
}

// builtinPrint rewrites a call of the builtin print or println to its
// hook; the arguments are rewritten as any call's.
func (c *callPass) builtinPrint(call *ast.CallExpr) {
	id, ok := ast.Unparen(call.Fun).(*ast.Ident)
	if !ok || id.Name != "print" && id.Name != "println" || c.env.isLocal(id.Name) || c.decls.Declares(id.Name) || c.interp() == nil {
		return
	}
	hook := printHook
	if id.Name == "println" {
		hook = printlnHook
	}
	call.Fun = &ast.Ident{NamePos: id.NamePos, Name: hook}
}

// decodeRune is utf8.DecodeRuneInString(s[i:]), for ranges over strings
// (callPass.rangeString).
func decodeRune(s string, i int) (rune, int) { return utf8.DecodeRuneInString(s[i:]) }
