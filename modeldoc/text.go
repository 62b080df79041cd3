package modeldoc

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"odsh/orm"
	"odsh/printer"
)

// DefaultWidth is the width used when the one given is 0 or less.
const DefaultWidth = 80

// minWidth is the narrowest layout: below it lines are simply cut.
const minWidth = 24

// Text writes the reference of the named model for a terminal width cells
// wide: its description and attributes, which addon defines it and which
// extend it (with the fields each adds or changes), then every field with
// its type, label, addon, attributes, relation, dependencies and
// selection values. Long lines wrap under their field.
func Text(w io.Writer, reg *orm.Registry, model string, width int) error {
	m, err := lookup(reg, model)
	if err != nil {
		return err
	}
	tw := &textWriter{w: bufio.NewWriter(w), width: max(width, minWidth)}
	if width <= 0 {
		tw.width = DefaultWidth
	}
	tw.model(collect(m))
	return tw.w.Flush()
}

type textWriter struct {
	w     *bufio.Writer
	width int
}

// line writes s cut to the width.
func (t *textWriter) line(s string) {
	t.w.WriteString(strings.TrimRight(printer.Truncate(s, t.width), " "))
	t.w.WriteByte('\n')
}

// wrapped writes "key: value" (or value alone when key is empty) indented
// by indent cells, continuing on lines indented by two more.
func (t *textWriter) wrapped(indent int, key, value string) {
	text := printer.OneLine(value)
	if key != "" {
		text = key + ": " + text
	}
	for i, l := range wrap(text, t.width-indent, 2) {
		if i > 0 {
			l = "  " + l
		}
		t.line(strings.Repeat(" ", indent) + l)
	}
}

func (t *textWriter) model(mf *modelFacts) {
	t.line(mf.name + " — " + printer.OneLine(mf.description))
	for _, f := range mf.summary {
		t.wrapped(2, f.key, f.value)
	}
	if len(mf.layers) > 0 {
		t.line("")
		t.line("Addons")
		for _, l := range mf.layers {
			t.wrapped(2, "", layerText(l))
		}
	}
	t.line("")
	t.line(fmt.Sprintf("Fields (%d)", len(mf.fields)))
	t.fields(mf.fields)
	for _, d := range mf.delegated {
		t.line("")
		t.wrapped(0, "Fields of "+d.key+" (_inherits)", d.value)
	}
}

// layerText is one line of the Addons section.
func layerText(l layerFacts) string {
	s := l.addon
	if s == "" {
		s = "(no addon)"
	}
	s += " " + l.verb + " it"
	if len(l.parents) > 0 {
		s += ", copying " + strings.Join(l.parents, ", ")
	}
	if len(l.adds) > 0 {
		s += "; adds " + strings.Join(l.adds, ", ")
	}
	if len(l.redefines) > 0 {
		s += "; changes " + strings.Join(l.redefines, ", ")
	}
	return s
}

// fields writes one heading line per field (name, type, label, addon in
// columns as far as the width allows) and its details below.
func (t *textWriter) fields(fields []fieldFacts) {
	var c columns
	for _, f := range fields {
		c.name = max(c.name, printer.DisplayWidth(f.name))
		c.typ = max(c.typ, len(f.typ))
		c.label = max(c.label, printer.DisplayWidth(printer.OneLine(f.label)))
	}
	c.name = min(c.name, max(t.width/3, 12))
	for _, f := range fields {
		t.line(t.heading(f, c))
		if len(f.attrs) > 0 {
			t.wrapped(4, "", strings.Join(f.attrs, " · "))
		}
		for _, d := range f.details {
			t.wrapped(4, d.key, d.value)
		}
	}
}

// columns are the widths of the field headings' columns.
type columns struct{ name, typ, label int }

// heading is "  name  type  label  [addon]", the label cut to make room.
func (t *textWriter) heading(f fieldFacts, c columns) string {
	head := "  " + pad(printer.Truncate(f.name, c.name), c.name) + "  " + pad(f.typ, c.typ) + "  "
	tail := ""
	if f.addon != "" {
		tail = "  [" + f.addon + "]"
	}
	room := min(t.width-printer.DisplayWidth(head)-printer.DisplayWidth(tail), c.label)
	if room < 8 {
		return head + printer.OneLine(f.label) + tail // cut by line
	}
	label := printer.Truncate(printer.OneLine(f.label), room)
	return head + pad(label, room) + tail
}

func pad(s string, w int) string {
	if n := w - printer.DisplayWidth(s); n > 0 {
		return s + strings.Repeat(" ", n)
	}
	return s
}

// wrap splits text into lines of at most width cells at spaces; lines
// after the first are hang cells narrower (they are indented by the
// caller). A word longer than a line is cut by the caller.
func wrap(text string, width, hang int) []string {
	var lines []string
	var cur strings.Builder
	curW, limit := 0, width
	for _, word := range strings.Fields(text) {
		ww := printer.DisplayWidth(word)
		if curW > 0 && curW+1+ww > limit {
			lines = append(lines, cur.String())
			cur.Reset()
			curW, limit = 0, width-hang
		}
		if curW > 0 {
			cur.WriteByte(' ')
			curW++
		}
		cur.WriteString(word)
		curW += ww
	}
	if curW > 0 || len(lines) == 0 {
		lines = append(lines, cur.String())
	}
	return lines
}

// FieldText writes the reference of one field for a terminal width cells
// wide: `model.field: type "Label"  [addon]`, then its attributes,
// relation, dependencies, selection values and help, one a line.
func FieldText(w io.Writer, f *orm.Field, width int) error {
	if width <= 0 {
		width = DefaultWidth
	}
	tw := &textWriter{w: bufio.NewWriter(w), width: max(width, minWidth)}
	ff := fieldOf(f)
	head := fmt.Sprintf("%s: %s %q", f, ff.typ, printer.OneLine(ff.label))
	if ff.addon != "" {
		head += "  [" + ff.addon + "]"
	}
	tw.wrapped(0, "", head)
	if len(ff.attrs) > 0 {
		tw.wrapped(2, "", strings.Join(ff.attrs, " · "))
	}
	for _, d := range ff.details {
		tw.wrapped(2, d.key, d.value)
	}
	return tw.w.Flush()
}
